//! Subtitles offline: `lernwerk transcode --subtitles LANG=FILE` writes the same
//! side-car, segmented playlists and master playlist renditions as the trainer's page,
//! refuses bad arguments before anything is written, and removes the package when the
//! tracks cannot go in. Every .vtt our normaliser writes — for hostile inputs too — is
//! parsed by a WebVTT parser we did not write (the W3C's `webvtt-parser` from npm).

use std::path::Path;
use std::process::{Command, Output};

use lernwerk::media::subtitles::{
    parse_for_language, segment, to_webvtt, SegmentSpan, SubtitleLimits, MPEGTS_FMP4,
};

use crate::probe_tools::fixture;

fn lernwerk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lernwerk"))
        .args(["--config", "/nonexistent/lernwerk.toml"])
        .args(args)
        .output()
        .unwrap()
}

/// Runs the W3C parser over `dir`; panics with its findings unless every file is clean.
fn check_with_webvtt_parser(dir: &Path) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lib/check-webvtt.mjs");
    let output = Command::new("node")
        .arg(script)
        .arg(dir)
        .output()
        .expect("node is needed for the WebVTT check (scripts/setup installs it)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "webvtt-parser found problems: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).unwrap()
}

/// Inputs that try everything: markup, broken tags, odd encodings and line ends,
/// blocks to drop, settings to check, cues that overlap or span many segments.
fn hostile_inputs() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let utf16 = |text: &str, big_endian: bool| -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    vec![
        ("script", "de", b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<script>alert(1)</script><b>fett\n\n00:00:02.000 --> 00:00:05.000\n<img src=x onerror=alert(2)> & </i> < > &amp; &lt;\n".to_vec()),
        ("tags", "de", b"1\r\n00:00:00,500 --> 00:00:09,000\r\n<font color=\"red\">rot</font> <b><i>kursiv</b></i> <u>unter\r\n\r\n7\r\n00:00:01,000 --> 00:00:02,000\r\n<c.yellow.bg_blue>Farbe</c> <v>ohne Name</v> <v Anna>Anna</v>\r\n".to_vec()),
        ("blocks", "de", b"WEBVTT - Kopf\nKind: captions\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE nichts hier\nzweite Zeile\n\nid-1\n00:00:01.000 --> 00:00:04.000 region:r1 align:middle line:0 position:10%,line-left size:200%\n<ruby>\xe6\xbc\xa2<rt>kan</rt></ruby> <lang ar>\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7</lang>\n\n00:00:02.000 --> 00:00:19.000\n<00:00:03.000>Zeit <00:00:01.000>zur\xc3\xbcck <00:00:30.000>danach\n".to_vec()),
        ("cp1252", "de", b"1\n00:00:00,000 --> 00:00:02,000\nGr\xfc\xdfe \x80 \x93zitiert\x94\n".to_vec()),
        ("cp1256", "ar", b"1\n00:00:00,000 --> 00:00:02,000\n\xe3\xd1\xcd\xc8\xc7\n".to_vec()),
        ("utf16le", "uk", utf16("1\r\n00:00:01,000 --> 00:00:03,500\r\nПривіт, <i>світ</i>\r\n", false)),
        ("utf16be", "tr", utf16("WEBVTT\n\n00:00:01.000 --> 00:00:12.000\nİyi günler - yarın &lt;3\n", true)),
        ("bom", "fa", b"\xef\xbb\xbf1\n00:00:01,000 --> 00:00:02,000\n\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 &nbsp;&copy;&#65;&#x42;&bogus;\n\n\n\n2\n00:00:01,500 --> 00:00:30,000\nbis nach dem Ende\n".to_vec()),
    ]
}

#[test]
fn our_webvtt_for_hostile_inputs_passes_a_parser_we_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let spans = SegmentSpan::from_durations([4.0, 4.0, 4.0, 4.0, 3.5]);
    let limits = SubtitleLimits::default();
    for (name, lang, bytes) in hostile_inputs() {
        let track =
            parse_for_language(&bytes, lang, &limits, Some(19.5)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!track.cues.is_empty(), "{name}");
        let side_car = to_webvtt(&track);
        assert!(
            !side_car.contains("<script") && !side_car.contains("<img") && !side_car.contains("<font"),
            "{name}: {side_car}"
        );
        std::fs::write(dir.path().join(format!("{name}.vtt")), &side_car).unwrap();
        let segmented = segment(&track, &spans, MPEGTS_FMP4);
        let seg_dir = dir.path().join(name);
        std::fs::create_dir(&seg_dir).unwrap();
        for file in segmented.segments {
            std::fs::write(seg_dir.join(file.name), file.body).unwrap();
        }
    }
    let summary = check_with_webvtt_parser(dir.path());
    assert_eq!(summary["files"], 8 + 8 * 5, "{summary}");
    assert_eq!(
        summary["tolerated_hls_headers"],
        8 * 5,
        "only the HLS segment header: {summary}"
    );
    assert!(summary["cues"].as_u64().unwrap() >= 16, "{summary}");
}

