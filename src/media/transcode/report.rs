//! What a transcode made and how long it took: progress events while it runs, the
//! measured playlists, and `manifest.json` when it is done.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::audio::AudioResult;
use super::TranscodeError;
use crate::media::hls::{self, AudioRendition, Variant, AAC_LC};
use crate::media::images::{PosterFile, StoryboardInfo};
use crate::media::ladder::Rung;
use crate::media::probe::Probe;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Probe,
    Encode,
    Package,
    Done,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Progress {
    pub stage: Stage,
    pub percent: f64,
}

/// Wall time per stage.
pub struct StageClock {
    since: Instant,
    laps: Vec<(Stage, Duration)>,
}

impl StageClock {
    pub fn new() -> Self {
        StageClock {
            since: Instant::now(),
            laps: Vec::new(),
        }
    }

    pub fn lap(&mut self, stage: Stage) {
        let now = Instant::now();
        self.laps.push((stage, now - self.since));
        self.since = now;
    }
}

#[derive(Debug, Serialize)]
pub struct RungReport {
    pub name: String,
    pub width: u32,
    pub height: u32,
    pub frame_rate: f64,
    pub codecs: String,
    pub level: u32,
    pub maxrate_kbps: u32,
    pub peak_bitrate: u64,
    pub average_bitrate: u64,
    pub segments: usize,
    pub bytes: u64,
    pub playlist: String,
}

#[derive(Debug, Serialize)]
pub struct AudioReport {
    pub codecs: String,
    pub source_lufs: Option<f64>,
    pub gain_db: f64,
    pub target_lufs: f64,
    pub peak_bitrate: u64,
    pub average_bitrate: u64,
    pub bytes: u64,
    pub playlist: String,
}

/// The measured playlists, before the rest of the report is known.
pub struct Package {
    rungs: Vec<RungReport>,
    audio: Option<(u64, u64, u64)>,
    duration: f64,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub source: Probe,
    pub duration_seconds: f64,
    pub frames_decoded: u64,
    pub rungs: Vec<RungReport>,
    pub audio: Option<AudioReport>,
    pub master_playlist: &'static str,
    pub offline: &'static str,
    pub posters: Vec<PosterFile>,
    pub storyboard: StoryboardInfo,
    pub total_bytes: u64,
    /// Seconds per stage.
    pub stage_seconds: Vec<(Stage, f64)>,
}

impl Report {
    pub fn new(
        source: Probe,
        package: Package,
        audio: Option<AudioResult>,
        posters: Vec<PosterFile>,
        storyboard: StoryboardInfo,
        frames_decoded: u64,
        clock: StageClock,
    ) -> Report {
        let audio = audio
            .zip(package.audio)
            .map(|(a, (peak, average, bytes))| AudioReport {
                codecs: AAC_LC.into(),
                source_lufs: a.source_lufs,
                gain_db: a.gain_db,
                target_lufs: super::audio::TARGET_LUFS,
                peak_bitrate: peak,
                average_bitrate: average,
                bytes,
                playlist: "audio/index.m3u8".into(),
            });
        let total_bytes = package.rungs.iter().map(|r| r.bytes).sum::<u64>()
            + audio.as_ref().map_or(0, |a| a.bytes)
            + posters.iter().map(|p| p.bytes).sum::<u64>()
            + storyboard.bytes;
        Report {
            source,
            duration_seconds: package.duration,
            frames_decoded,
            rungs: package.rungs,
            audio,
            master_playlist: hls::MASTER_PLAYLIST,
            offline: "offline.mp4",
            posters,
            storyboard,
            total_bytes,
            stage_seconds: clock.laps.iter().map(|(s, d)| (*s, d.as_secs_f64())).collect(),
        }
    }

    pub fn write_manifest(&self, dir: &Path) -> Result<(), TranscodeError> {
        let json = serde_json::to_vec_pretty(self).map_err(|_| TranscodeError::Internal("manifest"))?;
        std::fs::write(dir.join("manifest.json"), json)?;
        Ok(())
    }
}

/// Measures every media playlist, reads the real codec of each rung from its init
/// segment, and writes the master playlist from those figures.
pub fn write_playlists(dir: &Path, rungs: &[Rung], has_audio: bool) -> Result<Package, TranscodeError> {
    let audio = if has_audio {
        let playlist = hls::read_media_playlist(&dir.join("audio/index.m3u8"))?;
        Some(playlist)
    } else {
        None
    };
    let mut reports = Vec::new();
    let mut variants = Vec::new();
    let mut duration: f64 = 0.0;
    for rung in rungs {
        let uri = format!("video/{}/index.m3u8", rung.name);
        let playlist = hls::read_media_playlist(&dir.join(&uri))?;
        let init = std::fs::read(dir.join("video").join(&rung.name).join("init.mp4"))?;
        let codecs = avcc_payload(&init)
            .and_then(hls::avc1_codec_string)
            .ok_or(TranscodeError::Internal("no avcC in init segment"))?;
        duration = duration.max(playlist.duration());
        variants.push(Variant {
            uri: uri.clone(),
            width: rung.width,
            height: rung.height,
            frame_rate: rung.fps_f64(),
            codecs: codecs.clone(),
            peak_bitrate: playlist.peak_bitrate(),
            average_bitrate: playlist.average_bitrate(),
        });
        reports.push(RungReport {
            name: rung.name.clone(),
            width: rung.width,
            height: rung.height,
            frame_rate: rung.fps_f64(),
            codecs,
            level: rung.level,
            maxrate_kbps: rung.maxrate_kbps,
            peak_bitrate: playlist.peak_bitrate(),
            average_bitrate: playlist.average_bitrate(),
            segments: playlist.segments.len(),
            bytes: playlist.total_bytes() + init.len() as u64,
            playlist: uri,
        });
    }
    let rendition = audio.as_ref().map(|a| AudioRendition {
        uri: "audio/index.m3u8".into(),
        name: "Audio".into(),
        language: None,
        channels: 2,
        codecs: AAC_LC.into(),
        peak_bitrate: a.peak_bitrate(),
        average_bitrate: a.average_bitrate(),
    });
    hls::write_master(dir, &variants, rendition.as_ref(), &[])?;
    Ok(Package {
        rungs: reports,
        audio: audio.map(|a| (a.peak_bitrate(), a.average_bitrate(), a.total_bytes())),
        duration,
    })
}

/// The bytes of the `avcC` box in an MP4 init segment (after its type).
fn avcc_payload(init: &[u8]) -> Option<&[u8]> {
    let at = init.windows(4).position(|w| w == b"avcC")?;
    init.get(at + 4..)
}
