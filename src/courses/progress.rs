//! Recording what a learner really watched, and their check answers, per lesson.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entities::{check_attempt, choice, learning_event, lesson, lesson_progress, question, video};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use super::checks::{self, Question, QuestionKind, Score};
use super::completion;
use super::intervals::{check_plausible_seconds, Interval, WatchedSet};
use super::CourseError;

/// One heartbeat of the player: the intervals played since the last one, where playback
/// is and at what speed.
#[derive(Clone, Debug, Deserialize)]
pub struct Report {
    #[serde(default)]
    pub intervals: Vec<Interval>,
    pub position: f64,
    #[serde(default = "normal_rate")]
    pub rate: f64,
}

fn normal_rate() -> f64 {
    1.0
}

/// What the player learns back: how far the learner is.
#[derive(Clone, Debug, Serialize)]
pub struct Recorded {
    pub coverage: f64,
    pub video_complete: bool,
    pub lesson_complete: bool,
}

/// The learner's row for the lesson, if they ever opened it.
pub async fn find(
    db: &impl ConnectionTrait,
    learner_id: i64,
    lesson_id: i64,
) -> Result<Option<lesson_progress::Model>, DbErr> {
    lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LearnerId.eq(learner_id))
        .filter(lesson_progress::Column::LessonId.eq(lesson_id))
        .one(db)
        .await
}

/// All rows of a learner for the given lessons, by lesson id.
pub async fn for_lessons(
    db: &impl ConnectionTrait,
    learner_id: i64,
    lesson_ids: Vec<i64>,
) -> Result<HashMap<i64, lesson_progress::Model>, DbErr> {
    Ok(lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LearnerId.eq(learner_id))
        .filter(lesson_progress::Column::LessonId.is_in(lesson_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.lesson_id, p))
        .collect())
}

/// Opening a lesson for the first time starts the clock that reports are judged against.
pub async fn opened(
    db: &DatabaseConnection,
    learner_id: i64,
    lesson_id: i64,
    now: DateTime<Utc>,
) -> Result<lesson_progress::Model, DbErr> {
    let fresh = lesson_progress::ActiveModel {
        learner_id: Set(learner_id),
        lesson_id: Set(lesson_id),
        watched: Set("[]".into()),
        watched_seconds: Set(0.0),
        coverage: Set(0.0),
        position: Set(0.0),
        rate: Set(1.0),
        video_complete: Set(false),
        checks_passed: Set(None),
        completed_at: Set(None),
        last_report_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let txn = db.begin().await?;
    // The first statement writes, so SQLite takes the write lock up front instead of
    // failing to upgrade a read snapshot under concurrent writers.
    // An existing row keeps its clock: reopening the page (or a second tab) must not
    // make the next heartbeat look too fast.
    lesson_progress::Entity::insert(fresh)
        .on_conflict_do_nothing_on([
            lesson_progress::Column::LearnerId,
            lesson_progress::Column::LessonId,
        ])
        .exec_without_returning(&txn)
        .await?;
    log_event(&txn, learner_id, lesson_id, "opened", now, serde_json::json!({})).await?;
    let row = find(&txn, learner_id, lesson_id)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("lesson_progress".into()))?;
    txn.commit().await?;
    Ok(row)
}

/// Appends to the learner's timeline, which the reports and the xAPI export read.
async fn log_event(
    db: &impl ConnectionTrait,
    learner_id: i64,
    lesson_id: i64,
    kind: &str,
    at: DateTime<Utc>,
    detail: serde_json::Value,
) -> Result<(), DbErr> {
    event(learner_id, lesson_id, kind, at, detail).insert(db).await?;
    Ok(())
}

/// Separate watched stretches one lesson may have.
const MAX_WATCHED_STRETCHES: usize = 1000;

/// What merging a report needs to know about its lesson.
#[derive(Clone, Debug)]
pub struct LessonFacts {
    pub lesson_id: i64,
    pub threshold: Option<f64>,
    /// `None` while the video has no known duration (still processing).
    pub duration: Option<f64>,
    pub has_questions: bool,
}

