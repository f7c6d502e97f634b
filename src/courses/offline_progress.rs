//! Progress played without a connection, sent when the phone is back online.
//!
//! The online rule judges a heartbeat against the wall-clock time since the previous one
//! (`intervals::check_plausible_seconds`, at most 120 s of it). Reports queued offline
//! arrive together, long after they were played, so that rule would throw honest viewing
//! away. Instead, each queued report carries the wall-clock stretch it was played in
//! (`from`..`until`, the phone's clock), and the batch carries when it was sent
//! (`sent_at`, the same clock). The server moves every stretch onto its own clock by
//! `now - sent_at`, so a phone whose clock is wrong by hours still fits, and then applies
//! the online rule to each report with its own stretch as the elapsed time. Stretches
//! must lie between the first opening of the lesson and now, follow each other without
//! overlapping, and start after the last stretch accepted before (`offline_until`), so
//! the same minutes cannot be claimed twice: what a forged batch can claim is still
//! bounded by the real time since the lesson was first opened.
//!
//! Each report is accepted or refused on its own: one broken report does not cost the
//! learner the others.

use chrono::{DateTime, TimeDelta, Utc};
use entities::{learning_event, lesson_progress};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::{Deserialize, Serialize};

use super::progress::{self, LessonFacts, Recorded, Report};
use super::CourseError;

/// Reports one batch may carry; the player sends a longer queue in several batches.
pub const MAX_OFFLINE_REPORTS: usize = 100;
/// How far a stretch may reach past the server's bounds: the clock shift is measured
/// over one request, and network time is not exact.
pub const CLOCK_TOLERANCE_SECONDS: i64 = 5;
/// Stretches of one batch come from one clock; they may touch, rounding aside.
const ORDER_TOLERANCE_MS: i64 = 500;

