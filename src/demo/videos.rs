//! Demo videos enter the library the way an upload does: the file is copied into the
//! originals store, then the video and its transcode job are created together. The
//! subtitles `scripts/make-demo-media` wrote next to a video (`NAME.de.srt`,
//! `NAME.tr.srt`) are attached at once, while the video is still queued, the way a
//! trainer can: they go into the package when the worker has made it.

use std::path::Path;

use entities::video;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::DemoError;
use crate::accounts::random_token;
use crate::config::Settings;
use crate::media::{library, subtitle_tracks};

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
    let created = match library::add(db, owner_id, title, &relative, &settings.jobs).await {
        Ok(created) => created,
        Err(e) => {
            // Never keep an original that no video refers to.
            let _ = tokio::fs::remove_file(settings.media_dir.join(&relative)).await;
            return Err(e.into());
        }
    };
    attach_subtitles(db, settings, &created, source).await?;
    Ok(created)
}

/// German (the default track) and Turkish, when the files are there.
async fn attach_subtitles(
    db: &DatabaseConnection,
    settings: &Settings,
    video: &video::Model,
    source: &Path,
) -> Result<(), DemoError> {
    for (lang, make_default) in [("de", true), ("tr", false)] {
        let file = source.with_extension(format!("{lang}.srt"));
        let bytes = match tokio::fs::read(&file).await {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(source) => return Err(DemoError::Io { path: file, source }),
        };
        subtitle_tracks::attach(
            db,
            &settings.media_dir,
            &settings.subtitle_limits,
            video,
            lang,
            bytes,
            make_default,
        )
        .await
        .map_err(|e| DemoError::Subtitles(file.clone(), e))?;
    }
    Ok(())
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
