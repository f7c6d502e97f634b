//! The transcoder: one decode, a cascade of scalers, one x264 encoder per rung on its own
//! thread, audio on another; fMP4 HLS, our own master playlist, an offline MP4, posters,
//! a storyboard and `manifest.json`. Everything is written to a temporary directory next
//! to the target and renamed into place only when complete.

mod audio;
mod capture;
mod decode;
mod frames;
mod offline;
mod report;
mod stills;
mod video;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use report::{Progress, Report, Stage};

use crate::media::limits::MediaLimits;
use crate::media::probe::{self, ProbeError, StreamKind};
use crate::media::{hls, images, ladder};
use capture::{Capture, Captured};
use video::{RungTask, TimedFrame};

pub const KEYFRAME_SECONDS: f64 = 2.0;
pub const SEGMENT_SECONDS: u32 = 4;
/// Poster candidates are taken at this many evenly spaced points.
const POSTER_CANDIDATES: usize = 10;
const POSTER_MAX_WIDTH: u32 = 1280;
const STORYBOARD_TILE_WIDTH: u32 = 160;
/// Rungs up to this height are good enough to keep on a phone offline.
const OFFLINE_MAX_SHORT_SIDE: u32 = 360;

/// x264 settings shared by every rung.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EncodeSettings {
    pub crf: u8,
    pub preset: String,
}

