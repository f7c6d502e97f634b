use sea_orm::entity::prelude::*;
use serde::Serialize;

/// Append-only record of logins and admin actions. Database triggers refuse UPDATE and
/// DELETE. `actor_id` and `subject_id` are plain numbers, not foreign keys, so that
/// deleting an account never rewrites history; `detail` never holds personal data.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub action: String,
    pub subject_id: Option<i64>,
    pub detail: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
