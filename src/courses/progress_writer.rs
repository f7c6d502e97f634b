//! Group commit for progress reports. Every watching learner sends a heartbeat every
//! ~10 s; one writer task takes the reports waiting in a queue and merges a whole batch in
//! one transaction, so a busy server commits once per batch instead of once per report,
//! and heartbeats never fight each other for SQLite's write lock. Each report still gets its own
//! answer, sent only after the batch is committed: an answered report is a stored report.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use entities::{learning_event, lesson_progress};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect,
};
use tokio::sync::{mpsc, oneshot};

use super::progress::{self, LessonFacts, Recorded, Report};
use super::CourseError;

/// Reports merged in one transaction at most.
const MAX_BATCH: usize = 512;
/// Reports waiting at most; beyond that the sender waits, which slows clients down
/// instead of growing memory.
const QUEUE_DEPTH: usize = 8192;
/// How long a lesson's threshold, duration and question count are reused.
const FACTS_TTL: Duration = Duration::from_secs(5);

struct Job {
    learner_id: i64,
    lesson_id: i64,
    report: Report,
    now: DateTime<Utc>,
    reply: oneshot::Sender<Result<Recorded, CourseError>>,
}

#[derive(Clone)]
pub struct ProgressWriter {
    queue: mpsc::Sender<Job>,
}

impl ProgressWriter {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(db: DatabaseConnection) -> ProgressWriter {
        let (queue, jobs) = mpsc::channel(QUEUE_DEPTH);
        tokio::spawn(run(db, jobs));
        ProgressWriter { queue }
    }

    /// Merges one report; answers once it is committed (or refused).
    pub async fn record(
        &self,
        learner_id: i64,
        lesson_id: i64,
        report: Report,
        now: DateTime<Utc>,
    ) -> Result<Recorded, CourseError> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            learner_id,
            lesson_id,
            report,
            now,
            reply,
        };
        self.queue
            .send(job)
            .await
            .map_err(|_| CourseError::Db(DbErr::Custom("progress writer stopped".into())))?;
        answer
            .await
            .map_err(|_| CourseError::Db(DbErr::Custom("progress writer dropped a report".into())))?
    }
}

async fn run(db: DatabaseConnection, mut jobs: mpsc::Receiver<Job>) {
    let mut facts: HashMap<i64, (Option<LessonFacts>, Instant)> = HashMap::new();
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        facts.retain(|_, (_, at)| at.elapsed() < FACTS_TTL);
        let outcome = write_batch(&db, &mut facts, &batch).await;
        match outcome {
            Ok(results) => {
                for (job, result) in batch.drain(..).zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, reports = batch.len(), "progress batch failed");
                for job in batch.drain(..) {
                    let _ = job.reply.send(Err(CourseError::Db(DbErr::Custom(e.to_string()))));
                }
            }
        }
    }
}

/// One transaction for the whole batch, in a handful of statements whatever its size: the
/// rows are read together, merged in memory, written back with one upsert, and the
/// timeline events inserted with one insert. A refused report changes nothing and does
/// not stop the others; a database error fails the whole batch (nothing committed).
async fn write_batch(
    db: &DatabaseConnection,
    facts: &mut HashMap<i64, (Option<LessonFacts>, Instant)>,
    batch: &[Job],
) -> Result<Vec<Result<Recorded, CourseError>>, DbErr> {
    for job in batch {
        if let Entry::Vacant(slot) = facts.entry(job.lesson_id) {
            slot.insert((progress::lesson_facts(db, job.lesson_id).await?, Instant::now()));
        }
    }
    let txn = crate::db::begin_write(db).await?;
    // Exactly the rows of the batch, in id order (two servers on PostgreSQL then lock in
    // the same order); locked on PostgreSQL so an answer cannot slip in between.
    let pairs = batch.iter().fold(Condition::any(), |any, job| {
        any.add(
            Condition::all()
                .add(lesson_progress::Column::LearnerId.eq(job.learner_id))
                .add(lesson_progress::Column::LessonId.eq(job.lesson_id)),
        )
    });
    let mut rows: HashMap<(i64, i64), lesson_progress::Model> = lesson_progress::Entity::find()
        .filter(pairs)
        .order_by_asc(lesson_progress::Column::Id)
        .lock_exclusive()
        .all(&txn)
        .await?
        .into_iter()
        .map(|row| ((row.learner_id, row.lesson_id), row))
        .collect();

    let mut changed = HashMap::new();
    let mut events = Vec::new();
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let key = (job.learner_id, job.lesson_id);
        let lesson = facts.get(&job.lesson_id).and_then(|(f, _)| f.as_ref());
        let result = match (lesson, rows.get(&key)) {
            (Some(lesson), Some(row)) => progress::merge(row, lesson, &job.report, job.now).map(|merged| {
                for (kind, detail) in merged.events {
                    events.push(progress::event(
                        job.learner_id,
                        job.lesson_id,
                        kind,
                        job.now,
                        detail,
                    ));
                }
                changed.insert(merged.row.id, merged.row.clone());
                rows.insert(key, merged.row);
                merged.recorded
            }),
            // Not opened: not the learner's lesson, or still locked for them.
            _ => Err(CourseError::NotOpened),
        };
        results.push(result);
    }

    if !changed.is_empty() {
        use lesson_progress::Column as C;
        let upsert = OnConflict::column(C::Id)
            .update_columns([
                C::Watched,
                C::WatchedSeconds,
                C::Coverage,
                C::Position,
                C::Rate,
                C::VideoComplete,
                C::CompletedAt,
                C::LastReportAt,
                C::UpdatedAt,
            ])
            .to_owned();
        lesson_progress::Entity::insert_many(
            changed
                .into_values()
                .map(|row| row.into_active_model().reset_all()),
        )
        .on_conflict(upsert)
        .exec_without_returning(&txn)
        .await?;
    }
    if !events.is_empty() {
        learning_event::Entity::insert_many(events)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(results)
}
