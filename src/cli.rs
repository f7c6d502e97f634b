//! The command line: `lernwerk serve | worker | migrate | transcode | probe | user | learner | demo`.

mod subtitles;
mod transcode;

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Duration;
use clap::{Parser, Subcommand, ValueEnum};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::watch;

use crate::accounts::{learners, privacy, staff, Role};
use crate::app::Application;
use crate::config::Settings;
use crate::media::probe::{self, ProbeError};
use crate::web::i18n::{Lang, LOCALES};
use crate::{db, demo, jobs};

#[derive(Parser)]
#[command(
    name = "lernwerk",
    version,
    about = "Explainer videos and basic-skills courses for job centres"
)]
pub struct Cli {
    /// Settings file; missing is fine (defaults and LERNWERK_* variables apply).
    #[arg(long, global = true, default_value = "lernwerk.toml")]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web app (migrates the database first) and run transcoding workers.
    Serve {
        /// Run no transcoding worker in this process (use `lernwerk worker` elsewhere).
        #[arg(long)]
        no_worker: bool,
    },
    /// Run transcoding workers without the web server, until Ctrl-C or SIGTERM.
    Worker {
        /// Jobs to run at once [default: `jobs.workers` from the settings].
        #[arg(long)]
        count: Option<usize>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Transcode a video into an HLS package, standalone.
    Transcode {
        /// The source video.
        input: PathBuf,
        /// Directory to write the package into; it must not exist yet.
        #[arg(long)]
        out: PathBuf,
        /// Print progress as JSON lines on stdout (for workers).
        #[arg(long)]
        progress: bool,
        /// A subtitle file (SRT or WebVTT) for a language, e.g. `de=film.de.srt`; may be
        /// given once per language. The first one is the default track.
        #[arg(long = "subtitles", value_name = "LANG=FILE")]
        subtitles: Vec<String>,
    },
    /// Print what a media file holds, as JSON.
    Probe { input: PathBuf },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Learner accounts.
    Learner {
        #[command(subcommand)]
        action: LearnerAction,
    },
    /// Create the demo accounts (again), the demo group and courses, and print the logins.
    Demo {
        /// The videos `scripts/make-demo-media` made; without it, only accounts and the
        /// group are made [default: MEDIA_DIR/demo-src].
        #[arg(long)]
        from: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum UserAction {
    /// Add an admin or trainer; the password is read from standard input.
    Add {
        username: String,
        #[arg(long, value_enum, default_value = "trainer")]
        role: StaffRole,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StaffRole {
    Admin,
    Trainer,
}

#[derive(Subcommand)]
pub enum LearnerAction {
    /// Add a learner and print their one-time access code.
    Add {
        /// Optional nickname the trainer recognises; no real names needed.
        #[arg(long)]
        nickname: Option<String>,
        /// User name of the trainer the learner belongs to.
        #[arg(long)]
        trainer: Option<String>,
    },
    /// Delete, with all their data, learners inactive for longer than
    /// `learner_retention_days` (what the server does every hour), and print how many.
    Purge,
}

/// Runs a command; the exit code is what `main` returns.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(&cli.config)?;
    match cli.command {
        Command::Serve { no_worker } => {
            let app = Application::build(settings.clone()).await?;
            tracing::info!(port = app.port(), "serving on {}", settings.bind);
            if no_worker {
                app.run_until_stopped().await?;
            } else {
                let conn = open_db(&settings).await?;
                let count = settings.jobs.workers;
                let (stop, stopped) = watch::channel(false);
                let workers = tokio::spawn(jobs::run_workers(
                    conn,
                    worker_settings(settings, &cli.config)?,
                    count,
                    stopped,
                ));
                // The web server stops itself on Ctrl-C and SIGTERM; the workers follow.
                let served = app.run_until_stopped().await;
                stop.send_replace(true);
                workers.await?;
                served?;
            }
        }
        Command::Worker { count } => {
            let conn = open_migrated_db(&settings).await?;
            let count = count.unwrap_or(settings.jobs.workers);
            let (stop, stopped) = watch::channel(false);
            let workers = tokio::spawn(jobs::run_workers(
                conn,
                worker_settings(settings, &cli.config)?,
                count,
                stopped,
            ));
            stop_signal().await?;
            tracing::info!("stopping: running jobs are handed back");
            stop.send_replace(true);
            workers.await?;
        }
        Command::Migrate => {
            let conn = open_db(&settings).await?;
            db::migrate(&conn).await?;
            println!("database is up to date");
        }
        Command::Probe { input } => {
            let limits = settings.media_limits.clone();
            match tokio::task::spawn_blocking(move || probe::probe(&input, &limits)).await? {
                Ok(probed) => println!("{}", serde_json::to_string_pretty(&probed)?),
                // The trainer's message first, then what was measured.
                Err(rejected) => anyhow::bail!("{} ({rejected})", english_message(&rejected)),
            }
        }
        Command::Transcode {
            input,
            out,
            progress,
            subtitles,
        } => transcode::run(settings, input, out, progress, &subtitles).await?,
        Command::User {
            action: UserAction::Add { username, role },
        } => {
            let conn = open_migrated_db(&settings).await?;
            let password = read_password()?;
            let role = match role {
                StaffRole::Admin => Role::Admin,
                StaffRole::Trainer => Role::Trainer,
            };
            let user = staff::create(&conn, role, &username, &password, None).await?;
            println!(
                "created {role} {} (id {})",
                user.username.unwrap_or_default(),
                user.id
            );
        }
        Command::Learner {
            action: LearnerAction::Add { nickname, trainer },
        } => {
            let conn = open_migrated_db(&settings).await?;
            let trainer_id = match trainer {
                Some(name) => Some(
                    staff::find_by_username(&conn, &name)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("no staff account named {name:?}"))?
                        .id,
                ),
                None => None,
            };
            let valid = Duration::days(settings.access_code_days);
            let (learner, code) = learners::create(&conn, trainer_id, nickname.as_deref(), valid).await?;
            println!(
                "learner {} — access code (valid {} days, once): {code}",
                learner.id, settings.access_code_days
            );
        }
        Command::Learner {
            action: LearnerAction::Purge,
        } => {
            let conn = open_migrated_db(&settings).await?;
            let days = settings.learner_retention_days;
            if days <= 0 {
                println!("learner retention is off (learner_retention_days = {days}); nothing deleted");
            } else {
                let count = privacy::purge_inactive(&conn, days, chrono::Utc::now()).await?;
                println!("deleted {count} learner(s) inactive for more than {days} days");
            }
        }
        Command::Demo { from } => {
            let conn = open_migrated_db(&settings).await?;
            let from = from.unwrap_or_else(|| settings.media_dir.join("demo-src"));
            let summary = demo::seed(&conn, &settings, &from).await?;
            println!("{summary}");
        }
    }
    Ok(())
}

async fn open_db(settings: &Settings) -> anyhow::Result<sea_orm::DatabaseConnection> {
    std::fs::create_dir_all(&settings.media_dir)?;
    Ok(db::connect(&settings.database_url()).await?)
}

async fn open_migrated_db(settings: &Settings) -> anyhow::Result<sea_orm::DatabaseConnection> {
    let conn = open_db(settings).await?;
    db::migrate(&conn).await?;
    Ok(conn)
}

/// Settings for workers: an empty child command means this binary's `transcode`, run
/// with the same settings file.
fn worker_settings(mut settings: Settings, config: &Path) -> anyhow::Result<Arc<Settings>> {
    if settings.jobs.command.is_empty() {
        let exe = std::env::current_exe()?;
        settings.jobs.command = vec![
            exe.to_string_lossy().into_owned(),
            "--config".into(),
            config.to_string_lossy().into_owned(),
            "transcode".into(),
        ];
    }
    Ok(Arc::new(settings))
}

/// Resolves on Ctrl-C or SIGTERM (what systemd sends).
async fn stop_signal() -> std::io::Result<()> {
    let mut terminate = signal(SignalKind::terminate())?;
    tokio::select! {
        interrupted = tokio::signal::ctrl_c() => interrupted,
        _ = terminate.recv() => Ok(()),
    }
}

/// One line from standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(!password.is_empty(), "no password on standard input");
    Ok(password)
}

/// The English message a trainer would see for a rejected file.
fn english_message(error: &ProbeError) -> String {
    let lang = Lang::find("en").unwrap_or_else(Lang::default_lang);
    let args: HashMap<Cow<'static, str>, FluentValue> = error
        .message_args()
        .into_iter()
        .map(|(name, value)| (Cow::Borrowed(name), FluentValue::from(value)))
        .collect();
    LOCALES.lookup_with_args(&lang.id(), error.message_key(), &args)
}
