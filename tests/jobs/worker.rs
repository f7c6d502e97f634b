//! Workers running real child processes: `sh -c` scripts that follow the child
//! contract (`INPUT --out DIR --progress` arrive as `$1 $2 $3 $4`), and our own binary.

use std::time::Duration;

use lernwerk::jobs::{self, CancelOutcome};

use crate::helpers::{is_alive, kill, pid_in, sh, TestEnv};

/// A child that does its work well: progress, a package in DIR, a report.
const SUCCEEDS: &str = r#"
echo '{"type":"progress","stage":"encode","percent":42}'
sleep 0.5
mkdir "$3" && echo good > "$3/master.m3u8"
echo 'a log line on stdout that is not JSON'
echo '{"type":"report","duration_seconds":12.5,"rungs":[]}'
"#;

/// A child that writes its PID where the test can see it, then hangs.
fn hangs(pid_file: &std::path::Path) -> String {
    format!(
        r#"mkdir "$3"; echo half > "$3/half"; echo $$ > '{}'; exec sleep 30"#,
        pid_file.display()
    )
}

#[tokio::test]
async fn a_finished_child_publishes_its_package() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let workers = env.start_workers(SUCCEEDS, 1);

    let running = env
        .job_when(job, |j| j.progress_percent == 42.0 && j.state == "running")
        .await;
    assert_eq!(
        running.stage, "encode",
        "progress is relayed while the child runs"
    );
    assert_eq!(env.video_row(video).await.status, "processing");

    let done = env.job_when(job, |j| j.state == "succeeded").await;
    assert_eq!((done.attempts, done.progress_percent), (1, 100.0));
    let row = env.video_row(video).await;
    assert_eq!(row.status, "ready");
    assert_eq!(row.duration_seconds, Some(12.5));
    let package = env.path(row.package_dir.as_deref().unwrap());
    assert_eq!(
        std::fs::read_to_string(package.join("master.m3u8")).unwrap(),
        "good\n"
    );
    workers.stop().await;
    assert!(env.work_dirs().is_empty(), "{:?}", env.work_dirs());
}

#[tokio::test]
async fn cancelling_a_running_job_kills_its_child() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let pid_file = env.path("child.pid");
    let workers = env.start_workers(&hangs(&pid_file), 1);
    let pid = pid_in(&pid_file).await;
    assert!(is_alive(pid));

    assert_eq!(
        jobs::cancel(&env.db, job).await.unwrap(),
        CancelOutcome::Requested
    );
    let cancelled = env.job_when(job, |j| j.state == "cancelled").await;
    assert_eq!(cancelled.error_key.as_deref(), Some("job-error-cancelled"));
    assert!(!is_alive(pid), "the child process must be gone");
    assert_eq!(env.video_row(video).await.status, "failed");
    crate::helpers::wait_for("the work dir to go", || async {
        env.work_dirs().is_empty().then_some(())
    })
    .await;
    workers.stop().await;
}

#[tokio::test]
async fn a_child_killed_mid_job_is_retried_and_its_leftovers_removed() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let pid_file = env.path("child.pid");
    let marker = env.path("second-attempt");
    let script = format!(
        "if [ -e '{marker}' ]; then {SUCCEEDS}\nelse touch '{marker}'; {}; fi",
        hangs(&pid_file),
        marker = marker.display(),
    );
    let workers = env.start_workers(&script, 1);
    let pid = pid_in(&pid_file).await;
    assert_eq!(
        env.work_dirs(),
        vec![format!("job-{job}-1")],
        "half output sits in tmp"
    );

    kill("KILL", pid);
    let done = env.job_when(job, |j| j.state == "succeeded").await;
    assert_eq!(done.attempts, 2);
    assert_eq!(done.fencing_token, 2);
    let package = env.path(&format!("packages/{video}"));
    assert!(
        !package.join("half").exists(),
        "nothing of the killed attempt is published"
    );
    assert!(package.join("master.m3u8").exists());
    workers.stop().await;
    assert!(env.work_dirs().is_empty(), "{:?}", env.work_dirs());
}

