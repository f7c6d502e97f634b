//! How large a subtitle file may be. Every limit is checked while reading, so a huge or
//! hostile file is refused early: the size before anything is decoded, the cue count as
//! soon as it is passed.

use serde::{Deserialize, Serialize};

/// Configurable like [`crate::media::limits::MediaLimits`]; the defaults fit a lesson of
/// several hours with room to spare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubtitleLimits {
    /// Largest file, in bytes, before decoding. A 90-minute film has about 100 KB.
    pub max_bytes: usize,
    /// Most cues in one file.
    pub max_cues: usize,
    /// Longest line, in characters (not bytes, so Arabic or Ukrainian is not penalised).
    pub max_line_chars: usize,
    /// Most text lines in one cue; more is nearly always a missing blank line.
    pub max_lines_per_cue: usize,
    /// Most problems reported for one file; reading stops after that many.
    pub max_problems: usize,
}

impl Default for SubtitleLimits {
    fn default() -> Self {
        SubtitleLimits {
            max_bytes: 2 * 1024 * 1024,
            max_cues: 5_000,
            max_line_chars: 500,
            max_lines_per_cue: 10,
            max_problems: 20,
        }
    }
}
