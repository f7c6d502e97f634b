//! Werkakademie rooms: a projector shows lessons to a group while the trainer steers it
//! from a phone. Pairing and the rooms themselves live in memory (`registry`); what a
//! room shows and how commands change it is pure (`state`); which lessons a trainer may
//! show and the presence credit go through the course engine (`lessons`, `presence`).
//! Nothing here knows HTTP.

pub mod catalog;
pub mod lessons;
pub mod messages;
pub mod pairing_code;
pub mod playlist;
pub mod presence;
pub mod registry;
pub mod settings;
pub mod state;

pub use registry::{Room, Rooms};

/// Why a room command was refused. `Refused` carries the Fluent key the trainer sees.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Course(#[from] crate::courses::CourseError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl RoomError {
    /// The key of the sentence the trainer sees.
    pub fn message_key(&self) -> &'static str {
        match self {
            RoomError::Refused(key) => key,
            RoomError::Course(crate::courses::CourseError::Invalid(key)) => key,
            _ => "error-internal",
        }
    }
}
