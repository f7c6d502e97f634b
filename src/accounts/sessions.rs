//! Database-backed sessions: revocable one by one or all at once.

use chrono::{Duration, Utc};
use entities::{session, user};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use super::{random_token, secret_hash};

/// A freshly created session. `token` goes into the cookie and is never stored.
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
}

pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i64,
    lifetime: Duration,
) -> Result<NewSession, DbErr> {
    let token = random_token();
    let csrf_token = random_token();
    let now = Utc::now();
    session::ActiveModel {
        token_hash: Set(secret_hash(&token)),
        user_id: Set(user_id),
        csrf_token: Set(csrf_token.clone()),
        created_at: Set(now),
        expires_at: Set(now + lifetime),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    // Logging in is being seen: the retention rule for inactive learners reads this.
    user::Entity::update_many()
        .col_expr(user::Column::LastSeenAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(NewSession { token, csrf_token })
}

/// The live session for `token` and its user: not revoked, not expired, user enabled.
pub async fn find_live(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(session::Model, user::Model)>, DbErr> {
    let found = session::Entity::find()
        .filter(session::Column::TokenHash.eq(secret_hash(token)))
        .filter(session::Column::RevokedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .find_also_related(user::Entity)
        .one(db)
        .await?;
    Ok(match found {
        Some((s, Some(u))) if !u.disabled => Some((s, u)),
        _ => None,
    })
}

pub async fn revoke(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(session::Column::TokenHash.eq(secret_hash(token)))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user; returns how many were live.
pub async fn revoke_all(db: &impl ConnectionTrait, user_id: i64) -> Result<u64, DbErr> {
    let result = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Live sessions of a user, for the "where am I logged in" list.
pub async fn count_live(db: &impl ConnectionTrait, user_id: i64) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .count(db)
        .await
}
