//! Bad input is refused before anything is written, and never leaves a partial package.

use lernwerk::media::limits::MediaLimits;
use lernwerk::media::transcode::{transcode, EncodeSettings, TranscodeError};

use crate::probe_tools::fixture;

#[test]
fn refused_input_leaves_nothing_behind() {
    for name in [
        "text.mp4",
        "truncated.mp4",
        "audio-only.m4a",
        "hls-playlist.mp4",
        "ten-hours.mkv",
        "huge-frame.mkv",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("package");
        let result = transcode(
            &fixture(name),
            &out,
            &EncodeSettings::default(),
            &MediaLimits::default(),
            &mut |_| {},
        );
        match result {
            Err(TranscodeError::Rejected(e)) => {
                assert!(e.message_key().starts_with("media-error-"), "{name}")
            }
            Err(TranscodeError::Undecodable { .. }) if name == "truncated.mp4" => {}
            other => panic!("{name}: expected a refusal, got {:?}", other.map(|_| ())),
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{name} left files behind"
        );
    }
}

#[test]
fn an_existing_package_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("master.m3u8"), "good").unwrap();
    let result = transcode(
        &fixture("no-audio.mp4"),
        &out,
        &EncodeSettings::default(),
        &MediaLimits::default(),
        &mut |_| {},
    );
    assert!(matches!(result, Err(TranscodeError::OutputExists(_))));
    assert_eq!(std::fs::read_to_string(out.join("master.m3u8")).unwrap(), "good");
}
