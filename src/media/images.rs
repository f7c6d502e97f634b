//! Posters and the seek-preview storyboard, made from frames the transcoder decoded.
//!
//! Frames come in as display-ready RGB (square pixels, rotation applied); this module only
//! judges, scales and encodes them. Everything here is blocking CPU work: call it from the
//! transcode worker, never from a request handler.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::{self, FilterType};
use image::RgbImage;
use serde::Serialize;

/// Poster widths offered to the page (`srcset`); wider than the frame ones are dropped.
pub const POSTER_WIDTHS: [u32; 3] = [320, 640, 1280];
const POSTER_JPEG_QUALITY: u8 = 80;
const POSTER_WEBP_QUALITY: f32 = 75.0;
/// Storyboard tiles: small, as they are shown above the seek bar on a phone.
const TILE_WIDTH: u32 = 160;
const TILE_COLUMNS: u32 = 10;
const STORYBOARD_JPEG_QUALITY: u8 = 70;
/// Bounds the sprite's memory and keeps it under JPEG's 65535 px side limit.
const MAX_TILES: usize = 1000;
const SCORE_SIDE: u32 = 256;
pub const STORYBOARD_IMAGE: &str = "storyboard.jpg";
pub const STORYBOARD_VTT: &str = "storyboard.vtt";

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("the frame has no pixels ({width}x{height})")]
    EmptyFrame { width: u32, height: u32 },
    #[error("no thumbnails inside the video's duration")]
    NoThumbnails,
    #[error("{count} thumbnails are too many for one storyboard (at most {MAX_TILES})")]
    TooManyThumbnails { count: usize },
    #[error("storyboard timing is invalid: {0}")]
    BadTiming(String),
    #[error("could not encode {file}")]
    Encode {
        file: String,
        #[source]
        source: image::ImageError,
    },
    #[error("could not encode {file} as WebP: {reason}")]
    WebP { file: String, reason: String },
    #[error("could not write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterFormat {
    Jpeg,
    Webp,
}

