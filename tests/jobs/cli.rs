//! `lernwerk worker` and `lernwerk serve` as real processes, killed the hard way too.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::{is_alive, kill, pid_in, TestEnv};

/// A settings file for the binary: this test's database and media, quick jobs, and
/// `script` as the child.
fn config(env: &TestEnv, script: &str) -> std::path::PathBuf {
    let path = env.path("lernwerk.toml");
    let text = format!(
        "bind = \"127.0.0.1:0\"\nmedia_dir = '''{}'''\ndatabase_url = '''{}'''\n\n[jobs]\n\
         lease_seconds = 1.0\nheartbeat_seconds = 0.1\npoll_seconds = 0.05\nbackoff_base_seconds = 0.1\n\
         command = [\"sh\", \"-c\", '''{script}''', \"sh\"]\n",
        env.media.path().display(),
        env.settings.database_url(),
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn lernwerk(config: &std::path::Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_lernwerk"))
        .arg("--config")
        .arg(config)
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

fn hangs(env: &TestEnv) -> (String, std::path::PathBuf) {
    let pid_file = env.path("child.pid");
    let script = format!(r#"mkdir "$3"; echo $$ > '{}'; exec sleep 30"#, pid_file.display());
    (script, pid_file)
}

const SUCCEEDS: &str = r#"mkdir "$3" && echo ok > "$3/master.m3u8" && echo '{"type":"report"}'"#;

#[tokio::test]
async fn after_kill_9_of_a_worker_another_one_finishes_the_job() {
    let env = TestEnv::new().await;
    let (video, job) = env.queued().await;
    let (script, pid_file) = hangs(&env);
    let mut worker = lernwerk(&config(&env, &script), &["worker"]);
    let child = pid_in(&pid_file).await;

    worker.kill().unwrap(); // SIGKILL: no chance to hand the job back
    worker.wait().unwrap();
    kill("KILL", child); // the orphan would die at its next progress line anyway

    // Once the lease has run out, another worker takes the job over and finishes it.
    let workers = env.start_workers(SUCCEEDS, 1);
    let done = env.job_when(job, |j| j.state == "succeeded").await;
    workers.stop().await;
    assert_eq!(done.attempts, 2);
    assert_eq!(env.video_row(video).await.status, "ready");
    assert!(
        env.work_dirs().is_empty(),
        "the dead worker's directory is gone: {:?}",
        env.work_dirs()
    );
}

#[tokio::test]
async fn sigterm_stops_a_worker_cleanly_and_hands_the_job_back() {
    let env = TestEnv::new().await;
    let (_, job) = env.queued().await;
    let (script, pid_file) = hangs(&env);
    let mut worker = lernwerk(&config(&env, &script), &["worker", "--count", "2"]);
    let child = pid_in(&pid_file).await;

    kill("TERM", worker.id());
    let status = wait_exit(&mut worker).await;
    assert!(status.success(), "{status}");
    assert!(!is_alive(child));
    let row = env.job(job).await;
    assert_eq!((row.state.as_str(), row.attempts), ("queued", 0));
}

#[tokio::test]
async fn serve_runs_a_worker_unless_told_not_to() {
    let env = TestEnv::new().await;
    let (_, job) = env.queued().await;
    let config = config(&env, SUCCEEDS);

    let mut quiet = lernwerk(&config, &["serve", "--no-worker"]);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    kill("TERM", quiet.id());
    assert!(wait_exit(&mut quiet).await.success());
    assert_eq!(env.job(job).await.state, "queued");

    let mut server = lernwerk(&config, &["serve"]);
    env.job_when(job, |j| j.state == "succeeded").await;
    kill("TERM", server.id());
    assert!(wait_exit(&mut server).await.success());
}

async fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    for _ in 0..400 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap();
    panic!("the process did not exit");
}
