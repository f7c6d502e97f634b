//! Subtitle tracks of a finished video: attach (add or replace) and detach, without
//! re-encoding anything. The files go into the video's package (see [`package`]), one
//! row per language into `subtitle_tracks`, and the master playlist is rewritten to list
//! every track.
//!
//! Order of work in [`attach`]: the file is read and the new files are staged first (so
//! a bad file or a full disk changes nothing), then the row is written and the files are
//! swapped in inside one transaction, then the master playlist is rewritten from the
//! rows. Parsing and file work run on blocking threads.

pub mod languages;
pub mod package;

use std::path::{Path, PathBuf};

use chrono::Utc;
use entities::{subtitle_track, video};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

use crate::media::subtitles::{self, SubtitleErrors, SubtitleLimits, SubtitleWarning, Track};
pub use languages::{SubtitleLanguage, SUBTITLE_LANGUAGES};
use package::{ListedTrack, PackageError};

#[derive(Debug, thiserror::Error)]
pub enum TrackError {
    #[error("the video has no finished package yet")]
    NotReady,
    #[error("unknown subtitle language {0:?}")]
    UnknownLanguage(String),
    #[error("no subtitle track in that language")]
    NoSuchTrack,
    #[error("the subtitle file was refused")]
    Invalid(SubtitleErrors),
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("a blocking task failed: {0}")]
    Blocking(String),
}

impl TrackError {
    /// The Fluent key for the trainer (for `Invalid`, each error has its own).
    pub fn message_key(&self) -> &'static str {
        match self {
            TrackError::NotReady => "subtitle-not-ready",
            TrackError::UnknownLanguage(_) => "subtitle-unknown-language",
            TrackError::NoSuchTrack => "error-not-found",
            TrackError::Invalid(_) => "subtitle-refused",
            _ => "error-internal",
        }
    }
}

pub struct Attached {
    pub track: subtitle_track::Model,
    /// What was left out while reading, for the trainer to see.
    pub warnings: Vec<SubtitleWarning>,
}

/// The package directory of a ready video.
fn package_of(media_dir: &Path, video: &video::Model) -> Result<PathBuf, TrackError> {
    match (&video.package_dir, video.status.as_str()) {
        (Some(dir), "ready") => {
            let path = media_dir.join(dir);
            if path.join("manifest.json").is_file() {
                Ok(path)
            } else {
                Err(TrackError::NotReady)
            }
        }
        _ => Err(TrackError::NotReady),
    }
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, TrackError> + Send + 'static,
) -> Result<T, TrackError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| TrackError::Blocking(e.to_string()))?
}

/// The tracks of a video, in the order of [`SUBTITLE_LANGUAGES`].
pub async fn list(db: &impl ConnectionTrait, video_id: i64) -> Result<Vec<subtitle_track::Model>, DbErr> {
    let mut tracks = subtitle_track::Entity::find()
        .filter(subtitle_track::Column::VideoId.eq(video_id))
        .all(db)
        .await?;
    tracks.sort_by_key(|t| languages::rank(&t.language));
    Ok(tracks)
}

/// Adds the track of `lang` to a ready video, or replaces it. With `make_default` it
/// becomes the video's only default track.
pub async fn attach<C>(
    db: &C,
    media_dir: &Path,
    limits: &SubtitleLimits,
    video: &video::Model,
    lang: &str,
    bytes: Vec<u8>,
    make_default: bool,
) -> Result<Attached, TrackError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let language = languages::find(lang).ok_or_else(|| TrackError::UnknownLanguage(lang.to_owned()))?;
    let package = package_of(media_dir, video)?;
    let duration = video.duration_seconds;
    let limits = limits.clone();
    let (staged, track) = {
        let package = package.clone();
        blocking(move || {
            let track: Track = subtitles::parse_for_language(&bytes, language.code, &limits, duration)
                .map_err(TrackError::Invalid)?;
            let spans = package::video_spans(&package)?;
            let staged = package::stage(&package, language.code, &track, &spans)?;
            Ok((staged, track))
        })
        .await?
    };

    let txn = db.begin().await?;
    let row = match upsert(&txn, video.id, language.code, track.cues.len(), make_default).await {
        Ok(row) => row,
        Err(e) => {
            // Removing the staged files is file work too.
            blocking(move || {
                drop(staged);
                Ok(())
            })
            .await?;
            return Err(e.into());
        }
    };
    blocking(move || Ok(staged.install()?)).await?;
    txn.commit().await?;
    write_master(db, &package, video.id).await?;
    Ok(Attached {
        track: row,
        warnings: track.warnings,
    })
}

