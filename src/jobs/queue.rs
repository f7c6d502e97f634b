//! The durable queue: enqueue, claim with a lease and a fencing token, heartbeat, cancel.
//! Finishing a job (complete, fail, release) lives in `finish`.
//!
//! Every claim increments `fencing_token`. A worker may write to its job only while the
//! token it got still matches, so a worker whose lease ran out (and whose job another
//! worker took over) can no longer heartbeat, complete or fail it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use entities::{job, video};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType, Query, SelectStatement, UpdateStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, SqlErr, TransactionSession, TransactionTrait,
};

use super::settings::JobSettings;
use super::sql::{begin_write, later, update_jobs_returning};
use super::states::{error_key, job as state, video as status};
use super::video_sync::{self, VideoChange};

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("no video with id {0}")]
    NoVideo(i64),
    #[error("no job with id {0}")]
    NoJob(i64),
    /// The fencing token no longer matches: the lease was taken over or the job ended.
    #[error("job {0} is no longer held with this fencing token")]
    Lost(i64),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A job this worker now holds, and the token that proves it.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub job: job::Model,
    pub fencing_token: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeartbeatOutcome {
    /// Lease renewed; carry on.
    Continue,
    /// Lease renewed, but someone asked to cancel: stop the work.
    CancelRequested,
    /// The job is no longer ours: stop at once and write nothing.
    Lost,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CancelOutcome {
    /// It was queued and is now cancelled.
    Cancelled,
    /// It is running; its worker stops it at the next heartbeat.
    Requested,
    /// It had already ended in this state.
    AlreadyFinished(String),
}

/// Queues a transcode of `video_id`, or returns the job already queued or running for
/// it (a partial unique index allows one).
pub async fn enqueue<C>(db: &C, video_id: i64, settings: &JobSettings) -> Result<job::Model, QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    match insert_job(db, video_id, settings).await {
        Err(QueueError::Db(e)) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            // Someone else queued it between our look and our insert.
            active_job(db, video_id).await?.ok_or(QueueError::Db(e))
        }
        other => other,
    }
}

async fn insert_job<C>(db: &C, video_id: i64, settings: &JobSettings) -> Result<job::Model, QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = begin_write(db).await?;
    if let Some(existing) = active_job(&txn, video_id).await? {
        return Ok(existing);
    }
    if video::Entity::find_by_id(video_id).one(&txn).await?.is_none() {
        return Err(QueueError::NoVideo(video_id));
    }
    let now = Utc::now();
    let job = job::ActiveModel {
        video_id: Set(video_id),
        kind: Set(state::KIND_TRANSCODE.into()),
        state: Set(state::QUEUED.into()),
        attempts: Set(0),
        max_attempts: Set(Ord::max(settings.max_attempts, 1)),
        run_after: Set(now),
        lease_owner: Set(None),
        lease_until: Set(None),
        fencing_token: Set(0),
        cancel_requested: Set(false),
        progress_percent: Set(0.0),
        stage: Set(state::QUEUED.into()),
        error_key: Set(None),
        error_detail: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    video_sync::apply(&txn, video_id, VideoChange::Active(status::QUEUED), now).await?;
    txn.commit().await?;
    tracing::info!(job_id = job.id, video_id, "job queued");
    Ok(job)
}

/// The queued or running job of a video, if any.
pub async fn active_job(db: &impl ConnectionTrait, video_id: i64) -> Result<Option<job::Model>, DbErr> {
    job::Entity::find()
        .filter(job::Column::VideoId.eq(video_id))
        .filter(job::Column::State.is_in([state::QUEUED, state::RUNNING]))
        .order_by_desc(job::Column::Id)
        .one(db)
        .await
}

/// Takes the oldest job that is due, or whose worker stopped renewing its lease (a
/// crashed worker: the new claim counts as another attempt). Safe with any number of
/// workers in any number of processes: PostgreSQL locks the chosen row with
/// `FOR UPDATE SKIP LOCKED`; SQLite runs the whole `UPDATE … WHERE id = (SELECT …)
/// RETURNING *` under its single write lock.
pub async fn claim<C>(db: &C, worker_id: &str, lease: Duration) -> Result<Option<Claimed>, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let now = Utc::now();
    // Idle workers poll; a plain read keeps them from taking the write lock each time.
    if !anything_to_claim(db, now).await? {
        return Ok(None);
    }
    let txn = begin_write(db).await?;
    reap_expired(&txn, now).await?;
    let mut update = Query::update();
    update
        .table(job::Entity)
        .value(job::Column::State, state::RUNNING)
        .value(job::Column::Attempts, Expr::col(job::Column::Attempts).add(1))
        .value(
            job::Column::FencingToken,
            Expr::col(job::Column::FencingToken).add(1),
        )
        .value(job::Column::LeaseOwner, worker_id)
        .value(job::Column::LeaseUntil, later(now, lease))
        .value(job::Column::ProgressPercent, 0.0)
        .value(job::Column::Stage, "starting")
        .value(job::Column::UpdatedAt, now)
        .and_where(Expr::col(job::Column::Id).eq(next_claimable(now)));
    let claimed = update_jobs_returning(&txn, update).await?.into_iter().next();
    let Some(job) = claimed else {
        txn.commit().await?;
        return Ok(None);
    };
    video_sync::apply(&txn, job.video_id, VideoChange::Active(status::PROCESSING), now).await?;
    txn.commit().await?;
    tracing::info!(
        job_id = job.id,
        video_id = job.video_id,
        attempt = job.attempts,
        fencing_token = job.fencing_token,
        worker_id,
        "job claimed"
    );
    Ok(Some(Claimed {
        fencing_token: job.fencing_token,
        job,
    }))
}

