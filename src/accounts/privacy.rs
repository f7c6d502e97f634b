//! Privacy (DSGVO): everything stored about a learner as one JSON document (Art. 15 and
//! 20), deleting a learner completely (Art. 17), and deleting learners who stopped using
//! Lernwerk (storage limitation, Art. 5 (1) e). Knows nothing of HTTP.
//!
//! Deletion relies on the `ON DELETE CASCADE` foreign keys of every table that refers to
//! `users` (sessions, access codes, group memberships, progress, check attempts, learning
//! events, room viewings). The append-only audit log keeps its rows: they hold numbers,
//! never a nickname, and after the deletion nothing links the number to a person.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};
use entities::{
    access_code, audit_log, check_attempt, choice, course, group, group_member, learner_setting,
    learning_event, lesson, lesson_progress, module, question, room_viewing, session, user,
};
use sea_orm::sea_query::{IntoTableRef, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, TransactionSession,
    TransactionTrait,
};
use serde_json::{json, Value};

use super::audit::{self, Action};
use super::Role;
use crate::courses::scope::ViewerScope;

/// Names the shape of the export, so that a reader can tell versions apart.
pub const EXPORT_FORMAT: &str = "lernwerk-learner-data/1";

/// How often the server looks for inactive learners.
pub const PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// The first look after a start; not at once, so that a restart loop does not hammer
/// the database and a freshly started test server stays quiet.
pub const FIRST_PURGE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

async fn find_learner(db: &impl ConnectionTrait, learner_id: i64) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(learner_id)
        .filter(user::Column::Role.eq(Role::Learner.as_str()))
        .one(db)
        .await
}

