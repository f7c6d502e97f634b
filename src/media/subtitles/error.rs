//! What can be wrong with a subtitle file. Each problem names its message in the Fluent
//! files (`message_key`) with the values the message shows (`message_args`, line numbers
//! first), so the web layer can say it in the trainer's language; `Display` is English
//! for the log.

use std::fmt;

use super::timestamp;

/// A problem that makes us refuse the file: taking it would lose text or show it wrongly.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SubtitleError {
    #[error("file has {bytes} bytes, over the limit of {limit}")]
    FileTooLarge { bytes: usize, limit: usize },
    #[error("the bytes do not match the text encoding their byte order mark declares ({encoding})")]
    Encoding { encoding: &'static str },
    #[error("neither SRT nor WebVTT")]
    UnknownFormat,
    #[error("line {line}: malformed cue timing {found:?}")]
    Timestamp { line: usize, found: String },
    #[error(
        "line {line}: the cue ends ({}) before or when it starts ({})",
        timestamp::format(*end),
        timestamp::format(*start)
    )]
    CueDuration { line: usize, start: f64, end: f64 },
    #[error("line {line}: text outside any cue")]
    StrayText { line: usize },
    #[error("line {line}: {length} characters, over the limit of {limit}")]
    LineTooLong {
        line: usize,
        length: usize,
        limit: usize,
    },
    #[error("line {line}: a cue with {count} lines, over the limit of {limit}")]
    TooManyLines { line: usize, count: usize, limit: usize },
    #[error("line {line}: more than {limit} cues")]
    TooManyCues { line: usize, limit: usize },
    #[error("no cues")]
    NoCues,
    #[error("all {count} cues start after the video ends ({})", timestamp::format(*duration))]
    AllCuesAfterEnd { count: usize, duration: f64 },
}

impl SubtitleError {
    pub fn message_key(&self) -> &'static str {
        match self {
            SubtitleError::FileTooLarge { .. } => "subtitle-error-file-too-large",
            SubtitleError::Encoding { .. } => "subtitle-error-encoding",
            SubtitleError::UnknownFormat => "subtitle-error-format",
            SubtitleError::Timestamp { .. } => "subtitle-error-timestamp",
            SubtitleError::CueDuration { .. } => "subtitle-error-cue-duration",
            SubtitleError::StrayText { .. } => "subtitle-error-stray-text",
            SubtitleError::LineTooLong { .. } => "subtitle-error-line-too-long",
            SubtitleError::TooManyLines { .. } => "subtitle-error-cue-too-many-lines",
            SubtitleError::TooManyCues { .. } => "subtitle-error-too-many-cues",
            SubtitleError::NoCues => "subtitle-error-no-cues",
            SubtitleError::AllCuesAfterEnd { .. } => "subtitle-error-all-after-end",
        }
    }

    /// The variables the message uses, already formatted for a person.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            SubtitleError::FileTooLarge { bytes, limit } => {
                vec![("kilobytes", kilobytes(*bytes)), ("limit", kilobytes(*limit))]
            }
            SubtitleError::Encoding { encoding } => vec![("encoding", (*encoding).to_string())],
            SubtitleError::UnknownFormat | SubtitleError::NoCues => Vec::new(),
            SubtitleError::Timestamp { line, found } => {
                vec![("line", line.to_string()), ("found", found.clone())]
            }
            SubtitleError::CueDuration { line, start, end } => vec![
                ("line", line.to_string()),
                ("start", timestamp::format(*start)),
                ("end", timestamp::format(*end)),
            ],
            SubtitleError::StrayText { line } => vec![("line", line.to_string())],
            SubtitleError::LineTooLong { line, length, limit } => vec![
                ("line", line.to_string()),
                ("length", length.to_string()),
                ("limit", limit.to_string()),
            ],
            SubtitleError::TooManyLines { line, count, limit } => vec![
                ("line", line.to_string()),
                ("count", count.to_string()),
                ("limit", limit.to_string()),
            ],
            SubtitleError::TooManyCues { line, limit } => {
                vec![("line", line.to_string()), ("limit", limit.to_string())]
            }
            SubtitleError::AllCuesAfterEnd { count, duration } => vec![
                ("count", count.to_string()),
                ("duration", timestamp::format(*duration)),
            ],
        }
    }

    /// The line the problem is on, when it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            SubtitleError::Timestamp { line, .. }
            | SubtitleError::CueDuration { line, .. }
            | SubtitleError::StrayText { line }
            | SubtitleError::LineTooLong { line, .. }
            | SubtitleError::TooManyLines { line, .. }
            | SubtitleError::TooManyCues { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// Something we fixed by leaving a cue out; the file is taken, the trainer is told.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SubtitleWarning {
    #[error(
        "line {line}: the cue starts at {} after the video ends ({}); left out",
        timestamp::format(*start),
        timestamp::format(*duration)
    )]
    CueAfterEnd { line: usize, start: f64, duration: f64 },
}

