//! The periodic sweep: expired unfinished uploads go with their files; finished ones
//! lose their row (the video stays); files without a row (a crash between file and row)
//! go once they are older than the expiry.

use std::collections::HashSet;
use std::path::Path;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use entities::upload;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QuerySelect};

use super::settings::UploadSettings;
use super::store::{remove_if_there, Layout};
use super::{records, UploadError};

/// What one sweep removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub unfinished: usize,
    pub finished: usize,
    pub stray_files: usize,
}

pub async fn sweep(
    db: &impl ConnectionTrait,
    media_dir: &Path,
    settings: &UploadSettings,
    now: DateTime<Utc>,
) -> Result<Swept, UploadError> {
    let layout = Layout::new(media_dir);
    let mut swept = Swept::default();
    for row in records::expired(db, now).await? {
        if row.completed_at.is_some() {
            records::delete(db, row.id).await?;
            swept.finished += 1;
            continue;
        }
        // A request writing to it right now keeps it: its next chunk moves the expiry.
        let part = match layout.lock(&row.token).await {
            Ok(part) => Some(part),
            Err(UploadError::Locked) => continue,
            Err(UploadError::NotFound) => None,
            Err(e) => return Err(e),
        };
        remove_unfinished(&layout, media_dir, &row).await?;
        drop(part);
        records::delete(db, row.id).await?;
        swept.unfinished += 1;
    }
    swept.stray_files = remove_strays(db, &layout, settings).await?;
    Ok(swept)
}

async fn remove_unfinished(
    layout: &Layout,
    media_dir: &Path,
    row: &upload::Model,
) -> Result<(), UploadError> {
    layout.remove(&row.token).await?;
    // A move into the originals that a crash left without its video.
    if let (Some(planned), None) = (&row.original_path, row.video_id) {
        let path = media_dir.join(planned);
        tokio::task::spawn_blocking(move || remove_if_there(&path))
            .await
            .map_err(|e| UploadError::Io(std::io::Error::other(e)))??;
    }
    Ok(())
}

async fn remove_strays(
    db: &impl ConnectionTrait,
    layout: &Layout,
    settings: &UploadSettings,
) -> Result<usize, UploadError> {
    let files = {
        let layout = layout.clone();
        tokio::task::spawn_blocking(move || layout.files())
            .await
            .map_err(|e| UploadError::Io(std::io::Error::other(e)))??
    };
    if files.is_empty() {
        return Ok(0);
    }
    let known: HashSet<String> = upload::Entity::find()
        .select_only()
        .column(upload::Column::Token)
        .into_tuple::<String>()
        .all(db)
        .await
        .map_err(|e: DbErr| UploadError::Db(e))?
        .into_iter()
        .collect();
    let max_age = settings.expiry().to_std().unwrap_or_default();
    let mut removed = 0;
    for (token, path) in files {
        if known.contains(&token) {
            continue;
        }
        let old = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > max_age);
        if old && remove_if_there(&path).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Sweeps every `cleanup_interval_seconds` until the server stops; failures are
/// logged and never end the server.
pub async fn sweep_periodically(
    db: sea_orm::DatabaseConnection,
    media_dir: std::path::PathBuf,
    settings: UploadSettings,
) {
    let every = settings.cleanup_interval();
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match sweep(&db, &media_dir, &settings, Utc::now()).await {
            Ok(swept) if swept == Swept::default() => {}
            Ok(swept) => tracing::info!(?swept, "removed expired uploads"),
            Err(error) => tracing::error!(%error, "removing expired uploads failed; trying again later"),
        }
    }
}