/// A JSON column as JSON; text that does not parse stays text.
fn json_text(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

/// What an attempt's `answers` column holds: {question id: [chosen choice ids]}.
type Answers = HashMap<i64, Vec<i64>>;

/// The texts of the questions and choices a learner answered, so that the export says
/// "Wie viel sind 10 % von 50 €? – 10 €" rather than "1: [2]".
struct AnswerTexts {
    questions: HashMap<i64, String>,
    choices: HashMap<i64, String>,
}

impl AnswerTexts {
    async fn load(
        db: &impl ConnectionTrait,
        attempts: &[check_attempt::Model],
    ) -> Result<AnswerTexts, DbErr> {
        let mut question_ids = BTreeSet::new();
        let mut choice_ids = BTreeSet::new();
        for answers in attempts
            .iter()
            .filter_map(|a| serde_json::from_str::<Answers>(&a.answers).ok())
        {
            for (question_id, chosen) in answers {
                question_ids.insert(question_id);
                choice_ids.extend(chosen);
            }
        }
        let questions = question::Entity::find()
            .filter(question::Column::Id.is_in(question_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|q| (q.id, q.prompt))
            .collect();
        let choices = choice::Entity::find()
            .filter(choice::Column::Id.is_in(choice_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.text))
            .collect();
        Ok(AnswerTexts { questions, choices })
    }

    /// One entry per question, with the texts where the question still exists.
    fn describe(&self, raw: &str) -> Value {
        let Ok(answers) = serde_json::from_str::<Answers>(raw) else {
            return json_text(raw);
        };
        let mut questions: Vec<(i64, Vec<i64>)> = answers.into_iter().collect();
        questions.sort_unstable_by_key(|(id, _)| *id);
        Value::Array(
            questions
                .into_iter()
                .map(|(question_id, chosen)| {
                    json!({
                        "question": { "id": question_id, "prompt": self.questions.get(&question_id) },
                        "chosen": chosen.iter().map(|id| json!({
                            "id": id,
                            "text": self.choices.get(id),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        )
    }
}

/// Titles of lessons, their modules and courses, to make the export readable.
struct Titles {
    lessons: HashMap<i64, lesson::Model>,
    modules: HashMap<i64, module::Model>,
    courses: HashMap<i64, course::Model>,
}

impl Titles {
    async fn load(db: &impl ConnectionTrait, lesson_ids: BTreeSet<i64>) -> Result<Titles, DbErr> {
        let lessons: HashMap<i64, lesson::Model> = lesson::Entity::find()
            .filter(lesson::Column::Id.is_in(lesson_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|l| (l.id, l))
            .collect();
        let module_ids: BTreeSet<i64> = lessons.values().map(|l| l.module_id).collect();
        let modules: HashMap<i64, module::Model> = module::Entity::find()
            .filter(module::Column::Id.is_in(module_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let course_ids: BTreeSet<i64> = modules.values().map(|m| m.course_id).collect();
        let courses = course::Entity::find()
            .filter(course::Column::Id.is_in(course_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        Ok(Titles {
            lessons,
            modules,
            courses,
        })
    }

    fn lesson(&self, lesson_id: i64) -> Value {
        let lesson = self.lessons.get(&lesson_id);
        let module = lesson.and_then(|l| self.modules.get(&l.module_id));
        let course = module.and_then(|m| self.courses.get(&m.course_id));
        json!({
            "id": lesson_id,
            "title": lesson.map(|l| l.title.as_str()),
            "module": module.map(|m| m.title.as_str()),
            "course": course.map(|c| json!({ "id": c.id, "title": c.title })),
        })
    }
}

/// Everything stored about a learner, as one JSON document; `None` when there is no
/// learner with this id. Secrets stay out: no password, session or code hashes, no CSRF
/// tokens, no group join codes; sessions and access codes appear only as dates.
///
/// `scope`: what the asking trainer may see (`None`: the learner themself, or an admin).
/// A learner of theirs who joined another trainer's group keeps that group and its
/// lessons out of their trainer's copy, as in the reports.
pub async fn export_learner(
    db: &impl ConnectionTrait,
    learner_id: i64,
    scope: Option<&ViewerScope>,
) -> Result<Option<Value>, DbErr> {
    let Some(learner) = find_learner(db, learner_id).await? else {
        return Ok(None);
    };
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(learner_id))
        .order_by_asc(session::Column::Id)
        .all(db)
        .await?;
    let codes = access_code::Entity::find()
        .filter(access_code::Column::UserId.eq(learner_id))
        .order_by_asc(access_code::Column::Id)
        .all(db)
        .await?;
    let mut memberships = group_member::Entity::find()
        .filter(group_member::Column::LearnerId.eq(learner_id))
        .order_by_asc(group_member::Column::JoinedAt)
        .all(db)
        .await?;
    let mut progress = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LearnerId.eq(learner_id))
        .order_by_asc(lesson_progress::Column::Id)
        .all(db)
        .await?;
    let mut attempts = check_attempt::Entity::find()
        .filter(check_attempt::Column::LearnerId.eq(learner_id))
        .order_by_asc(check_attempt::Column::Id)
        .all(db)
        .await?;
    let mut events = learning_event::Entity::find()
        .filter(learning_event::Column::LearnerId.eq(learner_id))
        .order_by_asc(learning_event::Column::Id)
        .all(db)
        .await?;
    let mut viewings = room_viewing::Entity::find()
        .filter(room_viewing::Column::LearnerId.eq(learner_id))
        .order_by_asc(room_viewing::Column::Id)
        .all(db)
        .await?;
    let audit_entries = audit_log::Entity::find()
        .filter(
            Condition::any()
                .add(audit_log::Column::ActorId.eq(learner_id))
                .add(audit_log::Column::SubjectId.eq(learner_id)),
        )
        .order_by_asc(audit_log::Column::Id)
        .all(db)
        .await?;

    let sees_group = |id: i64| scope.is_none_or(|s| s.groups.contains(&id));
    let sees_lesson = |id: i64| scope.is_none_or(|s| s.lessons.contains(&id));
    memberships.retain(|m| sees_group(m.group_id));
    progress.retain(|p| sees_lesson(p.lesson_id));
    attempts.retain(|a| sees_lesson(a.lesson_id));
    events.retain(|e| sees_lesson(e.lesson_id));
    viewings.retain(|v| sees_group(v.group_id) && sees_lesson(v.lesson_id));

    let group_ids: BTreeSet<i64> = memberships
        .iter()
        .map(|m| m.group_id)
        .chain(viewings.iter().map(|v| v.group_id))
        .collect();
    let group_names: HashMap<i64, String> = group::Entity::find()
        .filter(group::Column::Id.is_in(group_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let lesson_ids: BTreeSet<i64> = progress
        .iter()
        .map(|p| p.lesson_id)
        .chain(attempts.iter().map(|a| a.lesson_id))
        .chain(events.iter().map(|e| e.lesson_id))
        .chain(viewings.iter().map(|v| v.lesson_id))
        .collect();
    let settings = learner_setting::Entity::find_by_id(learner_id).one(db).await?;
    let titles = Titles::load(db, lesson_ids).await?;
    let answer_texts = AnswerTexts::load(db, &attempts).await?;

    Ok(Some(json!({
        "format": EXPORT_FORMAT,
        "exported_at": Utc::now(),
        "account": {
            "id": learner.id,
            "role": learner.role,
            "nickname": learner.nickname,
            "locale": learner.locale,
            "disabled": learner.disabled,
            "created_at": learner.created_at,
            "last_seen_at": learner.last_seen_at,
            "trainer_id": learner.created_by,
        },
        "settings": settings.map(|s| json!({ "data_saver": s.data_saver, "updated_at": s.updated_at })),
        "sessions": {
            "count": sessions.len(),
            "list": sessions.iter().map(|s| json!({
                "created_at": s.created_at,
                "expires_at": s.expires_at,
                "revoked_at": s.revoked_at,
            })).collect::<Vec<_>>(),
        },
        "access_codes": {
            "count": codes.len(),
            "list": codes.iter().map(|c| json!({
                "created_at": c.created_at,
                "expires_at": c.expires_at,
                "used_at": c.used_at,
            })).collect::<Vec<_>>(),
        },
        "groups": memberships.iter().map(|m| json!({
            "id": m.group_id,
            "name": group_names.get(&m.group_id),
            "joined_at": m.joined_at,
        })).collect::<Vec<_>>(),
        "progress": progress.iter().map(|p| json!({
            "lesson": titles.lesson(p.lesson_id),
            "coverage": p.coverage,
            "watched_intervals": json_text(&p.watched),
            "watched_seconds": p.watched_seconds,
            "position": p.position,
            "rate": p.rate,
            "video_complete": p.video_complete,
            "checks_passed": p.checks_passed,
            "completed_at": p.completed_at,
            "last_report_at": p.last_report_at,
            "updated_at": p.updated_at,
        })).collect::<Vec<_>>(),
        "check_attempts": attempts.iter().map(|a| json!({
            "lesson": titles.lesson(a.lesson_id),
            "answers": answer_texts.describe(&a.answers),
            "correct": a.correct,
            "total": a.total,
            "passed": a.passed,
            "at": a.created_at,
        })).collect::<Vec<_>>(),
        "learning_events": events.iter().map(|e| json!({
            "lesson": titles.lesson(e.lesson_id),
            "kind": e.kind,
            "at": e.at,
            "detail": json_text(&e.detail),
        })).collect::<Vec<_>>(),
        "room_viewings": viewings.iter().map(|v| json!({
            "lesson": titles.lesson(v.lesson_id),
            "group": { "id": v.group_id, "name": group_names.get(&v.group_id) },
            "trainer_id": v.trainer_id,
            "at": v.at,
        })).collect::<Vec<_>>(),
        "audit_log": audit_entries.iter().map(|e| json!({
            "at": e.at,
            "action": e.action,
            "by_self": e.actor_id == Some(learner_id),
            "detail": e.detail,
        })).collect::<Vec<_>>(),
    })))
}

/// Deletes the learner and, through the cascading foreign keys, every row about them, in
/// one transaction (a savepoint when `db` is a transaction already). `false` when there
/// is no learner with this id; staff accounts are never deleted here.
pub async fn delete_learner<C>(db: &C, learner_id: i64) -> Result<bool, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = db.begin().await?;
    let deleted = user::Entity::delete_many()
        .filter(user::Column::Id.eq(learner_id))
        .filter(user::Column::Role.eq(Role::Learner.as_str()))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(deleted.rows_affected == 1)
}

/// Learner ids with a row in `table` whose `at_column` is not older than `since`.
fn active_since<C: ColumnTrait>(
    table: impl IntoTableRef,
    user_column: C,
    at_column: C,
    since: DateTime<Utc>,
) -> SelectStatement {
    Query::select()
        .column(user_column)
        .from(table)
        .and_where(at_column.gte(since))
        .to_owned()
}

/// Deletes every learner whose last activity is older than `older_than`; returns how many.
///
/// Last activity is `last_seen_at`, or `created_at` for a learner never seen — and any
/// newer dated row about them counts too: a login (session), an access code a trainer
/// issued, joining a group, progress, a check attempt, a learning event, a room viewing.
/// So a learner who still learns, or whose trainer just gave them a new code, stays.
pub async fn delete_inactive_learners(
    db: &impl ConnectionTrait,
    older_than: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let cutoff = older_than;
    let last_seen_before = Condition::any()
        .add(
            Condition::all()
                .add(user::Column::LastSeenAt.is_not_null())
                .add(user::Column::LastSeenAt.lt(cutoff)),
        )
        .add(
            Condition::all()
                .add(user::Column::LastSeenAt.is_null())
                .add(user::Column::CreatedAt.lt(cutoff)),
        );
    let recent = [
        active_since(
            session::Entity,
            session::Column::UserId,
            session::Column::CreatedAt,
            cutoff,
        ),
        active_since(
            access_code::Entity,
            access_code::Column::UserId,
            access_code::Column::CreatedAt,
            cutoff,
        ),
        active_since(
            group_member::Entity,
            group_member::Column::LearnerId,
            group_member::Column::JoinedAt,
            cutoff,
        ),
        active_since(
            lesson_progress::Entity,
            lesson_progress::Column::LearnerId,
            lesson_progress::Column::UpdatedAt,
            cutoff,
        ),
        active_since(
            check_attempt::Entity,
            check_attempt::Column::LearnerId,
            check_attempt::Column::CreatedAt,
            cutoff,
        ),
        active_since(
            learning_event::Entity,
            learning_event::Column::LearnerId,
            learning_event::Column::At,
            cutoff,
        ),
        active_since(
            room_viewing::Entity,
            room_viewing::Column::LearnerId,
            room_viewing::Column::At,
            cutoff,
        ),
    ];
    let mut query = user::Entity::delete_many()
        .filter(user::Column::Role.eq(Role::Learner.as_str()))
        .filter(last_seen_before);
    for subquery in recent {
        query = query.filter(user::Column::Id.not_in_subquery(subquery));
    }
    Ok(query.exec(db).await?.rows_affected)
}

/// The retention rule applied once: deletes learners inactive for more than
/// `retention_days` before `now` and, when there were any, records how many in the audit
/// log (the count only). `retention_days` of 0 or less switches the rule off.
pub async fn purge_inactive<C>(db: &C, retention_days: i64, now: DateTime<Utc>) -> Result<u64, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    if retention_days <= 0 {
        return Ok(0);
    }
    // A retention longer than chrono can count reaches back before anyone was created.
    let Some(cutoff) = Duration::try_days(retention_days).and_then(|d| now.checked_sub_signed(d)) else {
        return Ok(0);
    };
    let txn = db.begin().await?;
    let count = delete_inactive_learners(&txn, cutoff).await?;
    if count > 0 {
        audit::record(&txn, None, Action::LearnersPurged, None, &count.to_string()).await?;
    }
    txn.commit().await?;
    Ok(count)
}

/// The server's retention task: applies the rule every [`PURGE_EVERY`]. A database error
/// is logged and the next round tries again; it never ends the server.
pub async fn purge_periodically(db: sea_orm::DatabaseConnection, retention_days: i64) {
    if retention_days <= 0 {
        tracing::info!("learner retention is off (learner_retention_days = {retention_days})");
        return;
    }
    let start = tokio::time::Instant::now() + FIRST_PURGE_AFTER;
    let mut ticks = tokio::time::interval_at(start, PURGE_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match purge_inactive(&db, retention_days, Utc::now()).await {
            Ok(0) => tracing::debug!(retention_days, "no inactive learners to delete"),
            Ok(count) => tracing::info!(count, retention_days, "deleted inactive learners"),
            Err(error) => tracing::error!(%error, "deleting inactive learners failed; trying again later"),
        }
    }
}
