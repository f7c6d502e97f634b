//! Roughly how many bytes watching a finished package costs at each quality, from the
//! sizes the transcoder measured (`manifest.json`) and the saved MP4's file size.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::courses::data_saver::LOW_DATA_MAX_HEIGHT;

#[derive(Deserialize)]
struct Manifest {
    rungs: Vec<Rung>,
    audio: Option<Audio>,
}

#[derive(Deserialize)]
struct Rung {
    height: u32,
    bytes: u64,
}

#[derive(Deserialize)]
struct Audio {
    bytes: u64,
}

/// Bytes for watching the whole video once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LessonSizes {
    /// Automatic: at most the highest rung with its sound.
    pub auto_max: u64,
    /// "Wenig Daten": the highest rung within the cap (or the lowest of all), with sound.
    pub low: u64,
    /// "Nur Ton"; `None` when the video has no sound.
    pub audio: Option<u64>,
    /// The MP4 "Für offline speichern" stores; `None` when the package has none.
    pub offline: Option<u64>,
}

impl LessonSizes {
    fn from_manifest(manifest: &Manifest, offline: Option<u64>) -> Option<LessonSizes> {
        let sound = manifest.audio.as_ref().map_or(0, |a| a.bytes);
        let highest = manifest.rungs.iter().map(|r| r.bytes).max()?;
        let low = manifest
            .rungs
            .iter()
            .filter(|r| r.height <= LOW_DATA_MAX_HEIGHT)
            .map(|r| r.bytes)
            .max()
            .or_else(|| manifest.rungs.iter().min_by_key(|r| r.height).map(|r| r.bytes))?;
        Some(LessonSizes {
            auto_max: highest + sound,
            low: low + sound,
            audio: manifest.audio.as_ref().map(|a| a.bytes),
            offline,
        })
    }
}

/// The sizes of the package in `dir`; `None` when its manifest is missing or unreadable
/// (the page then shows no figures rather than wrong ones).
pub async fn of_package(dir: &Path) -> Option<LessonSizes> {
    let bytes = tokio::fs::read(dir.join("manifest.json")).await.ok()?;
    let manifest: Manifest = serde_json::from_slice(&bytes).ok()?;
    let offline = tokio::fs::metadata(dir.join("offline.mp4"))
        .await
        .ok()
        .map(|m| m.len());
    LessonSizes::from_manifest(&manifest, offline)
}

/// Bytes as megabytes for people: one decimal below 10 MB, never "0", with the
/// language's decimal mark.
pub fn megabytes(bytes: u64, decimal_comma: bool) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    let text = if mb >= 10.0 {
        format!("{mb:.0}")
    } else {
        format!("{:.1}", mb.max(0.1))
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(json: &str) -> Manifest {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn sizes_per_choice_from_the_measured_rungs() {
        let m = manifest(
            r#"{"rungs":[{"height":240,"bytes":77000},{"height":360,"bytes":111000},
            {"height":720,"bytes":202000}],"audio":{"bytes":213000},"other":1}"#,
        );
        let sizes = LessonSizes::from_manifest(&m, Some(329_000)).unwrap();
        assert_eq!(
            sizes,
            LessonSizes {
                auto_max: 415_000,
                low: 324_000,
                audio: Some(213_000),
                offline: Some(329_000)
            }
        );
    }

    #[test]
    fn without_a_low_rung_or_sound() {
        let m = manifest(r#"{"rungs":[{"height":720,"bytes":900},{"height":480,"bytes":500}],"audio":null}"#);
        let sizes = LessonSizes::from_manifest(&m, None).unwrap();
        assert_eq!((sizes.low, sizes.audio), (500, None));
        assert!(LessonSizes::from_manifest(&manifest(r#"{"rungs":[],"audio":null}"#), None).is_none());
    }

    #[test]
    fn megabytes_for_people() {
        assert_eq!(megabytes(324_000, true), "0,3");
        assert_eq!(megabytes(1_000, true), "0,1");
        assert_eq!(megabytes(2_450_000, false), "2.5");
        assert_eq!(megabytes(23_400_000, true), "23");
    }
}
