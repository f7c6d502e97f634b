//! A fresh database and media directory per test, videos to process, and waiting.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use entities::{job, user, video};
use lernwerk::config::Settings;
use lernwerk::jobs::settings::JobSettings;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct TestEnv {
    pub db: DatabaseConnection,
    pub settings: Settings,
    pub media: tempfile::TempDir,
    owner_id: i64,
}

/// Short leases and backoffs so that tests take fractions of a second, not minutes.
pub fn quick_jobs() -> JobSettings {
    JobSettings {
        lease_seconds: 1.0,
        heartbeat_seconds: 0.1,
        poll_seconds: 0.05,
        backoff_base_seconds: 0.1,
        timeout_seconds: 60.0,
        max_attempts: 3,
        ..JobSettings::default()
    }
}

impl TestEnv {
    pub async fn new() -> TestEnv {
        let media = tempfile::tempdir().unwrap();
        let settings = Settings {
            media_dir: media.path().to_path_buf(),
            database_url: fresh_database_url(&media).await,
            jobs: quick_jobs(),
            ..Settings::default()
        };
        let db = lernwerk::db::connect(&settings.database_url()).await.unwrap();
        lernwerk::db::migrate(&db).await.unwrap();
        let owner = user::ActiveModel {
            role: Set("trainer".into()),
            username: Set(Some("owner".into())),
            disabled: Set(false),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        TestEnv {
            db,
            settings,
            media,
            owner_id: owner.id,
        }
    }

    /// Another connection pool to the same database, as another process would have.
    pub async fn other_connection(&self) -> DatabaseConnection {
        lernwerk::db::connect(&self.settings.database_url())
            .await
            .unwrap()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.media.path().join(relative)
    }

    /// A video with an original file on disk.
    pub async fn video(&self) -> i64 {
        let now = Utc::now();
        let video = video::ActiveModel {
            owner_id: Set(self.owner_id),
            title: Set("Bewerbung schreiben".into()),
            original_path: Set(String::new()),
            status: Set("queued".into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .unwrap();
        let relative = format!("originals/{}.mp4", video.id);
        std::fs::create_dir_all(self.path("originals")).unwrap();
        std::fs::write(self.path(&relative), b"not really a video").unwrap();
        let mut active: video::ActiveModel = video.into();
        active.original_path = Set(relative);
        active.update(&self.db).await.unwrap().id
    }

    /// A video with a queued transcode job; returns (video, job).
    pub async fn queued(&self) -> (i64, i64) {
        let video_id = self.video().await;
        let job = lernwerk::jobs::enqueue(&self.db, video_id, &self.settings.jobs)
            .await
            .unwrap();
        (video_id, job.id)
    }

    pub async fn job(&self, id: i64) -> job::Model {
        job::Entity::find_by_id(id).one(&self.db).await.unwrap().unwrap()
    }

    pub async fn video_row(&self, id: i64) -> video::Model {
        video::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
    }

    /// Waits until the job satisfies `done`, and returns it.
    pub async fn job_when(&self, id: i64, done: impl Fn(&job::Model) -> bool) -> job::Model {
        let what = format!("job {id}");
        wait_for(&what, || async {
            let job = self.job(id).await;
            done(&job).then_some(job)
        })
        .await
    }

    /// Job directories the child works in that still exist.
    pub fn work_dirs(&self) -> Vec<String> {
        match std::fs::read_dir(self.path("tmp")) {
            Ok(entries) => entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Starts workers that run `script` through `sh -c`; the worker appends
    /// `INPUT --out DIR --progress`, which the script sees as `$1 $2 $3 $4`.
    pub fn start_workers(&self, script: &str, count: usize) -> Workers {
        self.start_workers_with(count, |jobs| jobs.command = sh(script))
    }

    pub fn start_workers_with(&self, count: usize, adjust: impl FnOnce(&mut JobSettings)) -> Workers {
        let mut settings = self.settings.clone();
        adjust(&mut settings.jobs);
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(lernwerk::jobs::run_workers(
            self.db.clone(),
            Arc::new(settings),
            count,
            stopped,
        ));
        Workers { stop, task }
    }
}

pub fn sh(script: &str) -> Vec<String> {
    ["sh", "-c", script, "sh"].map(String::from).to_vec()
}

pub struct Workers {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Workers {
    /// Asks the workers to stop and waits until they have.
    pub async fn stop(self) {
        self.stop.send_replace(true);
        tokio::time::timeout(Duration::from_secs(20), self.task)
            .await
            .expect("workers did not stop")
            .unwrap();
    }
}

/// Polls `check` until it gives a value; fails the test after 20 seconds.
pub async fn wait_for<T, F, Fut>(what: &str, check: F) -> T
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// The PID a test child wrote into `file`, once it has.
pub async fn pid_in(file: &Path) -> u32 {
    wait_for("the child's PID", || async {
        std::fs::read_to_string(file).ok()?.trim().parse().ok()
    })
    .await
}

/// True while a process with this PID exists and is not a zombie.
pub fn is_alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name in parentheses; Z is a zombie.
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z'),
        Err(_) => false,
    }
}

pub fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -s {signal} {pid}");
}

/// A new, empty database: a SQLite file in the test's media directory, or a new
/// database on the PostgreSQL server named by `TEST_DATABASE_URL`.
pub async fn fresh_database_url(media: &tempfile::TempDir) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server_url) if !server_url.is_empty() => {
            let name = format!(
                "lw_test_{}",
                lernwerk::accounts::random_token()[..12]
                    .to_lowercase()
                    .replace('-', "_")
            );
            let admin = lernwerk::db::connect(&server_url).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            admin.close().await.unwrap();
            let (base, _) = server_url.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", media.path().join("test.db").display()),
    }
}
