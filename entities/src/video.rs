use sea_orm::entity::prelude::*;
use serde::Serialize;

/// An uploaded video and where its processing stands. Paths are relative to the media
/// directory so that the directory can move.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "videos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub owner_id: i64,
    pub title: String,
    /// The uploaded source file.
    pub original_path: String,
    /// "queued", "processing", "ready" or "failed".
    pub status: String,
    pub duration_seconds: Option<f64>,
    /// The finished HLS package, once there is one.
    pub package_dir: Option<String>,
    /// Fluent key of the last processing error, for the trainer.
    pub error_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::OwnerId",
        to = "super::user::Column::Id",
        on_delete = "Cascade"
    )]
    Owner,
    #[sea_orm(has_many = "super::job::Entity")]
    Job,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}

impl Related<super::job::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Job.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
