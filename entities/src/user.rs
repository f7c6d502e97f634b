use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Everyone who can log in. Staff (admin, trainer) have a username and a password hash;
/// learners are pseudonymous and have neither — only an optional nickname.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// "admin", "trainer" or "learner".
    pub role: String,
    #[sea_orm(unique)]
    pub username: Option<String>,
    #[serde(skip_serializing)]
    pub password_hash: Option<String>,
    pub nickname: Option<String>,
    /// The staff member who created this account (learners: their trainer).
    pub created_by: Option<i64>,
    /// Preferred interface language, when the person chose one.
    pub locale: Option<String>,
    pub disabled: bool,
    pub created_at: DateTimeUtc,
    pub last_seen_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::session::Entity")]
    Session,
    #[sea_orm(has_many = "super::access_code::Entity")]
    AccessCode,
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl Related<super::access_code::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AccessCode.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
