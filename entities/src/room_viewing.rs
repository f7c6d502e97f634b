use sea_orm::entity::prelude::*;
use serde::Serialize;

/// "Watched together": a learner was present when their trainer played the lesson to the
/// group in a room. Credit of its own, shown apart from the learner's own viewing.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "room_viewings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub learner_id: i64,
    pub lesson_id: i64,
    pub group_id: i64,
    pub trainer_id: i64,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
