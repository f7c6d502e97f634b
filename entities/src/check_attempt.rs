use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One try at a lesson's check questions; `answers` is JSON {question id: [choice ids]}.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "check_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub learner_id: i64,
    pub lesson_id: i64,
    pub answers: String,
    pub correct: i32,
    pub total: i32,
    pub passed: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
