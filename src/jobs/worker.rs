//! The worker loop: claim a job, run it in a child process, heartbeat while it runs,
//! stop it on cancel, timeout, lost lease or shutdown, then record how it ended. A child
//! that crashes or is killed only fails its attempt; the worker carries on.

use std::os::unix::process::ExitStatusExt;
use std::path::{Component, Path, PathBuf};
use std::process::ExitStatus;
use std::sync::Arc;
use std::time::Duration;

use entities::video;
use sea_orm::{DatabaseConnection, EntityTrait};
use tokio::sync::watch;
use tokio::time::Instant;
use tracing::Instrument;

use super::child::{self, Reported, RunningChild};
use super::finish::{self, Failure, JobResult};
use super::package::{self, Layout};
use super::protocol::{is_fluent_key, report_duration};
use super::queue::{self, Claimed, HeartbeatOutcome, QueueError};
use super::sql::begin_write;
use super::states::error_key;
use crate::config::Settings;
use crate::media::subtitle_tracks;

/// Exit code with which the child says "this input will never work".
const EXIT_REJECTED: i32 = 2;
/// The signal the kernel sends at the soft CPU-time limit.
const SIGXCPU: i32 = 24;
/// How long a killed child gets to disappear before we stop waiting.
const KILL_WAIT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Worker {
    db: DatabaseConnection,
    settings: Arc<Settings>,
    layout: Layout,
    id: Arc<str>,
}

/// Why the worker stopped a child before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    Cancelled,
    LeaseLost,
    Timeout,
    Shutdown,
}

enum Ending {
    Exited(ExitStatus),
    Stopped(Stop),
    WaitFailed(std::io::Error),
}

