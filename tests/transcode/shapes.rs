//! Sources of other shapes: portrait, rotated, without audio.

use crate::probe_tools::*;

#[test]
fn portrait_phone_video_keeps_its_orientation() {
    let source = fixture("portrait.mp4");
    let (w, h) = video_size(&source);
    assert!(h > w, "fixture should be portrait");
    let (_dir, out, report) = transcoded(&source);
    let top = report.rungs.last().unwrap();
    assert_eq!((top.width, top.height), (w, h));
    assert_eq!(report.rungs[0].name, "240p");
    assert_eq!(
        video_size(&out.join(&report.rungs[0].playlist)).0,
        240,
        "240p means 240 wide here"
    );
}

#[test]
fn rotation_metadata_is_applied_to_the_pictures() {
    let source = fixture("rotated.mp4");
    let (stored_w, stored_h) = video_size(&source);
    let (_dir, out, report) = transcoded(&source);
    let top = report.rungs.last().unwrap();
    assert_eq!((top.width, top.height), (stored_h, stored_w), "turned by 90°");
    assert_eq!(video_size(&out.join(&top.playlist)), (stored_h, stored_w));
}

#[test]
fn video_without_audio_gets_no_audio_group() {
    let (_dir, out, report) = transcoded(&fixture("no-audio.mp4"));
    assert!(report.audio.is_none());
    let master = std::fs::read_to_string(out.join("master.m3u8")).unwrap();
    assert!(
        !master.contains("TYPE=AUDIO") && !master.contains("mp4a"),
        "{master}"
    );
    assert!(!out.join("audio").exists());
    assert!(!has_audio(&out.join("offline.mp4")));
}
