//! A complete upload becomes a video: the file is renamed into the originals store,
//! then the video, its transcode job and the upload's completion are committed in one
//! transaction. If that fails, the file is renamed back: there is neither a video nor
//! an orphan file, and the upload can be finished again.

use std::path::{Path, PathBuf};

use chrono::Utc;
use entities::upload;
use sea_orm::{ConnectionTrait, TransactionSession, TransactionTrait};

use super::store::{sync_dir, Layout, LockedPart};
use super::{records, UploadError};
use crate::accounts::random_token;
use crate::jobs::settings::JobSettings;
use crate::media::library;

/// The trainer's page of a video, where its processing status shows.
pub fn video_page(video_id: i64) -> String {
    format!("/trainer/videos/{video_id}")
}

/// Finishes `upload`, whose part file the caller holds locked and complete; returns
/// the new video's id.
pub async fn finish<C>(
    db: &C,
    media_dir: &Path,
    jobs: &JobSettings,
    expiry: chrono::Duration,
    upload: &upload::Model,
    part: &LockedPart,
) -> Result<i64, UploadError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let relative = match &upload.original_path {
        Some(planned) => planned.clone(),
        None => {
            let planned = format!("originals/{}.upload", random_token());
            records::plan_original(db, upload.id, &planned).await?;
            planned
        }
    };
    let target = media_dir.join(&relative);
    let from = part.path().to_path_buf();
    move_file(from.clone(), target.clone()).await?;
    let committed = async {
        let txn = db.begin().await?;
        let video = library::add_in(&txn, upload.owner_id, &upload.title, &relative, jobs).await?;
        let now = Utc::now();
        records::mark_complete(&txn, upload.id, video.id, now, now + expiry).await?;
        txn.commit().await?;
        Ok::<_, UploadError>(video.id)
    }
    .await;
    match committed {
        Ok(video_id) => {
            tracing::info!(upload = upload.id, video_id, "upload complete");
            Ok(video_id)
        }
        Err(e) => {
            // Back where it was: the upload stays complete and can be finished again.
            if let Err(back) = move_file(target, from).await {
                tracing::error!(upload = upload.id, error = %back, "could not move the upload back");
            }
            Err(e)
        }
    }
}

async fn move_file(from: PathBuf, to: PathBuf) -> Result<(), UploadError> {
    tokio::task::spawn_blocking(move || {
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::rename(&from, &to)?;
        for dir in [to.parent(), from.parent()].into_iter().flatten() {
            sync_dir(dir);
        }
        Ok::<_, std::io::Error>(())
    })
    .await
    .map_err(|e| UploadError::Io(std::io::Error::other(e)))??;
    Ok(())
}

/// Undoes a move that a crash left without its commit: the planned original exists,
/// the part file does not, and no video came of it. True when something was moved back.
pub async fn restore_interrupted(layout: &Layout, media_dir: &Path, upload: &upload::Model) -> bool {
    let (Some(planned), None) = (&upload.original_path, upload.video_id) else {
        return false;
    };
    let target = media_dir.join(planned);
    let part = layout.part(&upload.token);
    if part.exists() || !target.is_file() {
        return false;
    }
    match move_file(target, part).await {
        Ok(()) => {
            tracing::warn!(
                upload = upload.id,
                "moved an interrupted upload back from the originals"
            );
            true
        }
        Err(e) => {
            tracing::error!(upload = upload.id, error = %e, "could not restore an interrupted upload");
            false
        }
    }
}

/// Locks the part file of `upload`, restoring it first if a crash left it moved.
pub async fn lock(
    layout: &Layout,
    media_dir: &Path,
    upload: &upload::Model,
) -> Result<LockedPart, UploadError> {
    match layout.lock(&upload.token).await {
        Err(UploadError::NotFound) if restore_interrupted(layout, media_dir, upload).await => {
            layout.lock(&upload.token).await
        }
        other => other,
    }
}
