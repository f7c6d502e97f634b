//! The queue's rules, driven directly: claim, lease, fencing, retry, cancel.

use std::collections::HashSet;
use std::time::Duration;

use lernwerk::jobs::{
    self, finish, CancelOutcome, FailOutcome, Failure, HeartbeatOutcome, JobResult, QueueError,
};

use crate::helpers::TestEnv;

const LEASE: Duration = Duration::from_secs(30);

fn result(video_id: i64) -> JobResult {
    JobResult {
        package_dir: format!("packages/{video_id}"),
        duration_seconds: Some(9.5),
    }
}

#[tokio::test]
async fn claims_take_the_oldest_due_job_first() {
    let env = TestEnv::new().await;
    let (video, first) = env.queued().await;
    let (_, second) = env.queued().await;

    let claimed = jobs::claim(&env.db, "w1", LEASE).await.unwrap().unwrap();
    assert_eq!(claimed.job.id, first);
    assert_eq!((claimed.job.state.as_str(), claimed.job.attempts), ("running", 1));
    assert_eq!(claimed.fencing_token, 1);
    assert_eq!(claimed.job.lease_owner.as_deref(), Some("w1"));
    assert_eq!(env.video_row(video).await.status, "processing");

    let next = jobs::claim(&env.db, "w2", LEASE).await.unwrap().unwrap();
    assert_eq!(next.job.id, second);
    assert!(jobs::claim(&env.db, "w3", LEASE).await.unwrap().is_none());
}

#[tokio::test]
async fn enqueueing_twice_gives_the_one_live_job() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let again = jobs::enqueue(&env.db, video, &env.settings.jobs).await.unwrap();
    assert_eq!(again.id, job);
    assert!(matches!(
        jobs::enqueue(&env.db, 999_999, &env.settings.jobs).await,
        Err(QueueError::NoVideo(999_999))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_workers_never_share_a_job() {
    let env = TestEnv::new().await;
    // One job, many claimers on separate connection pools (as separate processes).
    let (_, only) = env.queued().await;
    let winners = race(&env, 4, 4).await;
    assert_eq!(winners, vec![only], "exactly one claimer wins");

    // Many jobs: each is claimed exactly once.
    let mut queued = HashSet::new();
    for _ in 0..12 {
        queued.insert(env.queued().await.1);
    }
    let claimed = race(&env, 4, 4).await;
    assert_eq!(claimed.len(), 12, "{claimed:?}");
    assert_eq!(claimed.into_iter().collect::<HashSet<_>>(), queued);
}

/// `pools × tasks` claimers claim until the queue is empty; every claimed id, in order.
async fn race(env: &TestEnv, pools: usize, tasks: usize) -> Vec<i64> {
    let mut handles = Vec::new();
    for p in 0..pools {
        let db = env.other_connection().await;
        for t in 0..tasks {
            let db = db.clone();
            handles.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(c) = jobs::claim(&db, &format!("w{p}-{t}"), LEASE).await.unwrap() {
                    mine.push(c.job.id);
                }
                mine
            }));
        }
    }
    let mut all = Vec::new();
    for handle in handles {
        all.extend(handle.await.unwrap());
    }
    all.sort_unstable();
    all
}

#[tokio::test]
async fn an_expired_lease_is_claimed_again_with_a_higher_token() {
    let env = TestEnv::new().await;
    let (_, job) = env.queued().await;
    let short = Duration::from_millis(300);
    let first = jobs::claim(&env.db, "crashed", short).await.unwrap().unwrap();
    assert!(
        jobs::claim(&env.db, "other", short).await.unwrap().is_none(),
        "lease still live"
    );

    tokio::time::sleep(Duration::from_millis(400)).await;
    let second = jobs::claim(&env.db, "other", LEASE).await.unwrap().unwrap();
    assert_eq!(second.job.id, job);
    assert!(second.fencing_token > first.fencing_token);
    assert_eq!(second.job.attempts, 2, "the crashed attempt counts");
    assert_eq!(second.job.lease_owner.as_deref(), Some("other"));
}

