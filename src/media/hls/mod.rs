//! Our own HLS playlists: we measure the media playlists FFmpeg's hls muxer wrote and
//! write the master playlist ourselves, because the muxer derives BANDWIDTH from the
//! configured maxrate instead of what was encoded.
//!
//! Bit rates follow RFC 8216 (section 4.3.4.2) and Apple's HLS authoring spec:
//! - peak segment bit rate: the largest bit rate of any run of consecutive segments whose
//!   total duration is 0.5 to 1.5 times the target duration (a lone segment always counts
//!   when it is at least half the target). With our 4 s segments and a 4 s target this is
//!   the largest single-segment rate, except that a short tail segment only counts together
//!   with the one before it, so it cannot inflate BANDWIDTH;
//! - average segment bit rate: all segment bytes over the playlist duration.
//!
//! The init segment (`EXT-X-MAP`) is not a media segment and counts in neither; its size
//! is reported separately for totals.

mod codecs;
mod learner_master;
mod master;
mod media_playlist;

use std::path::PathBuf;

pub use codecs::{avc1_codec_string, AAC_LC};
pub use learner_master::{learner_master, Renditions};
pub use master::{write_master, AudioRendition, SubtitleRendition, Variant, MASTER_PLAYLIST};
pub use media_playlist::{read_media_playlist, MediaPlaylist, Segment};

#[derive(Debug, thiserror::Error)]
pub enum HlsError {
    #[error("could not read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} line {line}: {reason}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("a master playlist needs at least one video variant")]
    NoVariants,
    #[error("invalid {field} {value:?} for the master playlist")]
    InvalidAttribute { field: &'static str, value: String },
}