#[tokio::test]
async fn a_child_over_its_time_is_killed_and_the_job_fails() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let pid_file = env.path("child.pid");
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = sh(&hangs(&pid_file));
        jobs.timeout_seconds = 0.5;
    });
    let pid = pid_in(&pid_file).await;
    let failed = env.job_when(job, |j| j.state == "failed").await;
    assert_eq!(failed.error_key.as_deref(), Some("job-error-timeout"));
    assert_eq!(failed.attempts, 1, "a timeout would only repeat: no retry");
    assert!(!is_alive(pid));
    assert_eq!(
        env.video_row(video).await.error_key.as_deref(),
        Some("job-error-timeout")
    );
    workers.stop().await;
    assert!(env.work_dirs().is_empty());
}

#[tokio::test]
async fn a_refused_input_fails_at_once_with_the_childs_reason() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let script = r#"echo '{"type":"rejected","key":"media-error-not-video","detail":"text file"}'; exit 2"#;
    let workers = env.start_workers(script, 1);
    let failed = env.job_when(job, |j| j.state == "failed").await;
    assert_eq!(failed.attempts, 1);
    assert_eq!(failed.error_key.as_deref(), Some("media-error-not-video"));
    assert!(failed.error_detail.unwrap().contains("text file"));
    let row = env.video_row(video).await;
    assert_eq!(
        (row.status.as_str(), row.error_key.as_deref()),
        ("failed", Some("media-error-not-video"))
    );
    workers.stop().await;
}

#[tokio::test]
async fn a_crashing_child_is_retried_then_the_job_fails() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let workers = env.start_workers(r#"mkdir "$3"; echo boom >&2; exit 3"#, 1);
    let failed = env.job_when(job, |j| j.state == "failed").await;
    assert_eq!(failed.attempts, 3);
    assert_eq!(failed.error_key.as_deref(), Some("job-error-failed"));
    let detail = failed.error_detail.unwrap();
    assert!(detail.contains("boom") && detail.contains('3'), "{detail}");
    assert_eq!(env.video_row(video).await.status, "failed");
    assert!(!env.path(&format!("packages/{video}")).exists());
    workers.stop().await;
    assert!(env.work_dirs().is_empty());
}

#[tokio::test]
async fn a_failed_job_never_replaces_a_good_package() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let workers = env.start_workers(SUCCEEDS, 1);
    env.job_when(job, |j| j.state == "succeeded").await;
    workers.stop().await;
    let master = env.path(&format!("packages/{video}/master.m3u8"));
    assert_eq!(std::fs::read_to_string(&master).unwrap(), "good\n");

    // Processing again fails after writing half a package.
    let redo = jobs::enqueue(&env.db, video, &env.settings.jobs)
        .await
        .unwrap()
        .id;
    assert_eq!(
        env.video_row(video).await.status,
        "ready",
        "still watchable while redone"
    );
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = sh(r#"mkdir "$3"; echo broken > "$3/master.m3u8"; exit 1"#);
        jobs.max_attempts = 1;
    });
    let failed = env.job_when(redo, |j| j.state == "failed").await;
    workers.stop().await;
    assert_eq!(failed.error_key.as_deref(), Some("job-error-failed"));
    assert_eq!(std::fs::read_to_string(&master).unwrap(), "good\n");
    let row = env.video_row(video).await;
    assert_eq!(row.status, "ready", "the old package stays in use");
    assert_eq!(row.package_dir, Some(format!("packages/{video}")));
    assert_eq!(
        row.error_key.as_deref(),
        Some("job-error-failed"),
        "the trainer learns why"
    );

    // A successful redo does replace it, and leaves no old copy behind.
    let again = jobs::enqueue(&env.db, video, &env.settings.jobs)
        .await
        .unwrap()
        .id;
    let workers = env.start_workers(&SUCCEEDS.replace("echo good", "echo better"), 1);
    env.job_when(again, |j| j.state == "succeeded").await;
    workers.stop().await;
    assert_eq!(std::fs::read_to_string(&master).unwrap(), "better\n");
    let packages: Vec<_> = std::fs::read_dir(env.path("packages")).unwrap().collect();
    assert_eq!(packages.len(), 1);
}

#[tokio::test]
async fn shutdown_hands_the_running_job_back() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let pid_file = env.path("child.pid");
    let workers = env.start_workers(&hangs(&pid_file), 1);
    let pid = pid_in(&pid_file).await;
    workers.stop().await;
    assert!(!is_alive(pid));
    let row = env.job(job).await;
    assert_eq!((row.state.as_str(), row.attempts), ("queued", 0));
    assert_eq!(env.video_row(video).await.status, "queued");
    assert!(env.work_dirs().is_empty());
}

