//! Whole files through [`parse`]: every encoding and line end, the problems trainers'
//! files have, hostile input, and the limits.

use std::time::{Duration, Instant};

use super::*;

const SRT: &str = "1\n00:00:01,000 --> 00:00:03,000\nGuten Tag! Grüße aus der Straße.\n\n\
                   2\n00:00:04,000 --> 00:00:06,500\nDas kostet 5 € – <i>wirklich</i>.\n";

fn defaults() -> SubtitleLimits {
    SubtitleLimits::default()
}

fn texts(track: &Track) -> Vec<String> {
    track.cues.iter().map(|c| c.text.to_webvtt()).collect()
}

fn times(track: &Track) -> Vec<(f64, f64)> {
    track.cues.iter().map(|c| (c.start, c.end)).collect()
}

fn errors(result: Result<Track, SubtitleErrors>) -> Vec<SubtitleError> {
    match result {
        Ok(track) => panic!("expected errors, got {track:?}"),
        Err(e) => e.errors,
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn srt_in_every_encoding_and_line_end_reads_the_same() {
    let expected = parse(SRT.as_bytes(), &defaults(), None).expect("plain UTF-8");
    assert_eq!(
        texts(&expected),
        vec![
            "Guten Tag! Grüße aus der Straße.",
            "Das kostet 5 € – <i>wirklich</i>."
        ]
    );
    for line_end in ["\n", "\r\n"] {
        let text = SRT.replace('\n', line_end);
        let (latin, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        let files: Vec<(&str, Vec<u8>)> = vec![
            ("UTF-8", text.as_bytes().to_vec()),
            (
                "UTF-8 BOM",
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            ),
            ("UTF-16 LE", utf16(&text, false)),
            ("UTF-16 BE", utf16(&text, true)),
            ("Windows-1252", latin.into_owned()),
        ];
        for (name, bytes) in files {
            let track = parse(&bytes, &defaults(), None);
            assert_eq!(track.as_ref(), Ok(&expected), "{name} with {line_end:?}");
        }
    }
}

#[test]
fn ukrainian_in_windows_1251_with_the_language_hint() {
    let text = "1\n00:00:01,000 --> 00:00:02,000\nДоброго ранку!\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let track = parse_for_language(&bytes, "uk", &defaults(), None).expect("1251");
    assert_eq!(texts(&track), vec!["Доброго ранку!"]);
}

#[test]
fn webvtt_with_note_style_region_ids_and_settings() {
    let file = "\u{FEFF}WEBVTT Lektion\r\nKind: captions\r\n\r\n\
                STYLE\r\n::cue { color: red }\r\n\r\n\
                REGION\r\nid:r\r\n\r\n\
                NOTE nur für uns\r\n\r\n\
                zwei\r\n00:00:05.000 --> 00:00:06.000 align:end vertical:xx region:r\r\n\
                <c.yellow>später</c>\r\n\r\n\
                eins\r\n00:01.000 --> 00:02.000 line:10% size:50%\r\n\
                <v Anna>früher\r\n";
    let track = parse(file.as_bytes(), &defaults(), None).expect("valid WebVTT");
    // Sorted by start; ids gone; invalid settings and regions dropped.
    assert_eq!(times(&track), vec![(1.0, 2.0), (5.0, 6.0)]);
    assert_eq!(texts(&track), vec!["<v Anna>früher</v>", "<c.yellow>später</c>"]);
    assert_eq!(track.cues[0].settings, "line:10% size:50%");
    assert_eq!(track.cues[1].settings, "align:end");
    assert_eq!(
        to_webvtt(&track),
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:10% size:50%\n<v Anna>früher</v>\n\n\
         00:00:05.000 --> 00:00:06.000 align:end\n<c.yellow>später</c>\n"
    );
}

#[test]
fn written_webvtt_reads_back_to_the_same_track() {
    let file = "1\n00:00:01,000 --> 00:00:02,000\n<font color=\"yellow\">gelb</font> & <b>fett\n\n\
                2\n00:00:01,500 --> 00:00:04,000\n{\\an8}<script>alert(1)</script>\n";
    let track = parse(file.as_bytes(), &defaults(), None).expect("valid SRT");
    let again = parse(to_webvtt(&track).as_bytes(), &defaults(), None).expect("our own output");
    assert_eq!(again, track);
}

#[test]
fn missing_and_wrong_srt_numbers_are_fixed_silently() {
    let file = "00:00:01,000 --> 00:00:02,000\nohne\n\n\
                99\n00:00:03,000 --> 00:00:04,000\nfalsch\n\
                3\n00:00:05,000 --> 00:00:06,000\nohne Leerzeile davor\n";
    let track = parse(file.as_bytes(), &defaults(), None).expect("fixable");
    assert_eq!(texts(&track), vec!["ohne", "falsch", "ohne Leerzeile davor"]);
    assert!(track.warnings.is_empty());
}

#[test]
fn all_problems_are_collected_with_their_lines() {
    let file = "1\n00:00:01,000 --> 00:00:02,000\ngut\n\n\
                2\n00:00:03,000 -> 00:00:04,000\nkein Pfeil\n\n\
                3\n00:00:05,000 --> 00:00:05,000\nnull Sekunden\n\n\
                4\n00:00:08,000 --> 00:00:07,000\nrückwärts\n\n\
                verirrte Zeile\n\n\
                5\n00:00:09,000 --> 00:00:10,000\nauch gut\n";
    let found = errors(parse(file.as_bytes(), &defaults(), None));
    assert_eq!(
        found,
        vec![
            SubtitleError::Timestamp {
                line: 6,
                found: "00:00:03,000 -> 00:00:04,000".into()
            },
            SubtitleError::CueDuration {
                line: 10,
                start: 5.0,
                end: 5.0
            },
            SubtitleError::CueDuration {
                line: 14,
                start: 8.0,
                end: 7.0
            },
            SubtitleError::StrayText { line: 17 },
        ]
    );
    assert_eq!(found[0].message_key(), "subtitle-error-timestamp");
    assert_eq!(found[0].message_args()[0], ("line", "6".to_string()));
    assert_eq!(
        found[1].to_string(),
        "line 10: the cue ends (00:00:05.000) before or when it starts (00:00:05.000)"
    );
}

#[test]
fn problems_stop_at_the_limit() {
    let mut file = String::new();
    for n in 0..100 {
        file.push_str(&format!("{n}\n00:00:0x,000 --> 00:00:02,000\nText\n\n"));
    }
    let result = parse(file.as_bytes(), &defaults(), None);
    let Err(all) = result else {
        panic!("expected errors");
    };
    assert_eq!(all.errors.len(), 20);
    assert!(all.truncated);
    assert_eq!(all.errors[19].line(), Some(78));
}

#[test]
fn overlapping_cues_are_kept_and_sorted() {
    let file = "WEBVTT\n\n00:03.000 --> 00:06.000\n<v B>zweite Stimme\n\n\
                00:01.000 --> 00:05.000\n<v A>erste Stimme\n\n\
                00:01.000 --> 00:02.000\ngleichzeitig\n";
    let track = parse(file.as_bytes(), &defaults(), None).expect("overlaps are fine");
    assert_eq!(times(&track), vec![(1.0, 5.0), (1.0, 2.0), (3.0, 6.0)]);
}

#[test]
fn cues_are_clamped_to_the_video() {
    let file = "WEBVTT\n\n00:01.000 --> 00:04.000\ninnen\n\n\
                00:08.000 --> 00:12.000\nüber das Ende\n\n\
                00:10.000 --> 00:11.000\nnach dem Ende\n\n\
                00:20.000 --> 00:21.000\nweit danach\n";
    let track = parse(file.as_bytes(), &defaults(), Some(10.0)).expect("clamped");
    assert_eq!(times(&track), vec![(1.0, 4.0), (8.0, 10.0)]);
    assert_eq!(
        track.warnings,
        vec![
            SubtitleWarning::CueAfterEnd {
                line: 9,
                start: 10.0,
                duration: 10.0
            },
            SubtitleWarning::CueAfterEnd {
                line: 12,
                start: 20.0,
                duration: 10.0
            },
        ]
    );
    assert_eq!(track.warnings[0].message_key(), "subtitle-warning-after-end");
    // Nonsense durations are ignored rather than dropping everything.
    for duration in [f64::NAN, 0.0, -1.0, f64::INFINITY] {
        let track = parse(file.as_bytes(), &defaults(), Some(duration)).expect("no clamping");
        assert_eq!(track.cues.len(), 4);
    }
}

#[test]
fn a_file_for_another_video_is_refused() {
    let file = "1\n00:10:00,000 --> 00:10:02,000\nviel zu spät\n";
    assert_eq!(
        errors(parse(file.as_bytes(), &defaults(), Some(60.0))),
        vec![SubtitleError::AllCuesAfterEnd {
            count: 1,
            duration: 60.0
        }]
    );
}

#[test]
fn empty_and_unknown_files_are_refused() {
    assert_eq!(
        errors(parse(b"", &defaults(), None)),
        vec![SubtitleError::UnknownFormat]
    );
    assert_eq!(
        errors(parse(b"<html><body>hi</body></html>", &defaults(), None)),
        vec![SubtitleError::UnknownFormat]
    );
    assert_eq!(
        errors(parse(b"WEBVTT\n\n", &defaults(), None)),
        vec![SubtitleError::NoCues]
    );
    // Cues without text are dropped silently; none left is still "no cues".
    let blank = "1\n00:00:01,000 --> 00:00:02,000\n<i> </i>\n";
    assert_eq!(
        errors(parse(blank.as_bytes(), &defaults(), None)),
        vec![SubtitleError::NoCues]
    );
}

#[test]
fn script_and_img_cannot_inject_markup() {
    let file = "1\n00:00:01,000 --> 00:00:02,000\n<script>alert(1)</script>\n\n\
                2\n00:00:03,000 --> 00:00:04,000\n<img src=x onerror=alert(1)>Bild\n";
    let track = parse(file.as_bytes(), &defaults(), None).expect("text is kept");
    assert_eq!(
        texts(&track),
        vec![
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(1)&gt;Bild"
        ]
    );
    let written = to_webvtt(&track);
    assert!(!written.contains("<script") && !written.contains("<img"));
    assert_eq!(
        track.cues[1].text.plain_text(),
        "<img src=x onerror=alert(1)>Bild"
    );
}

#[test]
fn a_50_mb_file_is_refused_before_decoding() {
    let huge = vec![b'a'; 50 * 1024 * 1024];
    let started = Instant::now();
    let found = errors(parse(&huge, &defaults(), None));
    assert!(started.elapsed() < Duration::from_millis(100));
    assert_eq!(
        found,
        vec![SubtitleError::FileTooLarge {
            bytes: 50 * 1024 * 1024,
            limit: 2 * 1024 * 1024
        }]
    );
    assert_eq!(found[0].message_args()[0], ("kilobytes", "51200".to_string()));
}

#[test]
fn a_file_of_100_000_cues_is_refused_quickly() {
    let mut file = String::from("WEBVTT\n");
    for n in 0..100_000u64 {
        let (start, end) = (timestamp::format(n as f64), timestamp::format(n as f64 + 0.5));
        file.push_str(&format!("\n{start} --> {end}\nCue {n}\n"));
    }
    // The size limit alone refuses it …
    assert!(matches!(
        errors(parse(file.as_bytes(), &defaults(), None))[..],
        [SubtitleError::FileTooLarge { .. }]
    ));
    // … and with room for the bytes, the cue limit does, right after cue 5 000.
    let roomy = SubtitleLimits {
        max_bytes: 64 * 1024 * 1024,
        ..defaults()
    };
    let started = Instant::now();
    let found = errors(parse(file.as_bytes(), &roomy, None));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        found,
        vec![SubtitleError::TooManyCues {
            line: 3 + 5_000 * 3,
            limit: 5_000
        }]
    );
    assert_eq!(found[0].to_string(), "line 15003: more than 5000 cues");
}

#[test]
fn long_lines_and_long_cues_are_reported() {
    let long = "ä".repeat(501);
    let many_lines = ["Zeile"; 11].join("\n");
    let file = format!(
        "1\n00:00:01,000 --> 00:00:02,000\n{long}\n\n2\n00:00:03,000 --> 00:00:04,000\n{many_lines}\n"
    );
    assert_eq!(
        errors(parse(file.as_bytes(), &defaults(), None)),
        vec![
            SubtitleError::LineTooLong {
                line: 3,
                length: 501,
                limit: 500
            },
            SubtitleError::TooManyLines {
                line: 6,
                count: 11,
                limit: 10
            },
        ]
    );
    // 500 characters of two bytes each are still fine.
    let fine = format!("1\n00:00:01,000 --> 00:00:02,000\n{}\n", "ä".repeat(500));
    assert!(parse(fine.as_bytes(), &defaults(), None).is_ok());
}

#[test]
fn detects_the_format() {
    assert_eq!(detect("WEBVTT\n"), Some(Format::WebVtt));
    assert_eq!(detect("\n1\n00:00:01,000 --> 00:00:02,000\n"), Some(Format::Srt));
    assert_eq!(detect("WEBVTTX\n"), None);
}

#[test]
fn karaoke_timestamps_outside_the_cue_or_going_back_are_dropped() {
    // Found by the W3C webvtt-parser check (scripts/lib/check-webvtt.mjs): a timestamp
    // must lie inside the cue and after the one before, also once the cue is cut.
    let vtt = "WEBVTT\n\n00:00:02.000 --> 00:00:10.000\n\
               <00:00:03.000>a <00:00:01.000>b <b><00:00:04.000>c</b> <00:00:03.500>d <00:00:09.000>e\n";
    let track = parse(vtt.as_bytes(), &defaults(), Some(8.0)).unwrap();
    assert_eq!(texts(&track), ["<00:00:03.000>a b <b><00:00:04.000>c</b> d e"]);
    let whole = parse(vtt.as_bytes(), &defaults(), None).unwrap();
    assert!(
        texts(&whole)[0].ends_with("<00:00:09.000>e"),
        "{:?}",
        texts(&whole)
    );
}
