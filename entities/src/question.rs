use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A check question after a lesson's video: single choice, or multiple when `multiple`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub lesson_id: i64,
    pub position: i32,
    pub prompt: String,
    pub multiple: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
