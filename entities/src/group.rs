use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A class of learners with their trainer; learners join when added or with `join_code`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "groups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub trainer_id: i64,
    pub name: String,
    #[sea_orm(unique)]
    pub join_code: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