#[tokio::test]
async fn a_stale_worker_can_change_nothing() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let stale = jobs::claim(&env.db, "stale", Duration::from_millis(200))
        .await
        .unwrap()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let current = jobs::claim(&env.db, "current", LEASE).await.unwrap().unwrap();
    jobs::heartbeat(&env.db, job, current.fencing_token, LEASE, 40.0, "encode")
        .await
        .unwrap();
    let before = (env.job(job).await, env.video_row(video).await);

    let token = stale.fencing_token;
    assert_eq!(
        jobs::heartbeat(&env.db, job, token, LEASE, 99.0, "package")
            .await
            .unwrap(),
        HeartbeatOutcome::Lost
    );
    assert!(matches!(
        jobs::complete(&env.db, job, token, &result(video)).await,
        Err(QueueError::Lost(_))
    ));
    let failure = Failure::permanent("job-error-failed", "stale");
    assert!(matches!(
        jobs::fail(&env.db, job, token, &failure, &env.settings.jobs).await,
        Err(QueueError::Lost(_))
    ));
    assert!(matches!(
        finish::mark_cancelled(&env.db, job, token).await,
        Err(QueueError::Lost(_))
    ));
    assert!(matches!(
        jobs::release(&env.db, job, token).await,
        Err(QueueError::Lost(_))
    ));
    assert_eq!((env.job(job).await, env.video_row(video).await), before);

    // The current holder still can.
    jobs::complete(&env.db, job, current.fencing_token, &result(video))
        .await
        .unwrap();
    let done = env.video_row(video).await;
    assert_eq!(done.status, "ready");
    assert_eq!(done.package_dir, Some(format!("packages/{video}")));
    assert_eq!(done.duration_seconds, Some(9.5));
    let job = env.job(job).await;
    assert_eq!((job.state.as_str(), job.progress_percent), ("succeeded", 100.0));
    assert!(job.finished_at.is_some() && job.lease_owner.is_none());
}

#[tokio::test]
async fn failures_retry_with_growing_backoff_then_fail_with_the_reason() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let mut settings = env.settings.jobs.clone();
    settings.backoff_base_seconds = 0.2;
    let failure = Failure::retryable("job-error-failed", "exit status 3: boom");

    let mut waits = Vec::new();
    for attempt in 1..=2 {
        let claimed = claim_when_due(&env).await;
        assert_eq!(claimed.job.attempts, attempt);
        let before = chrono::Utc::now();
        let outcome = jobs::fail(&env.db, job, claimed.fencing_token, &failure, &settings)
            .await
            .unwrap();
        let FailOutcome::Retrying { run_after } = outcome else {
            panic!("attempt {attempt} should be retried, got {outcome:?}");
        };
        waits.push((run_after - before).num_milliseconds());
        assert!(
            jobs::claim(&env.db, "w", LEASE).await.unwrap().is_none(),
            "not due yet"
        );
        let row = env.job(job).await;
        assert_eq!(
            (row.state.as_str(), row.error_key.as_deref()),
            ("queued", Some("job-error-failed"))
        );
        assert_eq!(env.video_row(video).await.status, "queued");
    }
    assert!((150..400).contains(&waits[0]), "{waits:?}");
    assert!((350..700).contains(&waits[1]), "doubles: {waits:?}");

    let last = claim_when_due(&env).await;
    assert_eq!(last.job.attempts, 3);
    let outcome = jobs::fail(&env.db, job, last.fencing_token, &failure, &settings)
        .await
        .unwrap();
    assert_eq!(outcome, FailOutcome::Failed);
    let row = env.job(job).await;
    assert_eq!(row.state, "failed");
    assert_eq!(row.error_key.as_deref(), Some("job-error-failed"));
    assert_eq!(row.error_detail.as_deref(), Some("exit status 3: boom"));
    assert!(row.finished_at.is_some());
    let video = env.video_row(video).await;
    assert_eq!(
        (video.status.as_str(), video.error_key.as_deref()),
        ("failed", Some("job-error-failed"))
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        jobs::claim(&env.db, "w", LEASE).await.unwrap().is_none(),
        "failed for good"
    );
}

async fn claim_when_due(env: &TestEnv) -> jobs::Claimed {
    crate::helpers::wait_for("a due job", || async {
        jobs::claim(&env.db, "w", LEASE).await.unwrap()
    })
    .await
}

