//! The command line: `lernwerk serve | worker | migrate | transcode | probe | user | learner | demo`.

use std::io::BufRead;
use std::path::PathBuf;

use chrono::Duration;
use clap::{Parser, Subcommand, ValueEnum};

use crate::accounts::{learners, staff, Role};
use crate::app::Application;
use crate::config::Settings;
use crate::{db, demo};

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
    /// Serve the web app (migrates the database first).
    Serve,
    /// Run transcoding workers without the web server.
    Worker,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Transcode a video into an HLS package, standalone.
    Transcode {
        /// The source video.
        input: PathBuf,
        /// Directory to write the package into.
        #[arg(long)]
        out: PathBuf,
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
    /// Create the demo accounts (again) and print their logins.
    Demo,
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
}

/// Runs a command; the exit code is what `main` returns.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(&cli.config)?;
    match cli.command {
        Command::Serve => {
            let app = Application::build(settings.clone()).await?;
            tracing::info!(port = app.port(), "serving on {}", settings.bind);
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            let conn = open_db(&settings).await?;
            db::migrate(&conn).await?;
            println!("database is up to date");
        }
        Command::Worker | Command::Transcode { .. } | Command::Probe { .. } => {
            anyhow::bail!("not available yet: transcoding arrives with the media pipeline");
        }
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
        Command::Demo => {
            let conn = open_migrated_db(&settings).await?;
            let logins = demo::seed(&conn, &settings).await?;
            println!("{logins}");
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

/// One line from standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(!password.is_empty(), "no password on standard input");
    Ok(password)
}
