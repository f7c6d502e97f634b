//! The durable job queue and the workers that run it. Transcoding a video is a row in
//! `jobs`: claimed with a lease and a fencing token, kept alive by heartbeats, retried
//! with backoff, and run in a child process so that a crash in FFmpeg cannot take down
//! the server. Knows nothing of HTTP.

pub mod child;
pub mod finish;
pub mod package;
pub mod protocol;
pub mod queue;
pub mod settings;
pub mod states;
pub mod worker;

mod sql;
mod video_sync;

use std::sync::Arc;

use sea_orm::DatabaseConnection;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::config::Settings;
pub use finish::{complete, fail, release, FailOutcome, Failure, JobResult};
pub use queue::{cancel, claim, enqueue, heartbeat, CancelOutcome, Claimed, HeartbeatOutcome, QueueError};
pub use worker::Worker;

/// Runs `count` workers until `shutdown` turns true (or its sender goes away), then
/// waits for them: each kills its child and hands its job back first. Leftovers of
/// crashed workers are swept before the first claim.
pub async fn run_workers(
    db: DatabaseConnection,
    settings: Arc<Settings>,
    count: usize,
    shutdown: watch::Receiver<bool>,
) {
    let layout = package::Layout::new(&settings.media_dir);
    if let Err(e) = layout.sweep(&db).await {
        tracing::warn!(error = %e, "sweeping stale job directories failed");
    }
    let mut workers = JoinSet::new();
    for n in 0..count.max(1) {
        let worker = Worker::new(db.clone(), settings.clone(), worker_id(n));
        workers.spawn(worker.run(shutdown.clone()));
    }
    while let Some(ended) = workers.join_next().await {
        if let Err(e) = ended {
            tracing::error!(error = %e, "a worker ended abnormally");
        }
    }
}

/// Unique per worker and process: `host:pid:n:random`, readable in `jobs.lease_owner`.
fn worker_id(n: usize) -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "host".into());
    let random: String = crate::accounts::random_token().chars().take(6).collect();
    format!("{host}:{}:{n}:{random}", std::process::id())
}