/// One queued heartbeat: what was played, and when (milliseconds since 1970, phone clock).
#[derive(Clone, Debug, Deserialize)]
pub struct OfflineReport {
    #[serde(flatten)]
    pub report: Report,
    pub from: i64,
    pub until: i64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct OfflineBatch {
    /// When the phone sent the batch, on the clock of `from` and `until`.
    pub sent_at: i64,
    pub reports: Vec<OfflineReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Accepted,
    Refused { reason: String },
}

/// The batch merged: the row as it is now, each report's outcome, the timeline events
/// (with the time each was played) and the answer for the player.
pub struct OfflineMerged {
    pub row: lesson_progress::Model,
    pub outcomes: Vec<Outcome>,
    pub events: Vec<(&'static str, serde_json::Value, DateTime<Utc>)>,
    pub recorded: Recorded,
}

/// A phone-clock instant moved onto the server's clock.
fn server_time(phone_ms: i64, shift_ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(phone_ms.checked_add(shift_ms)?)
}

/// Merges a batch of offline reports into the learner's row (see the module comment).
/// `opened_at` is when the learner first opened the lesson.
pub fn merge_offline(
    row: &lesson_progress::Model,
    lesson: &LessonFacts,
    batch: &OfflineBatch,
    opened_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<OfflineMerged, CourseError> {
    if batch.reports.len() > MAX_OFFLINE_REPORTS {
        return Err(CourseError::BadReport(format!(
            "a batch may hold at most {MAX_OFFLINE_REPORTS} reports, this one holds {}",
            batch.reports.len()
        )));
    }
    let shift_ms = now
        .timestamp_millis()
        .checked_sub(batch.sent_at)
        .ok_or_else(|| CourseError::BadReport("sent_at is out of range".into()))?;
    let tolerance = TimeDelta::seconds(CLOCK_TOLERANCE_SECONDS);
    let original_clock = row.last_report_at;
    let mut current = row.clone();
    // Where the next stretch may start: after the first opening and anything taken before.
    let mut earliest = row.offline_until.map_or(opened_at, |until| until.max(opened_at)) - tolerance;
    let mut outcomes = Vec::with_capacity(batch.reports.len());
    let mut events = Vec::new();
    let mut recorded = None;
    for queued in &batch.reports {
        let stretch = server_time(queued.from, shift_ms).zip(server_time(queued.until, shift_ms));
        let verdict = match stretch {
            None => Err("the time it was played is out of range".to_owned()),
            Some((from, until)) if until < from => Err("it ends before it starts".to_owned()),
            Some((from, _)) if from < earliest => {
                Err("it was played before the lesson was opened or overlaps time already counted".to_owned())
            }
            Some((_, until)) if until > now + tolerance => Err("it was played in the future".to_owned()),
            Some((from, until)) => {
                // The online rule, with the report's own stretch as the time that passed.
                let clocked = lesson_progress::Model {
                    last_report_at: from,
                    ..current.clone()
                };
                progress::merge(&clocked, lesson, &queued.report, until)
                    .map(|merged| (merged, until))
                    .map_err(|e| e.to_string())
            }
        };
        match verdict {
            Ok((merged, until)) => {
                for (kind, mut detail) in merged.events {
                    detail["offline"] = serde_json::Value::Bool(true);
                    events.push((kind, detail, until));
                }
                current = merged.row;
                current.offline_until = Some(until);
                earliest = until - TimeDelta::milliseconds(ORDER_TOLERANCE_MS);
                recorded = Some(merged.recorded);
                outcomes.push(Outcome::Accepted);
            }
            Err(reason) => outcomes.push(Outcome::Refused { reason }),
        }
    }
    // The online clock never goes back; after stretches up to now it starts from there,
    // so an online report cannot claim the same minutes again.
    current.last_report_at = original_clock.max(current.offline_until.unwrap_or(original_clock));
    if recorded.is_some() {
        current.updated_at = now;
    }
    let recorded = recorded.unwrap_or(Recorded {
        coverage: row.coverage,
        video_complete: row.video_complete,
        lesson_complete: row.completed_at.is_some(),
    });
    Ok(OfflineMerged {
        row: current,
        outcomes,
        events,
        recorded,
    })
}

/// When the learner first opened the lesson, from their timeline.
async fn first_opened(
    db: &impl sea_orm::ConnectionTrait,
    learner_id: i64,
    lesson_id: i64,
) -> Result<Option<DateTime<Utc>>, sea_orm::DbErr> {
    Ok(learning_event::Entity::find()
        .filter(learning_event::Column::LearnerId.eq(learner_id))
        .filter(learning_event::Column::LessonId.eq(lesson_id))
        .filter(learning_event::Column::Kind.eq("opened"))
        .order_by_asc(learning_event::Column::At)
        .one(db)
        .await?
        .map(|e| e.at))
}

/// Merges and stores a batch in one transaction. A lesson the learner never opened
/// (not theirs, or locked) is [`CourseError::NotOpened`].
pub async fn record_offline(
    db: &DatabaseConnection,
    learner_id: i64,
    lesson_id: i64,
    batch: &OfflineBatch,
    now: DateTime<Utc>,
) -> Result<(Recorded, Vec<Outcome>), CourseError> {
    let lesson = progress::lesson_facts(db, lesson_id)
        .await?
        .ok_or(CourseError::NotOpened)?;
    let txn = crate::db::begin_write(db).await?;
    let row = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LearnerId.eq(learner_id))
        .filter(lesson_progress::Column::LessonId.eq(lesson_id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(CourseError::NotOpened)?;
    // Without a recorded opening nothing can have been played since: all is refused.
    let opened_at = first_opened(&txn, learner_id, lesson_id).await?.unwrap_or(now);
    let merged = merge_offline(&row, &lesson, batch, opened_at, now)?;
    if merged.row != row {
        merged
            .row
            .clone()
            .into_active_model()
            .reset_all()
            .update(&txn)
            .await?;
    }
    if !merged.events.is_empty() {
        learning_event::Entity::insert_many(
            merged
                .events
                .into_iter()
                .map(|(kind, detail, at)| progress::event(learner_id, lesson_id, kind, at, detail)),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok((merged.recorded, merged.outcomes))
}

#[cfg(test)]
#[path = "offline_progress_tests.rs"]
mod tests;
