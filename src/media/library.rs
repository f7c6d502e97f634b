//! Video records: who owns which upload, and handing a new one to the transcode queue.

use chrono::Utc;
use entities::{job, video};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use crate::accounts::Role;
use crate::jobs::queue::{self, QueueError};
use crate::jobs::settings::JobSettings;

pub const MAX_TITLE_CHARS: usize = 120;

/// Creates the video and its transcode job in one transaction: either both exist or
/// neither does. `original_path` is relative to the media directory.
pub async fn add(
    db: &DatabaseConnection,
    owner_id: i64,
    title: &str,
    original_path: &str,
    jobs: &JobSettings,
) -> Result<video::Model, QueueError> {
    let txn = db.begin().await?;
    let created = add_in(&txn, owner_id, title, original_path, jobs).await?;
    txn.commit().await?;
    Ok(created)
}

/// [`add`] inside the caller's transaction, for callers that write more in it (a
/// finished resumable upload records its video in the same commit).
pub async fn add_in<C>(
    txn: &C,
    owner_id: i64,
    title: &str,
    original_path: &str,
    jobs: &JobSettings,
) -> Result<video::Model, QueueError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let now = Utc::now();
    let created = video::ActiveModel {
        owner_id: Set(owner_id),
        title: Set(title.to_owned()),
        original_path: Set(original_path.to_owned()),
        status: Set("queued".into()),
        duration_seconds: Set(None),
        package_dir: Set(None),
        error_key: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    queue::enqueue(txn, created.id, jobs).await?;
    Ok(created)
}

/// A title as typed, trimmed; `None` when empty or too long.
pub fn clean_title(typed: &str) -> Option<String> {
    let title = typed.trim();
    (!title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS && !title.contains(['\r', '\n']))
        .then(|| title.to_owned())
}

/// The last part of a path as a browser or a Windows PC may send it.
pub fn file_base_name(file_name: &str) -> &str {
    file_name.rsplit(['/', '\\']).next().unwrap_or(file_name)
}

/// A title from a file name: "Prozente_im_Alltag-v2.mp4" → "Prozente im Alltag-v2".
pub fn title_from_file_name(file_name: &str) -> String {
    let base = file_base_name(file_name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    stem.replace('_', " ").chars().take(MAX_TITLE_CHARS).collect()
}

/// Videos a staff member may manage, newest first: admins see all, trainers their own.
pub async fn list_for(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
) -> Result<Vec<(video::Model, Option<job::Model>)>, DbErr> {
    let videos = videos_for(db, staff_id, role).await?;
    let mut rows = Vec::with_capacity(videos.len());
    for v in videos {
        let latest = latest_job(db, v.id).await?;
        rows.push((v, latest));
    }
    Ok(rows)
}

/// Videos a staff member may use, newest first, without their jobs.
pub async fn videos_for(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
) -> Result<Vec<video::Model>, DbErr> {
    let mut query = video::Entity::find().order_by_desc(video::Column::Id);
    if role != Role::Admin {
        query = query.filter(video::Column::OwnerId.eq(staff_id));
    }
    query.all(db).await
}

/// The video with `id` if `staff_id` may manage it.
pub async fn find_managed(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    id: i64,
) -> Result<Option<video::Model>, DbErr> {
    let found = video::Entity::find_by_id(id).one(db).await?;
    Ok(found.filter(|v| role == Role::Admin || v.owner_id == staff_id))
}

/// The newest job of a video, whatever its state.
pub async fn latest_job(db: &impl ConnectionTrait, video_id: i64) -> Result<Option<job::Model>, DbErr> {
    job::Entity::find()
        .filter(job::Column::VideoId.eq(video_id))
        .order_by_desc(job::Column::Id)
        .one(db)
        .await
}