impl PosterFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PosterFormat::Jpeg => "jpg",
            PosterFormat::Webp => "webp",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PosterFormat::Jpeg => "image/jpeg",
            PosterFormat::Webp => "image/webp",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PosterFile {
    pub width: u32,
    pub height: u32,
    pub format: PosterFormat,
    pub file_name: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryboardInfo {
    pub image: String,
    pub vtt: String,
    pub tile_width: u32,
    pub tile_height: u32,
    pub columns: u32,
    pub rows: u32,
    pub count: usize,
    pub interval: f64,
    pub bytes: u64,
}

/// How suitable a frame is as a poster, in 0..=1. Black, white, flat and faded frames score
/// near 0; frames with normal exposure, contrast and detail score high.
pub fn frame_score(img: &RgbImage) -> f64 {
    // Judge an area-averaged copy at most 256 px a side: cheap for 1080p, and the same
    // picture scores alike at any resolution.
    let (w, h) = img.dimensions();
    let longest = w.max(h);
    let small;
    let img = if longest > SCORE_SIDE {
        let scale = |v: u32| ((u64::from(v) * u64::from(SCORE_SIDE) / u64::from(longest)) as u32).max(2);
        small = imageops::thumbnail(img, scale(w), scale(h));
        &small
    } else {
        img
    };
    let (w, h) = img.dimensions();
    if w < 2 || h < 2 {
        return 0.0;
    }
    let (mut n, mut sum, mut sum_sq, mut edges) = (0.0, 0.0, 0.0, 0.0);
    for y in 0..h - 1 {
        for x in 0..w - 1 {
            let l = luma(img, x, y);
            edges += ((luma(img, x + 1, y) - l).abs() + (luma(img, x, y + 1) - l).abs()) / 2.0;
            sum += l;
            sum_sq += l * l;
            n += 1.0;
        }
    }
    let mean = sum / n;
    let std_dev = (sum_sq / n - mean * mean).max(0.0).sqrt();
    let edge = edges / n;
    // Fades and blanks sit at the ends of the luma range; normal pictures stay inside 48..207.
    let exposure = ramp(mean, 16.0, 48.0) * ramp(255.0 - mean, 16.0, 48.0);
    let contrast = (std_dev / 48.0).min(1.0);
    let detail = (edge / 12.0).min(1.0);
    exposure * (0.4 * contrast + 0.6 * detail)
}

/// Index of the best poster candidate (highest score; the earliest wins a tie).
pub fn pick_poster(candidates: &[(f64, RgbImage)]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, (_, frame)) in candidates.iter().enumerate() {
        let score = frame_score(frame);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// Writes `poster-{w}.jpg` and `poster-{w}.webp` for each width in [`POSTER_WIDTHS`] that
/// does not upscale the frame (a frame narrower than all of them gets one pair at its own
/// width). Returned smallest first, JPEG before WebP.
pub fn write_posters(frame: &RgbImage, dir: &Path) -> Result<Vec<PosterFile>, ImageError> {
    let (fw, fh) = frame.dimensions();
    if fw == 0 || fh == 0 {
        return Err(ImageError::EmptyFrame {
            width: fw,
            height: fh,
        });
    }
    let mut widths: Vec<u32> = POSTER_WIDTHS.iter().copied().filter(|w| *w <= fw).collect();
    if widths.is_empty() {
        widths.push(fw);
    }
    let mut files = Vec::with_capacity(widths.len() * 2);
    for width in widths {
        let height = scaled_height(fw, fh, width);
        let scaled = if width == fw {
            frame.clone()
        } else {
            imageops::resize(frame, width, height, FilterType::CatmullRom)
        };
        for format in [PosterFormat::Jpeg, PosterFormat::Webp] {
            let file_name = format!("poster-{width}.{}", format.extension());
            let data = match format {
                PosterFormat::Jpeg => encode_jpeg(&scaled, POSTER_JPEG_QUALITY, &file_name)?,
                PosterFormat::Webp => encode_webp(&scaled, &file_name)?,
            };
            let bytes = write_file(&dir.join(&file_name), &data)?;
            files.push(PosterFile {
                width,
                height,
                format,
                file_name,
                bytes,
            });
        }
    }
    Ok(files)
}

/// A storyboard interval for a video of `duration` seconds: every 2 s for short lessons,
/// wider for long ones so the sprite stays at most 100 tiles (about 1600x900 px).
pub fn storyboard_interval(duration: f64) -> f64 {
    if duration.is_finite() && duration > 200.0 {
        (duration / 100.0).ceil()
    } else {
        2.0
    }
}

/// Writes `storyboard.jpg` (tiles in a grid of up to 10 columns) and `storyboard.vtt`, whose
/// cue for a thumbnail taken at `t` covers `[t, t + interval)`, cut at the next thumbnail and
/// at `duration`. Thumbnails must be in time order; ones at or after `duration` are skipped.
pub fn write_storyboard(
    thumbs: &[(f64, RgbImage)],
    interval: f64,
    duration: f64,
    dir: &Path,
) -> Result<StoryboardInfo, ImageError> {
    if !(interval.is_finite() && interval > 0.0 && duration.is_finite() && duration > 0.0) {
        return Err(ImageError::BadTiming(format!(
            "interval {interval}, duration {duration}"
        )));
    }
    let used: Vec<&(f64, RgbImage)> = thumbs.iter().filter(|(t, _)| *t < duration).collect();
    let first = used.first().ok_or(ImageError::NoThumbnails)?;
    if used.len() > MAX_TILES {
        return Err(ImageError::TooManyThumbnails { count: used.len() });
    }
    // Written so that NaN times fail the check too.
    let ordered = first.0 >= 0.0 && used.windows(2).all(|p| p[0].0 < p[1].0);
    if !ordered {
        return Err(ImageError::BadTiming(
            "thumbnail times must increase from 0".into(),
        ));
    }
    let (fw, fh) = first.1.dimensions();
    if fw == 0 || fh == 0 {
        return Err(ImageError::EmptyFrame {
            width: fw,
            height: fh,
        });
    }
    let tile_w = TILE_WIDTH.min(fw);
    let tile_h = scaled_height(fw, fh, tile_w);
    let count = used.len() as u32;
    let columns = count.min(TILE_COLUMNS);
    let rows = count.div_ceil(columns);

    let mut sheet = RgbImage::new(columns * tile_w, rows * tile_h);
    let mut vtt = String::from("WEBVTT\n");
    for (i, (t, thumb)) in used.iter().enumerate() {
        let (x, y) = ((i as u32 % columns) * tile_w, (i as u32 / columns) * tile_h);
        let tile = imageops::resize(thumb, tile_w, tile_h, FilterType::Triangle);
        imageops::replace(&mut sheet, &tile, i64::from(x), i64::from(y));
        let next = used.get(i + 1).map_or(duration, |(n, _)| *n);
        let end = (t + interval).min(next).min(duration);
        vtt.push_str(&format!(
            "\n{} --> {}\n{STORYBOARD_IMAGE}#xywh={x},{y},{tile_w},{tile_h}\n",
            vtt_time(*t),
            vtt_time(end)
        ));
    }
    let jpeg = encode_jpeg(&sheet, STORYBOARD_JPEG_QUALITY, STORYBOARD_IMAGE)?;
    let bytes = write_file(&dir.join(STORYBOARD_IMAGE), &jpeg)?;
    write_file(&dir.join(STORYBOARD_VTT), vtt.as_bytes())?;
    Ok(StoryboardInfo {
        image: STORYBOARD_IMAGE.into(),
        vtt: STORYBOARD_VTT.into(),
        tile_width: tile_w,
        tile_height: tile_h,
        columns,
        rows,
        count: used.len(),
        interval,
        bytes,
    })
}

/// WebVTT timestamp `HH:MM:SS.mmm`.
fn vtt_time(seconds: f64) -> String {
    let ms = (seconds.max(0.0) * 1000.0).round() as u64;
    let (h, m, s, ms) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02}.{ms:03}")
}

/// BT.601 luma of one pixel, 0..=255.
fn luma(img: &RgbImage, x: u32, y: u32) -> f64 {
    let [r, g, b] = img.get_pixel(x, y).0;
    0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b)
}

