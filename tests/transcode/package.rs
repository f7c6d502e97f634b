//! The whole package of one real video, checked piece by piece.

use std::path::Path;

use crate::probe_tools::*;

#[test]
fn big_buck_bunny_becomes_a_full_package() {
    let (_dir, out, report) = transcoded(&fixture("bbb.mp4"));
    let names: Vec<&str> = report.rungs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["240p", "360p", "480p", "720p"],
        "720p source: no upscaling"
    );

    let mut keyframes_per_rung = Vec::new();
    for rung in &report.rungs {
        let playlist = out.join(&rung.playlist);
        assert_eq!(video_size(&playlist), (rung.width, rung.height), "{}", rung.name);
        let codec = video_codec(&playlist);
        assert!(codec.starts_with("h264,High,yuv420p,"), "{codec}");

        let keys = keyframe_times(&playlist);
        assert!(keys.len() >= 3, "{}: keyframes at {keys:?}", rung.name);
        for (i, key) in keys.iter().enumerate() {
            assert!(
                (key - keys[0] - i as f64 * 2.0).abs() < 0.01,
                "{}: keyframes at {keys:?}",
                rung.name
            );
        }
        keyframes_per_rung.push(keys);

        let segments = media_segments(&playlist);
        assert!(segments.len() >= 2);
        for (duration, segment) in &segments {
            assert!(*duration <= 4.5, "{}: segment of {duration} s", rung.name);
            assert!(
                starts_with_keyframe(&playlist, segment),
                "{}: {segment} starts without IDR",
                rung.name
            );
        }
    }
    assert!(
        keyframes_per_rung.windows(2).all(|w| w[0] == w[1]),
        "keyframes differ between rungs"
    );

    check_master_against_segments(&out);

    let loudness = integrated_loudness(&out.join("audio/index.m3u8"));
    assert!((loudness + 16.0).abs() <= 1.5, "audio at {loudness} LUFS");

    let offline = out.join("offline.mp4");
    assert_eq!(video_size(&offline), (640, 360));
    assert!(has_audio(&offline));
    assert!(
        moov_before_mdat(&offline),
        "offline MP4 must start playing before it is complete"
    );

    for poster in &report.posters {
        let image = image::open(out.join(&poster.file_name)).unwrap().to_luma8();
        let (mean, deviation) = mean_and_deviation(&image);
        assert!(
            mean > 20.0 && mean < 235.0 && deviation > 10.0,
            "{} looks blank",
            poster.file_name
        );
    }
    let widths: Vec<u32> = report.posters.iter().map(|p| p.width).collect();
    assert!(
        widths.contains(&320) && widths.contains(&640) && widths.contains(&1280),
        "{widths:?}"
    );
    let storyboard = std::fs::read_to_string(out.join("storyboard.vtt")).unwrap();
    assert!(storyboard.starts_with("WEBVTT") && storyboard.contains("storyboard.jpg#xywh=0,0,"));

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["rungs"].as_array().unwrap().len(), 4);
    assert!(manifest["stage_seconds"].as_array().unwrap().len() >= 3);
    assert!(manifest["source"]["duration_seconds"].as_f64().unwrap() > 5.0);
}

/// BANDWIDTH and AVERAGE-BANDWIDTH of every variant within 10 % of what its segments
/// (plus the audio's) measure, and CODECS naming the profile and level really encoded.
fn check_master_against_segments(out: &Path) {
    let master = std::fs::read_to_string(out.join("master.m3u8")).unwrap();
    assert!(master.contains("#EXT-X-INDEPENDENT-SEGMENTS"));
    let audio = segment_bitrates(&out.join("audio/index.m3u8"));
    let mut lines = master.lines();
    let mut variants = 0;
    while let Some(line) = lines.next() {
        let Some(attributes) = line.strip_prefix("#EXT-X-STREAM-INF:") else {
            continue;
        };
        let uri = lines.next().unwrap();
        let video = segment_bitrates(&out.join(uri));
        let is_audio_only = uri.starts_with("audio/");
        let combined: Vec<f64> = if is_audio_only {
            audio.clone()
        } else {
            video.iter().zip(&audio).map(|(v, a)| v + a).collect()
        };
        let peak = combined.iter().cloned().fold(0.0, f64::max);
        let declared = attribute(attributes, "BANDWIDTH").parse::<f64>().unwrap();
        assert!(
            (declared - peak).abs() / peak <= 0.10,
            "{uri}: BANDWIDTH {declared} vs measured {peak}"
        );
        let average = average_bitrate(&out.join(uri))
            + if is_audio_only {
                0.0
            } else {
                average_bitrate(&out.join("audio/index.m3u8"))
            };
        let declared = attribute(attributes, "AVERAGE-BANDWIDTH").parse::<f64>().unwrap();
        assert!(
            (declared - average).abs() / average <= 0.10,
            "{uri}: AVERAGE-BANDWIDTH {declared} vs {average}"
        );
        if !is_audio_only {
            let codecs = attribute(attributes, "CODECS");
            let level = video_codec(&out.join(uri))
                .split(',')
                .nth(3)
                .unwrap()
                .parse::<u32>()
                .unwrap();
            assert_eq!(codecs, format!("\"avc1.6400{level:02x},mp4a.40.2\""), "{uri}");
            assert!(attributes.contains("RESOLUTION=") && attributes.contains("FRAME-RATE="));
        }
        variants += 1;
    }
    assert_eq!(variants, 5, "four video variants and the audio-only one");
}
