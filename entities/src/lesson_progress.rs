use sea_orm::entity::prelude::*;
use serde::Serialize;

/// Where one learner stands in one lesson. `watched` is the JSON union of the played
/// intervals (seconds of the video), so watching a part twice never counts twice.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "lesson_progress")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub learner_id: i64,
    pub lesson_id: i64,
    pub watched: String,
    pub watched_seconds: f64,
    /// Watched union ÷ duration, 0 to 1.
    pub coverage: f64,
    /// Where playback was last, for resuming.
    pub position: f64,
    pub rate: f64,
    pub video_complete: bool,
    /// Result of the last check attempt; `None`: not tried yet.
    pub checks_passed: Option<bool>,
    /// When the whole lesson (video and checks) was first complete.
    pub completed_at: Option<DateTimeUtc>,
    pub last_report_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Wall-clock end (server time) of the last offline playing taken from a queued
    /// report: later offline reports must start after it.
    pub offline_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
