//! Reading what was written with tools we did not write: ffprobe and ffmpeg's filters.

use std::path::{Path, PathBuf};
use std::process::Command;

use lernwerk::media::limits::MediaLimits;
use lernwerk::media::transcode::{transcode, EncodeSettings, Report};

pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/downloaded")
        .join(name);
    assert!(
        path.exists(),
        "{} is missing: run scripts/fetch-fixtures",
        path.display()
    );
    path
}

/// Transcodes `source` into a fresh directory; returns the directory and the report.
pub fn transcoded(source: &Path) -> (tempfile::TempDir, PathBuf, Report) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package");
    let mut stages = Vec::new();
    let report = transcode(
        source,
        &out,
        &EncodeSettings::default(),
        &MediaLimits::default(),
        &mut |p| stages.push(p),
    )
    .unwrap();
    assert!(
        stages.iter().any(|p| p.percent >= 100.0),
        "progress reaches 100 %"
    );
    (dir, out, report)
}

fn ffprobe(args: &[&str], file: &Path) -> String {
    let output = Command::new("ffprobe")
        .args(["-v", "error"])
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "ffprobe {args:?} {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Width and height of the first video stream.
pub fn video_size(file: &Path) -> (u32, u32) {
    let text = ffprobe(
        &[
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=width,height",
            "-of",
            "csv=p=0",
        ],
        file,
    );
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap();
    let mut parts = line
        .trim()
        .trim_end_matches(',')
        .split(',')
        .map(|v| v.parse().unwrap());
    (parts.next().unwrap(), parts.next().unwrap())
}

/// Presentation times of the keyframes of a playlist's video, in seconds.
pub fn keyframe_times(playlist: &Path) -> Vec<f64> {
    let text = ffprobe(
        &[
            "-select_streams",
            "v:0",
            "-show_entries",
            "packet=pts_time,flags",
            "-of",
            "csv=p=0",
        ],
        playlist,
    );
    text.lines()
        .filter(|l| l.contains('K'))
        .filter_map(|l| l.split(',').next()?.parse().ok())
        .collect()
}

/// `codec,profile,pixel format,level` of the first video stream.
pub fn video_codec(file: &Path) -> String {
    ffprobe(
        &[
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=codec_name,profile,level,pix_fmt",
            "-of",
            "csv=p=0",
        ],
        file,
    )
    .lines()
    .find(|l| !l.trim().is_empty())
    .unwrap()
    .trim()
    .trim_end_matches(',')
    .to_owned()
}

/// Integrated loudness in LUFS, measured by FFmpeg's ebur128 filter.
pub fn integrated_loudness(file: &Path) -> f64 {
    let output = Command::new("ffmpeg")
        .args(["-hide_banner", "-nostats", "-i"])
        .arg(file)
        .args(["-map", "0:a:0", "-af", "ebur128", "-f", "null", "-"])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&output.stderr);
    let summary = log.rsplit("Summary:").next().unwrap();
    let line = summary
        .lines()
        .find(|l| l.trim_start().starts_with("I:"))
        .unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// (duration, file name) of every segment in a media playlist.
pub fn media_segments(playlist: &Path) -> Vec<(f64, String)> {
    let text = std::fs::read_to_string(playlist).unwrap();
    let mut lines = text.lines();
    let mut segments = Vec::new();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("#EXTINF:") {
            let duration = rest
                .trim_end_matches(',')
                .split(',')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            segments.push((duration, lines.next().unwrap().to_owned()));
        }
    }
    segments
}

/// Bit rate of every segment, measured from its file size and playlist duration.
pub fn segment_bitrates(playlist: &Path) -> Vec<f64> {
    let dir = playlist.parent().unwrap();
    media_segments(playlist)
        .iter()
        .map(|(duration, name)| std::fs::metadata(dir.join(name)).unwrap().len() as f64 * 8.0 / duration)
        .collect()
}

pub fn average_bitrate(playlist: &Path) -> f64 {
    let dir = playlist.parent().unwrap();
    let segments = media_segments(playlist);
    let bytes: u64 = segments
        .iter()
        .map(|(_, n)| std::fs::metadata(dir.join(n)).unwrap().len())
        .sum();
    bytes as f64 * 8.0 / segments.iter().map(|(d, _)| d).sum::<f64>()
}

/// Whether the first video frame of one segment (read with its init segment) is a keyframe.
pub fn starts_with_keyframe(playlist: &Path, segment: &str) -> bool {
    let dir = playlist.parent().unwrap();
    let mut bytes = std::fs::read(dir.join("init.mp4")).unwrap();
    bytes.extend(std::fs::read(dir.join(segment)).unwrap());
    let joined = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(joined.path(), bytes).unwrap();
    let text = ffprobe(
        &[
            "-f",
            "mp4",
            "-select_streams",
            "v:0",
            "-show_entries",
            "packet=flags",
            "-read_intervals",
            "%+#1",
            "-of",
            "csv=p=0",
        ],
        joined.path(),
    );
    text.lines().next().is_some_and(|l| l.starts_with('K'))
}

pub fn has_audio(file: &Path) -> bool {
    !ffprobe(
        &[
            "-select_streams",
            "a",
            "-show_entries",
            "stream=index",
            "-of",
            "csv=p=0",
        ],
        file,
    )
    .trim()
    .is_empty()
}

/// Whether the MP4's index comes before its media data (`+faststart`).
pub fn moov_before_mdat(file: &Path) -> bool {
    let bytes = std::fs::read(file).unwrap();
    let find = |tag: &[u8]| bytes.windows(4).position(|w| w == tag).unwrap();
    find(b"moov") < find(b"mdat")
}

pub fn mean_and_deviation(image: &image::GrayImage) -> (f64, f64) {
    let n = image.pixels().len() as f64;
    let mean = image.pixels().map(|p| f64::from(p.0[0])).sum::<f64>() / n;
    let variance = image
        .pixels()
        .map(|p| (f64::from(p.0[0]) - mean).powi(2))
        .sum::<f64>()
        / n;
    (mean, variance.sqrt())
}

/// The value of `NAME=` in an attribute list (quoted values keep their quotes).
pub fn attribute(list: &str, name: &str) -> String {
    let mut rest = list;
    while let Some(at) = rest.find(&format!("{name}=")) {
        let preceded_ok = at == 0 || rest.as_bytes()[at - 1] == b',';
        let value = &rest[at + name.len() + 1..];
        if preceded_ok {
            let end = match value.strip_prefix('"') {
                Some(quoted) => quoted.find('"').map_or(value.len(), |e| e + 2),
                None => value.find(',').unwrap_or(value.len()),
            };
            return value[..end].to_owned();
        }
        rest = value;
    }
    panic!("no {name} in {list}");
}
