//! Pseudonymous learners: no name, no e-mail; an optional nickname and one-time access codes.

use chrono::{Duration, Utc};
use entities::{access_code as code_row, user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};

use super::{access_code, secret_hash, AccountError, Role};

/// Why a code login failed. Learners see one message for all of them; the audit log
/// and tests see the reason.
#[derive(Debug, PartialEq, Eq)]
pub enum CodeRejection {
    Malformed,
    Unknown,
    Expired,
    AlreadyUsed,
    AccountDisabled,
}

fn clean_nickname(nickname: Option<&str>) -> Result<Option<String>, AccountError> {
    match nickname.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.chars().count() > 64 => Err(AccountError::BadNickname),
        Some(n) => Ok(Some(n.to_owned())),
        None => Ok(None),
    }
}

/// Creates a learner and their first access code; returns both (the code in display form).
pub async fn create(
    db: &DatabaseConnection,
    created_by: Option<i64>,
    nickname: Option<&str>,
    code_valid_for: Duration,
) -> Result<(user::Model, String), AccountError> {
    let nickname = clean_nickname(nickname)?;
    let txn = db.begin().await?;
    let learner = user::ActiveModel {
        role: Set(Role::Learner.as_str().to_owned()),
        nickname: Set(nickname),
        created_by: Set(created_by),
        disabled: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let code = issue_code(&txn, learner.id, code_valid_for).await?;
    txn.commit().await?;
    Ok((learner, code))
}

/// The most cards one printed sheet holds: a course group, with room to spare.
pub const MAX_SHEET_LEARNERS: usize = 40;

/// Creates `count` learners at once, for a printed sheet of codes. With a `nickname_prefix`
/// they are called "prefix 1", "prefix 2", …; with a group they join it. All or nothing.
pub async fn create_many(
    db: &DatabaseConnection,
    created_by: i64,
    nickname_prefix: Option<&str>,
    count: usize,
    group_id: Option<i64>,
    code_valid_for: Duration,
) -> Result<Vec<(user::Model, String)>, AccountError> {
    if !(1..=MAX_SHEET_LEARNERS).contains(&count) {
        return Err(AccountError::BadCount);
    }
    let prefix = clean_nickname(nickname_prefix)?;
    // The longest name must fit too: "prefix 40".
    if let Some(p) = &prefix {
        clean_nickname(Some(&format!("{p} {count}")))?;
    }
    let txn = db.begin().await?;
    let mut created = Vec::with_capacity(count);
    for n in 1..=count {
        let learner = user::ActiveModel {
            role: Set(Role::Learner.as_str().to_owned()),
            nickname: Set(prefix.as_ref().map(|p| format!("{p} {n}"))),
            created_by: Set(Some(created_by)),
            disabled: Set(false),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if let Some(group_id) = group_id {
            crate::courses::groups::add_member(&txn, group_id, learner.id).await?;
        }
        let code = issue_code(&txn, learner.id, code_valid_for).await?;
        created.push((learner, code));
    }
    txn.commit().await?;
    Ok(created)
}

/// New codes for several learners at once (a group's sheet); all or nothing.
pub async fn renew_codes(
    db: &DatabaseConnection,
    learners: Vec<user::Model>,
    valid_for: Duration,
) -> Result<Vec<(user::Model, String)>, AccountError> {
    let txn = db.begin().await?;
    let mut renewed = Vec::with_capacity(learners.len());
    for learner in learners {
        let code = issue_code(&txn, learner.id, valid_for).await?;
        renewed.push((learner, code));
    }
    txn.commit().await?;
    Ok(renewed)
}

/// A new one-time code for a learner; every earlier unused code stops working.
pub async fn issue_code(
    db: &impl ConnectionTrait,
    learner_id: i64,
    valid_for: Duration,
) -> Result<String, AccountError> {
    let now = Utc::now();
    code_row::Entity::update_many()
        .col_expr(code_row::Column::ExpiresAt, Expr::value(now))
        .filter(code_row::Column::UserId.eq(learner_id))
        .filter(code_row::Column::UsedAt.is_null())
        .filter(code_row::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    let code = access_code::generate();
    let canonical = access_code::normalize(&code).unwrap_or_default();
    code_row::ActiveModel {
        user_id: Set(learner_id),
        code_hash: Set(secret_hash(&canonical)),
        created_at: Set(now),
        expires_at: Set(now + valid_for),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(code)
}

/// Redeems a typed code: marks it used and returns its learner. The update is
/// conditional on `used_at IS NULL`, so two phones racing with one code cannot both win.
pub async fn redeem_code(
    db: &impl ConnectionTrait,
    typed: &str,
) -> Result<Result<user::Model, CodeRejection>, AccountError> {
    let Some(canonical) = access_code::normalize(typed) else {
        return Ok(Err(CodeRejection::Malformed));
    };
    let Some((row, learner)) = code_row::Entity::find()
        .filter(code_row::Column::CodeHash.eq(secret_hash(&canonical)))
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(Err(CodeRejection::Unknown));
    };
    let Some(learner) = learner else {
        return Ok(Err(CodeRejection::Unknown));
    };
    let now = Utc::now();
    if row.used_at.is_some() {
        return Ok(Err(CodeRejection::AlreadyUsed));
    }
    if row.expires_at <= now {
        return Ok(Err(CodeRejection::Expired));
    }
    if learner.disabled {
        return Ok(Err(CodeRejection::AccountDisabled));
    }
    let claimed = code_row::Entity::update_many()
        .col_expr(code_row::Column::UsedAt, Expr::value(now))
        .filter(code_row::Column::Id.eq(row.id))
        .filter(code_row::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(Err(CodeRejection::AlreadyUsed));
    }
    Ok(Ok(learner))
}

/// Learners a staff member may manage: admins see all, trainers those they created.
pub async fn list_for(
    db: &impl ConnectionTrait,
    staff_id: i64,
    staff_role: Role,
) -> Result<Vec<user::Model>, AccountError> {
    let mut query = user::Entity::find().filter(user::Column::Role.eq(Role::Learner.as_str()));
    if staff_role != Role::Admin {
        query = query.filter(user::Column::CreatedBy.eq(staff_id));
    }
    Ok(query.order_by_desc(user::Column::Id).all(db).await?)
}

/// The learner with `id` if `staff_id` may manage them.
pub async fn find_managed(
    db: &impl ConnectionTrait,
    staff_id: i64,
    staff_role: Role,
    id: i64,
) -> Result<Option<user::Model>, AccountError> {
    let found = user::Entity::find_by_id(id)
        .filter(user::Column::Role.eq(Role::Learner.as_str()))
        .one(db)
        .await?;
    Ok(found.filter(|l| staff_role == Role::Admin || l.created_by == Some(staff_id)))
}
