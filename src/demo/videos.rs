//! Demo videos enter the library the way an upload does: the file is copied into the
//! originals store, then the video and its transcode job are created together.

use std::path::Path;

use entities::video;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::DemoError;
use crate::accounts::random_token;
use crate::config::Settings;
use crate::media::library;

/// The trainer's video with this title, uploaded from `source` unless it exists already.
pub async fn ensure(
    db: &DatabaseConnection,
    settings: &Settings,
    owner_id: i64,
    title: &str,
    source: &Path,
) -> Result<video::Model, DemoError> {
    let existing = video::Entity::find()
        .filter(video::Column::OwnerId.eq(owner_id))
        .filter(video::Column::Title.eq(title))
        .one(db)
        .await?;
    if let Some(found) = existing {
        return Ok(found);
    }
    let relative = store_original(&settings.media_dir, source).await?;
    match library::add(db, owner_id, title, &relative, &settings.jobs).await {
        Ok(created) => Ok(created),
        Err(e) => {
            // Never keep an original that no video refers to.
            let _ = tokio::fs::remove_file(settings.media_dir.join(&relative)).await;
            Err(e.into())
        }
    }
}

/// Copies `source` into `originals/` under a random name, as the upload form names files;
/// written under a temporary name, synced, then renamed. Returns the path relative to the
/// media directory.
async fn store_original(media_dir: &Path, source: &Path) -> Result<String, DemoError> {
    let dir = media_dir.join("originals");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DemoError::Io { path, source }
    };
    tokio::fs::create_dir_all(&dir).await.map_err(io(&dir))?;
    let name = format!("{}.upload", random_token());
    let partial = dir.join(format!("{name}.part"));
    let copied = async {
        tokio::fs::copy(source, &partial).await.map_err(io(source))?;
        let file = tokio::fs::File::open(&partial).await.map_err(io(&partial))?;
        file.sync_all().await.map_err(io(&partial))?;
        tokio::fs::rename(&partial, dir.join(&name))
            .await
            .map_err(io(&partial))
    }
    .await;
    if let Err(e) = copied {
        let _ = tokio::fs::remove_file(&partial).await;
        return Err(e);
    }
    Ok(format!("originals/{name}"))
}
