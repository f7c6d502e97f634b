use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A learner's choices that follow them from phone to phone: how much data videos may use.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "learner_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub learner_id: i64,
    /// "auto", "low" or "audio".
    pub data_saver: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::LearnerId",
        to = "super::user::Column::Id",
        on_delete = "Cascade"
    )]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
