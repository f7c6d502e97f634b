use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A resumable (tus) upload of a staff member. The bytes that arrived so far are in
/// `media/uploads/<token>.part`; the offset is that file's length, not a column.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "uploads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The random part of the upload's URL.
    #[sea_orm(unique)]
    pub token: String,
    pub owner_id: i64,
    /// Announced size in bytes (`Upload-Length`).
    pub length: i64,
    /// Name of the file on the trainer's computer (`filename` metadata).
    pub filename: String,
    /// Title the video gets.
    pub title: String,
    /// Where the finished file goes in the originals store, relative to the media
    /// directory; set just before it is moved there, so a crash in between is found.
    pub original_path: Option<String>,
    /// The video made from it, once complete.
    pub video_id: Option<i64>,
    pub created_at: DateTimeUtc,
    /// An unfinished upload is removed after this; every accepted chunk moves it on.
    pub expires_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
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
    #[sea_orm(
        belongs_to = "super::video::Entity",
        from = "Column::VideoId",
        to = "super::video::Column::Id",
        on_delete = "SetNull"
    )]
    Video,
}

impl ActiveModelBehavior for ActiveModel {}
