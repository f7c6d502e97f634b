//! The course engine: structure and order, groups, honest progress, checks and unlocking.
//! The pure rules (`intervals`, `completion`, `checks`, `sequence`) are free of I/O; the
//! rest applies them to the database.

pub mod checks;
pub mod choice_pictures;
pub mod completion;
pub mod data_saver;
pub mod groups;
pub mod intervals;
pub mod learning;
pub mod offline_progress;
pub mod progress;
pub mod progress_writer;
pub mod questions;
pub mod reports;
pub mod scope;
pub mod sequence;
pub mod structure;
pub mod xapi;

/// Why a course-engine operation was refused. `Invalid` carries the Fluent key of the
/// sentence the person sees.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    #[error("progress report refused: {0}")]
    BadReport(String),
    #[error("answers refused: {0}")]
    BadAnswers(String),
    #[error("the lesson was not opened before reporting")]
    NotOpened,
    #[error("the lesson's video has no known duration yet")]
    NotReady,
    /// A picture on an answer was refused; `line` is the answer's line in the form.
    #[error("picture of answer {line}: {source}")]
    Picture {
        line: usize,
        source: crate::media::pictures::PictureError,
    },
    #[error("storing files: {0}")]
    Storage(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
