//! The `uploads` rows: who owns an upload, how long it is, when it expires.

use std::path::Path;

use chrono::{DateTime, Utc};
use entities::{upload, video};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set,
};

use super::metadata::Described;

/// A new upload's row.
pub async fn create(
    db: &impl ConnectionTrait,
    token: &str,
    owner_id: i64,
    length: u64,
    described: &Described,
    expires_at: DateTime<Utc>,
) -> Result<upload::Model, DbErr> {
    upload::ActiveModel {
        token: Set(token.to_owned()),
        owner_id: Set(owner_id),
        length: Set(i64::try_from(length).unwrap_or(i64::MAX)),
        filename: Set(described.filename.clone()),
        title: Set(described.title.clone()),
        original_path: Set(None),
        video_id: Set(None),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        completed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The upload with `token` if `owner_id` made it. Nobody else sees it, admins neither:
/// an upload in progress is its maker's alone.
pub async fn find_owned(
    db: &impl ConnectionTrait,
    token: &str,
    owner_id: i64,
) -> Result<Option<upload::Model>, DbErr> {
    upload::Entity::find()
        .filter(upload::Column::Token.eq(token))
        .filter(upload::Column::OwnerId.eq(owner_id))
        .one(db)
        .await
}

pub async fn find_by_token(db: &impl ConnectionTrait, token: &str) -> Result<Option<upload::Model>, DbErr> {
    upload::Entity::find()
        .filter(upload::Column::Token.eq(token))
        .one(db)
        .await
}

/// Moves the expiry on after an accepted chunk.
pub async fn extend(db: &impl ConnectionTrait, id: i64, expires_at: DateTime<Utc>) -> Result<(), DbErr> {
    upload::Entity::update_many()
        .col_expr(upload::Column::ExpiresAt, Expr::value(expires_at))
        .filter(upload::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records where the finished file is about to go (before it is moved).
pub async fn plan_original(db: &impl ConnectionTrait, id: i64, relative: &str) -> Result<(), DbErr> {
    upload::Entity::update_many()
        .col_expr(upload::Column::OriginalPath, Expr::value(relative))
        .filter(upload::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks an upload done, with its video (inside the transaction that made the video).
pub async fn mark_complete(
    db: &impl ConnectionTrait,
    id: i64,
    video_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let updated = upload::Entity::update_many()
        .col_expr(upload::Column::VideoId, Expr::value(video_id))
        .col_expr(upload::Column::CompletedAt, Expr::value(now))
        .col_expr(upload::Column::ExpiresAt, Expr::value(expires_at))
        .filter(upload::Column::Id.eq(id))
        .filter(upload::Column::CompletedAt.is_null())
        .exec(db)
        .await?;
    if updated.rows_affected == 1 {
        Ok(())
    } else {
        Err(DbErr::RecordNotUpdated)
    }
}

pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    upload::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Rows whose time is up: unfinished ones to remove with their files, finished ones
/// whose URL need not answer any more.
pub async fn expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Vec<upload::Model>, DbErr> {
    upload::Entity::find()
        .filter(upload::Column::ExpiresAt.lt(now))
        .all(db)
        .await
}

/// `(bytes in use, quota)` of `owner_id`, or `None` when there is no quota.
pub async fn quota_in_use(
    db: &impl ConnectionTrait,
    settings: &crate::config::Settings,
    owner_id: i64,
) -> Result<Option<(u64, u64)>, DbErr> {
    match settings.uploads.quota_bytes {
        0 => Ok(None),
        quota => Ok(Some((
            bytes_in_use(db, &settings.media_dir, owner_id).await?,
            quota,
        ))),
    }
}

/// Bytes `owner_id` keeps: their unfinished uploads at full length plus the originals
/// of their videos as they are on disk.
pub async fn bytes_in_use(db: &impl ConnectionTrait, media_dir: &Path, owner_id: i64) -> Result<u64, DbErr> {
    let pending: Vec<i64> = upload::Entity::find()
        .select_only()
        .column(upload::Column::Length)
        .filter(upload::Column::OwnerId.eq(owner_id))
        .filter(upload::Column::CompletedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let originals: Vec<String> = video::Entity::find()
        .select_only()
        .column(video::Column::OriginalPath)
        .filter(video::Column::OwnerId.eq(owner_id))
        .into_tuple()
        .all(db)
        .await?;
    let media_dir = media_dir.to_path_buf();
    let on_disk = tokio::task::spawn_blocking(move || {
        originals
            .iter()
            .filter_map(|p| std::fs::metadata(media_dir.join(p)).ok())
            .map(|m| m.len())
            .sum::<u64>()
    })
    .await
    .map_err(|e| DbErr::Custom(format!("measuring originals: {e}")))?;
    Ok(pending
        .iter()
        .map(|l| u64::try_from(*l).unwrap_or(0))
        .sum::<u64>()
        + on_disk)
}
