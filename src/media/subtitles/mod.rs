//! Subtitles: SRT and WebVTT files from trainers, read, checked and normalised into one
//! clean form ([`Track`]), written back as WebVTT ([`to_webvtt`]) and as segmented
//! WebVTT for HLS ([`segment`]).
//!
//! Reading: bytes are decoded ([`decode`]: UTF-8 ± BOM, UTF-16 with BOM, a legacy code
//! page otherwise), the format is recognised by its first line (`WEBVTT` or a cue number
//! or timing), then read by `srt` or `webvtt`. Cue text is rebuilt with only the tags
//! `b i u c v lang ruby rt` ([`CueText`]); anything else is escaped text.
//!
//! Normalising, with these decisions:
//! - problems we can fix without losing anything are fixed silently: a byte order mark,
//!   CRLF or CR line ends, missing or wrong SRT cue numbers, a missing empty line before
//!   a cue, invalid cue settings (dropped), cue identifiers (dropped), cues without text
//!   (dropped), cues running past the end of the video (cut at the end);
//! - a cue that starts at or after the end of the video is left out with a warning
//!   ([`SubtitleWarning`], in [`Track::warnings`]); when that leaves no cue at all the
//!   file is refused (most likely it belongs to another video);
//! - a cue that ends before or when it starts (0 length or negative) is an **error**
//!   (`subtitle-error-cue-duration`): a player never shows it, so its text would be lost
//!   without anyone noticing; the trainer is told the line and fixes the times;
//! - problems that lose text are errors: a timing that does not read, text outside any
//!   cue, lines or cues over the limits. All of them are collected (up to
//!   [`SubtitleLimits::max_problems`]), sorted by line, rather than only the first;
//! - overlapping cues are kept (WebVTT allows them: two speakers at once); cues are
//!   sorted by start time.

mod cue_text;
mod cue_tokens;
mod decode;
mod error;
mod limits;
mod segment;
mod settings;
mod sink;
mod srt;
mod timestamp;
mod webvtt;
mod write;

pub use cue_text::{CueText, Node, Span, SpanKind};
pub use decode::{decode, legacy_encoding};
pub use error::{SubtitleError, SubtitleErrors, SubtitleWarning};
pub use limits::SubtitleLimits;
pub use segment::{
    media_playlist, segment, segment_file_name, SegmentFile, SegmentSpan, SegmentedSubtitles, MPEGTS_FMP4,
};
pub use timestamp::format as format_timestamp;
pub use write::to_webvtt;

use encoding_rs::Encoding;

use error::Problems;
use sink::{CueSink, RawCue};

/// A normalised subtitle track: cues sorted by start, each with text, a positive
/// length and within the video.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Track {
    pub cues: Vec<Cue>,
    /// What was left out while normalising, for the trainer to see.
    pub warnings: Vec<SubtitleWarning>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// Seconds from the start of the video.
    pub start: f64,
    pub end: f64,
    /// Valid WebVTT cue settings, space-separated (`line:0 align:start`), or empty.
    pub settings: String,
    pub text: CueText,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Srt,
    WebVtt,
}

/// Reads a subtitle file (SRT or WebVTT) and normalises it; text that is neither UTF-8
/// nor UTF-16 is read as Windows-1252. `video_duration` (seconds), when known, is what
/// cues are clamped to.
pub fn parse(
    bytes: &[u8],
    limits: &SubtitleLimits,
    video_duration: Option<f64>,
) -> Result<Track, SubtitleErrors> {
    parse_with_encoding(bytes, encoding_rs::WINDOWS_1252, limits, video_duration)
}

/// [`parse`] for a track in `language` (BCP 47): text that is neither UTF-8 nor UTF-16
/// is read in the legacy code page usual for that language (Windows-1251 for Ukrainian,
/// Windows-1256 for Arabic and Dari, Windows-1254 for Turkish …).
pub fn parse_for_language(
    bytes: &[u8],
    language: &str,
    limits: &SubtitleLimits,
    video_duration: Option<f64>,
) -> Result<Track, SubtitleErrors> {
    parse_with_encoding(bytes, legacy_encoding(language), limits, video_duration)
}

