//! `lernwerk transcode … --subtitles LANG=FILE`: the same subtitle normalisation and
//! package files as on the trainer's page, offline. Every file is read and checked
//! before anything is transcoded; after the transcode the tracks are cut to the video's
//! length and written into the package, and a failure then removes the whole package,
//! so nothing is left half written.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::media::subtitle_tracks::package::{self, ListedTrack};
use crate::media::subtitle_tracks::{languages, SUBTITLE_LANGUAGES};
use crate::media::subtitles::{self, SubtitleErrors, SubtitleLimits, Track};
use crate::web::i18n::Lang;

/// One `--subtitles` argument, read and checked.
pub struct Requested {
    pub language: &'static str,
    pub label: &'static str,
    pub file: PathBuf,
    bytes: Vec<u8>,
}

/// What the JSON report says about a track.
#[derive(Serialize)]
pub struct Written {
    pub language: &'static str,
    pub label: &'static str,
    pub default: bool,
    pub cues: usize,
    pub file: String,
    pub playlist: String,
    /// Cues left out because they start after the end of the video, in English.
    pub warnings: Vec<String>,
}

fn english() -> Lang {
    Lang::find("en").unwrap_or_else(Lang::default_lang)
}

/// Every problem of a refused file, one line each, in English.
fn explain(file: &Path, errors: &SubtitleErrors) -> anyhow::Error {
    let lang = english();
    let mut lines: Vec<String> = errors
        .errors
        .iter()
        .map(|e| lang.t_args(e.message_key(), &e.message_args()))
        .collect();
    if errors.truncated {
        lines.push(lang.t("subtitle-error-more"));
    }
    anyhow::anyhow!("subtitles {} refused:\n  {}", file.display(), lines.join("\n  "))
}

/// Reads `LANG=FILE` arguments; an unknown language, a second file for one language, a
/// file that does not read or is refused ends the command before any transcoding.
pub fn check(arguments: &[String], limits: &SubtitleLimits) -> anyhow::Result<Vec<Requested>> {
    let mut requested: Vec<Requested> = Vec::new();
    for argument in arguments {
        let (code, file) = argument
            .split_once('=')
            .filter(|(c, f)| !c.is_empty() && !f.is_empty())
            .ok_or_else(|| anyhow::anyhow!("--subtitles needs LANG=FILE, got {argument:?}"))?;
        let language = languages::find(code).ok_or_else(|| {
            let known: Vec<&str> = SUBTITLE_LANGUAGES.iter().map(|l| l.code).collect();
            anyhow::anyhow!("unknown subtitle language {code:?}; known: {}", known.join(", "))
        })?;
        anyhow::ensure!(
            requested.iter().all(|r| r.language != language.code),
            "two subtitle files for {code}"
        );
        let file = PathBuf::from(file);
        let bytes = std::fs::read(&file).map_err(|e| anyhow::anyhow!("subtitles {}: {e}", file.display()))?;
        subtitles::parse_for_language(&bytes, language.code, limits, None).map_err(|e| explain(&file, &e))?;
        requested.push(Requested {
            language: language.code,
            label: language.label,
            file,
            bytes,
        });
    }
    Ok(requested)
}

/// Writes the tracks into the finished package at `out`; the first one is the default.
/// Blocks.
pub fn write(
    out: &Path,
    requested: &[Requested],
    limits: &SubtitleLimits,
    duration: Option<f64>,
) -> anyhow::Result<Vec<Written>> {
    if requested.is_empty() {
        return Ok(Vec::new());
    }
    let spans = package::video_spans(out)?;
    let lang = english();
    let mut written = Vec::new();
    for (index, track) in requested.iter().enumerate() {
        let parsed: Track = subtitles::parse_for_language(&track.bytes, track.language, limits, duration)
            .map_err(|e| explain(&track.file, &e))?;
        package::stage(out, track.language, &parsed, &spans)?.install()?;
        written.push(Written {
            language: track.language,
            label: track.label,
            default: index == 0,
            cues: parsed.cues.len(),
            file: format!("{}/{}.vtt", package::SUBS_DIR, track.language),
            playlist: format!("{}/{}/index.m3u8", package::SUBS_DIR, track.language),
            warnings: parsed
                .warnings
                .iter()
                .map(|w| lang.t_args(w.message_key(), &w.message_args()))
                .collect(),
        });
    }
    let listed: Vec<ListedTrack> = written
        .iter()
        .map(|w| ListedTrack {
            language: w.language.to_owned(),
            label: w.label.to_owned(),
            default: w.default,
        })
        .collect();
    package::rewrite_master(out, &listed)?;
    Ok(written)
}