/// 0 at or below `lo`, 1 at or above `hi`, linear in between.
fn ramp(v: f64, lo: f64, hi: f64) -> f64 {
    ((v - lo) / (hi - lo)).clamp(0.0, 1.0)
}

fn scaled_height(src_w: u32, src_h: u32, width: u32) -> u32 {
    let h = (f64::from(width) * f64::from(src_h) / f64::from(src_w)).round();
    (h as u32).max(1)
}

fn encode_jpeg(img: &RgbImage, quality: u8, file: &str) -> Result<Vec<u8>, ImageError> {
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .map_err(|source| ImageError::Encode {
            file: file.into(),
            source,
        })?;
    Ok(out.into_inner())
}

/// Lossy WebP through libwebp: `image` only writes lossless WebP, which for a photo is
/// several times the size of the JPEG.
fn encode_webp(img: &RgbImage, file: &str) -> Result<Vec<u8>, ImageError> {
    let encoder = webp::Encoder::from_rgb(img.as_raw(), img.width(), img.height());
    let memory = encoder
        .encode_simple(false, POSTER_WEBP_QUALITY)
        .map_err(|e| ImageError::WebP {
            file: file.into(),
            reason: format!("{e:?}"),
        })?;
    Ok(memory.to_vec())
}

fn write_file(path: &Path, data: &[u8]) -> Result<u64, ImageError> {
    fs::write(path, data).map_err(|source| ImageError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(data.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(w: u32, h: u32, rgb: [u8; 3]) -> RgbImage {
        RgbImage::from_pixel(w, h, image::Rgb(rgb))
    }

    fn gradient(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, _| {
            let v = (x * 255 / (w - 1)) as u8;
            image::Rgb([v, v, v])
        })
    }

    /// Checkerboard over a colour gradient: edges and contrast like a real picture.
    fn structured(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            let on = (x / 16 + y / 16) % 2 == 0;
            let base = (x * 160 / w) as u8;
            if on {
                image::Rgb([base + 60, 200, 90])
            } else {
                image::Rgb([base / 2, 40, 140])
            }
        })
    }

    fn noise(w: u32, h: u32) -> RgbImage {
        let mut state: u32 = 12345;
        RgbImage::from_fn(w, h, |_, _| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let v = (state >> 24) as u8;
            image::Rgb([v, v.wrapping_add(40), v.wrapping_mul(3)])
        })
    }

    fn faded(img: &RgbImage, factor: f64) -> RgbImage {
        let mut out = img.clone();
        for p in out.pixels_mut() {
            p.0 = p.0.map(|c| (f64::from(c) * factor) as u8);
        }
        out
    }

    #[test]
    fn blank_and_faded_frames_score_below_pictures() {
        let black = frame_score(&filled(320, 180, [0, 0, 0]));
        let white = frame_score(&filled(320, 180, [255, 255, 255]));
        let grey = frame_score(&filled(320, 180, [128, 128, 128]));
        let fade = frame_score(&faded(&structured(320, 180), 0.1));
        let grad = frame_score(&gradient(320, 180));
        let picture = frame_score(&structured(320, 180));
        let noisy = frame_score(&noise(320, 180));
        assert_eq!(black, 0.0);
        assert_eq!(white, 0.0);
        assert!(grey < 0.01, "grey {grey}");
        assert!(fade < 0.05, "fade {fade}");
        assert!(grad > 0.2 && grad < picture, "gradient {grad}, picture {picture}");
        assert!(picture > 0.7, "picture {picture}");
        assert!(noisy > 0.7, "noise {noisy}");
        assert_eq!(frame_score(&RgbImage::new(1, 1)), 0.0);
    }

    #[test]
    fn large_frames_are_scored_like_small_ones() {
        let small = frame_score(&structured(320, 180));
        let large = frame_score(&structured(1920, 1080));
        assert!((small - large).abs() < 0.15, "{small} vs {large}");
    }

    #[test]
    fn pick_poster_prefers_the_picture() {
        let candidates = vec![
            (1.0, filled(64, 36, [0, 0, 0])),
            (2.0, filled(64, 36, [128, 128, 128])),
            (3.0, structured(64, 36)),
            (4.0, filled(64, 36, [255, 255, 255])),
        ];
        assert_eq!(pick_poster(&candidates), Some(2));
        let blanks = [candidates[0].clone(), candidates[0].clone()];
        assert_eq!(pick_poster(&blanks), Some(0), "a tie goes to the earliest");
        assert_eq!(pick_poster(&[]), None);
    }

    fn widths_and_sizes(files: &[PosterFile]) -> Vec<(u32, u32, &str)> {
        files
            .iter()
            .map(|f| (f.width, f.height, f.file_name.as_str()))
            .collect()
    }

    #[test]
    fn posters_at_three_widths_decode_back() {
        let dir = tempfile::tempdir().unwrap();
        let files = write_posters(&structured(1280, 720), dir.path()).unwrap();
        assert_eq!(
            widths_and_sizes(&files),
            vec![
                (320, 180, "poster-320.jpg"),
                (320, 180, "poster-320.webp"),
                (640, 360, "poster-640.jpg"),
                (640, 360, "poster-640.webp"),
                (1280, 720, "poster-1280.jpg"),
                (1280, 720, "poster-1280.webp"),
            ]
        );
        for f in &files {
            let path = dir.path().join(&f.file_name);
            assert_eq!(fs::metadata(&path).unwrap().len(), f.bytes);
            let decoded = image::open(&path).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (f.width, f.height));
            // A downscaled picture keeps its content: still a good poster, not a blank.
            assert!(frame_score(&decoded.to_rgb8()) > 0.5, "{}", f.file_name);
        }
        assert_eq!(files[1].format, PosterFormat::Webp);
        let json = serde_json::to_value(&files[1]).unwrap();
        assert_eq!(json["format"], "webp");
    }

    #[test]
    fn posters_never_upscale_and_keep_aspect() {
        let dir = tempfile::tempdir().unwrap();
        let files = write_posters(&structured(700, 394), dir.path()).unwrap();
        let sizes: Vec<_> = files.iter().map(|f| (f.width, f.height)).collect();
        assert_eq!(sizes, vec![(320, 180), (320, 180), (640, 360), (640, 360)]);

        let portrait = write_posters(&structured(360, 640), dir.path()).unwrap();
        let sizes: Vec<_> = portrait.iter().map(|f| (f.width, f.height)).collect();
        assert_eq!(sizes, vec![(320, 569), (320, 569)]);

        let tiny = write_posters(&structured(200, 100), dir.path()).unwrap();
        assert_eq!(
            widths_and_sizes(&tiny),
            vec![(200, 100, "poster-200.jpg"), (200, 100, "poster-200.webp")]
        );
        assert!(matches!(
            write_posters(&RgbImage::new(0, 0), dir.path()),
            Err(ImageError::EmptyFrame { .. })
        ));
    }

    #[test]
    fn webp_poster_is_lossy_and_smaller_than_lossless() {
        let dir = tempfile::tempdir().unwrap();
        // Photo-like: a picture with grain, which lossless coding cannot squeeze.
        let mut frame = structured(640, 360);
        let grain = noise(640, 360);
        for (p, n) in frame.pixels_mut().zip(grain.pixels()) {
            p.0 = [0, 1, 2].map(|i| p.0[i].saturating_add(n.0[i] / 16));
        }
        let files = write_posters(&frame, dir.path()).unwrap();
        let webp = fs::read(dir.path().join("poster-640.webp")).unwrap();
        assert_eq!(&webp[0..4], b"RIFF");
        assert_eq!(&webp[12..16], b"VP8 ", "lossy bitstream, not VP8L");
        let lossless = webp::Encoder::from_rgb(frame.as_raw(), 640, 360).encode_lossless();
        assert!(
            webp.len() * 3 < lossless.len(),
            "{} vs {}",
            webp.len(),
            lossless.len()
        );
        let jpeg = files.iter().find(|f| f.file_name == "poster-640.jpg").unwrap();
        assert!(
            (webp.len() as u64) < jpeg.bytes,
            "{} vs {}",
            webp.len(),
            jpeg.bytes
        );
    }

    fn coloured_thumbs(times: &[f64]) -> Vec<(f64, RgbImage)> {
        let colours = [[220, 30, 30], [30, 220, 30], [30, 30, 220], [220, 220, 30]];
        times
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, filled(320, 180, colours[i % 4])))
            .collect()
    }

    #[test]
    fn storyboard_small_case_exact() {
        let dir = tempfile::tempdir().unwrap();
        let info = write_storyboard(&coloured_thumbs(&[0.0, 2.0, 4.0]), 2.0, 5.0, dir.path()).unwrap();
        assert_eq!(
            (info.tile_width, info.tile_height, info.columns, info.rows),
            (160, 90, 3, 1)
        );
        assert_eq!(info.count, 3);
        let vtt = fs::read_to_string(dir.path().join("storyboard.vtt")).unwrap();
        assert_eq!(
            vtt,
            "WEBVTT\n\n\
             00:00:00.000 --> 00:00:02.000\nstoryboard.jpg#xywh=0,0,160,90\n\n\
             00:00:02.000 --> 00:00:04.000\nstoryboard.jpg#xywh=160,0,160,90\n\n\
             00:00:04.000 --> 00:00:05.000\nstoryboard.jpg#xywh=320,0,160,90\n"
        );
        let sheet = image::open(dir.path().join("storyboard.jpg")).unwrap().to_rgb8();
        assert_eq!(sheet.dimensions(), (480, 90));
        assert_eq!(
            fs::metadata(dir.path().join("storyboard.jpg")).unwrap().len(),
            info.bytes
        );
    }

    #[test]
    fn storyboard_grid_wraps_after_ten_columns() {
        let dir = tempfile::tempdir().unwrap();
        let times: Vec<f64> = (0..12).map(|i| f64::from(i) * 2.0).collect();
        let info = write_storyboard(&coloured_thumbs(&times), 2.0, 23.5, dir.path()).unwrap();
        assert_eq!((info.columns, info.rows, info.count), (10, 2, 12));
        let sheet = image::open(dir.path().join("storyboard.jpg")).unwrap().to_rgb8();
        assert_eq!(sheet.dimensions(), (1600, 180));
        // Thumbnail 11 (blue, index 10) sits at the start of the second row.
        let p = sheet.get_pixel(80, 135).0;
        assert!(p[2] > 180 && p[0] < 80 && p[1] < 80, "{p:?}");
        let vtt = fs::read_to_string(dir.path().join("storyboard.vtt")).unwrap();
        assert!(vtt.ends_with("00:00:22.000 --> 00:00:23.500\nstoryboard.jpg#xywh=160,90,160,90\n"));
    }

    #[test]
    fn storyboard_rejects_bad_input() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        assert!(matches!(
            write_storyboard(&[], 2.0, 5.0, p),
            Err(ImageError::NoThumbnails)
        ));
        let late = coloured_thumbs(&[6.0]);
        assert!(matches!(
            write_storyboard(&late, 2.0, 5.0, p),
            Err(ImageError::NoThumbnails)
        ));
        let unordered = coloured_thumbs(&[2.0, 0.0]);
        assert!(matches!(
            write_storyboard(&unordered, 2.0, 5.0, p),
            Err(ImageError::BadTiming(_))
        ));
        let ok = coloured_thumbs(&[0.0]);
        assert!(matches!(
            write_storyboard(&ok, 0.0, 5.0, p),
            Err(ImageError::BadTiming(_))
        ));
        assert!(matches!(
            write_storyboard(&ok, 2.0, f64::NAN, p),
            Err(ImageError::BadTiming(_))
        ));
    }

    #[test]
    fn timestamps_and_intervals() {
        assert_eq!(vtt_time(0.0), "00:00:00.000");
        assert_eq!(vtt_time(3725.5004), "01:02:05.500");
        assert_eq!(storyboard_interval(90.0), 2.0);
        assert_eq!(storyboard_interval(3600.0), 36.0);
    }
}
