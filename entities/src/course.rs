use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A course a trainer builds: modules of lessons, for one language, topic and level.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub owner_id: i64,
    pub title: String,
    pub summary: String,
    /// Language of the lessons (a code such as "de").
    pub language: String,
    /// "reading", "writing", "numbers", "digital", "everyday" or "work".
    pub topic: String,
    /// 1 (first steps) to 4.
    pub level: i16,
    /// Modules open one after another when true.
    pub gated: bool,
    /// Learners see only published courses.
    pub published: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::module::Entity")]
    Module,
}

impl Related<super::module::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Module.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
