//! The periodic sweep: expired unfinished uploads go with their files; finished ones
//! lose their row (the video stays); files without a row (a crash between file and row)
//! go once they are older than the expiry, and so do files in the originals store that
//! no video and no upload names (a form upload the server died in).

use std::collections::HashSet;
use std::path::Path;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use entities::{upload, video};
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
    pub stray_originals: usize,
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
    swept.stray_originals = remove_stray_originals(db, media_dir, settings).await?;
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
        if older_than(&path, max_age) && remove_if_there(&path).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

async fn remove_stray_originals(
    db: &impl ConnectionTrait,
    media_dir: &Path,
    settings: &UploadSettings,
) -> Result<usize, UploadError> {
    let dir = media_dir.join(ORIGINALS);
    let files = tokio::task::spawn_blocking(move || list_files(&dir))
        .await
        .map_err(|e| UploadError::Io(std::io::Error::other(e)))??;
    if files.is_empty() {
        return Ok(0);
    }
    let mut named: HashSet<String> = video::Entity::find()
        .select_only()
        .column(video::Column::OriginalPath)
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    named.extend(
        upload::Entity::find()
            .select_only()
            .column(upload::Column::OriginalPath)
            .into_tuple::<Option<String>>()
            .all(db)
            .await?
            .into_iter()
            .flatten(),
    );
    let max_age = settings.expiry().to_std().unwrap_or_default();
    let mut removed = 0;
    for (name, path) in files {
        if named.contains(&format!("{ORIGINALS}/{name}")) || !older_than(&path, max_age) {
            continue;
        }
        if remove_if_there(&path).is_ok() {
            tracing::info!(file = %path.display(), "removed an original that no video names");
            removed += 1;
        }
    }
    Ok(removed)
}

/// The originals store, relative to the media directory, as videos name their files.
const ORIGINALS: &str = "originals";

fn list_files(dir: &Path) -> std::io::Result<Vec<(String, std::path::PathBuf)>> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in read {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            found.push((entry.file_name().to_string_lossy().into_owned(), entry.path()));
        }
    }
    Ok(found)
}

fn older_than(path: &Path, age: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|have| have > age)
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
