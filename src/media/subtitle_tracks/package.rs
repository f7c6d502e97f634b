//! The subtitle files inside a finished package, and the master playlist that lists
//! them. All of it blocks: call from a blocking thread.
//!
//! Layout: `subs/<lang>.vtt` (the side-car for `<track>`), `subs/<lang>/index.m3u8` and
//! `subs/<lang>/seg_NNNNN.vtt` (segmented for HLS, aligned to the first video rung's
//! segments). New files are written to a hidden staging directory in `subs/` and only
//! renamed into place once complete.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::media::hls::{self, AudioRendition, SubtitleRendition, Variant, AAC_LC};
use crate::media::subtitles::{segment, to_webvtt, SegmentSpan, Track, MPEGTS_FMP4};

pub const SUBS_DIR: &str = "subs";

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("package file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("manifest.json of the package does not read: {0}")]
    Manifest(String),
    #[error(transparent)]
    Hls(#[from] hls::HlsError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PackageError + '_ {
    move |source| PackageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The parts of `manifest.json` the master playlist is rebuilt from.
#[derive(Deserialize)]
struct Manifest {
    rungs: Vec<ManifestRung>,
    audio: Option<ManifestAudio>,
}

#[derive(Deserialize)]
struct ManifestRung {
    width: u32,
    height: u32,
    frame_rate: f64,
    codecs: String,
    peak_bitrate: u64,
    average_bitrate: u64,
    playlist: String,
}

#[derive(Deserialize)]
struct ManifestAudio {
    codecs: String,
    peak_bitrate: u64,
    average_bitrate: u64,
    playlist: String,
}

fn manifest(package: &Path) -> Result<Manifest, PackageError> {
    let path = package.join("manifest.json");
    let bytes = fs::read(&path).map_err(io(&path))?;
    let manifest: Manifest =
        serde_json::from_slice(&bytes).map_err(|e| PackageError::Manifest(e.to_string()))?;
    if manifest.rungs.is_empty() {
        return Err(PackageError::Manifest("no video rungs".into()));
    }
    Ok(manifest)
}

/// The video's own segment times, from the first rung's media playlist.
pub fn video_spans(package: &Path) -> Result<Vec<SegmentSpan>, PackageError> {
    let manifest = manifest(package)?;
    let playlist = hls::read_media_playlist(&package.join(&manifest.rungs[0].playlist))?;
    Ok(SegmentSpan::from_durations(
        playlist.segments.iter().map(|s| s.duration),
    ))
}

/// Writes the side-car and the segmented track of `lang` to a staging directory;
/// [`Staged::install`] puts them in place.
pub fn stage(
    package: &Path,
    lang: &str,
    track: &Track,
    spans: &[SegmentSpan],
) -> Result<Staged, PackageError> {
    let subs = package.join(SUBS_DIR);
    fs::create_dir_all(&subs).map_err(io(&subs))?;
    let dir = tempfile::Builder::new()
        .prefix(&format!(".stage-{lang}-"))
        .tempdir_in(&subs)
        .map_err(io(&subs))?;
    let segmented = segment(track, spans, MPEGTS_FMP4);
    let seg_dir = dir.path().join(lang);
    fs::create_dir(&seg_dir).map_err(io(&seg_dir))?;
    for file in &segmented.segments {
        write_synced(&seg_dir.join(&file.name), &file.body)?;
    }
    write_synced(&seg_dir.join("index.m3u8"), &segmented.playlist)?;
    write_synced(&dir.path().join(format!("{lang}.vtt")), &to_webvtt(track))?;
    Ok(Staged {
        dir,
        subs,
        lang: lang.to_owned(),
    })
}

fn write_synced(path: &Path, text: &str) -> Result<(), PackageError> {
    fs::File::create(path)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .map_err(io(path))
}

/// A complete track waiting in `subs/.stage-*`; dropped without installing, it is removed.
pub struct Staged {
    dir: tempfile::TempDir,
    subs: PathBuf,
    lang: String,
}

impl Staged {
    /// Replaces the track's files: the old segment directory is moved aside first and
    /// removed after, so a reader sees either the old or the new playlist.
    pub fn install(self) -> Result<(), PackageError> {
        let target = self.subs.join(&self.lang);
        let aside = self.dir.path().join(".old");
        if target.exists() {
            fs::rename(&target, &aside).map_err(io(&target))?;
        }
        let new_dir = self.dir.path().join(&self.lang);
        if let Err(e) = fs::rename(&new_dir, &target) {
            // Put the old track back: a failed replacement never loses the good one.
            let _ = fs::rename(&aside, &target);
            return Err(io(&target)(e));
        }
        let vtt = self.subs.join(format!("{}.vtt", self.lang));
        fs::rename(self.dir.path().join(format!("{}.vtt", self.lang)), &vtt).map_err(io(&vtt))?;
        // The staging directory (with the old files) goes when `self.dir` drops.
        Ok(())
    }
}

/// Removes the files of `lang`; files already gone are no error.
pub fn remove(package: &Path, lang: &str) -> Result<(), PackageError> {
    let subs = package.join(SUBS_DIR);
    let vtt = subs.join(format!("{lang}.vtt"));
    match fs::remove_file(&vtt) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(&vtt)(e)),
    }
    let dir = subs.join(lang);
    match fs::remove_dir_all(&dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(&dir)(e)),
    }
}

