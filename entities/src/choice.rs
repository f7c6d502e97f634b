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
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
