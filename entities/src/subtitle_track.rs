use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A subtitle track of a video in one language (BCP 47, e.g. `de`, `de-x-simple`). Its
/// files are in the video's package under `subs/`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "subtitle_tracks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub video_id: i64,
    pub language: String,
    /// At most one track per video is the default.
    pub is_default: bool,
    pub cue_count: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
