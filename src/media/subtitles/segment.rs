//! Segmented WebVTT for HLS: one small WebVTT file per video segment and the subtitle
//! media playlist listing them, so subtitles can be added or replaced without touching
//! the video.
//!
//! Every cue goes into **every** segment it overlaps, with its original times (FFmpeg's
//! segmenter drops cues that span a boundary; players de-duplicate repeated cues). Video
//! segment `i` is taken to run from its start to the next segment's start; cues before
//! the first segment go into the first, cues after the last into the last, so no cue is
//! ever left out.
//!
//! `X-TIMESTAMP-MAP=MPEGTS:<n>,LOCAL:00:00:00.000` tells the player which media time
//! (90 kHz clock) cue time 0 is. For fMP4 segments the MPEGTS value is the media time
//! converted to 90 kHz (Apple's HLS spec), and hls.js shifts cues by
//! `(MPEGTS − initPTS) / 90 000`, initPTS being the first media timestamp it saw. Our
//! transcoder starts every rendition at media time 0 (frames are timed from the
//! source's first timestamp), so the value is [`MPEGTS_FMP4`] = 0, and cue times are
//! video times. The 900 000 (10 s) often seen belongs to MPEG-TS segments, whose
//! timestamps start at 10 s by convention; with fMP4 it would put subtitles 10 s late.

use std::fmt::Write as _;

use super::write::write_cue;
use super::Track;

/// MPEGTS value for our fMP4 renditions, which start at media time 0 (see above).
pub const MPEGTS_FMP4: u64 = 0;

/// One video segment's time range in seconds, as the media playlist gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SegmentSpan {
    pub start: f64,
    pub end: f64,
}

impl SegmentSpan {
    /// Consecutive spans from a media playlist's `#EXTINF` durations.
    pub fn from_durations(durations: impl IntoIterator<Item = f64>) -> Vec<SegmentSpan> {
        let mut start = 0.0;
        durations
            .into_iter()
            .map(|duration| {
                let span = SegmentSpan {
                    start,
                    end: start + duration,
                };
                start = span.end;
                span
            })
            .collect()
    }

