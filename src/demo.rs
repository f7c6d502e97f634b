//! The demo a newcomer sees: an admin, a trainer and a learner of that trainer, a group
//! with the learner in it, and — once `scripts/make-demo-media` has made the videos —
//! two small published courses assigned to the group ("Prozente im Alltag", "Eine E-Mail
//! schreiben") plus one extra clip in the trainer's library.
//!
//! Running it again resets the demo passwords and issues a fresh learner code, so the
//! logins printed are always the ones that work. Everything else is kept: the group and
//! its join code, and courses and videos the demo trainer already has (found by title),
//! with whatever was done in them since; the demo learner and courses are put back into
//! the group if they were taken out. Nothing is duplicated; to get a course afresh,
//! delete it on the trainer pages and run the demo again.
//!
//! Videos go through the real pipeline: their transcode jobs are queued, and the worker
//! in `lernwerk serve` (or `lernwerk worker`) picks them up. Lessons show them once ready.

mod content;
mod courses;
mod videos;

use std::path::{Path, PathBuf};

use chrono::Duration;
use sea_orm::DatabaseConnection;

use crate::accounts::{learners, random_token, staff, AccountError, Role};
use crate::config::Settings;
use crate::courses::CourseError;
use crate::jobs::queue::QueueError;

pub use content::{COURSES, EXTRA_CLIP, GROUP_NAME};

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error("demo course: {0}")]
    Course(#[from] CourseError),
    #[error("demo video: {0}")]
    Queue(#[from] QueueError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("demo video {0} is missing: run scripts/make-demo-media")]
    MissingMedia(PathBuf),
    #[error("demo subtitles {0}: {1}")]
    Subtitles(PathBuf, crate::media::subtitle_tracks::TrackError),
}

/// What the demo made or found, printed for the person who ran it.
pub struct DemoSummary {
    pub admin_password: String,
    pub trainer_password: String,
    pub learner_code: String,
    pub group_name: String,
    pub join_code: String,
    /// `None` when there was no demo media directory.
    pub courses: Option<Vec<CourseOutcome>>,
    pub media_source: PathBuf,
}

pub struct CourseOutcome {
    pub title: String,
    pub lessons: usize,
    /// Made by this run; false when the trainer had it already.
    pub created: bool,
}

impl std::fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Demo logins:")?;
        writeln!(f, "  admin    demo-admin / {}", self.admin_password)?;
        writeln!(f, "  trainer  demo-trainer / {}", self.trainer_password)?;
        writeln!(f, "  learner  access code {}", self.learner_code)?;
        write!(f, "  group    {} — join code {}", self.group_name, self.join_code)?;
        match &self.courses {
            None => write!(
                f,
                "\nNo demo courses: {} does not exist (scripts/make-demo-media makes it).",
                self.media_source.display()
            ),
            Some(courses) => {
                write!(f, "\nDemo courses, published and assigned to the group:")?;
                for c in courses {
                    let how = if c.created { "new" } else { "kept as it was" };
                    write!(f, "\n  {} — {} lessons ({how})", c.title, c.lessons)?;
                }
                write!(f, "\nThe videos play once `lernwerk serve` has transcoded them.")
            }
        }
    }
}

/// Seeds the demo; the courses come from the videos in `media_source`, if it exists.
pub async fn seed(
    db: &DatabaseConnection,
    settings: &Settings,
    media_source: &Path,
) -> Result<DemoSummary, DemoError> {
    let admin_password = random_token()[..16].to_owned();
    let trainer_password = random_token()[..16].to_owned();
    ensure_staff(db, Role::Admin, "demo-admin", &admin_password).await?;
    let trainer = ensure_staff(db, Role::Trainer, "demo-trainer", &trainer_password).await?;
    let valid = Duration::days(settings.access_code_days);
    let existing = learners::list_for(db, trainer.id, Role::Trainer).await?;
    let (learner_id, learner_code) = match existing.iter().find(|l| l.nickname.as_deref() == Some("Demo")) {
        Some(learner) => (learner.id, learners::issue_code(db, learner.id, valid).await?),
        None => {
            let (learner, code) = learners::create(db, Some(trainer.id), Some("Demo"), valid).await?;
            (learner.id, code)
        }
    };
    let group = courses::ensure_group(db, trainer.id, learner_id).await?;
    let courses = if media_source.is_dir() {
        Some(courses::ensure_all(db, settings, trainer.id, group.id, media_source).await?)
    } else {
        None
    };
    Ok(DemoSummary {
        admin_password,
        trainer_password,
        learner_code,
        group_name: group.name,
        join_code: group.join_code,
        courses,
        media_source: media_source.to_path_buf(),
    })
}

async fn ensure_staff(
    db: &DatabaseConnection,
    role: Role,
    name: &str,
    password: &str,
) -> Result<entities::user::Model, AccountError> {
    match staff::find_by_username(db, name).await? {
        Some(_) => staff::set_password(db, name, password).await,
        None => staff::create(db, role, name, password, None).await,
    }
}
