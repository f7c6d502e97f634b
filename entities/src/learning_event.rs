use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One thing a learner did in a lesson, for their timeline and the xAPI export:
/// "opened"; "played" (`detail`: the new intervals, position and rate of one report);
/// "completed" (`detail`: coverage and threshold); "answered" (`detail`: score, passed).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "learning_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub learner_id: i64,
    pub lesson_id: i64,
    pub kind: String,
    pub at: DateTimeUtc,
    /// JSON.
    pub detail: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