    pub fn duration(&self) -> f64 {
        self.end - self.start
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SegmentFile {
    /// File name, relative to the playlist.
    pub name: String,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SegmentedSubtitles {
    /// The subtitle media playlist (`index.m3u8` next to the segment files).
    pub playlist: String,
    pub segments: Vec<SegmentFile>,
}

/// The name of subtitle segment `index`, matching the video's `seg_NNNNN.m4s`.
pub fn segment_file_name(index: usize) -> String {
    format!("seg_{index:05}.vtt")
}

/// One WebVTT file per span (sorted by start, as a playlist lists them) and the
/// playlist. `mpegts` is normally [`MPEGTS_FMP4`].
pub fn segment(track: &Track, spans: &[SegmentSpan], mpegts: u64) -> SegmentedSubtitles {
    let segments = cues_per_segment(track, spans)
        .into_iter()
        .enumerate()
        .map(|(index, cues)| {
            let mut body = format!("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:{mpegts},LOCAL:00:00:00.000\n");
            for n in cues {
                body.push('\n');
                write_cue(&track.cues[n], &mut body);
            }
            SegmentFile {
                name: segment_file_name(index),
                body,
            }
        })
        .collect();
    SegmentedSubtitles {
        playlist: media_playlist(spans, segment_file_name),
        segments,
    }
}

/// A VOD media playlist with one `#EXTINF` per span. The target duration is the longest
/// span rounded to the nearest second (RFC 8216, 4.3.3.1), at least 1.
pub fn media_playlist(spans: &[SegmentSpan], name: impl Fn(usize) -> String) -> String {
    let target = spans
        .iter()
        .map(|s| s.duration().max(0.0).round() as u64)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = format!(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:{target}\n\
         #EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n"
    );
    for (index, span) in spans.iter().enumerate() {
        let _ = writeln!(out, "#EXTINF:{:.6},\n{}", span.duration().max(0.0), name(index));
    }
    out.push_str("#EXT-X-ENDLIST\n");
    out
}

/// For each span, the indexes of the cues that overlap it, in track order.
fn cues_per_segment(track: &Track, spans: &[SegmentSpan]) -> Vec<Vec<usize>> {
    let mut members = vec![Vec::new(); spans.len()];
    if spans.is_empty() {
        return members;
    }
    for (n, cue) in track.cues.iter().enumerate() {
        // The segment the cue starts in, and the one holding its last moment.
        let first = spans.partition_point(|s| s.start <= cue.start).saturating_sub(1);
        let last = spans
            .partition_point(|s| s.start < cue.end)
            .saturating_sub(1)
            .max(first);
        for segment in &mut members[first..=last] {
            segment.push(n);
        }
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::subtitles::limits::SubtitleLimits;
    use crate::media::subtitles::sink::CueSink;
    use crate::media::subtitles::{webvtt, Cue, CueText};

    fn cue(start: f64, end: f64, text: &str) -> Cue {
        Cue {
            start,
            end,
            settings: String::new(),
            text: CueText::from_plain(text),
        }
    }

    fn track(cues: Vec<Cue>) -> Track {
        Track {
            cues,
            warnings: vec![],
        }
    }

    /// The cues of a segment file, read back with our own WebVTT reader.
    fn read_back(body: &str) -> Vec<(f64, f64, String)> {
        let limits = SubtitleLimits::default();
        let mut sink = CueSink::new(&limits);
        assert!(webvtt::has_signature(body));
        webvtt::read(body, &mut sink);
        let (cues, problems) = sink.into_parts();
        assert!(problems.is_empty());
        cues.into_iter()
            .map(|c| (c.start, c.end, c.text.plain_text()))
            .collect()
    }

    #[test]
    fn a_cue_spanning_a_boundary_is_in_both_segments() {
        let spans = SegmentSpan::from_durations([4.0, 4.0, 4.0]);
        let track = track(vec![
            cue(1.0, 2.0, "a"),
            cue(3.0, 5.0, "über die Grenze"),
            cue(9.0, 9.5, "c"),
        ]);
        let out = segment(&track, &spans, MPEGTS_FMP4);
        assert_eq!(out.segments.len(), 3);
        assert_eq!(
            out.segments[0].body,
            "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n\
             00:00:01.000 --> 00:00:02.000\na\n\n\
             00:00:03.000 --> 00:00:05.000\nüber die Grenze\n"
        );
        assert_eq!(
            read_back(&out.segments[1].body),
            vec![(3.0, 5.0, "über die Grenze".to_string())]
        );
        assert_eq!(
            read_back(&out.segments[2].body),
            vec![(9.0, 9.5, "c".to_string())]
        );
        assert_eq!(out.segments[2].name, "seg_00002.vtt");
    }

    #[test]
    fn boundaries_are_half_open_and_the_ends_catch_everything() {
        let spans = SegmentSpan::from_durations([4.0, 4.0]);
        let track = track(vec![
            cue(2.0, 4.0, "ends on the boundary"),
            cue(4.0, 5.0, "starts on the boundary"),
            cue(20.0, 21.0, "after the last segment"),
        ]);
        let members = cues_per_segment(&track, &spans);
        assert_eq!(members, vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn empty_segments_still_get_a_file() {
        let spans = SegmentSpan::from_durations([4.0, 4.0]);
        let out = segment(&track(vec![]), &spans, 900_000);
        assert_eq!(
            out.segments[1].body,
            "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n"
        );
    }

    #[test]
    fn playlist_lists_every_segment() {
        let spans = SegmentSpan::from_durations([4.004, 4.004, 1.5]);
        let out = segment(&track(vec![]), &spans, MPEGTS_FMP4);
        assert_eq!(
            out.playlist,
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:0\n\
             #EXT-X-PLAYLIST-TYPE:VOD\n\
             #EXTINF:4.004000,\nseg_00000.vtt\n\
             #EXTINF:4.004000,\nseg_00001.vtt\n\
             #EXTINF:1.500000,\nseg_00002.vtt\n\
             #EXT-X-ENDLIST\n"
        );
        assert_eq!(
            media_playlist(&[], segment_file_name).lines().nth(2),
            Some("#EXT-X-TARGETDURATION:1")
        );
    }

    /// Over many random tracks and segmentations: each segment file holds exactly the
    /// cues that overlap its segment, with their original times.
    #[test]
    fn every_cue_is_in_every_segment_it_overlaps() {
        let mut seed: u64 = 42;
        let mut next = move |below: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % below
        };
        for _ in 0..300 {
            let durations: Vec<f64> = (0..1 + next(12))
                .map(|_| (1 + next(8000)) as f64 / 1000.0)
                .collect();
            let spans = SegmentSpan::from_durations(durations);
            let total_ms = (spans.last().map_or(0.0, |s| s.end) * 1000.0) as u64;
            let mut cues: Vec<Cue> = (0..next(30))
                .map(|n| {
                    let start = next(total_ms + 2000);
                    let end = start + 1 + next(12_000);
                    cue(start as f64 / 1000.0, end as f64 / 1000.0, &format!("cue {n}"))
                })
                .collect();
            cues.sort_by(|a, b| a.start.total_cmp(&b.start));
            let track = track(cues);
            let out = segment(&track, &spans, MPEGTS_FMP4);
            assert_eq!(out.segments.len(), spans.len());
            let last = spans.len() - 1;
            for (i, (span, file)) in spans.iter().zip(&out.segments).enumerate() {
                let from = if i == 0 { f64::NEG_INFINITY } else { span.start };
                let to = if i == last { f64::INFINITY } else { span.end };
                let expected: Vec<(f64, f64, String)> = track
                    .cues
                    .iter()
                    .filter(|c| c.start < to && c.end > from)
                    .map(|c| (c.start, c.end, c.text.plain_text()))
                    .collect();
                assert_eq!(read_back(&file.body), expected, "segment {i} of {spans:?}");
            }
            // And no cue is lost.
            let all: usize = out.segments.iter().map(|f| read_back(&f.body).len()).sum();
            assert!(all >= track.cues.len());
        }
    }
}
