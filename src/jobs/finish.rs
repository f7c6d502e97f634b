//! How a held job ends: completed, failed (retried with backoff or for good), cancelled,
//! or handed back on shutdown. Every write carries the fencing token, so a worker that
//! lost its lease changes nothing; each one updates the video in the same transaction.

use chrono::{DateTime, Utc};
use entities::job;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, TransactionSession, TransactionTrait};

use super::queue::{ended, held, QueueError};
use super::settings::JobSettings;
use super::sql::{begin_write, later, update_jobs_returning};
use super::states::{error_key, job as state, video as status};
use super::video_sync::{self, VideoChange};

/// Longest `error_detail` stored; the full text is in the log.
const MAX_DETAIL_CHARS: usize = 4000;

/// What a successful job produced.
#[derive(Clone, Debug)]
pub struct JobResult {
    /// The package, relative to the media directory.
    pub package_dir: String,
    pub duration_seconds: Option<f64>,
}

/// Why an attempt failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// Fluent key for the trainer.
    pub key: String,
    /// Technical detail for the operator.
    pub detail: String,
    /// False when trying again cannot help (the input was refused).
    pub retryable: bool,
}

impl Failure {
    pub fn retryable(key: &str, detail: impl Into<String>) -> Failure {
        Failure {
            key: key.to_owned(),
            detail: detail.into(),
            retryable: true,
        }
    }

    pub fn permanent(key: &str, detail: impl Into<String>) -> Failure {
        Failure {
            key: key.to_owned(),
            detail: detail.into(),
            retryable: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum FailOutcome {
    /// Queued again; not claimed before `run_after`.
    Retrying { run_after: DateTime<Utc> },
    /// Failed for good.
    Failed,
    /// A cancel was pending, so the job ends cancelled instead.
    Cancelled,
}

/// Marks the job succeeded and the video ready with its new package. The worker calls
/// this inside the transaction that also covers moving the package into place.
pub async fn complete<C>(
    db: &C,
    job_id: i64,
    token: i64,
    result: &JobResult,
) -> Result<job::Model, QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let now = Utc::now();
    let txn = begin_write(db).await?;
    let update = ended(state::SUCCEEDED, None, now)
        .value(job::Column::ErrorDetail, Option::<String>::None)
        .value(job::Column::ProgressPercent, 100.0)
        .value(job::Column::Stage, "done")
        .and_where(held(job_id, token))
        .to_owned();
    let job = update_jobs_returning(&txn, update)
        .await?
        .into_iter()
        .next()
        .ok_or(QueueError::Lost(job_id))?;
    let change = VideoChange::Ready {
        package_dir: &result.package_dir,
        duration_seconds: result.duration_seconds,
    };
    video_sync::apply(&txn, job.video_id, change, now).await?;
    txn.commit().await?;
    tracing::info!(job_id, video_id = job.video_id, "job succeeded");
    Ok(job)
}

/// Records a failed attempt: queued again after a backoff while attempts remain and
/// the failure is retryable, otherwise failed for good with the failure's key.
pub async fn fail<C>(
    db: &C,
    job_id: i64,
    token: i64,
    failure: &Failure,
    settings: &JobSettings,
) -> Result<FailOutcome, QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let now = Utc::now();
    let txn = begin_write(db).await?;
    let job = job::Entity::find()
        .filter(held(job_id, token))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(QueueError::Lost(job_id))?;
    let detail: String = failure.detail.chars().take(MAX_DETAIL_CHARS).collect();
    let outcome = if job.cancel_requested {
        FailOutcome::Cancelled
    } else if failure.retryable && job.attempts < job.max_attempts {
        FailOutcome::Retrying {
            run_after: later(now, settings.backoff(job.attempts)),
        }
    } else {
        FailOutcome::Failed
    };
    let update = match &outcome {
        FailOutcome::Cancelled => ended(state::CANCELLED, Some(error_key::CANCELLED), now),
        FailOutcome::Failed => ended(state::FAILED, Some(&failure.key), now),
        FailOutcome::Retrying { run_after } => Query::update()
            .table(job::Entity)
            .value(job::Column::State, state::QUEUED)
            .value(job::Column::RunAfter, *run_after)
            .value(job::Column::ErrorKey, failure.key.as_str())
            .value(job::Column::LeaseOwner, Option::<String>::None)
            .value(job::Column::LeaseUntil, Option::<DateTime<Utc>>::None)
            .value(job::Column::ProgressPercent, 0.0)
            .value(job::Column::Stage, "waiting")
            .value(job::Column::UpdatedAt, now)
            .to_owned(),
    }
    .value(job::Column::ErrorDetail, detail)
    .and_where(held(job_id, token))
    .to_owned();
    if update_jobs_returning(&txn, update).await?.is_empty() {
        return Err(QueueError::Lost(job_id));
    }
    let change = match &outcome {
        FailOutcome::Cancelled => VideoChange::Cancelled,
        FailOutcome::Failed => VideoChange::Failed(&failure.key),
        FailOutcome::Retrying { .. } => VideoChange::Active(status::QUEUED),
    };
    video_sync::apply(&txn, job.video_id, change, now).await?;
    txn.commit().await?;
    match &outcome {
        FailOutcome::Retrying { run_after } => tracing::warn!(
            job_id, attempt = job.attempts, key = %failure.key, detail = %failure.detail,
            %run_after, "job attempt failed; will retry"
        ),
        _ => tracing::warn!(
            job_id, attempt = job.attempts, key = %failure.key, detail = %failure.detail,
            ?outcome, "job ended without success"
        ),
    }
    Ok(outcome)
}

/// Ends a job whose cancel the worker carried out.
pub async fn mark_cancelled<C>(db: &C, job_id: i64, token: i64) -> Result<(), QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let now = Utc::now();
    let txn = begin_write(db).await?;
    let update = ended(state::CANCELLED, Some(error_key::CANCELLED), now)
        .and_where(held(job_id, token))
        .to_owned();
    let job = update_jobs_returning(&txn, update)
        .await?
        .into_iter()
        .next()
        .ok_or(QueueError::Lost(job_id))?;
    video_sync::apply(&txn, job.video_id, VideoChange::Cancelled, now).await?;
    txn.commit().await?;
    tracing::info!(job_id, "job cancelled");
    Ok(())
}