#[test]
fn transcode_writes_subtitle_tracks_into_the_package_and_reports_them() {
    let dir = tempfile::tempdir().unwrap();
    let de = dir.path().join("film.de.srt");
    std::fs::write(&de, "1\n00:00:00,500 --> 00:00:04,800\nHallo <b>Welt</b>\n\n2\n00:00:03,500 --> 00:00:09,000\nbis zum Ende\n\n3\n00:01:00,000 --> 00:01:02,000\nviel später\n").unwrap();
    let ar = dir.path().join("film.ar.vtt");
    std::fs::write(
        &ar,
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nمرحبا <script>x</script>\n",
    )
    .unwrap();
    let out = dir.path().join("package");
    let output = lernwerk(&[
        "transcode",
        fixture("bbb.mp4").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--subtitles",
        &format!("de={}", de.display()),
        "--subtitles",
        &format!("ar={}", ar.display()),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let tracks = report["subtitles"].as_array().unwrap();
    assert_eq!(tracks.len(), 2, "{report}");
    assert_eq!(tracks[0]["language"], "de");
    assert_eq!(tracks[0]["default"], true);
    assert_eq!(tracks[0]["cues"], 2, "the cue after the end is left out");
    assert!(
        tracks[0]["warnings"][0].as_str().unwrap().contains("Line 10"),
        "{report}"
    );
    assert_eq!(
        (tracks[1]["language"].as_str(), tracks[1]["default"].as_bool()),
        (Some("ar"), Some(false))
    );

    let master = std::fs::read_to_string(out.join("master.m3u8")).unwrap();
    assert!(
        master.contains("TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=YES"),
        "{master}"
    );
    assert!(
        master.contains("LANGUAGE=\"ar\",NAME=\"العربية\",DEFAULT=NO"),
        "{master}"
    );
    assert!(master.contains("SUBTITLES=\"subs\""), "{master}");
    let side_car = std::fs::read_to_string(out.join("subs/de.vtt")).unwrap();
    assert!(
        side_car.contains("<b>Welt</b>") && !side_car.contains("viel später"),
        "{side_car}"
    );
    let playlist = std::fs::read_to_string(out.join("subs/de/index.m3u8")).unwrap();
    let segments: Vec<&str> = playlist.lines().filter(|l| l.ends_with(".vtt")).collect();
    assert!(segments.len() >= 2, "{playlist}");
    for segment in &segments {
        let body = std::fs::read_to_string(out.join("subs/de").join(segment)).unwrap();
        assert!(body.contains("X-TIMESTAMP-MAP"), "{body}");
        assert!(
            body.contains("bis zum Ende"),
            "the 3.5–9 s cue overlaps every segment: {segment}"
        );
    }
    assert!(!std::fs::read_to_string(out.join("subs/ar.vtt"))
        .unwrap()
        .contains("<script"));
    check_with_webvtt_parser(&out.join("subs"));
}

#[test]
fn bad_subtitle_arguments_stop_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("ok.srt");
    std::fs::write(&good, "1\n00:00:01,000 --> 00:00:02,000\nHallo\n").unwrap();
    let broken = dir.path().join("broken.srt");
    std::fs::write(
        &broken,
        "1\n00:00:01,000 --> 00:00:02,000\nHallo\n\n2\n00:00:0x,000 --> 00:00:04,000\nkaputt\n",
    )
    .unwrap();
    let bbb = fixture("bbb.mp4");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![format!("xx={}", good.display())],
            "unknown subtitle language \"xx\"",
        ),
        (vec![format!("de={}", broken.display())], "Line 6: the time"),
        (vec!["de=/nonexistent/none.srt".to_owned()], "none.srt"),
        (
            vec![format!("de={}", good.display()), format!("de={}", good.display())],
            "two subtitle files for de",
        ),
        (vec![good.display().to_string()], "LANG=FILE"),
    ];
    for (subtitles, expected) in cases {
        let out = dir.path().join("package");
        let mut args = vec![
            "transcode".to_owned(),
            bbb.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ];
        for s in &subtitles {
            args.push("--subtitles".into());
            args.push(s.clone());
        }
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = lernwerk(&argv);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{subtitles:?}");
        assert!(stderr.contains(expected), "{subtitles:?}: {stderr}");
        assert!(!out.exists(), "{subtitles:?} left a package");
    }
}

#[test]
fn tracks_that_cannot_go_in_after_the_transcode_take_the_package_away() {
    let dir = tempfile::tempdir().unwrap();
    // Valid on its own, but every cue is after the end of this 5 s video.
    let late = dir.path().join("late.srt");
    std::fs::write(&late, "1\n01:00:00,000 --> 01:00:02,000\nzu spät\n").unwrap();
    let out = dir.path().join("package");
    let output = lernwerk(&[
        "transcode",
        fixture("bbb.mp4").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--subtitles",
        &format!("tr={}", late.display()),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("late.srt"), "{stderr}");
    assert!(!out.exists(), "nothing half-written stays");
}
