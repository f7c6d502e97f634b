//! Where the SRT and WebVTT readers put what they find: cues as read (before they are
//! checked against each other and the video) and problems, with the cue limits.

use super::cue_text::CueText;
use super::error::{Problems, SubtitleError};
use super::limits::SubtitleLimits;

/// A cue as read, with the line of its timing for messages.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RawCue {
    pub line: usize,
    pub start: f64,
    pub end: f64,
    pub settings: String,
    pub text: CueText,
}

/// A cue's timing line as read.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Timing {
    pub line: usize,
    pub start: f64,
    pub end: f64,
    pub settings: String,
}

pub(super) struct CueSink<'a> {
    cues: Vec<RawCue>,
    problems: Problems,
    limits: &'a SubtitleLimits,
    over_cue_limit: bool,
}

impl<'a> CueSink<'a> {
    pub(super) fn new(limits: &'a SubtitleLimits) -> Self {
        CueSink {
            cues: Vec::new(),
            problems: Problems::new(limits.max_problems),
            limits,
            over_cue_limit: false,
        }
    }

    /// Adds a cue whose timing is on `line` and whose text is `text` (`line_count` lines
    /// in the file). Past the cue limit nothing more is read: a file of 100 000 cues
    /// costs no more than one of 5 001.
    pub(super) fn add(&mut self, timing: Timing, text: &str, line_count: usize) {
        let Timing {
            line,
            start,
            end,
            settings,
        } = timing;
        if self.stopped() {
            return;
        }
        if self.cues.len() >= self.limits.max_cues {
            self.problems.push(SubtitleError::TooManyCues {
                line,
                limit: self.limits.max_cues,
            });
            self.over_cue_limit = true;
            return;
        }
        if line_count > self.limits.max_lines_per_cue {
            self.problems.push(SubtitleError::TooManyLines {
                line,
                count: line_count,
                limit: self.limits.max_lines_per_cue,
            });
        }
        self.cues.push(RawCue {
            line,
            start,
            end,
            settings,
            text: CueText::parse(text),
        });
    }

    pub(super) fn into_parts(self) -> (Vec<RawCue>, Problems) {
        (self.cues, self.problems)
    }

    pub(super) fn problem(&mut self, error: SubtitleError) {
        self.problems.push(error);
    }

    /// Reading should stop: over the cue limit, or as many problems as are reported.
    pub(super) fn stopped(&self) -> bool {
        self.over_cue_limit || self.problems.full()
    }
}

/// The start of a line for an error message: at most 60 characters.
pub(super) fn excerpt(line: &str) -> String {
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}
