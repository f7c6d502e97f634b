//! Reading a media playlist FFmpeg's hls muxer wrote, and measuring its segments.

use std::fs;
use std::path::{Component, Path};

use serde::Serialize;

use super::HlsError;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub uri: String,
    pub duration: f64,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MediaPlaylist {
    pub init_uri: String,
    pub init_bytes: u64,
    pub segments: Vec<Segment>,
    pub target_duration: u64,
    pub playlist_type: Option<String>,
    pub ended: bool,
}

impl MediaPlaylist {
    /// Sum of the segment durations, in seconds.
    pub fn duration(&self) -> f64 {
        self.segments.iter().map(|s| s.duration).sum()
    }

    /// Init segment plus all media segments: what storing the rendition costs.
    pub fn total_bytes(&self) -> u64 {
        self.init_bytes + self.segments.iter().map(|s| s.bytes).sum::<u64>()
    }

    /// Peak segment bit rate in bit/s (see the module notes), rounded up; 0 when empty.
    pub fn peak_bitrate(&self) -> u64 {
        let longest = self.segments.iter().map(|s| s.duration).fold(0.0, f64::max);
        let target = match self.target_duration {
            0 => longest.ceil(),
            t => t as f64,
        };
        let (low, high) = (0.5 * target, 1.5 * target);
        let mut peak: f64 = 0.0;
        for start in 0..self.segments.len() {
            let (mut bytes, mut secs) = (0u64, 0.0);
            for (n, seg) in self.segments[start..].iter().enumerate() {
                bytes += seg.bytes;
                secs += seg.duration;
                if secs > high && n > 0 {
                    break;
                }
                if secs >= low && secs > 0.0 {
                    peak = peak.max(bytes as f64 * 8.0 / secs);
                }
            }
        }
        // A playlist shorter than half its target has no qualifying run: use all of it.
        if peak == 0.0 {
            return self.average_bitrate();
        }
        peak.ceil() as u64
    }

    /// Average segment bit rate in bit/s, rounded up; 0 when empty.
    pub fn average_bitrate(&self) -> u64 {
        let secs = self.duration();
        if secs <= 0.0 {
            return 0;
        }
        let bytes: u64 = self.segments.iter().map(|s| s.bytes).sum();
        (bytes as f64 * 8.0 / secs).ceil() as u64
    }
}

/// Parses a VOD media playlist as FFmpeg's hls muxer writes it for fMP4 and measures each
/// segment's size from the file next to the playlist. Unknown tags are ignored.
pub fn read_media_playlist(path: &Path) -> Result<MediaPlaylist, HlsError> {
    let text = fs::read_to_string(path).map_err(|source| read_err(path, source))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let parse_err = |line: usize, reason: &str| HlsError::Parse {
        path: path.to_path_buf(),
        line,
        reason: reason.to_string(),
    };

    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
    match lines.find(|(_, l)| !l.is_empty()) {
        Some((_, "#EXTM3U")) => {}
        _ => return Err(parse_err(1, "not an M3U playlist (no #EXTM3U)")),
    }
    let mut init: Option<(String, Option<u64>)> = None;
    let mut segments = Vec::new();
    let (mut target_duration, mut playlist_type, mut ended) = (None, None, false);
    let (mut pending_duration, mut pending_range) = (None, None);
    for (no, line) in lines {
        if line.is_empty() {
            continue;
        }
        let Some(tag) = line.strip_prefix('#') else {
            let duration = pending_duration
                .take()
                .ok_or_else(|| parse_err(no, "URI without #EXTINF"))?;
            let uri = checked_uri(line).ok_or_else(|| parse_err(no, "segment URI is not a local file"))?;
            let bytes = match pending_range.take() {
                Some(len) => len,
                None => file_size(&dir.join(uri))?,
            };
            segments.push(Segment {
                uri: uri.to_string(),
                duration,
                bytes,
            });
            continue;
        };
        let (name, value) = tag.split_once(':').unwrap_or((tag, ""));
        match name {
            "EXT-X-TARGETDURATION" => {
                let t = value.parse().map_err(|_| parse_err(no, "bad target duration"))?;
                target_duration = Some(t);
            }
            "EXTINF" => {
                let secs = value.split(',').next().unwrap_or("");
                let d: f64 = secs
                    .trim()
                    .parse()
                    .map_err(|_| parse_err(no, "bad #EXTINF duration"))?;
                if !(d.is_finite() && d >= 0.0) {
                    return Err(parse_err(no, "bad #EXTINF duration"));
                }
                pending_duration = Some(d);
            }
            "EXT-X-BYTERANGE" => {
                pending_range = Some(range_length(value).ok_or_else(|| parse_err(no, "bad byte range"))?);
            }
            "EXT-X-MAP" => {
                let uri = attribute(value, "URI").ok_or_else(|| parse_err(no, "EXT-X-MAP without URI"))?;
                let uri = checked_uri(uri).ok_or_else(|| parse_err(no, "init URI is not a local file"))?;
                let range = match attribute(value, "BYTERANGE") {
                    Some(r) => Some(range_length(r).ok_or_else(|| parse_err(no, "bad byte range"))?),
                    None => None,
                };
                init = Some((uri.to_string(), range));
            }
            "EXT-X-PLAYLIST-TYPE" => playlist_type = Some(value.to_string()),
            "EXT-X-ENDLIST" => ended = true,
            "EXT-X-STREAM-INF" => return Err(parse_err(no, "a master playlist, not a media playlist")),
            _ => {}
        }
    }
    // Missing tags are reported at the end of the file.
    let end = text.lines().count();
    let target_duration = target_duration.ok_or_else(|| parse_err(end, "no #EXT-X-TARGETDURATION"))?;
    let (init_uri, init_range) = init.ok_or_else(|| parse_err(end, "no #EXT-X-MAP (not fMP4)"))?;
    let init_bytes = match init_range {
        Some(len) => len,
        None => file_size(&dir.join(&init_uri))?,
    };
    Ok(MediaPlaylist {
        init_uri,
        init_bytes,
        segments,
        target_duration,
        playlist_type,
        ended,
    })
}

