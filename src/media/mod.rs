//! The media pipeline. So far: probing an untrusted upload safely (`probe`) against
//! configurable limits (`limits`); the transcoder builds on both.
//!
//! Every file a trainer uploads is untrusted. It is opened with FFmpeg restricted to
//! local files and a few container formats, described from its headers, and checked
//! against the limits before any stage decodes it.
//!
//! Decision: a file without a video stream (audio only, or audio with cover art) is
//! rejected with "no video" (`media-error-no-video`). Lessons are explainer videos;
//! audio-only lessons may come later as their own kind of lesson.
//!
//! All FFmpeg calls block: run them on a blocking thread, never in a handler.

pub mod hls;
pub mod images;
pub mod ladder;
pub mod lesson_size;
pub mod library;
pub mod limits;
pub mod pictures;
pub mod probe;
pub mod subtitle_tracks;
pub mod subtitles;
pub mod transcode;

use std::sync::OnceLock;

/// Initialises FFmpeg once per process and silences its own logging: its messages
/// would go to stderr outside our log, and every failure comes back as an error value
/// that we log with context instead.
pub(crate) fn init_ffmpeg() -> Result<(), ffmpeg_next::Error> {
    static INIT: OnceLock<Result<(), ffmpeg_next::Error>> = OnceLock::new();
    *INIT.get_or_init(|| {
        let result = ffmpeg_next::init();
        ffmpeg_next::util::log::set_level(ffmpeg_next::util::log::Level::Quiet);
        result
    })
}