/// Hands a job back on shutdown: queued again at once, and the interrupted attempt
/// does not count. A pending cancel is carried out instead.
pub async fn release<C>(db: &C, job_id: i64, token: i64) -> Result<(), QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let now = Utc::now();
    let txn = begin_write(db).await?;
    let mut requeue = Query::update();
    requeue
        .table(job::Entity)
        .value(job::Column::State, state::QUEUED)
        .value(job::Column::Attempts, Expr::col(job::Column::Attempts).sub(1))
        .value(job::Column::RunAfter, now)
        .value(job::Column::LeaseOwner, Option::<String>::None)
        .value(job::Column::LeaseUntil, Option::<DateTime<Utc>>::None)
        .value(job::Column::ProgressPercent, 0.0)
        .value(job::Column::Stage, state::QUEUED)
        .value(job::Column::UpdatedAt, now)
        .and_where(held(job_id, token))
        .and_where(Expr::col(job::Column::CancelRequested).eq(false));
    if let Some(job) = update_jobs_returning(&txn, requeue).await?.into_iter().next() {
        video_sync::apply(&txn, job.video_id, VideoChange::Active(status::QUEUED), now).await?;
        txn.commit().await?;
        tracing::info!(job_id, "job handed back on shutdown");
        return Ok(());
    }
    let cancel = ended(state::CANCELLED, Some(error_key::CANCELLED), now)
        .and_where(held(job_id, token))
        .to_owned();
    let job = update_jobs_returning(&txn, cancel)
        .await?
        .into_iter()
        .next()
        .ok_or(QueueError::Lost(job_id))?;
    video_sync::apply(&txn, job.video_id, VideoChange::Cancelled, now).await?;
    txn.commit().await?;
    tracing::info!(job_id, "job cancelled on shutdown");
    Ok(())
}