fn parse_with_encoding(
    bytes: &[u8],
    legacy: &'static Encoding,
    limits: &SubtitleLimits,
    video_duration: Option<f64>,
) -> Result<Track, SubtitleErrors> {
    // Before anything is decoded: a 50 MB file costs nothing.
    if bytes.len() > limits.max_bytes {
        return Err(SubtitleErrors::one(SubtitleError::FileTooLarge {
            bytes: bytes.len(),
            limit: limits.max_bytes,
        }));
    }
    let text = decode(bytes, legacy).map_err(SubtitleErrors::one)?;
    let format = detect(&text).ok_or(SubtitleErrors::one(SubtitleError::UnknownFormat))?;
    let mut sink = CueSink::new(limits);
    check_line_lengths(&text, limits, &mut sink);
    if !sink.stopped() {
        match format {
            Format::Srt => srt::read(&text, &mut sink),
            Format::WebVtt => webvtt::read(&text, &mut sink),
        }
    }
    let (cues, mut problems) = sink.into_parts();
    let track = normalise(cues, video_duration, &mut problems);
    if problems.is_empty() {
        Ok(track)
    } else {
        Err(problems.into_errors())
    }
}

/// WebVTT by its signature, SRT by a first line that is a cue number or a timing.
pub fn detect(text: &str) -> Option<Format> {
    if webvtt::has_signature(text) {
        Some(Format::WebVtt)
    } else if srt::looks_like_srt(text) {
        Some(Format::Srt)
    } else {
        None
    }
}

fn check_line_lengths(text: &str, limits: &SubtitleLimits, sink: &mut CueSink<'_>) {
    let limit = limits.max_line_chars;
    for (index, line) in text.split('\n').enumerate() {
        // Bytes are at least as many as characters: count only lines that may be long.
        if line.len() > limit {
            let length = line.chars().count();
            if length > limit {
                sink.problem(SubtitleError::LineTooLong {
                    line: index + 1,
                    length,
                    limit,
                });
                if sink.stopped() {
                    return;
                }
            }
        }
    }
}

/// Checks cue times, clamps them to the video, sorts; see the module notes.
fn normalise(raw: Vec<RawCue>, video_duration: Option<f64>, problems: &mut Problems) -> Track {
    let duration = video_duration.filter(|d| d.is_finite() && *d > 0.0);
    let mut track = Track::default();
    for cue in raw {
        if cue.text.is_blank() {
            continue;
        }
        if cue.end <= cue.start {
            problems.push(SubtitleError::CueDuration {
                line: cue.line,
                start: cue.start,
                end: cue.end,
            });
            continue;
        }
        let mut end = cue.end;
        if let Some(duration) = duration {
            // In whole milliseconds, as written: a cue must keep at least one.
            if millis(cue.start) >= millis(duration) {
                track.warnings.push(SubtitleWarning::CueAfterEnd {
                    line: cue.line,
                    start: cue.start,
                    duration,
                });
                continue;
            }
            end = end.min(duration);
        }
        let mut text = cue.text;
        text.keep_timestamps_within(cue.start, end);
        track.cues.push(Cue {
            start: cue.start,
            end,
            settings: cue.settings,
            text,
        });
    }
    track.cues.sort_by(|a, b| a.start.total_cmp(&b.start));
    if problems.is_empty() && track.cues.is_empty() {
        problems.push(match (track.warnings.len(), duration) {
            (count, Some(duration)) if count > 0 => SubtitleError::AllCuesAfterEnd { count, duration },
            _ => SubtitleError::NoCues,
        });
    }
    track
}

fn millis(seconds: f64) -> u64 {
    (seconds * 1000.0).round() as u64
}

#[cfg(test)]
mod tests;