pub async fn lesson_facts(db: &impl ConnectionTrait, lesson_id: i64) -> Result<Option<LessonFacts>, DbErr> {
    let Some((lesson, video)) = lesson::Entity::find_by_id(lesson_id)
        .find_also_related(video::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(LessonFacts {
        lesson_id,
        threshold: lesson.threshold,
        duration: video.and_then(|v| v.duration_seconds).filter(|d| *d > 0.0),
        has_questions: question_count(db, lesson_id).await? > 0,
    }))
}

/// A report merged into a progress row: the row as it is now, the answer for the player
/// and the timeline events to append.
pub struct Merged {
    pub row: lesson_progress::Model,
    pub recorded: Recorded,
    pub events: Vec<(&'static str, serde_json::Value)>,
}

/// Merges a report into the learner's row for the lesson. The report is refused whole —
/// nothing changes — when it is malformed or claims more new watching than the time since
/// the last report allows; a report sent twice adds nothing the second time.
pub fn merge(
    row: &lesson_progress::Model,
    lesson: &LessonFacts,
    report: &Report,
    now: DateTime<Utc>,
) -> Result<Merged, CourseError> {
    if !report.position.is_finite() || report.position < 0.0 {
        return Err(CourseError::BadReport(
            "position is not a finite, positive number".into(),
        ));
    }
    let duration = lesson.duration.ok_or(CourseError::NotReady)?;
    let mut watched: WatchedSet = serde_json::from_str(&row.watched).unwrap_or_default();
    let new_seconds = watched
        .merge_report(&report.intervals, duration)
        .map_err(|e| CourseError::BadReport(e.to_string()))?;
    // Honest viewing leaves a few stretches; hundreds mean a report built to bloat the row.
    if watched.intervals().len() > MAX_WATCHED_STRETCHES {
        return Err(CourseError::BadReport(
            "too many separate watched stretches".into(),
        ));
    }
    let elapsed = (now - row.last_report_at).num_milliseconds() as f64 / 1000.0;
    // Judge what is new, not what was sent: a repeated report must stay harmless.
    check_plausible_seconds(new_seconds, elapsed, report.rate)
        .map_err(|e| CourseError::BadReport(e.to_string()))?;

    let coverage = watched.coverage(duration);
    let video_complete =
        row.video_complete || completion::video_complete(coverage, duration, lesson.threshold);
    let lesson_complete = video_complete && (!lesson.has_questions || row.checks_passed == Some(true));
    let mut events = Vec::new();
    if new_seconds > 0.0 {
        let detail = serde_json::json!({
            "intervals": report.intervals,
            "position": report.position,
            "rate": report.rate,
        });
        events.push(("played", detail));
    }
    if video_complete && !row.video_complete {
        let detail = serde_json::json!({
            "coverage": coverage,
            "threshold": completion::effective_threshold(duration, lesson.threshold),
            "segments": watched.intervals(),
        });
        events.push(("completed", detail));
    }
    let merged = lesson_progress::Model {
        watched: serde_json::to_string(&watched).unwrap_or_else(|_| "[]".into()),
        watched_seconds: watched.total_seconds(),
        coverage,
        position: report.position.min(duration),
        rate: report.rate,
        video_complete,
        completed_at: row.completed_at.or(lesson_complete.then_some(now)),
        last_report_at: now,
        updated_at: now,
        ..row.clone()
    };
    Ok(Merged {
        row: merged,
        recorded: Recorded {
            coverage,
            video_complete,
            lesson_complete,
        },
        events,
    })
}

/// A timeline entry, ready to insert.
pub fn event(
    learner_id: i64,
    lesson_id: i64,
    kind: &str,
    at: DateTime<Utc>,
    detail: serde_json::Value,
) -> learning_event::ActiveModel {
    learning_event::ActiveModel {
        learner_id: Set(learner_id),
        lesson_id: Set(lesson_id),
        kind: Set(kind.to_owned()),
        at: Set(at),
        detail: Set(detail.to_string()),
        ..Default::default()
    }
}

/// Of the given lessons, those that have check questions.
pub async fn lessons_with_questions(
    db: &impl ConnectionTrait,
    lesson_ids: Vec<i64>,
) -> Result<HashSet<i64>, DbErr> {
    Ok(question::Entity::find()
        .filter(question::Column::LessonId.is_in(lesson_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|q| q.lesson_id)
        .collect())
}

async fn question_count(db: &impl ConnectionTrait, lesson_id: i64) -> Result<u64, DbErr> {
    question::Entity::find()
        .filter(question::Column::LessonId.eq(lesson_id))
        .count(db)
        .await
}

/// A lesson's questions with their choices, in order.
pub async fn questions(
    db: &impl ConnectionTrait,
    lesson_id: i64,
) -> Result<Vec<(question::Model, Vec<choice::Model>)>, DbErr> {
    let questions = question::Entity::find()
        .filter(question::Column::LessonId.eq(lesson_id))
        .order_by_asc(question::Column::Position)
        .order_by_asc(question::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = questions.iter().map(|q| q.id).collect();
    let choices = choice::Entity::find()
        .filter(choice::Column::QuestionId.is_in(ids))
        .order_by_asc(choice::Column::Position)
        .order_by_asc(choice::Column::Id)
        .all(db)
        .await?;
    Ok(questions
        .into_iter()
        .map(|q| {
            let own = choices
                .iter()
                .filter(|c| c.question_id == q.id)
                .cloned()
                .collect();
            (q, own)
        })
        .collect())
}

/// The outcome of one attempt at the checks.
#[derive(Clone, Debug, Serialize)]
pub struct Attempt {
    pub score: Score,
    pub passed: bool,
    pub lesson_complete: bool,
}

/// Scores the answers, records the attempt and updates the lesson's state. Answers that do
/// not fit the questions are refused and nothing is stored.
pub async fn answer(
    db: &DatabaseConnection,
    learner_id: i64,
    lesson: &lesson::Model,
    answers: &HashMap<i64, Vec<i64>>,
    now: DateTime<Utc>,
) -> Result<Attempt, CourseError> {
    let rules: Vec<Question> = questions(db, lesson.id)
        .await?
        .into_iter()
        .map(|(q, choices)| Question {
            id: q.id,
            kind: if q.multiple {
                QuestionKind::Multiple
            } else {
                QuestionKind::Single
            },
            correct: choices.iter().filter(|c| c.correct).map(|c| c.id).collect(),
            choices: choices.iter().map(|c| c.id).collect(),
        })
        .collect();
    if rules.is_empty() {
        return Err(CourseError::Invalid("check-error-none"));
    }
    let score = checks::score(&rules, answers).map_err(|e| CourseError::BadAnswers(e.to_string()))?;
    let required = lesson.pass_required.and_then(|n| u32::try_from(n).ok());
    let passed = checks::passed(score, required);
    let txn = db.begin().await?;
    // Writing first takes SQLite's write lock before the row is read (see `opened`).
    check_attempt::ActiveModel {
        learner_id: Set(learner_id),
        lesson_id: Set(lesson.id),
        answers: Set(serde_json::to_string(answers).unwrap_or_default()),
        correct: Set(score.correct as i32),
        total: Set(score.total as i32),
        passed: Set(passed),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let row = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LearnerId.eq(learner_id))
        .filter(lesson_progress::Column::LessonId.eq(lesson.id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(CourseError::NotOpened)?;
    // Once passed, a later failed try does not take the lesson away again.
    let checks_passed = row.checks_passed == Some(true) || passed;
    let lesson_complete = row.video_complete && checks_passed;
    let mut active = row.clone().into_active_model();
    active.checks_passed = Set(Some(checks_passed));
    if lesson_complete && row.completed_at.is_none() {
        active.completed_at = Set(Some(now));
    }
    active.updated_at = Set(now);
    active.update(&txn).await?;
    let detail = serde_json::json!({ "correct": score.correct, "total": score.total, "passed": passed });
    log_event(&txn, learner_id, lesson.id, "answered", now, detail).await?;
    txn.commit().await?;
    Ok(Attempt {
        score,
        passed,
        lesson_complete,
    })
}

/// The learner's latest try at the lesson's checks.
pub async fn latest_attempt(
    db: &impl ConnectionTrait,
    learner_id: i64,
    lesson_id: i64,
) -> Result<Option<check_attempt::Model>, DbErr> {
    check_attempt::Entity::find()
        .filter(check_attempt::Column::LearnerId.eq(learner_id))
        .filter(check_attempt::Column::LessonId.eq(lesson_id))
        .order_by_desc(check_attempt::Column::Id)
        .one(db)
        .await
}