impl SubtitleWarning {
    pub fn message_key(&self) -> &'static str {
        match self {
            SubtitleWarning::CueAfterEnd { .. } => "subtitle-warning-after-end",
        }
    }

    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            SubtitleWarning::CueAfterEnd {
                line,
                start,
                duration,
            } => vec![
                ("line", line.to_string()),
                ("start", timestamp::format(*start)),
                ("duration", timestamp::format(*duration)),
            ],
        }
    }
}

/// Every problem found in one file, in the order of the lines, up to the limit.
#[derive(Clone, Debug, PartialEq)]
pub struct SubtitleErrors {
    pub errors: Vec<SubtitleError>,
    /// More problems were found than are listed; reading stopped there.
    pub truncated: bool,
}

impl SubtitleErrors {
    pub(super) fn one(error: SubtitleError) -> Self {
        SubtitleErrors {
            errors: vec![error],
            truncated: false,
        }
    }
}

impl fmt::Display for SubtitleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, error) in self.errors.iter().enumerate() {
            if n > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        if self.truncated {
            f.write_str("; and more")?;
        }
        Ok(())
    }
}

impl std::error::Error for SubtitleErrors {}

/// Collects problems while reading, up to `max`; once one more turns up, `full` tells
/// the reader to stop (and the list says there were more).
pub(super) struct Problems {
    errors: Vec<SubtitleError>,
    max: usize,
    truncated: bool,
}

impl Problems {
    pub(super) fn new(max: usize) -> Self {
        Problems {
            errors: Vec::new(),
            max: max.max(1),
            truncated: false,
        }
    }

    pub(super) fn push(&mut self, error: SubtitleError) {
        if self.errors.len() < self.max {
            self.errors.push(error);
        } else {
            self.truncated = true;
        }
    }

    pub(super) fn full(&self) -> bool {
        self.truncated
    }

    pub(super) fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The problems sorted by line (problems of the whole file last).
    pub(super) fn into_errors(mut self) -> SubtitleErrors {
        self.errors.sort_by_key(|e| e.line().unwrap_or(usize::MAX));
        SubtitleErrors {
            errors: self.errors,
            truncated: self.truncated,
        }
    }
}

fn kilobytes(bytes: usize) -> String {
    bytes.div_ceil(1024).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_error_names_its_line() {
        let error = SubtitleError::Timestamp {
            line: 7,
            found: "00:00:01,000 -> 00:00:02,000".into(),
        };
        assert_eq!(error.message_key(), "subtitle-error-timestamp");
        assert_eq!(error.message_args()[0], ("line", "7".to_string()));
        assert!(error.to_string().starts_with("line 7: "));
    }

    #[test]
    fn problems_stop_at_the_limit_and_sort_by_line() {
        let mut problems = Problems::new(2);
        problems.push(SubtitleError::StrayText { line: 9 });
        assert!(!problems.full());
        problems.push(SubtitleError::NoCues);
        assert!(!problems.full());
        problems.push(SubtitleError::StrayText { line: 1 });
        assert!(problems.full());
        let errors = problems.into_errors();
        assert_eq!(
            errors.errors,
            vec![SubtitleError::StrayText { line: 9 }, SubtitleError::NoCues]
        );
        assert!(errors.truncated);
        assert_eq!(
            errors.to_string(),
            "line 9: text outside any cue; no cues; and more"
        );
    }
}