#[tokio::test]
async fn a_rejection_fails_at_once() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let claimed = jobs::claim(&env.db, "w", LEASE).await.unwrap().unwrap();
    let refused = Failure::permanent("media-error-not-video", "text file");
    let outcome = jobs::fail(&env.db, job, claimed.fencing_token, &refused, &env.settings.jobs)
        .await
        .unwrap();
    assert_eq!(outcome, FailOutcome::Failed);
    let row = env.job(job).await;
    assert_eq!((row.state.as_str(), row.attempts), ("failed", 1));
    assert_eq!(
        env.video_row(video).await.error_key.as_deref(),
        Some("media-error-not-video")
    );
}

#[tokio::test]
async fn cancelling_a_queued_job_ends_it_at_once() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    assert_eq!(
        jobs::cancel(&env.db, job).await.unwrap(),
        CancelOutcome::Cancelled
    );
    assert!(jobs::claim(&env.db, "w", LEASE).await.unwrap().is_none());
    let row = env.job(job).await;
    assert_eq!(row.state, "cancelled");
    let video = env.video_row(video).await;
    assert_eq!(
        (video.status.as_str(), video.error_key.as_deref()),
        ("failed", Some("job-error-cancelled"))
    );
    assert_eq!(
        jobs::cancel(&env.db, job).await.unwrap(),
        CancelOutcome::AlreadyFinished("cancelled".into())
    );
    assert!(matches!(
        jobs::cancel(&env.db, 999_999).await,
        Err(QueueError::NoJob(_))
    ));
}

#[tokio::test]
async fn cancelling_a_running_job_asks_its_worker() {
    let env = TestEnv::new().await;
    let (_, job) = env.queued().await;
    let claimed = jobs::claim(&env.db, "w", LEASE).await.unwrap().unwrap();
    assert_eq!(
        jobs::cancel(&env.db, job).await.unwrap(),
        CancelOutcome::Requested
    );
    assert_eq!(
        jobs::heartbeat(&env.db, job, claimed.fencing_token, LEASE, 10.0, "encode")
            .await
            .unwrap(),
        HeartbeatOutcome::CancelRequested
    );
    // A failure reported after the request ends the job cancelled, not retried.
    let failure = Failure::retryable("job-error-failed", "killed");
    let outcome = jobs::fail(&env.db, job, claimed.fencing_token, &failure, &env.settings.jobs)
        .await
        .unwrap();
    assert_eq!(outcome, FailOutcome::Cancelled);
    assert_eq!(env.job(job).await.state, "cancelled");
}

#[tokio::test]
async fn abandoned_jobs_that_may_not_run_again_are_ended() {
    let env = TestEnv::new().await;
    let mut settings = env.settings.jobs.clone();
    settings.max_attempts = 1;
    let video = env.video().await;
    let last_try = jobs::enqueue(&env.db, video, &settings).await.unwrap().id;
    let (cancelled_video, cancelled) = env.queued().await;
    let short = Duration::from_millis(200);
    jobs::claim(&env.db, "vanished", short).await.unwrap().unwrap();
    jobs::claim(&env.db, "vanished", short).await.unwrap().unwrap();
    jobs::cancel(&env.db, cancelled).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    assert!(jobs::claim(&env.db, "w", LEASE).await.unwrap().is_none());
    let lost = env.job(last_try).await;
    assert_eq!(
        (lost.state.as_str(), lost.error_key.as_deref()),
        ("failed", Some("job-error-lost"))
    );
    assert_eq!(env.video_row(video).await.status, "failed");
    assert_eq!(env.job(cancelled).await.state, "cancelled");
    assert_eq!(env.video_row(cancelled_video).await.status, "failed");
}

#[tokio::test]
async fn a_released_job_comes_back_without_counting_the_attempt() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let claimed = jobs::claim(&env.db, "w", LEASE).await.unwrap().unwrap();
    jobs::release(&env.db, job, claimed.fencing_token).await.unwrap();
    let row = env.job(job).await;
    assert_eq!((row.state.as_str(), row.attempts), ("queued", 0));
    assert_eq!(env.video_row(video).await.status, "queued");
    let again = jobs::claim(&env.db, "w", LEASE).await.unwrap().unwrap();
    assert_eq!((again.job.attempts, again.fencing_token), (1, 2));
}
