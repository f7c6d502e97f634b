//! Admin and trainer accounts: created with a name and a password, logging in with both.

use chrono::Utc;
use entities::user;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{password, AccountError, Role};

pub fn validate_username(name: &str) -> Result<(), AccountError> {
    let ok_len = (3..=64).contains(&name.len());
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok_len && ok_chars {
        Ok(())
    } else {
        Err(AccountError::BadUsername)
    }
}

/// Creates an admin or trainer. User names are case-insensitive: stored lower-case.
pub async fn create(
    db: &impl ConnectionTrait,
    role: Role,
    username: &str,
    plain_password: &str,
    created_by: Option<i64>,
) -> Result<user::Model, AccountError> {
    if role == Role::Learner {
        return Err(AccountError::UnknownRole("learner".into()));
    }
    let username = username.trim().to_lowercase();
    validate_username(&username)?;
    let hash = password::hash(plain_password)?;
    if find_by_username(db, &username).await?.is_some() {
        return Err(AccountError::UsernameTaken);
    }
    Ok(user::ActiveModel {
        role: Set(role.as_str().to_owned()),
        username: Set(Some(username)),
        password_hash: Set(Some(hash)),
        created_by: Set(created_by),
        disabled: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Replaces the password of an existing staff account.
pub async fn set_password(
    db: &impl ConnectionTrait,
    username: &str,
    plain_password: &str,
) -> Result<user::Model, AccountError> {
    let found = find_by_username(db, username)
        .await?
        .ok_or(AccountError::NotFound)?;
    let mut active: user::ActiveModel = found.into();
    active.password_hash = Set(Some(password::hash(plain_password)?));
    Ok(active.update(db).await?)
}

pub async fn find_by_username(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<user::Model>, AccountError> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username.trim().to_lowercase()))
        .one(db)
        .await?)
}

/// The account if name and password match and the account is enabled. Always spends
/// one argon2 verification, so timing does not tell whether a name exists.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    username: &str,
    plain_password: &str,
) -> Result<Option<user::Model>, AccountError> {
    let found = find_by_username(db, username).await?;
    let stored = found
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_owned());
    let password_owned = plain_password.to_owned();
    let matches = tokio::task::spawn_blocking(move || password::verify(&password_owned, &stored))
        .await
        .unwrap_or(false);
    Ok(found.filter(|u| matches && !u.disabled && u.role != Role::Learner.as_str()))
}

/// Every staff account, admins first.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<user::Model>, AccountError> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.ne(Role::Learner.as_str()))
        .order_by_asc(user::Column::Role)
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?)
}
