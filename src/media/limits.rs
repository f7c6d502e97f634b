//! What an upload may contain, checked on the probe before anything is decoded: a
//! 500 KB file can claim ten hours or an 8192×8192 frame, and the transcoder would
//! then spend hours or gigabytes on it. Over a limit means rejected, never clamped.

use serde::{Deserialize, Serialize};

use super::probe::{Probe, ProbeError};

/// Configurable in `[media_limits]` of `lernwerk.toml` or `LERNWERK_MEDIA_LIMITS__*`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MediaLimits {
    /// Largest width or height of a video frame, in pixels.
    pub max_side: u32,
    /// Largest frame area, in pixels (8.9 Mpx lets 4096×2176 and 2160×4096 through).
    pub max_pixels: u64,
    /// Longest duration, in seconds.
    pub max_duration_seconds: f64,
    /// Highest frame rate of a video stream.
    pub max_frame_rate: f64,
    /// Most streams (video, audio, subtitles, data) in one file.
    pub max_streams: usize,
}

impl Default for MediaLimits {
    fn default() -> Self {
        MediaLimits {
            max_side: 4096,
            max_pixels: 8_912_896,
            max_duration_seconds: 3.0 * 3600.0,
            max_frame_rate: 120.0,
            max_streams: 8,
        }
    }
}

impl MediaLimits {
    /// The first limit `probe` breaks, checked in the order a trainer can best act on.
    pub fn check(&self, probe: &Probe) -> Result<(), ProbeError> {
        if probe.primary_video().is_none() {
            return Err(ProbeError::NoVideo);
        }
        if probe.duration_seconds > self.max_duration_seconds {
            return Err(ProbeError::TooLong {
                seconds: probe.duration_seconds,
                limit: self.max_duration_seconds,
            });
        }
        // Every video stream, not only the primary one: a second, hidden stream would
        // still be demuxed, and later stages may pick a different one.
        for video in probe.video_streams() {
            let (width, height) = (video.width, video.height);
            if width > self.max_side
                || height > self.max_side
                || u64::from(width) * u64::from(height) > self.max_pixels
            {
                return Err(ProbeError::FrameTooLarge {
                    width,
                    height,
                    max_side: self.max_side,
                    max_pixels: self.max_pixels,
                });
            }
            if let Some(fps) = video.frame_rate.filter(|fps| *fps > self.max_frame_rate) {
                return Err(ProbeError::FrameRate {
                    fps,
                    limit: self.max_frame_rate,
                });
            }
        }
        if probe.streams.len() > self.max_streams {
            return Err(ProbeError::TooManyStreams {
                count: probe.streams.len(),
                limit: self.max_streams,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::probe::{StreamInfo, StreamKind, VideoInfo};

    fn video(width: u32, height: u32, fps: f64) -> StreamInfo {
        StreamInfo {
            index: 0,
            codec: "h264".into(),
            bit_rate: None,
            kind: StreamKind::Video(VideoInfo {
                width,
                height,
                display_width: width,
                display_height: height,
                rotation: 0,
                pixel_format: Some("yuv420p".into()),
                frame_rate: Some(fps),
                profile: None,
                level: None,
                attached_picture: false,
            }),
        }
    }

    fn probe(streams: Vec<StreamInfo>, seconds: f64) -> Probe {
        Probe {
            format: "matroska,webm".into(),
            duration_seconds: seconds,
            size_bytes: 1000,
            bit_rate: None,
            streams,
        }
    }

    fn check(streams: Vec<StreamInfo>, seconds: f64) -> Result<(), ProbeError> {
        MediaLimits::default().check(&probe(streams, seconds))
    }

    #[test]
    fn limits_are_inclusive() {
        assert!(check(vec![video(4096, 2176, 120.0)], 10_800.0).is_ok());
        assert!(check(vec![video(2176, 4096, 30.0)], 1.0).is_ok());
    }

    #[test]
    fn each_limit_rejects_just_above() {
        let too_long = check(vec![video(640, 360, 25.0)], 10_800.5);
        assert!(
            matches!(too_long, Err(ProbeError::TooLong { .. })),
            "{too_long:?}"
        );
        let too_wide = check(vec![video(4098, 100, 25.0)], 1.0);
        assert!(
            matches!(too_wide, Err(ProbeError::FrameTooLarge { .. })),
            "{too_wide:?}"
        );
        // Each side fits, the area does not.
        let too_many_pixels = check(vec![video(4096, 2178, 25.0)], 1.0);
        assert!(
            matches!(too_many_pixels, Err(ProbeError::FrameTooLarge { .. })),
            "{too_many_pixels:?}"
        );
        let too_fast = check(vec![video(640, 360, 120.1)], 1.0);
        assert!(
            matches!(too_fast, Err(ProbeError::FrameRate { .. })),
            "{too_fast:?}"
        );
        let nine = (0..9).map(|_| video(64, 64, 25.0)).collect();
        assert!(matches!(
            check(nine, 1.0),
            Err(ProbeError::TooManyStreams { count: 9, limit: 8 })
        ));
    }

    #[test]
    fn a_hidden_second_video_stream_is_checked_too() {
        let streams = vec![video(640, 360, 25.0), video(8192, 8192, 1.0)];
        assert!(matches!(
            check(streams, 1.0),
            Err(ProbeError::FrameTooLarge { .. })
        ));
    }

    #[test]
    fn cover_art_alone_is_no_video() {
        let mut cover = video(600, 600, 1.0);
        if let StreamKind::Video(v) = &mut cover.kind {
            v.attached_picture = true;
        }
        assert!(matches!(check(vec![cover], 60.0), Err(ProbeError::NoVideo)));
    }

    #[test]
    fn unknown_frame_rate_is_not_a_rejection() {
        let mut still = video(640, 360, 1.0);
        if let StreamKind::Video(v) = &mut still.kind {
            v.frame_rate = None;
        }
        assert!(check(vec![still], 5.0).is_ok());
    }
}