impl Default for EncodeSettings {
    fn default() -> Self {
        EncodeSettings {
            crf: 23,
            preset: "veryfast".into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TranscodeError {
    #[error("input refused: {0}")]
    Rejected(#[from] ProbeError),
    #[error("the output {0} exists already")]
    OutputExists(PathBuf),
    #[error("FFmpeg failed at {stage}: {source}")]
    Ffmpeg {
        stage: &'static str,
        source: ffmpeg_next::Error,
    },
    #[error("FFmpeg has no {0}")]
    MissingCodec(&'static str),
    #[error("the video could not be decoded ({frames} frames, {packets_refused} packets refused)")]
    Undecodable { frames: u64, packets_refused: u64 },
    #[error("a worker thread stopped unexpectedly")]
    ThreadPanicked,
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Image(#[from] images::ImageError),
    #[error(transparent)]
    Hls(#[from] hls::HlsError),
    #[error("internal: {0}")]
    Internal(&'static str),
}

impl TranscodeError {
    /// The Fluent key of the sentence a trainer sees.
    pub fn message_key(&self) -> &'static str {
        match self {
            TranscodeError::Rejected(e) => e.message_key(),
            TranscodeError::Undecodable { .. } => "media-error-unreadable",
            _ => "media-error-transcode",
        }
    }
}

/// Maps an FFmpeg error to ours, naming the stage.
pub(crate) fn ff(stage: &'static str) -> impl Fn(ffmpeg_next::Error) -> TranscodeError {
    move |source| TranscodeError::Ffmpeg { stage, source }
}

pub(crate) fn open_input(path: &Path) -> Result<ffmpeg_next::format::context::Input, TranscodeError> {
    Ok(probe::open(path)?)
}

/// Transcodes `input` into a new package directory `out`. Blocking; uses every core.
pub fn transcode(
    input: &Path,
    out: &Path,
    settings: &EncodeSettings,
    limits: &MediaLimits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, TranscodeError> {
    if out.exists() {
        return Err(TranscodeError::OutputExists(out.to_path_buf()));
    }
    let mut clock = report::StageClock::new();
    progress(Progress {
        stage: Stage::Probe,
        percent: 0.0,
    });
    let probed = probe::probe(input, limits)?;
    let (video_index, video_info) = probed.primary_video().ok_or(ProbeError::NoVideo)?;
    let audio_index = probed
        .streams
        .iter()
        .find(|s| matches!(s.kind, StreamKind::Audio(_)))
        .map(|s| s.index);
    let duration = probed.duration_seconds;
    clock.lap(Stage::Probe);

    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let work = tempfile::Builder::new()
        .prefix(".lernwerk-partial-")
        .tempdir_in(parent)?;
    let dir = work.path();

    let source = decode::VideoSource::open(input, video_index, video_info)?;
    let rungs = ladder::plan(video_info.display_width, video_info.display_height, source.fps);
    let offline_rung = rungs
        .iter()
        .rposition(|r| r.short_side() <= OFFLINE_MAX_SHORT_SIDE)
        .unwrap_or(0);

    // Audio on its own thread, with its own demuxer: measure, then encode.
    let audio_dir = dir.join("audio");
    let m4a = dir.join(".offline-audio.m4a");
    let audio_thread = audio_index.map(|index| {
        let (input, audio_dir, m4a) = (input.to_path_buf(), audio_dir.clone(), m4a.clone());
        std::thread::Builder::new().name("audio".into()).spawn(move || {
            let started = Instant::now();
            let source_lufs = audio::measure_loudness(&input, index)?;
            let gain_db = audio::gain_for(source_lufs);
            audio::encode(&input, index, gain_db, &audio_dir, &m4a)?;
            Ok::<_, TranscodeError>((audio::AudioResult { source_lufs, gain_db }, started.elapsed()))
        })
    });
    let audio_thread = audio_thread.transpose()?;

    // The cascade, largest rung first: each rung scales from the one above it.
    let (captured_tx, captured_rx) = mpsc::channel::<Captured>();
    let poster_rung = rungs
        .iter()
        .position(|r| r.width.max(r.height) >= POSTER_MAX_WIDTH)
        .unwrap_or(rungs.len() - 1);
    let poster_times: Vec<f64> = (0..POSTER_CANDIDATES)
        .map(|i| duration * (i as f64 + 0.5) / POSTER_CANDIDATES as f64)
        .collect();
    let tile_interval = images::storyboard_interval(duration);
    let offline_video = dir.join(".offline-video.mp4");
    let mut threads = Vec::new();
    let mut downstream: Option<mpsc::SyncSender<TimedFrame>> = None;
    for (i, rung) in rungs.iter().enumerate() {
        let (tx, rx) = mpsc::sync_channel::<TimedFrame>(3);
        let mut capture = Capture::default();
        if i == poster_rung {
            capture = capture.posters(poster_times.clone(), POSTER_MAX_WIDTH);
        }
        if i == 0 {
            capture = capture.storyboard(tile_interval, STORYBOARD_TILE_WIDTH);
        }
        let task = RungTask {
            rung: rung.clone(),
            dir: dir.join("video").join(&rung.name),
            mp4_copy: (i == offline_rung).then(|| offline_video.clone()),
            settings: settings.clone(),
            threads: x264_threads(rung),
            capture,
        };
        let next = downstream.take();
        let captured = captured_tx.clone();
        let handle = std::thread::Builder::new()
            .name(format!("rung-{}", rung.name))
            .spawn(move || video::run(task, rx, next, captured))?;
        threads.push(handle);
        downstream = Some(tx);
    }
    drop(captured_tx);
    let stills = stills::spawn(
        stills::StillsTask {
            poster_candidates: poster_times.len(),
            tile_interval,
            duration,
            dir: dir.to_path_buf(),
        },
        captured_rx,
    )?;
    let top = downstream.ok_or(TranscodeError::Internal("empty ladder"))?;

    progress(Progress {
        stage: Stage::Encode,
        percent: 0.0,
    });
    let mut last_reported = -1.0;
    let decoded = source.run(
        |frame| top.send(frame).map_err(|_| TranscodeError::ThreadPanicked),
        |seconds| {
            let percent = (seconds / duration * 100.0).clamp(0.0, 100.0);
            if percent - last_reported >= 1.0 {
                last_reported = percent;
                progress(Progress {
                    stage: Stage::Encode,
                    percent,
                });
            }
        },
    );
    drop(top);
    // Join every rung before judging: the first real error wins over "channel closed".
    let mut rung_results = Vec::new();
    let mut first_error = None;
    for handle in threads.into_iter().rev() {
        match handle.join() {
            Ok(Ok(result)) => rung_results.push(result),
            Ok(Err(e)) => {
                first_error.get_or_insert(e);
            }
            Err(_) => {
                first_error.get_or_insert(TranscodeError::ThreadPanicked);
            }
        }
    }
    // The rungs are gone, so the stills thread has its last frame and ends soon.
    let stills = stills.join().map_err(|_| TranscodeError::ThreadPanicked);
    let audio_result = match audio_thread.map(|h| h.join()) {
        None => None,
        Some(Ok(result)) => Some(result?),
        Some(Err(_)) => return Err(TranscodeError::ThreadPanicked),
    };
    if let Some(e) = first_error {
        return Err(e);
    }
    let frames = decoded?;
    clock.lap(Stage::Encode);

    progress(Progress {
        stage: Stage::Package,
        percent: 95.0,
    });
    let stills::Stills {
        posters: poster_files,
        storyboard,
    } = stills??;

    let mut offline_inputs = vec![offline_video.as_path()];
    if audio_result.is_some() {
        offline_inputs.push(m4a.as_path());
    }
    offline::write(&offline_inputs, &dir.join("offline.mp4"))?;
    for leftover in [&offline_video, &m4a] {
        if leftover.exists() {
            std::fs::remove_file(leftover)?;
        }
    }

    let package = report::write_playlists(dir, &rungs, audio_result.is_some())?;
    clock.lap(Stage::Package);
    let report = Report::new(
        probed,
        package,
        audio_result.map(|(a, _)| a),
        poster_files,
        storyboard,
        frames,
        clock,
    );
    report.write_manifest(dir)?;
    std::fs::rename(work.keep(), out)?;
    progress(Progress {
        stage: Stage::Done,
        percent: 100.0,
    });
    Ok(report)
}

/// Threads per x264 encoder: the 1080p rung, the slowest of the cascade, gets two so it
/// does not hold the others back; every other rung one (less overhead, same picture).
/// Measured with scripts/bench-transcode on 2 cores: 720p with two threads cost 2 % more
/// CPU for no gain; 1080p with one thread is 20 % slower, with three no faster.
fn x264_threads(rung: &ladder::Rung) -> usize {
    if rung.short_side() >= 1080 {
        2
    } else {
        1
    }
}
