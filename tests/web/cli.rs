//! The command line, run as a real process against a fresh database.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::helpers::{fresh_database_url, location, spawn_app_with};

struct Cli {
    media: tempfile::TempDir,
    database_url: String,
}

impl Cli {
    async fn new() -> Cli {
        let media = tempfile::tempdir().unwrap();
        let database_url = fresh_database_url(&media).await;
        Cli { media, database_url }
    }

    fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lernwerk"))
            .args(args)
            .env("LERNWERK_MEDIA_DIR", self.media.path())
            .env("LERNWERK_DATABASE_URL", &self.database_url)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn every_command_has_help() {
    let cli = Cli::new().await;
    for command in [
        "serve",
        "worker",
        "migrate",
        "transcode",
        "probe",
        "user",
        "learner",
        "demo",
    ] {
        let output = cli.run(&[command, "--help"], "");
        assert!(output.status.success(), "{command} --help");
        assert!(stdout(&output).contains("Usage:"), "{command}");
    }
}

#[tokio::test]
async fn accounts_made_on_the_command_line_can_log_in() {
    let cli = Cli::new().await;
    assert!(cli.run(&["migrate"], "").status.success());
    let added = cli.run(
        &["user", "add", "olga", "--role", "trainer"],
        "a long password here\n",
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(
        !cli.run(&["user", "add", "olga"], "another long password\n")
            .status
            .success(),
        "duplicate name"
    );
    assert!(
        !cli.run(&["user", "add", "short"], "short\n").status.success(),
        "weak password"
    );

    let learner = cli.run(&["learner", "add", "--nickname", "Mo", "--trainer", "olga"], "");
    assert!(learner.status.success());
    let code = stdout(&learner).trim().rsplit(' ').next().unwrap().to_owned();
    assert_eq!(code.len(), 14, "{code}");
    assert!(!cli
        .run(&["learner", "add", "--trainer", "nobody"], "")
        .status
        .success());

    let (media_dir, database_url) = (cli.media.path().to_path_buf(), cli.database_url.clone());
    let app = spawn_app_with(move |s| {
        s.media_dir = media_dir;
        s.database_url = database_url;
    })
    .await;
    assert_eq!(
        location(&app.browser().login("olga", "a long password here").await),
        "/trainer"
    );
    assert_eq!(location(&app.browser().login_code(&code).await), "/learn");
}

#[tokio::test]
async fn demo_prints_logins_that_work_every_time() {
    let cli = Cli::new().await;
    let first = stdout(&cli.run(&["demo"], ""));
    let second = stdout(&cli.run(&["demo"], ""));
    assert_ne!(first, second, "each run issues fresh logins");
    let field = |text: &str, prefix: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .unwrap()
            .rsplit(' ')
            .next()
            .unwrap()
            .to_owned()
    };
    let (media_dir, database_url) = (cli.media.path().to_path_buf(), cli.database_url.clone());
    let app = spawn_app_with(move |s| {
        s.media_dir = media_dir;
        s.database_url = database_url;
    })
    .await;
    let trainer_password = field(&second, "trainer");
    assert_eq!(
        location(&app.browser().login("demo-trainer", &trainer_password).await),
        "/trainer"
    );
    assert_eq!(
        location(&app.browser().login("demo-admin", &field(&second, "admin")).await),
        "/admin"
    );
    assert_eq!(
        location(&app.browser().login_code(&field(&second, "learner")).await),
        "/learn"
    );
    assert_eq!(
        app.browser()
            .login("demo-trainer", &field(&first, "trainer"))
            .await
            .status(),
        401
    );
}