#[tokio::test]
async fn the_child_runs_under_memory_and_cpu_limits() {
    let env = TestEnv::new().await;
    let (_, job) = env.queued().await;
    let limits = env.path("limits");
    let script = format!(
        r#"ulimit -v > '{0}'; ulimit -t >> '{0}'; mkdir "$3"; echo '{{"type":"report"}}'"#,
        limits.display()
    );
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = sh(&script);
        jobs.memory_limit_bytes = 1 << 30;
        jobs.cpu_limit_seconds = 600;
    });
    env.job_when(job, |j| j.state == "succeeded").await;
    workers.stop().await;
    let seen = std::fs::read_to_string(limits).unwrap();
    assert_eq!(
        seen.split_whitespace().collect::<Vec<_>>(),
        ["1048576", "600"],
        "KiB and seconds"
    );
}

#[tokio::test]
async fn stale_leftovers_are_swept_when_workers_start() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let claimed = jobs::claim(&env.db, "live", Duration::from_secs(60))
        .await
        .unwrap()
        .unwrap();
    let live = env.path(&format!("tmp/job-{job}-{}", claimed.fencing_token));
    let stale = env.path("tmp/job-99-1");
    let other = env.path("tmp/upload-abc");
    // A package set aside by a worker killed between its two renames.
    let aside = env.path(&format!("packages/{video}.old-98-3"));
    for dir in [&live, &stale, &other, &aside] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let workers = env.start_workers("exit 1", 1);
    workers.stop().await;
    assert!(live.exists(), "a live claim keeps its directory");
    assert!(!stale.exists());
    assert!(other.exists(), "not ours to remove");
    assert!(!aside.exists());
    assert!(
        env.path(&format!("packages/{video}")).exists(),
        "the set-aside package is restored"
    );
}

#[tokio::test]
async fn our_own_binary_is_the_child_by_contract() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = vec![env!("CARGO_BIN_EXE_lernwerk").into(), "transcode".into()];
        jobs.max_attempts = 2;
    });
    // The original is a text file: refused by a finished transcoder, a failure before.
    let failed = env.job_when(job, |j| j.state == "failed").await;
    workers.stop().await;
    let key = failed.error_key.unwrap();
    assert!(
        key.starts_with("media-error-") || key == "job-error-failed",
        "{key}"
    );
    assert_eq!(env.video_row(video).await.status, "failed");
    assert!(!env.path(&format!("packages/{video}")).exists());
    assert!(env.work_dirs().is_empty());
}

#[tokio::test]
async fn our_own_binary_turns_a_real_clip_into_a_package() {
    let env = TestEnv::new().await;
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/downloaded/no-audio.mp4");
    assert!(fixture.exists(), "run scripts/fetch-fixtures first");
    let (video, job) = env.queued().await;
    let original = env.video_row(video).await.original_path;
    std::fs::copy(&fixture, env.path(&original)).unwrap();
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = vec![env!("CARGO_BIN_EXE_lernwerk").into(), "transcode".into()];
        jobs.max_attempts = 1;
    });
    let done = env
        .job_when(job, |j| j.state != "queued" && j.state != "running")
        .await;
    workers.stop().await;
    assert_eq!(done.state, "succeeded", "{:?}", done.error_detail);
    let row = env.video_row(video).await;
    assert_eq!(row.status, "ready");
    assert!(row.duration_seconds.unwrap() > 1.0, "{row:?}");
    let package = env.path(row.package_dir.as_deref().unwrap());
    assert!(package.join("master.m3u8").is_file());
    assert!(env.work_dirs().is_empty());
}

#[tokio::test]
async fn a_child_over_its_cpu_time_fails_for_good() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = sh("while :; do :; done");
        jobs.cpu_limit_seconds = 1;
    });
    let failed = env.job_when(job, |j| j.state == "failed").await;
    workers.stop().await;
    assert_eq!(failed.error_key.as_deref(), Some("job-error-resources"));
    assert_eq!(failed.attempts, 1, "more CPU time will not appear by retrying");
    assert_eq!(
        env.video_row(video).await.error_key.as_deref(),
        Some("job-error-resources")
    );
}
