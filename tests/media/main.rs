//! Probing real and hostile media files (from `scripts/fetch-fixtures`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lernwerk::media::probe::{probe, MediaLimits, Probe, ProbeError, VideoInfo};

/// A fixture file; missing fixtures fail the test with the way to get them.
fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/downloaded")
        .join(name);
    assert!(
        path.is_file(),
        "{} is missing: run scripts/fetch-fixtures",
        path.display()
    );
    path
}

fn accept(name: &str) -> Probe {
    probe(&fixture(name), &MediaLimits::default()).unwrap_or_else(|e| panic!("{name} rejected: {e}"))
}

fn reject(name: &str) -> ProbeError {
    reject_with(name, &MediaLimits::default())
}

fn reject_with(name: &str, limits: &MediaLimits) -> ProbeError {
    match probe(&fixture(name), limits) {
        Ok(p) => panic!("{name} accepted: {p:?}"),
        Err(e) => e,
    }
}

fn primary(probe: &Probe) -> &VideoInfo {
    probe.primary_video().expect("a video stream").1
}

#[test]
fn the_real_clip_is_described_fully() {
    let p = accept("bbb.mp4");
    assert_eq!(p.format, "mov,mp4,m4a,3gp,3g2,mj2");
    assert!(
        (p.duration_seconds - 5.312).abs() < 0.01,
        "{}",
        p.duration_seconds
    );
    assert_eq!(p.size_bytes, 1_055_736);
    assert!(p.bit_rate.unwrap() > 1_000_000);
    assert_eq!(p.streams.len(), 2);
    let (index, video) = p.primary_video().unwrap();
    assert_eq!(index, 0);
    assert_eq!(p.streams[0].codec, "h264");
    assert_eq!((video.width, video.height, video.rotation), (1280, 720, 0));
    assert_eq!((video.display_width, video.display_height), (1280, 720));
    assert_eq!(video.frame_rate, Some(25.0));
    assert_eq!(video.pixel_format.as_deref(), Some("yuv420p"));
    assert_eq!(video.profile.as_deref(), Some("Main"));
    assert_eq!(video.level, Some(31));
    assert!(p.has_audio());
    let audio = serde_json::to_value(&p.streams[1]).unwrap();
    assert_eq!(audio["kind"], "audio");
    assert_eq!(audio["codec"], "aac");
    assert_eq!(audio["sample_rate"], 48_000);
    assert_eq!(audio["channels"], 6, "5.1 surround");
}

#[test]
fn portrait_video_keeps_its_shape() {
    let p = accept("portrait.mp4");
    let video = primary(&p);
    assert_eq!((video.width, video.height, video.rotation), (360, 640, 0));
    assert_eq!((video.display_width, video.display_height), (360, 640));
    assert!(p.has_audio());
}

#[test]
fn rotation_metadata_turns_the_display_size() {
    let p = accept("rotated.mp4");
    let video = primary(&p);
    assert_eq!((video.width, video.height), (640, 360));
    // FFmpeg 5.1 writes `-metadata:s:v rotate=90` as a counter-clockwise display
    // matrix; its own player then turns the picture 270° clockwise, and so do we.
    assert_eq!(video.rotation, 270);
    assert_eq!((video.display_width, video.display_height), (360, 640));
    assert!(!p.has_audio());
}

#[test]
fn video_without_audio_is_accepted() {
    let p = accept("no-audio.mp4");
    assert_eq!((primary(&p).width, primary(&p).height), (320, 240));
    assert!(!p.has_audio());
}

#[test]
fn every_whitelisted_container_opens() {
    for (name, format) in [
        ("fragmented.mp4", "mov,mp4,m4a,3gp,3g2,mj2"),
        ("bbb.avi", "avi"),
        ("bbb.ts", "mpegts"),
        ("small.webm", "matroska,webm"),
    ] {
        let p = accept(name);
        assert_eq!(p.format, format, "{name}");
        assert!(p.primary_video().is_some() && p.has_audio(), "{name}");
    }
}

#[test]
fn audio_only_files_are_rejected_as_no_video() {
    assert_eq!(reject("audio-only.m4a"), ProbeError::NoVideo);
    // Cover art is a picture stream, not a video.
    assert_eq!(reject("audio-cover.m4a"), ProbeError::NoVideo);
}

#[test]
fn broken_and_fake_files_are_told_apart() {
    assert_eq!(reject("text.mp4"), ProbeError::NotVideo);
    assert!(matches!(reject("truncated.mp4"), ProbeError::Unreadable { .. }));
    // Index first: it opens, but the samples past the cut are missing.
    assert!(matches!(
        reject("truncated-faststart.mp4"),
        ProbeError::Unreadable { .. }
    ));
}