/// The value of `KEY=value` or `KEY="value"` in an attribute list.
fn attribute<'a>(list: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = list;
    while !rest.is_empty() {
        let (k, after) = rest.split_once('=')?;
        let (value, next) = match after.strip_prefix('"') {
            Some(q) => {
                let end = q.find('"')?;
                (&q[..end], q[end + 1..].strip_prefix(',').unwrap_or(""))
            }
            None => after.split_once(',').unwrap_or((after, "")),
        };
        if k.trim() == key {
            return Some(value);
        }
        rest = next;
    }
    None
}

/// Length of an `n[@offset]` byte range.
fn range_length(value: &str) -> Option<u64> {
    value.split('@').next()?.trim().parse().ok()
}

/// Only plain relative paths below the playlist's directory: never `..`, absolute paths
/// or URLs, so measuring cannot be pointed at other files.
fn checked_uri(uri: &str) -> Option<&str> {
    let local = !uri.contains("://")
        && !uri.contains(['?', '#'])
        && Path::new(uri)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    local.then_some(uri)
}

fn file_size(path: &Path) -> Result<u64, HlsError> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|source| read_err(path, source))
}

fn read_err(path: &Path, source: std::io::Error) -> HlsError {
    HlsError::Read {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const FFMPEG_PLAYLIST: &str = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n\
        #EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n\
        #EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4.000000,\nseg_00000.m4s\n#EXTINF:4.000000,\n\
        seg_00001.m4s\n#EXT-X-SOMETHING-NEW:1\n#EXTINF:1.000000,\nseg_00002.m4s\n#EXT-X-ENDLIST\n";

    fn write_rendition(dir: &Path, playlist: &str, files: &[(&str, usize)]) -> PathBuf {
        for (name, size) in files {
            fs::write(dir.join(name), vec![0u8; *size]).unwrap();
        }
        let path = dir.join("index.m3u8");
        fs::write(&path, playlist).unwrap();
        path
    }

    fn seg(duration: f64, bytes: u64) -> Segment {
        Segment {
            uri: "s.m4s".into(),
            duration,
            bytes,
        }
    }

    fn playlist(target: u64, segments: Vec<Segment>) -> MediaPlaylist {
        MediaPlaylist {
            init_uri: "init.mp4".into(),
            init_bytes: 800,
            segments,
            target_duration: target,
            playlist_type: Some("VOD".into()),
            ended: true,
        }
    }

    #[test]
    fn reads_ffmpeg_fmp4_playlist_and_measures_segments() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            ("init.mp4", 800),
            ("seg_00000.m4s", 100_000),
            ("seg_00001.m4s", 150_000),
        ];
        let path = write_rendition(dir.path(), FFMPEG_PLAYLIST, &files);
        fs::write(dir.path().join("seg_00002.m4s"), vec![0u8; 60_000]).unwrap();
        let pl = read_media_playlist(&path).unwrap();
        assert_eq!(pl.init_uri, "init.mp4");
        assert_eq!(pl.init_bytes, 800);
        assert_eq!(pl.target_duration, 4);
        assert_eq!(pl.playlist_type.as_deref(), Some("VOD"));
        assert!(pl.ended);
        let got: Vec<_> = pl
            .segments
            .iter()
            .map(|s| (s.uri.as_str(), s.duration, s.bytes))
            .collect();
        assert_eq!(
            got,
            vec![
                ("seg_00000.m4s", 4.0, 100_000),
                ("seg_00001.m4s", 4.0, 150_000),
                ("seg_00002.m4s", 1.0, 60_000)
            ]
        );
        assert_eq!(pl.duration(), 9.0);
        assert_eq!(pl.total_bytes(), 310_800);
        // Peak: segment 1 at 300 kb/s; the 1 s tail (480 kb/s alone) only counts with its
        // neighbour (5 s, 336 kb/s). Average: 310 000 bytes over 9 s, init excluded.
        assert_eq!(pl.peak_bitrate(), 336_000);
        assert_eq!(pl.average_bitrate(), 275_556);
    }

    #[test]
    fn parser_handles_crlf_byte_ranges_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let ranged =
            "#EXTM3U\r\n#EXT-X-TARGETDURATION:4\r\n#EXT-X-MAP:URI=\"all.mp4\",BYTERANGE=\"700@0\"\r\n\
                      #EXTINF:4.0,title\r\n#EXT-X-BYTERANGE:5000@700\r\nall.mp4\r\n#EXT-X-ENDLIST\r\n";
        let pl = read_media_playlist(&write_rendition(dir.path(), ranged, &[])).unwrap();
        assert_eq!(
            (pl.init_bytes, pl.segments[0].bytes, pl.segments[0].duration),
            (700, 5000, 4.0)
        );

        let bad = |text: &str| {
            let d = tempfile::tempdir().unwrap();
            fs::write(d.path().join("init.mp4"), b"x").unwrap();
            read_media_playlist(&write_rendition(d.path(), text, &[])).unwrap_err()
        };
        let head = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MAP:URI=\"init.mp4\"\n";
        assert!(matches!(bad("hello\n"), HlsError::Parse { line: 1, .. }));
        assert!(matches!(
            bad(&format!("{head}seg.m4s\n")),
            HlsError::Parse { line: 4, .. }
        ));
        assert!(matches!(
            bad(&format!("{head}#EXTINF:4,\n../secret\n")),
            HlsError::Parse { .. }
        ));
        assert!(matches!(
            bad(&format!("{head}#EXTINF:4,\n/etc/passwd\n")),
            HlsError::Parse { .. }
        ));
        assert!(matches!(
            bad(&format!("{head}#EXTINF:x,\na.m4s\n")),
            HlsError::Parse { .. }
        ));
        assert!(matches!(
            bad(&format!("{head}#EXTINF:4,\nmissing.m4s\n")),
            HlsError::Read { .. }
        ));
        assert!(matches!(
            bad("#EXTM3U\n#EXT-X-TARGETDURATION:4\n"),
            HlsError::Parse { .. }
        ));
        assert!(matches!(
            bad("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n"),
            HlsError::Parse { .. }
        ));
    }

    #[test]
    fn bit_rates_follow_the_spec_definitions() {
        // Single segments of the target duration: peak is the largest segment rate.
        let pl = playlist(4, vec![seg(4.0, 50_000), seg(4.0, 200_000), seg(4.0, 100_000)]);
        assert_eq!(pl.peak_bitrate(), 400_000);
        assert_eq!(pl.average_bitrate(), 233_334);
        // 1 s segments only count in runs of 2 to 6 s: the 240 kb/s one is averaged in.
        let short = playlist(
            4,
            vec![
                seg(1.0, 10_000),
                seg(1.0, 30_000),
                seg(1.0, 10_000),
                seg(1.0, 10_000),
            ],
        );
        assert_eq!(short.peak_bitrate(), 160_000);
        // Shorter than half the target in total: the average stands in.
        let tiny = playlist(4, vec![seg(1.0, 1_000)]);
        assert_eq!(tiny.peak_bitrate(), 8_000);
        // An over-long lone segment still counts.
        let long = playlist(4, vec![seg(4.0, 1_000), seg(7.0, 70_000)]);
        assert_eq!(long.peak_bitrate(), 80_000);
        let empty = playlist(4, vec![]);
        assert_eq!((empty.peak_bitrate(), empty.average_bitrate()), (0, 0));
    }
}
