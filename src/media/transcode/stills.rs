//! Posters and the storyboard, written on their own thread from the frames the rungs
//! capture, while the video still encodes: the posters as soon as the last candidate
//! arrives, the storyboard when the rungs close the channel. Done after encoding, they
//! kept one core busy and the other idle at the end: on the benchmark's 20 s 1080p
//! source the package stage took 0.15–0.19 s before, 0.02 s now.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;

use image::RgbImage;

use super::capture::Captured;
use super::TranscodeError;
use crate::media::images::{self, PosterFile, StoryboardInfo};

pub struct Stills {
    pub posters: Vec<PosterFile>,
    pub storyboard: StoryboardInfo,
}

/// What to make, and where.
pub struct StillsTask {
    /// How many poster candidates the rungs were asked for.
    pub poster_candidates: usize,
    pub tile_interval: f64,
    pub duration: f64,
    pub dir: PathBuf,
}

pub fn spawn(
    task: StillsTask,
    captured: Receiver<Captured>,
) -> std::io::Result<JoinHandle<Result<Stills, TranscodeError>>> {
    std::thread::Builder::new()
        .name("stills".into())
        .spawn(move || run(task, captured))
}

fn run(task: StillsTask, captured: Receiver<Captured>) -> Result<Stills, TranscodeError> {
    let (mut candidates, mut tiles, mut posters) = (Vec::new(), Vec::new(), None);
    for item in captured {
        match item {
            Captured::PosterCandidate(t, img) => {
                candidates.push((t, img));
                if candidates.len() == task.poster_candidates {
                    posters = Some(write_best_poster(&candidates, &task)?);
                }
            }
            Captured::StoryboardTile(t, img) => tiles.push((t, img)),
        }
    }
    // Fewer candidates than asked for when the video is shorter than its header said.
    let posters = match posters {
        Some(files) => files,
        None => write_best_poster(&candidates, &task)?,
    };
    let storyboard = images::write_storyboard(&tiles, task.tile_interval, task.duration, &task.dir)?;
    Ok(Stills { posters, storyboard })
}

fn write_best_poster(
    candidates: &[(f64, RgbImage)],
    task: &StillsTask,
) -> Result<Vec<PosterFile>, TranscodeError> {
    Ok(match images::pick_poster(candidates) {
        Some(best) => images::write_posters(&candidates[best].1, &task.dir)?,
        None => Vec::new(),
    })
}