impl Worker {
    pub fn new(db: DatabaseConnection, settings: Arc<Settings>, id: String) -> Worker {
        let layout = Layout::new(&settings.media_dir);
        Worker {
            db,
            settings,
            layout,
            id: id.into(),
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Claims and runs jobs one at a time until `shutdown` turns true.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(worker_id = %self.id, "worker started");
        while !stopping(&shutdown) {
            match queue::claim(&self.db, &self.id, self.settings.jobs.lease()).await {
                Ok(Some(claimed)) => {
                    self.run_isolated(claimed, &shutdown).await;
                    continue;
                }
                Ok(None) => {}
                Err(e) => tracing::error!(worker_id = %self.id, error = %e, "claiming a job failed"),
            }
            tokio::select! {
                () = tokio::time::sleep(self.settings.jobs.poll()) => {}
                () = until_stopping(&mut shutdown) => {}
            }
        }
        tracing::info!(worker_id = %self.id, "worker stopped");
    }

    /// Runs one job in a task of its own, so that even a panic ends only this attempt
    /// (its lease then runs out and the job comes back).
    async fn run_isolated(&self, claimed: Claimed, shutdown: &watch::Receiver<bool>) {
        let span = tracing::info_span!(
            "job",
            job_id = claimed.job.id,
            video_id = claimed.job.video_id,
            attempt = claimed.job.attempts,
            fencing_token = claimed.fencing_token,
            worker_id = %self.id,
        );
        let job = self.clone().run_job(claimed, shutdown.clone()).instrument(span);
        if let Err(e) = tokio::spawn(job).await {
            tracing::error!(worker_id = %self.id, error = %e, "job task failed");
        }
    }

    async fn run_job(self, claimed: Claimed, mut shutdown: watch::Receiver<bool>) {
        let (job_id, token) = (claimed.job.id, claimed.fencing_token);
        let work_dir = self.layout.work_dir(job_id, token);
        package::remove_earlier_attempts(&self.layout, job_id, token);
        let input = match self.input_of(claimed.job.video_id).await {
            Ok(input) => input,
            Err(Some(failure)) => return self.fail(&claimed, &failure).await,
            Err(None) => return, // database trouble: the lease expires and the job comes back
        };
        let started = std::fs::create_dir_all(self.layout.tmp_root())
            .and_then(|()| child::command_line(&self.settings.jobs, &input, &work_dir))
            .and_then(|argv| RunningChild::spawn(&argv));
        let mut running = match started {
            Ok(running) => running,
            Err(e) => {
                let failure =
                    Failure::retryable(error_key::FAILED, format!("could not start the child: {e}"));
                return self.fail(&claimed, &failure).await;
            }
        };
        let ending = self.supervise(&mut running, &claimed, &mut shutdown).await;
        let reported = running.finish().await;
        match ending {
            Ending::Exited(status) if status.success() => self.publish(&claimed, &work_dir, &reported).await,
            Ending::Exited(status) => self.fail(&claimed, &exit_failure(status, &reported)).await,
            Ending::WaitFailed(e) => {
                let failure = Failure::retryable(error_key::FAILED, format!("lost track of the child: {e}"));
                self.fail(&claimed, &failure).await;
            }
            Ending::Stopped(Stop::Timeout) => {
                // The same input on the same machine would time out again.
                let detail = format!("ran longer than {:?}", self.settings.jobs.timeout());
                self.fail(&claimed, &Failure::permanent(error_key::TIMEOUT, detail))
                    .await;
            }
            Ending::Stopped(Stop::Cancelled) => {
                log_lost(finish::mark_cancelled(&self.db, job_id, token).await);
            }
            Ending::Stopped(Stop::Shutdown) => log_lost(finish::release(&self.db, job_id, token).await),
            Ending::Stopped(Stop::LeaseLost) => tracing::warn!("lease lost; the child was stopped"),
        }
        package::remove_dir(&work_dir);
    }

    /// The original's path, or why the job cannot run (`None`: ask again later).
    async fn input_of(&self, video_id: i64) -> Result<PathBuf, Option<Failure>> {
        let video = match video::Entity::find_by_id(video_id).one(&self.db).await {
            Ok(Some(video)) => video,
            Ok(None) => {
                return Err(Some(Failure::permanent(
                    error_key::MISSING_ORIGINAL,
                    "no video row",
                )))
            }
            Err(e) => {
                tracing::error!(error = %e, "could not load the video");
                return Err(None);
            }
        };
        let relative = Path::new(&video.original_path);
        // Stored paths stay inside the media directory.
        let inside = relative.components().all(|c| matches!(c, Component::Normal(_)));
        let input = self.settings.media_dir.join(relative);
        if !inside || video.original_path.is_empty() || !input.is_file() {
            let detail = format!("original {:?} is missing", video.original_path);
            return Err(Some(Failure::permanent(error_key::MISSING_ORIGINAL, detail)));
        }
        Ok(input)
    }

    /// Waits for the child while renewing the lease; stops it when it must not go on.
    async fn supervise(
        &self,
        running: &mut RunningChild,
        claimed: &Claimed,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Ending {
        let settings = &self.settings.jobs;
        let deadline = Instant::now() + settings.timeout();
        let mut lease_until = Instant::now() + settings.lease();
        let mut beat = tokio::time::interval(settings.heartbeat());
        beat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let stop = loop {
            tokio::select! {
                status = running.wait() => return match status {
                    Ok(status) => Ending::Exited(status),
                    Err(e) => Ending::WaitFailed(e),
                },
                _ = beat.tick() => match self.heartbeat(running, claimed).await {
                    Some((HeartbeatOutcome::Continue, renewed)) => lease_until = renewed,
                    Some((HeartbeatOutcome::CancelRequested, _)) => break Stop::Cancelled,
                    Some((HeartbeatOutcome::Lost, _)) => break Stop::LeaseLost,
                    None => {} // a failed beat; the lease deadline below decides
                },
                () = tokio::time::sleep_until(lease_until) => break Stop::LeaseLost,
                () = tokio::time::sleep_until(deadline) => break Stop::Timeout,
                () = until_stopping(shutdown) => break Stop::Shutdown,
            }
        };
        tracing::info!(pid = running.pid(), reason = ?stop, "stopping the child");
        running.kill().await;
        if tokio::time::timeout(KILL_WAIT, running.wait()).await.is_err() {
            tracing::error!(pid = running.pid(), "killed child did not exit");
        }
        Ending::Stopped(stop)
    }

    /// One heartbeat; with the time until which the lease surely holds.
    async fn heartbeat(
        &self,
        running: &RunningChild,
        claimed: &Claimed,
    ) -> Option<(HeartbeatOutcome, Instant)> {
        let settings = &self.settings.jobs;
        let (stage, percent) = running.progress();
        let sent = Instant::now();
        let call = queue::heartbeat(
            &self.db,
            claimed.job.id,
            claimed.fencing_token,
            settings.lease(),
            percent,
            if stage.is_empty() { "starting" } else { &stage },
        );
        // A slow database gets a third of the lease; the lease deadline covers the rest.
        match tokio::time::timeout(settings.lease() / 3, call).await {
            Ok(Ok(outcome)) => Some((outcome, sent + settings.lease())),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "heartbeat failed");
                None
            }
            Err(_) => {
                tracing::warn!("heartbeat timed out");
                None
            }
        }
    }