/// True when some job is due, or some lease has run out.
async fn anything_to_claim(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let due = job::Column::State
        .eq(state::QUEUED)
        .and(job::Column::RunAfter.lte(now));
    let expired = job::Column::State
        .eq(state::RUNNING)
        .and(job::Column::LeaseUntil.lt(now));
    let found = job::Entity::find()
        .select_only()
        .column(job::Column::Id)
        .filter(due.or(expired))
        .into_tuple::<i64>()
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// `SELECT id … LIMIT 1 FOR UPDATE SKIP LOCKED` (SQLite leaves the lock clause out).
fn next_claimable(now: DateTime<Utc>) -> SelectStatement {
    let due = Expr::col(job::Column::State)
        .eq(state::QUEUED)
        .and(Expr::col(job::Column::RunAfter).lte(now));
    let abandoned = Expr::col(job::Column::State)
        .eq(state::RUNNING)
        .and(Expr::col(job::Column::LeaseUntil).lt(now))
        .and(Expr::col(job::Column::CancelRequested).eq(false))
        .and(Expr::col(job::Column::Attempts).lt(Expr::col(job::Column::MaxAttempts)));
    Query::select()
        .column(job::Column::Id)
        .from(job::Entity)
        .and_where(due.or(abandoned))
        .order_by(job::Column::Id, sea_orm::sea_query::Order::Asc)
        .limit(1)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .to_owned()
}

/// Ends abandoned jobs that must not run again: cancelled ones, and those whose last
/// allowed attempt died with its worker.
async fn reap_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    let abandoned = || {
        Query::select()
            .column(job::Column::Id)
            .from(job::Entity)
            .and_where(Expr::col(job::Column::State).eq(state::RUNNING))
            .and_where(Expr::col(job::Column::LeaseUntil).lt(now))
            .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
            .to_owned()
    };
    let cancelled = ended(state::CANCELLED, Some(error_key::CANCELLED), now)
        .and_where(
            Expr::col(job::Column::Id).in_subquery(
                abandoned()
                    .and_where(Expr::col(job::Column::CancelRequested).eq(true))
                    .to_owned(),
            ),
        )
        .to_owned();
    for job in update_jobs_returning(db, cancelled).await? {
        video_sync::apply(db, job.video_id, VideoChange::Cancelled, now).await?;
        tracing::info!(job_id = job.id, "cancelled job of a vanished worker");
    }
    let lost = ended(state::FAILED, Some(error_key::LOST), now)
        .value(
            job::Column::ErrorDetail,
            "the worker stopped renewing its lease on the last attempt",
        )
        .and_where(
            Expr::col(job::Column::Id).in_subquery(
                abandoned()
                    .and_where(Expr::col(job::Column::Attempts).gte(Expr::col(job::Column::MaxAttempts)))
                    .to_owned(),
            ),
        )
        .to_owned();
    for job in update_jobs_returning(db, lost).await? {
        video_sync::apply(db, job.video_id, VideoChange::Failed(error_key::LOST), now).await?;
        tracing::warn!(
            job_id = job.id,
            attempts = job.attempts,
            "job failed: its worker vanished"
        );
    }
    Ok(())
}

/// The columns every ending sets: state, reason, no lease, finished now.
pub(super) fn ended(final_state: &str, key: Option<&str>, now: DateTime<Utc>) -> UpdateStatement {
    Query::update()
        .table(job::Entity)
        .value(job::Column::State, final_state)
        .value(job::Column::ErrorKey, key.map(str::to_owned))
        .value(job::Column::LeaseOwner, Option::<String>::None)
        .value(job::Column::LeaseUntil, Option::<DateTime<Utc>>::None)
        .value(job::Column::FinishedAt, now)
        .value(job::Column::UpdatedAt, now)
        .to_owned()
}

