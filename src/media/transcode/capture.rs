//! Pictures taken from a rung while it encodes: poster candidates and storyboard tiles.
//! Only the sampled frames are converted to RGB, so this costs next to nothing.

use std::sync::mpsc::Sender;

use ffmpeg::format::Pixel;
use ffmpeg::frame;
use ffmpeg::software::scaling;
use ffmpeg_next as ffmpeg;
use image::RgbImage;

use super::{ff, TranscodeError};

pub enum Captured {
    PosterCandidate(f64, RgbImage),
    StoryboardTile(f64, RgbImage),
}

/// What one rung samples. The default samples nothing.
#[derive(Default)]
pub struct Capture {
    poster_times: Vec<f64>,
    poster_width: u32,
    tile_interval: f64,
    tile_width: u32,
    next_tile: f64,
}

impl Capture {
    /// Poster candidates at `times`, at most `width` pixels wide.
    pub fn posters(mut self, times: Vec<f64>, width: u32) -> Self {
        self.poster_times = times;
        self.poster_width = width;
        self
    }

    /// A storyboard tile every `interval` seconds, `width` pixels wide.
    pub fn storyboard(mut self, interval: f64, width: u32) -> Self {
        self.tile_interval = interval;
        self.tile_width = width;
        self
    }

    pub fn offer(
        &mut self,
        picture: &frame::Video,
        seconds: f64,
        out: &Sender<Captured>,
    ) -> Result<(), TranscodeError> {
        if self.poster_times.first().is_some_and(|t| seconds >= *t) {
            self.poster_times.retain(|t| *t > seconds);
            let rgb = to_rgb(picture, self.poster_width)?;
            // The collector may have gone on error; then nobody needs the picture.
            let _ = out.send(Captured::PosterCandidate(seconds, rgb));
        }
        if self.tile_width > 0 && seconds + 1e-6 >= self.next_tile {
            self.next_tile += self.tile_interval;
            let rgb = to_rgb(picture, self.tile_width)?;
            let _ = out.send(Captured::StoryboardTile(seconds, rgb));
        }
        Ok(())
    }
}

/// The picture as RGB, scaled down to at most `max_width` (aspect kept, even sizes).
fn to_rgb(picture: &frame::Video, max_width: u32) -> Result<RgbImage, TranscodeError> {
    let width = max_width.min(picture.width()).max(2) / 2 * 2;
    let height =
        ((u64::from(picture.height()) * u64::from(width) / u64::from(picture.width().max(1))) as u32).max(2)
            / 2
            * 2;
    let mut scaler = scaling::Context::get(
        picture.format(),
        picture.width(),
        picture.height(),
        Pixel::RGB24,
        width,
        height,
        scaling::Flags::AREA,
    )
    .map_err(ff("rgb scaler"))?;
    let mut rgb = frame::Video::empty();
    scaler.run(picture, &mut rgb).map_err(ff("rgb scale"))?;
    let stride = rgb.stride(0);
    let row_bytes = width as usize * 3;
    let data = rgb.data(0);
    let mut pixels = Vec::with_capacity(row_bytes * height as usize);
    for row in 0..height as usize {
        pixels.extend_from_slice(&data[row * stride..row * stride + row_bytes]);
    }
    RgbImage::from_raw(width, height, pixels).ok_or(TranscodeError::Internal("RGB buffer size"))
}