    /// Moves the package into place and marks the job done, in an order that never
    /// shows a half package and never lets a stale worker replace a good one: the
    /// token is checked and the row locked before the rename, and committed after it.
    async fn publish(&self, claimed: &Claimed, work_dir: &Path, reported: &Reported) {
        let (job_id, token, video_id) = (claimed.job.id, claimed.fencing_token, claimed.job.video_id);
        let Some(report) = &reported.report else {
            let failure = Failure::retryable(error_key::FAILED, "the child exited 0 without a report");
            return self.fail(claimed, &failure).await;
        };
        let duration = report_duration(report);
        // Subtitles attached meanwhile (or before a retry) go into the package before
        // anyone sees it; a track that cannot be written does not stop the video.
        let tracks_listed = chrono::Utc::now();
        let current = self.layout.package_dir(video_id);
        let current = current.join("manifest.json").is_file().then_some(current);
        let written = subtitle_tracks::write_into_package(
            &self.db,
            &self.settings.media_dir,
            video_id,
            work_dir,
            current.as_deref(),
            duration,
        )
        .await
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "subtitles could not be written into the package");
            Vec::new()
        });
        let staged = work_dir.to_path_buf();
        let flushed = tokio::task::spawn_blocking(move || package::flush(&staged)).await;
        if let Err(e) = flushed.map_err(std::io::Error::other).and_then(|r| r) {
            let failure = Failure::retryable(error_key::FAILED, format!("package not usable: {e}"));
            return self.fail(claimed, &failure).await;
        }
        let result = JobResult {
            package_dir: Layout::package_relative(video_id),
            duration_seconds: duration,
        };
        let txn = match begin_write(&self.db).await {
            Ok(txn) => txn,
            Err(e) => return tracing::error!(error = %e, "could not record the result; the job will rerun"),
        };
        if let Err(e) = finish::complete(&txn, job_id, token, &result).await {
            return log_lost::<()>(Err(e));
        }
        let published = match self.layout.publish(work_dir, video_id, job_id, token) {
            Ok(published) => published,
            Err(e) => {
                // The job is still ours and running; free the lock before recording why.
                if let Err(e) = txn.rollback().await {
                    tracing::warn!(error = %e, "rollback failed");
                }
                let failure =
                    Failure::retryable(error_key::FAILED, format!("could not move the package: {e}"));
                return self.fail(claimed, &failure).await;
            }
        };
        if let Err(e) = txn.commit().await {
            // The new package is in place and complete; the job reruns and replaces it.
            tracing::error!(error = %e, "package moved but not recorded");
        }
        if let Some(old) = published.old {
            if let Err(e) = tokio::task::spawn_blocking(move || package::remove_dir(&old)).await {
                tracing::warn!(error = %e, "removing the old package failed");
            }
        }
        self.catch_up_subtitles(video_id, tracks_listed, &written).await;
        tracing::info!(package = %result.package_dir, "package published");
    }

    /// A track attached or removed after the worker listed them goes into the live
    /// package now (`attach` covers the other order).
    async fn catch_up_subtitles(
        &self,
        video_id: i64,
        listed_at: chrono::DateTime<chrono::Utc>,
        written: &[String],
    ) {
        let changed = match subtitle_tracks::changed_since(&self.db, video_id, listed_at, written).await {
            Ok(changed) => changed,
            Err(e) => return tracing::warn!(error = %e, "could not look at the subtitle tracks"),
        };
        if !changed {
            return;
        }
        let synced = match video::Entity::find_by_id(video_id).one(&self.db).await {
            Ok(Some(video)) => {
                subtitle_tracks::sync_package(&self.db, &self.settings.media_dir, &video).await
            }
            Ok(None) => Ok(()),
            Err(e) => Err(e.into()),
        };
        if let Err(e) = synced {
            tracing::error!(error = %e, "subtitles attached meanwhile could not be added");
        }
    }

    async fn fail(&self, claimed: &Claimed, failure: &Failure) {
        let settings = &self.settings.jobs;
        log_lost(finish::fail(&self.db, claimed.job.id, claimed.fencing_token, failure, settings).await);
    }
}

/// How an unsuccessful exit is recorded: a refusal of the input is final, a CPU-limit
/// kill would happen again, anything else may be luck and is retried.
fn exit_failure(status: ExitStatus, reported: &Reported) -> Failure {
    let tail: Vec<&str> = reported.stderr_tail.iter().map(String::as_str).collect();
    let detail = format!("child {status}; stderr: {}", tail.join(" | "));
    match (status.code(), status.signal(), &reported.rejected) {
        (Some(EXIT_REJECTED), _, Some((key, why))) => {
            let key = if is_fluent_key(key) {
                key
            } else {
                error_key::FAILED
            };
            Failure::permanent(key, format!("input rejected: {why}"))
        }
        (_, Some(SIGXCPU), _) => Failure::permanent(error_key::RESOURCES, detail),
        _ => Failure::retryable(error_key::FAILED, detail),
    }
}

/// A lost token is expected (the job moved on without us); anything else is an error.
fn log_lost<T>(result: Result<T, QueueError>) {
    match result {
        Ok(_) => {}
        Err(QueueError::Lost(_)) => tracing::warn!("the job was taken over; nothing recorded"),
        Err(e) => tracing::error!(error = %e, "could not record how the job ended"),
    }
}

/// True once shutdown was asked for, or nobody can ask any more.
pub fn stopping(shutdown: &watch::Receiver<bool>) -> bool {
    *shutdown.borrow() || shutdown.has_changed().is_err()
}

/// Resolves once shutdown is asked for or nobody can ask any more.
async fn until_stopping(shutdown: &mut watch::Receiver<bool>) {
    // The guard `wait_for` returns must not live across an await.
    let _ = shutdown.wait_for(|stop| *stop).await.map(|_| ());
}
