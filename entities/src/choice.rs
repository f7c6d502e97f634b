use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One answer to pick for a question.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "choices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub question_id: i64,
    pub position: i32,
    pub text: String,
    /// Never sent to a learner's page before they answer.
    #[serde(skip_serializing)]
    pub correct: bool,
    /// The answer's picture, relative to the media directory, re-encoded as JPEG
    /// (`questions/<question id>/<choice id>.jpg`); pages load it from
    /// `/media/choices/<choice id>`, so the path itself is never sent.
    #[serde(skip_serializing)]
    pub image_path: Option<String>,
    /// Size of the stored picture in pixels, for the `width`/`height` of `<img>`.
    pub image_width: Option<i32>,
    pub image_height: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
