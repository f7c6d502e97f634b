use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A durable unit of background work (today: transcoding one video). A worker owns a
/// running job only while its lease lasts; `fencing_token` grows with every claim so
/// that a worker whose lease was taken over cannot write any more.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub video_id: i64,
    /// "transcode".
    pub kind: String,
    /// "queued", "running", "succeeded", "failed" or "cancelled".
    pub state: String,
    /// Claims so far, including the current one.
    pub attempts: i32,
    pub max_attempts: i32,
    /// Not to be claimed before this time (retry backoff).
    pub run_after: DateTimeUtc,
    /// The worker holding the lease.
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTimeUtc>,
    pub fencing_token: i64,
    pub cancel_requested: bool,
    pub progress_percent: f64,
    pub stage: String,
    /// Fluent key of the last error, for the trainer.
    pub error_key: Option<String>,
    /// Technical detail of the last error, for the log and the operator.
    pub error_detail: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::video::Entity",
        from = "Column::VideoId",
        to = "super::video::Column::Id",
        on_delete = "Cascade"
    )]
    Video,
}

impl Related<super::video::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Video.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
