//! The kept copy of every track, outside the package: `media/subtitles/<video>/<lang>.vtt`,
//! normalised WebVTT as it came in (not yet cut to the video's length). A track attached
//! while the video is still being transcoded lives only here until the package exists;
//! every new package (the first, or a retry, or a re-transcode) gets its tracks from here.
//! All of it blocks: call from a blocking thread.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::package::{PackageError, SUBS_DIR};

pub const SOURCES_DIR: &str = "subtitles";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PackageError + '_ {
    move |source| PackageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub fn dir(media_dir: &Path, video_id: i64) -> PathBuf {
    media_dir.join(SOURCES_DIR).join(video_id.to_string())
}

pub fn path(media_dir: &Path, video_id: i64, lang: &str) -> PathBuf {
    dir(media_dir, video_id).join(format!("{lang}.vtt"))
}

/// A source written under a temporary name and synced; [`Pending::keep`] renames it
/// into place, dropping it removes it.
pub struct Pending {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Pending {
    pub fn keep(self) -> Result<(), PackageError> {
        let target = self.target;
        self.temp.persist(&target).map_err(|e| io(&target)(e.error))?;
        Ok(())
    }
}

pub fn prepare(media_dir: &Path, video_id: i64, lang: &str, webvtt: &str) -> Result<Pending, PackageError> {
    let dir = dir(media_dir, video_id);
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{lang}-"))
        .tempfile_in(&dir)
        .map_err(io(&dir))?;
    temp.write_all(webvtt.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io(&dir))?;
    Ok(Pending {
        temp,
        target: path(media_dir, video_id, lang),
    })
}

/// The kept source of a track, or — for tracks attached before sources were kept — the
/// side-car in the current package. `None` when neither is there.
pub fn read(
    media_dir: &Path,
    video_id: i64,
    lang: &str,
    package: Option<&Path>,
) -> Result<Option<Vec<u8>>, PackageError> {
    let mut candidates = vec![path(media_dir, video_id, lang)];
    if let Some(package) = package {
        candidates.push(package.join(SUBS_DIR).join(format!("{lang}.vtt")));
    }
    for candidate in candidates {
        match fs::read(&candidate) {
            Ok(bytes) => return Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&candidate)(e)),
        }
    }
    Ok(None)
}

pub fn remove(media_dir: &Path, video_id: i64, lang: &str) -> Result<(), PackageError> {
    let path = path(media_dir, video_id, lang);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&path)(e)),
        _ => Ok(()),
    }
}