/// The row of `lang`, written (inside the caller's transaction).
async fn upsert(
    txn: &impl ConnectionTrait,
    video_id: i64,
    lang: &str,
    cues: usize,
    make_default: bool,
) -> Result<subtitle_track::Model, DbErr> {
    let now = Utc::now();
    if make_default {
        subtitle_track::Entity::update_many()
            .col_expr(subtitle_track::Column::IsDefault, Expr::value(false))
            .filter(subtitle_track::Column::VideoId.eq(video_id))
            .exec(txn)
            .await?;
    }
    let cue_count = i32::try_from(cues).unwrap_or(i32::MAX);
    let existing = subtitle_track::Entity::find()
        .filter(subtitle_track::Column::VideoId.eq(video_id))
        .filter(subtitle_track::Column::Language.eq(lang))
        .one(txn)
        .await?;
    match existing {
        Some(row) => {
            let mut active: subtitle_track::ActiveModel = row.into();
            active.is_default = Set(make_default);
            active.cue_count = Set(cue_count);
            active.updated_at = Set(now);
            active.update(txn).await
        }
        None => {
            subtitle_track::ActiveModel {
                video_id: Set(video_id),
                language: Set(lang.to_owned()),
                is_default: Set(make_default),
                cue_count: Set(cue_count),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await
        }
    }
}

/// Removes the track of `lang`: its row, its files, its line in the master playlist.
pub async fn detach<C>(db: &C, media_dir: &Path, video: &video::Model, lang: &str) -> Result<(), TrackError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let language = languages::find(lang).ok_or_else(|| TrackError::UnknownLanguage(lang.to_owned()))?;
    let package = package_of(media_dir, video)?;
    let txn = db.begin().await?;
    let deleted = subtitle_track::Entity::delete_many()
        .filter(subtitle_track::Column::VideoId.eq(video.id))
        .filter(subtitle_track::Column::Language.eq(language.code))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(TrackError::NoSuchTrack);
    }
    {
        let package = package.clone();
        blocking(move || Ok(package::remove(&package, language.code)?)).await?;
    }
    txn.commit().await?;
    write_master(db, &package, video.id).await
}

/// Rewrites the master playlist from the rows.
async fn write_master(db: &impl ConnectionTrait, package: &Path, video_id: i64) -> Result<(), TrackError> {
    let tracks: Vec<ListedTrack> = list(db, video_id)
        .await?
        .into_iter()
        .map(|t| ListedTrack {
            label: languages::find(&t.language).map_or_else(|| t.language.clone(), |l| l.label.to_owned()),
            language: t.language,
            default: t.is_default,
        })
        .collect();
    let package = package.to_path_buf();
    blocking(move || Ok(package::rewrite_master(&package, &tracks)?)).await
}

/// The cues of a track as its side-car file has them, for the transcript.
pub async fn read_cues(media_dir: &Path, video: &video::Model, lang: &str) -> Result<Track, TrackError> {
    let language = languages::find(lang).ok_or_else(|| TrackError::UnknownLanguage(lang.to_owned()))?;
    let package = package_of(media_dir, video)?;
    blocking(move || {
        let path = package
            .join(package::SUBS_DIR)
            .join(format!("{}.vtt", language.code));
        let bytes = std::fs::read(&path).map_err(|source| PackageError::Io { path, source })?;
        // Our own normalised file: generous limits, it was checked when it came in.
        let limits = SubtitleLimits {
            max_bytes: usize::MAX,
            ..SubtitleLimits::default()
        };
        subtitles::parse(&bytes, &limits, None).map_err(TrackError::Invalid)
    })
    .await
}
