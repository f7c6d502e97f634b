//! Subtitle tracks of a video: attach (add or replace) and detach, without re-encoding
//! anything. One row per language goes into `subtitle_tracks`, the normalised file into
//! the kept sources (see [`sources`]), and — once the video has a package — the files
//! into the package (see [`package`]) with the master playlist rewritten to list every
//! track.
//!
//! A track attached while the video is still queued or being transcoded is only kept
//! (row and source); the worker writes every kept track into each new package before it
//! publishes it ([`write_into_package`]), so tracks also survive a retry or a second
//! transcode. A track attached in the moment the package is published is caught either
//! by the worker (it lists the rows after publishing and adds what is new) or by
//! [`attach`] itself (it looks at the video again after its commit).
//!
//! Order of work in [`attach`]: the file is read and the new files are staged first (so
//! a bad file or a full disk changes nothing), then the row is written and the files are
//! swapped in inside one transaction, then the master playlist is rewritten from the
//! rows. Parsing and file work run on blocking threads.

pub mod languages;
pub mod package;
pub mod sources;

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
    ready_package(media_dir, video).ok_or(TrackError::NotReady)
}

/// Queued or being transcoded: a package is coming.
fn is_on_its_way(video: &video::Model) -> bool {
    matches!(video.status.as_str(), "queued" | "processing")
}

/// The package of a video, once it has a finished one.
fn ready_package(media_dir: &Path, video: &video::Model) -> Option<PathBuf> {
    match (&video.package_dir, video.status.as_str()) {
        (Some(dir), "ready") => {
            let path = media_dir.join(dir);
            path.join("manifest.json").is_file().then_some(path)
        }
        _ => None,
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

/// Whether the tracks of the video differ from `written` (what went into a package
/// from the rows listed at `since`): one written after, or one removed since.
pub async fn changed_since(
    db: &impl ConnectionTrait,
    video_id: i64,
    since: chrono::DateTime<Utc>,
    written: &[String],
) -> Result<bool, DbErr> {
    let rows = list(db, video_id).await?;
    let same_languages = rows.len() == written.len() && rows.iter().all(|t| written.contains(&t.language));
    Ok(!same_languages || rows.iter().any(|t| t.updated_at >= since))
}

/// Adds the track of `lang` to a video, or replaces it. With `make_default` it becomes
/// the video's only default track. Without a package yet, the track is kept and goes
/// into the package when the worker publishes it.
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
    let package = ready_package(media_dir, video);
    // Kept for later only while a package is on its way; a failed video gets none.
    if package.is_none() && !is_on_its_way(video) {
        return Err(TrackError::NotReady);
    }
    let duration = video.duration_seconds;
    let limits = limits.clone();
    let (staged, source, track) = {
        let package = package.clone();
        let media_dir = media_dir.to_path_buf();
        let video_id = video.id;
        blocking(move || {
            let track: Track = subtitles::parse_for_language(&bytes, language.code, &limits, duration)
                .map_err(TrackError::Invalid)?;
            let source =
                sources::prepare(&media_dir, video_id, language.code, &subtitles::to_webvtt(&track))?;
            let staged = match &package {
                Some(package) => {
                    let spans = package::video_spans(package)?;
                    Some(package::stage(package, language.code, &track, &spans)?)
                }
                None => None,
            };
            Ok((staged, source, track))
        })
        .await?
    };

    let txn = db.begin().await?;
    let row = match upsert(&txn, video.id, language.code, track.cues.len(), make_default).await {
        Ok(row) => row,
        Err(e) => {
            // Removing the staged files is file work too.
            blocking(move || {
                drop((staged, source));
                Ok(())
            })
            .await?;
            return Err(e.into());
        }
    };
    blocking(move || {
        source.keep()?;
        if let Some(staged) = staged {
            staged.install()?;
        }
        Ok(())
    })
    .await?;
    txn.commit().await?;
    match package {
        Some(package) => write_master(db, &package, video.id).await?,
        None => catch_up(db, media_dir, video.id).await?,
    }
    Ok(Attached {
        track: row,
        warnings: track.warnings,
    })
}

/// After attaching to a video without a package: if the package was published in the
/// meantime (after the worker listed the tracks), the track goes in now.
async fn catch_up<C>(db: &C, media_dir: &Path, video_id: i64) -> Result<(), TrackError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let Some(now) = video::Entity::find_by_id(video_id).one(db).await? else {
        return Ok(());
    };
    if ready_package(media_dir, &now).is_some() {
        sync_package(db, media_dir, &now).await?;
    }
    Ok(())
}