/// Renews the lease and stores progress, only while `token` is the job's current one.
pub async fn heartbeat(
    db: &impl ConnectionTrait,
    job_id: i64,
    token: i64,
    lease: Duration,
    progress_percent: f64,
    stage: &str,
) -> Result<HeartbeatOutcome, DbErr> {
    let now = Utc::now();
    let progress = if progress_percent.is_finite() {
        progress_percent.clamp(0.0, 100.0)
    } else {
        0.0
    };
    let stage: String = stage.chars().take(32).collect();
    let mut update = Query::update();
    update
        .table(job::Entity)
        .value(job::Column::LeaseUntil, later(now, lease))
        .value(job::Column::ProgressPercent, progress)
        .value(job::Column::Stage, stage)
        .value(job::Column::UpdatedAt, now)
        .and_where(held(job_id, token));
    Ok(
        match update_jobs_returning(db, update).await?.into_iter().next() {
            None => HeartbeatOutcome::Lost,
            Some(job) if job.cancel_requested => HeartbeatOutcome::CancelRequested,
            Some(_) => HeartbeatOutcome::Continue,
        },
    )
}

/// The condition every write of a lease holder carries.
pub(super) fn held(job_id: i64, token: i64) -> Expr {
    Expr::col(job::Column::Id)
        .eq(job_id)
        .and(Expr::col(job::Column::FencingToken).eq(token))
        .and(Expr::col(job::Column::State).eq(state::RUNNING))
}

/// Cancels a job: a queued one at once, a running one at its worker's next heartbeat.
pub async fn cancel<C>(db: &C, job_id: i64) -> Result<CancelOutcome, QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    // A job can move between queued and running while we look; a few rounds settle it.
    for _ in 0..3 {
        let txn = begin_write(db).await?;
        let now = Utc::now();
        let queued = ended(state::CANCELLED, Some(error_key::CANCELLED), now)
            .and_where(Expr::col(job::Column::Id).eq(job_id))
            .and_where(Expr::col(job::Column::State).eq(state::QUEUED))
            .to_owned();
        if let Some(job) = update_jobs_returning(&txn, queued).await?.into_iter().next() {
            video_sync::apply(&txn, job.video_id, VideoChange::Cancelled, now).await?;
            txn.commit().await?;
            tracing::info!(job_id, "queued job cancelled");
            return Ok(CancelOutcome::Cancelled);
        }
        let mut running = Query::update();
        running
            .table(job::Entity)
            .value(job::Column::CancelRequested, true)
            .value(job::Column::UpdatedAt, now)
            .and_where(Expr::col(job::Column::Id).eq(job_id))
            .and_where(Expr::col(job::Column::State).eq(state::RUNNING));
        if !update_jobs_returning(&txn, running).await?.is_empty() {
            txn.commit().await?;
            tracing::info!(job_id, "cancel requested for running job");
            return Ok(CancelOutcome::Requested);
        }
        let current = job::Entity::find_by_id(job_id).one(&txn).await?;
        txn.commit().await?;
        match current {
            None => return Err(QueueError::NoJob(job_id)),
            Some(job) if job.state != state::QUEUED && job.state != state::RUNNING => {
                return Ok(CancelOutcome::AlreadyFinished(job.state));
            }
            Some(_) => continue,
        }
    }
    Err(QueueError::Db(DbErr::Custom(format!(
        "job {job_id} kept changing state while being cancelled"
    ))))
}

/// True while `token` holds a live lease on the job: its files must be left alone.
pub async fn is_held(db: &impl ConnectionTrait, job_id: i64, token: i64) -> Result<bool, DbErr> {
    let found = job::Entity::find()
        .filter(held(job_id, token))
        .filter(job::Column::LeaseUntil.gte(Utc::now()))
        .one(db)
        .await?;
    Ok(found.is_some())
}

#[cfg(test)]
mod tests {
    use sea_orm::sea_query::{PostgresQueryBuilder, SqliteQueryBuilder};

    use super::*;

    #[test]
    fn the_claim_locks_one_row_on_postgres_and_relies_on_the_write_lock_on_sqlite() {
        let mut update = Query::update();
        update
            .table(job::Entity)
            .value(job::Column::State, state::RUNNING)
            .and_where(Expr::col(job::Column::Id).eq(next_claimable(Utc::now())));
        let postgres = update.to_string(PostgresQueryBuilder);
        assert!(
            postgres.contains(r#"WHERE "id" = (SELECT "id" FROM "jobs" WHERE"#)
                && postgres.ends_with(r#"ORDER BY "id" ASC LIMIT 1 FOR UPDATE SKIP LOCKED)"#),
            "{postgres}"
        );
        let sqlite = update.to_string(SqliteQueryBuilder);
        assert!(
            sqlite.contains(r#"ORDER BY "id" ASC LIMIT 1"#) && !sqlite.contains("FOR UPDATE"),
            "{sqlite}"
        );
    }
}