/// One subtitle track as the master playlist lists it.
pub struct ListedTrack {
    pub language: String,
    pub label: String,
    pub default: bool,
}

/// Rewrites `master.m3u8` (atomically) from the package's manifest and `tracks`.
pub fn rewrite_master(package: &Path, tracks: &[ListedTrack]) -> Result<(), PackageError> {
    let manifest = manifest(package)?;
    let variants: Vec<Variant> = manifest
        .rungs
        .iter()
        .map(|r| Variant {
            uri: r.playlist.clone(),
            width: r.width,
            height: r.height,
            frame_rate: r.frame_rate,
            codecs: r.codecs.clone(),
            peak_bitrate: r.peak_bitrate,
            average_bitrate: r.average_bitrate,
        })
        .collect();
    // As the transcoder writes it (`transcode::report::write_playlists`).
    let audio = manifest.audio.map(|a| AudioRendition {
        uri: a.playlist,
        name: "Audio".into(),
        language: None,
        channels: 2,
        codecs: if a.codecs.is_empty() {
            AAC_LC.into()
        } else {
            a.codecs
        },
        peak_bitrate: a.peak_bitrate,
        average_bitrate: a.average_bitrate,
    });
    let subtitles: Vec<SubtitleRendition> = tracks
        .iter()
        .map(|t| SubtitleRendition {
            uri: format!("{SUBS_DIR}/{}/index.m3u8", t.language),
            name: t.label.clone(),
            language: t.language.clone(),
            default: t.default,
        })
        .collect();
    hls::write_master(package, &variants, audio.as_ref(), &subtitles)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::subtitles::{parse, SubtitleLimits};

    fn track(text: &str) -> Track {
        let vtt = format!("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n{text}\n");
        parse(vtt.as_bytes(), &SubtitleLimits::default(), Some(8.0)).unwrap()
    }

    fn manifest_json(dir: &Path) {
        let json = r#"{"rungs":[{"name":"360p","width":640,"height":360,"frame_rate":25.0,
            "codecs":"avc1.64001e","peak_bitrate":500000,"average_bitrate":400000,
            "playlist":"video/360p/index.m3u8"}],
            "audio":{"codecs":"mp4a.40.2","peak_bitrate":100000,"average_bitrate":97000,
            "playlist":"audio/index.m3u8"}}"#;
        fs::write(dir.join("manifest.json"), json).unwrap();
    }

    #[test]
    fn staged_tracks_replace_the_old_files_and_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let spans = SegmentSpan::from_durations([4.0, 4.0]);
        stage(dir.path(), "de", &track("Alt"), &spans)
            .unwrap()
            .install()
            .unwrap();
        // Staged but dropped: nothing changes.
        drop(stage(dir.path(), "de", &track("Verworfen"), &spans).unwrap());
        let vtt = fs::read_to_string(dir.path().join("subs/de.vtt")).unwrap();
        assert!(vtt.contains("Alt"));
        stage(dir.path(), "de", &track("Neu"), &spans)
            .unwrap()
            .install()
            .unwrap();
        let vtt = fs::read_to_string(dir.path().join("subs/de.vtt")).unwrap();
        assert!(vtt.contains("Neu") && !vtt.contains("Alt"));
        for seg in ["seg_00000.vtt", "seg_00001.vtt"] {
            let body = fs::read_to_string(dir.path().join("subs/de").join(seg)).unwrap();
            assert!(body.contains("Neu"), "the cue spans both segments: {seg}");
        }
        let mut names: Vec<_> = fs::read_dir(dir.path().join("subs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["de", "de.vtt"], "no staging directory left");
        remove(dir.path(), "de").unwrap();
        remove(dir.path(), "de").unwrap();
        assert_eq!(fs::read_dir(dir.path().join("subs")).unwrap().count(), 0);
    }

    #[test]
    fn master_is_rebuilt_from_the_manifest_with_the_tracks() {
        let dir = tempfile::tempdir().unwrap();
        manifest_json(dir.path());
        let tracks = [
            ListedTrack {
                language: "de-x-simple".into(),
                label: "Einfache Sprache".into(),
                default: true,
            },
            ListedTrack {
                language: "fa".into(),
                label: "دری".into(),
                default: false,
            },
        ];
        rewrite_master(dir.path(), &tracks).unwrap();
        let master = fs::read_to_string(dir.path().join("master.m3u8")).unwrap();
        assert!(master.contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"de-x-simple\",NAME=\"Einfache Sprache\",\
             DEFAULT=YES,AUTOSELECT=YES,URI=\"subs/de-x-simple/index.m3u8\""
        ));
        assert!(master.contains("LANGUAGE=\"fa\",NAME=\"دری\",DEFAULT=NO"));
        assert!(master.contains("AUDIO=\"audio\",SUBTITLES=\"subs\"\nvideo/360p/index.m3u8"));
        rewrite_master(dir.path(), &[]).unwrap();
        let master = fs::read_to_string(dir.path().join("master.m3u8")).unwrap();
        assert!(!master.contains("SUBTITLES"));
    }
}