/// Writes every kept track of `video_id` into `package` (a staged one before it is
/// published, or the live one), each cut to `duration`, and rewrites its master
/// playlist. A track that cannot be written is left out and logged: subtitles never
/// stop a video. Returns the languages written.
pub async fn write_into_package(
    db: &impl ConnectionTrait,
    media_dir: &Path,
    video_id: i64,
    package: &Path,
    current: Option<&Path>,
    duration: Option<f64>,
) -> Result<Vec<String>, TrackError> {
    let rows = list(db, video_id).await?;
    let (media_dir, package) = (media_dir.to_path_buf(), package.to_path_buf());
    let current = current.map(Path::to_path_buf);
    blocking(move || {
        let spans = package::video_spans(&package)?;
        let mut listed = Vec::new();
        for row in rows {
            let written = write_one(&media_dir, video_id, &package, current.as_deref(), &row.language, duration, &spans);
            match written {
                Ok(()) => listed.push(ListedTrack {
                    label: languages::find(&row.language).map_or_else(|| row.language.clone(), |l| l.label.to_owned()),
                    language: row.language,
                    default: row.is_default,
                }),
                Err(e) => tracing::error!(video_id, lang = %row.language, error = %e, "subtitle track left out of the package"),
            }
        }
        package::rewrite_master(&package, &listed)?;
        Ok(listed.into_iter().map(|t| t.language).collect())
    })
    .await
}

fn write_one(
    media_dir: &Path,
    video_id: i64,
    package: &Path,
    current: Option<&Path>,
    lang: &str,
    duration: Option<f64>,
    spans: &[subtitles::SegmentSpan],
) -> Result<(), TrackError> {
    let bytes = sources::read(media_dir, video_id, lang, current)?
        .ok_or_else(|| TrackError::Blocking(format!("no kept source for {lang}")))?;
    let track = subtitles::parse(&bytes, &trusted_limits(), duration).map_err(TrackError::Invalid)?;
    for warning in &track.warnings {
        tracing::info!(video_id, lang, %warning, "subtitle cue left out");
    }
    package::stage(package, lang, &track, spans)?.install()?;
    Ok(())
}

/// Limits for reading our own normalised files back: they were checked when they came
/// in, under whatever limits were configured then.
fn trusted_limits() -> SubtitleLimits {
    SubtitleLimits {
        max_bytes: usize::MAX,
        max_cues: usize::MAX,
        max_line_chars: usize::MAX,
        max_lines_per_cue: usize::MAX,
        ..SubtitleLimits::default()
    }
}

/// Writes every kept track into the video's live package again (after a track came in
/// while the package was being published).
pub async fn sync_package<C>(db: &C, media_dir: &Path, video: &video::Model) -> Result<(), TrackError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let package = package_of(media_dir, video)?;
    write_into_package(
        db,
        media_dir,
        video.id,
        &package,
        Some(&package),
        video.duration_seconds,
    )
    .await?;
    Ok(())
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

/// Removes the track of `lang`: its row, its kept source, and (with a package) its
/// files and its line in the master playlist.
pub async fn detach<C>(db: &C, media_dir: &Path, video: &video::Model, lang: &str) -> Result<(), TrackError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let language = languages::find(lang).ok_or_else(|| TrackError::UnknownLanguage(lang.to_owned()))?;
    let package = ready_package(media_dir, video);
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
        let media_dir = media_dir.to_path_buf();
        let video_id = video.id;
        blocking(move || {
            sources::remove(&media_dir, video_id, language.code)?;
            if let Some(package) = package {
                package::remove(&package, language.code)?;
            }
            Ok(())
        })
        .await?;
    }
    txn.commit().await?;
    match package {
        Some(package) => write_master(db, &package, video.id).await,
        None => Ok(()),
    }
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
        subtitles::parse(&bytes, &trusted_limits(), None).map_err(TrackError::Invalid)
    })
    .await
}
