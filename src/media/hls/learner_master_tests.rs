use super::*;
use crate::media::hls::{write_master, AudioRendition, SubtitleRendition, Variant, AAC_LC, MASTER_PLAYLIST};

fn variant(height: u32, peak: u64) -> Variant {
    Variant {
        uri: format!("video/{height}p/index.m3u8"),
        width: height * 16 / 9,
        height,
        frame_rate: 25.0,
        codecs: "avc1.64001f".into(),
        peak_bitrate: peak,
        average_bitrate: peak * 4 / 5,
    }
}

fn audio() -> AudioRendition {
    AudioRendition {
        uri: "audio/index.m3u8".into(),
        name: "Audio".into(),
        language: None,
        channels: 2,
        codecs: AAC_LC.into(),
        peak_bitrate: 78_000,
        average_bitrate: 61_000,
    }
}

/// A master playlist as the transcoder and the subtitle upload write it.
fn master(variants: &[Variant], audio: Option<&AudioRendition>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let subs = [SubtitleRendition {
        uri: "subs/de/index.m3u8".into(),
        name: "Deutsch".into(),
        language: "de".into(),
        default: true,
    }];
    write_master(dir.path(), variants, audio, &subs).unwrap();
    std::fs::read_to_string(dir.path().join(MASTER_PLAYLIST)).unwrap()
}

fn ladder() -> String {
    master(
        &[
            variant(240, 250_000),
            variant(360, 500_000),
            variant(480, 900_000),
            variant(720, 1_800_000),
            variant(1080, 3_500_000),
        ],
        Some(&audio()),
    )
}

/// (URI, attributes line) of every variant.
fn variants_of(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("#EXT-X-STREAM-INF:"))
        .map(|(i, l)| (lines[i + 1].to_owned(), (*l).to_owned()))
        .collect()
}

#[test]
fn attribute_lists_keep_quoted_commas() {
    assert_eq!(
        attributes(r#"BANDWIDTH=1,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=640x360"#),
        vec![
            ("BANDWIDTH".to_owned(), "1".to_owned()),
            ("CODECS".to_owned(), r#""avc1.64001f,mp4a.40.2""#.to_owned()),
            ("RESOLUTION".to_owned(), "640x360".to_owned()),
        ]
    );
}

#[test]
fn automatic_keeps_every_video_rung_but_no_subtitles_or_audio_only_variant() {
    let original = ladder();
    assert!(original.contains("TYPE=SUBTITLES") && original.contains("\naudio/index.m3u8"));
    let text = learner_master(&original, Renditions::AllVideo);
    let uris: Vec<String> = variants_of(&text).into_iter().map(|(u, _)| u).collect();
    assert_eq!(
        uris,
        [
            "video/360p/index.m3u8",
            "video/240p/index.m3u8",
            "video/480p/index.m3u8",
            "video/720p/index.m3u8",
            "video/1080p/index.m3u8"
        ],
        "start variant stays first:\n{text}"
    );
    assert!(!text.contains("SUBTITLES"), "{text}");
    assert!(text.contains(r#"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio""#));
    assert!(text.starts_with("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"));
    for (_, line) in variants_of(&text) {
        assert!(
            line.contains(r#"CODECS="avc1.64001f,mp4a.40.2""#) && line.ends_with(r#"AUDIO="audio""#),
            "{line}"
        );
    }
}

#[test]
fn low_data_lists_no_rung_above_the_cap() {
    let text = learner_master(&ladder(), Renditions::MaxHeight(360));
    let variants = variants_of(&text);
    let uris: Vec<&str> = variants.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(uris, ["video/360p/index.m3u8", "video/240p/index.m3u8"], "{text}");
    for (_, line) in &variants {
        let height: u32 = line
            .split("RESOLUTION=")
            .nth(1)
            .and_then(|r| r.split([',', 'x']).nth(1))
            .and_then(|h| h.parse().ok())
            .unwrap();
        assert!(height <= 360, "{line}");
    }
    assert!(!text.contains("480p") && !text.contains("720p") && !text.contains("1080p"));
    assert!(
        text.contains("TYPE=AUDIO"),
        "the video rungs still need their sound"
    );
}

#[test]
fn a_cap_below_every_rung_keeps_only_the_lowest() {
    let text = learner_master(
        &master(&[variant(720, 1_800_000), variant(480, 900_000)], Some(&audio())),
        Renditions::MaxHeight(360),
    );
    let uris: Vec<String> = variants_of(&text).into_iter().map(|(u, _)| u).collect();
    assert_eq!(uris, ["video/480p/index.m3u8"]);
}

#[test]
fn audio_only_is_one_plain_audio_stream() {
    let text = learner_master(&ladder(), Renditions::AudioOnly);
    assert_eq!(
        text,
        "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n\
         #EXT-X-STREAM-INF:BANDWIDTH=78000,AVERAGE-BANDWIDTH=61000,CODECS=\"mp4a.40.2\"\n\
         audio/index.m3u8\n"
    );
}

#[test]
fn audio_only_without_sound_falls_back_to_the_smallest_picture() {
    let text = learner_master(
        &master(&[variant(360, 500_000), variant(240, 250_000)], None),
        Renditions::AudioOnly,
    );
    let uris: Vec<String> = variants_of(&text).into_iter().map(|(u, _)| u).collect();
    assert_eq!(uris, ["video/240p/index.m3u8"]);
}