#[test]
fn an_hls_playlist_named_mp4_is_refused_by_the_whitelist() {
    assert_eq!(reject("hls-playlist.mp4"), ProbeError::Format);
}

#[test]
fn hostile_sizes_are_rejected_before_decoding() {
    assert!(matches!(
        reject("huge-frame.mkv"),
        ProbeError::FrameTooLarge {
            width: 8192,
            height: 8192,
            ..
        }
    ));
    let tiny = std::fs::metadata(fixture("ten-hours.mkv")).unwrap().len();
    assert!(tiny < 10_000, "{tiny} bytes");
    match reject("ten-hours.mkv") {
        ProbeError::TooLong { seconds, limit } => assert!(seconds >= 36_000.0 && limit == 10_800.0),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        reject("many-streams.mkv"),
        ProbeError::TooManyStreams { count: 9, limit: 8 }
    );
    match reject("high-fps.mp4") {
        ProbeError::FrameRate { fps, limit } => assert!(fps == 240.0 && limit == 120.0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn configured_limits_apply_and_are_inclusive() {
    // The clip is 1280x720, 25 fps, 5.312 s, two streams.
    let exact = MediaLimits {
        max_side: 1280,
        max_pixels: 1280 * 720,
        max_duration_seconds: 5.32,
        max_frame_rate: 25.0,
        max_streams: 2,
    };
    probe(&fixture("bbb.mp4"), &exact).unwrap();
    let below = |change: fn(&mut MediaLimits)| {
        let mut limits = exact.clone();
        change(&mut limits);
        reject_with("bbb.mp4", &limits)
    };
    assert!(matches!(
        below(|l| l.max_side = 1279),
        ProbeError::FrameTooLarge { .. }
    ));
    assert!(matches!(
        below(|l| l.max_pixels -= 1),
        ProbeError::FrameTooLarge { .. }
    ));
    assert!(matches!(
        below(|l| l.max_duration_seconds = 5.0),
        ProbeError::TooLong { .. }
    ));
    assert!(matches!(
        below(|l| l.max_frame_rate = 24.0),
        ProbeError::FrameRate { .. }
    ));
    assert!(matches!(
        below(|l| l.max_streams = 1),
        ProbeError::TooManyStreams { .. }
    ));
}

#[test]
fn odd_paths_fail_cleanly_or_work() {
    let dir = tempfile::tempdir().unwrap();
    let limits = MediaLimits::default();
    let missing = probe(&dir.path().join("absent.mp4"), &limits);
    assert!(
        matches!(missing, Err(ProbeError::Unreadable { .. })),
        "{missing:?}"
    );
    let directory = probe(dir.path(), &limits);
    assert!(
        matches!(directory, Err(ProbeError::Unreadable { .. })),
        "{directory:?}"
    );
    let empty = dir.path().join("empty.mp4");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(probe(&empty, &limits), Err(ProbeError::NotVideo));
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let latin1 = dir.path().join(std::ffi::OsStr::from_bytes(b"Lekti\xf6n.mp4"));
        std::fs::copy(fixture("no-audio.mp4"), &latin1).unwrap();
        assert!(matches!(
            probe(&latin1, &limits),
            Err(ProbeError::Unreadable { .. })
        ));
    }
}

fn lernwerk_probe(file: &Path, env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_lernwerk"))
        .args([
            "--config",
            dir.path().join("none.toml").to_str().unwrap(),
            "probe",
        ])
        .arg(file)
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[test]
fn probe_command_prints_the_probe_as_json() {
    let output = lernwerk_probe(&fixture("rotated.mp4"), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed: Probe = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, accept("rotated.mp4"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["streams"][0]["kind"], "video");
    assert_eq!(json["streams"][0]["display_width"], 360);
}

#[test]
fn probe_command_fails_with_the_trainers_message() {
    let output = lernwerk_probe(&fixture("ten-hours.mkv"), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("The video is too long (601 minutes). The maximum is 180 minutes."),
        "{stderr}"
    );
    // Limits come from the settings.
    let strict = [("LERNWERK_MEDIA_LIMITS__MAX_DURATION_SECONDS", "4")];
    let output = lernwerk_probe(&fixture("bbb.mp4"), &strict);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("The video is too long"));
}

#[test]
fn a_relative_name_with_a_colon_is_still_a_local_file() {
    // Without care FFmpeg reads "concat:…" as a protocol URL, not as a file name.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("no-audio.mp4"), dir.path().join("concat:lesson.mp4")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_lernwerk"))
        .current_dir(dir.path())
        .args(["--config", "none.toml", "probe", "concat:lesson.mp4"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
