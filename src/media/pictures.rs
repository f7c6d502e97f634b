//! Pictures on the answers of check questions: an upload from a trainer's phone or a
//! screenshot, checked, turned upright, made small and written again as a plain JPEG.
//! Writing it again leaves every metadata block behind (EXIF with the GPS position and
//! camera serial, XMP, comments, ICC profiles).
//!
//! Blocking CPU work: call it through `spawn_blocking` / `web::block`, never on the
//! async threads.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

/// Largest upload per picture, in bytes ("5 MB" for people).
pub const MAX_PICTURE_BYTES: usize = 5 * 1024 * 1024;
/// Largest width or height of an uploaded picture, in pixels.
pub const MAX_SOURCE_SIDE: u32 = 4096;
/// The stored picture fits in a square of this many pixels: enough for a phone screen
/// at 2x when shown at about 240 CSS pixels, and about 30 KB a picture.
pub const MAX_SIDE: u32 = 480;
const JPEG_QUALITY: u8 = 80;
/// Decoder memory: a 4096×4096 picture with 16-bit RGBA needs 128 MiB.
const MAX_DECODE_BYTES: u64 = 160 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the file is larger than {MAX_PICTURE_BYTES} bytes")]
    TooBig,
    #[error("the file is not a JPEG, PNG or WebP picture")]
    NotAPicture,
    #[error("the picture is larger than {MAX_SOURCE_SIDE} px a side")]
    TooManyPixels,
    #[error("the picture cannot be decoded: {0}")]
    Broken(String),
    #[error("could not encode the picture: {0}")]
    Encode(String),
}

impl PictureError {
    /// The Fluent key of the sentence the trainer sees.
    pub fn message_key(&self) -> &'static str {
        match self {
            PictureError::TooBig => "picture-error-file-too-big",
            PictureError::NotAPicture => "picture-error-not-picture",
            PictureError::TooManyPixels => "picture-error-too-many-pixels",
            PictureError::Broken(_) | PictureError::Encode(_) => "picture-error-broken",
        }
    }
}

/// A picture ready to store: JPEG bytes without metadata, and their size in pixels.
#[derive(Debug)]
pub struct Picture {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Checks an uploaded picture and makes the stored version of it: upright (the EXIF
/// orientation applied, since the EXIF block itself is dropped), at most [`MAX_SIDE`] px
/// a side, transparency on white, JPEG.
pub fn prepare(bytes: &[u8]) -> Result<Picture, PictureError> {
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(PictureError::TooBig);
    }
    // By content, never by file name or the browser's content type.
    let format = image::guess_format(bytes).map_err(|_| PictureError::NotAPicture)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(PictureError::NotAPicture);
    }
    // Our JPEG decoder fills a cut-off file up with grey instead of failing.
    if format == ImageFormat::Jpeg && !jpeg_complete(bytes) {
        return Err(PictureError::Broken("no end-of-image marker".into()));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_problem)?;
    let (width, height) = decoder.dimensions();
    if width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE {
        return Err(PictureError::TooManyPixels);
    }
    if width == 0 || height == 0 {
        return Err(PictureError::Broken("no pixels".into()));
    }
    let orientation = decoder.orientation().map_err(decode_problem)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_problem)?;
    picture.apply_orientation(orientation);
    if picture.width() > MAX_SIDE || picture.height() > MAX_SIDE {
        picture = picture.resize(MAX_SIDE, MAX_SIDE, FilterType::CatmullRom);
    }
    let rgb = on_white(picture);
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| PictureError::Encode(e.to_string()))?;
    Ok(Picture {
        jpeg: out.into_inner(),
        width: rgb.width(),
        height: rgb.height(),
    })
}

fn decode_problem(e: ImageError) -> PictureError {
    match e {
        ImageError::Limits(_) => PictureError::TooManyPixels,
        ImageError::Unsupported(_) => PictureError::NotAPicture,
        other => PictureError::Broken(other.to_string()),
    }
}

/// Transparent parts (PNG, WebP) become white, as on the page, not black.
fn on_white(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

/// Whether a JPEG has an end-of-image marker after its first scan. The segments before
/// the scan are walked by their lengths, so a thumbnail inside the EXIF block (a whole
/// JPEG of its own) does not count. Inside scan data 0xFF is always followed by 0x00 or a
/// restart marker, so 0xFF 0xD9 there is the real end.
fn jpeg_complete(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut at = 2;
    loop {
        let (Some(0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        at += 2;
        match marker {
            // Fill byte: the marker comes next.
            0xFF => at -= 1,
            0x01 | 0xD0..=0xD7 => {}
            0xD9 => return false,
            _ => {
                let Some(&[hi, lo]) = bytes.get(at..at + 2) else {
                    return false;
                };
                let length = usize::from(u16::from_be_bytes([hi, lo]));
                if length < 2 {
                    return false;
                }
                at += length;
                if marker == 0xDA {
                    return bytes
                        .get(at..)
                        .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, Rgba, RgbaImage};

    fn encoded(picture: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        picture.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    /// 800×600, red above blue: after a quarter turn clockwise red is on the right.
    fn red_over_blue() -> Vec<u8> {
        let img = RgbImage::from_fn(800, 600, |_, y| {
            if y < 300 {
                Rgb([220, 30, 30])
            } else {
                Rgb([30, 30, 220])
            }
        });
        let mut out = Cursor::new(Vec::new());
        JpegEncoder::new_with_quality(&mut out, 90)
            .write_image(img.as_raw(), 800, 600, image::ExtendedColorType::Rgb8)
            .unwrap();
        out.into_inner()
    }

    /// An APP1 EXIF block: orientation 6 (turn 90° clockwise) and a GPS position.
    fn exif_segment() -> Vec<u8> {
        let mut tiff: Vec<u8> = b"II*\0".to_vec();
        tiff.extend_from_slice(&8u32.to_le_bytes());
        let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            t.extend_from_slice(&tag.to_le_bytes());
            t.extend_from_slice(&kind.to_le_bytes());
            t.extend_from_slice(&count.to_le_bytes());
            t.extend_from_slice(&value);
        };
        tiff.extend_from_slice(&2u16.to_le_bytes());
        entry(&mut tiff, 0x0112, 3, 1, [6, 0, 0, 0]);
        entry(&mut tiff, 0x8825, 4, 1, 38u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        tiff.extend_from_slice(&4u16.to_le_bytes());
        entry(&mut tiff, 1, 2, 2, *b"N\0\0\0");
        entry(&mut tiff, 2, 5, 3, 92u32.to_le_bytes());
        entry(&mut tiff, 3, 2, 2, *b"E\0\0\0");
        entry(&mut tiff, 4, 5, 3, 116u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        for (n, d) in [(52u32, 1u32), (31, 1), (1234, 100), (13, 1), (24, 1), (5678, 100)] {
            tiff.extend_from_slice(&n.to_le_bytes());
            tiff.extend_from_slice(&d.to_le_bytes());
        }
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&((8 + tiff.len()) as u16).to_be_bytes());
        segment.extend_from_slice(b"Exif\0\0");
        segment.extend_from_slice(&tiff);
        segment
    }

    fn with_segment(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(segment);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn exif_of(jpeg: &[u8]) -> Option<Vec<u8>> {
        image::codecs::jpeg::JpegDecoder::new(Cursor::new(jpeg))
            .unwrap()
            .exif_metadata()
            .unwrap()
    }

    #[test]
    fn photo_is_turned_upright_made_small_and_loses_its_metadata() {
        let photo = with_segment(&red_over_blue(), &exif_segment());
        assert!(exif_of(&photo).is_some(), "the test photo carries EXIF");
        let picture = prepare(&photo).unwrap();
        assert_eq!((picture.width, picture.height), (360, 480));
        assert!(exif_of(&picture.jpeg).is_none());
        assert!(!picture.jpeg.windows(4).any(|w| w == b"Exif"));
        let back = image::load_from_memory(&picture.jpeg).unwrap().to_rgb8();
        assert_eq!(back.dimensions(), (360, 480));
        let right = back.get_pixel(300, 240).0;
        let left = back.get_pixel(60, 240).0;
        assert!(right[0] > 180 && right[2] < 80, "red on the right: {right:?}");
        assert!(left[2] > 180 && left[0] < 80, "blue on the left: {left:?}");
    }

    #[test]
    fn small_pictures_keep_their_size_and_transparency_becomes_white() {
        let clear = RgbaImage::from_pixel(100, 50, Rgba([0, 0, 0, 0]));
        let picture = prepare(&encoded(DynamicImage::ImageRgba8(clear), ImageFormat::Png)).unwrap();
        assert_eq!((picture.width, picture.height), (100, 50));
        let back = image::load_from_memory(&picture.jpeg).unwrap().to_rgb8();
        assert!(back.get_pixel(10, 10).0.iter().all(|c| *c > 245));
        let webp = encoded(DynamicImage::ImageRgb8(RgbImage::new(64, 64)), ImageFormat::WebP);
        assert_eq!(prepare(&webp).map(|p| p.width).ok(), Some(64));
    }

    #[test]
    fn what_is_not_a_usable_picture_is_refused() {
        let jpeg = red_over_blue();
        assert!(matches!(
            prepare(b"Hallo, ich bin eine Textdatei."),
            Err(PictureError::NotAPicture)
        ));
        assert!(matches!(
            prepare(b"GIF89a\x01\x00\x01\x00\x00\x00\x00"),
            Err(PictureError::NotAPicture)
        ));
        assert!(matches!(
            prepare(&jpeg[..jpeg.len() / 2]),
            Err(PictureError::Broken(_))
        ));
        assert!(matches!(prepare(&jpeg[..40]), Err(PictureError::Broken(_))));
        for format in [ImageFormat::Png, ImageFormat::Jpeg] {
            let wide = encoded(DynamicImage::ImageRgb8(RgbImage::new(5000, 10)), format);
            assert!(
                matches!(prepare(&wide), Err(PictureError::TooManyPixels)),
                "{format:?}"
            );
        }
        let png = encoded(DynamicImage::ImageRgb8(RgbImage::new(64, 64)), ImageFormat::Png);
        assert!(matches!(
            prepare(&png[..png.len() - 20]),
            Err(PictureError::Broken(_))
        ));
        assert!(matches!(
            prepare(&vec![0u8; MAX_PICTURE_BYTES + 1]),
            Err(PictureError::TooBig)
        ));
    }

    #[test]
    fn a_thumbnail_in_the_exif_block_does_not_make_a_cut_jpeg_whole() {
        let jpeg = red_over_blue();
        // An APP1 block holding a complete small JPEG, as cameras store thumbnails.
        let thumb = encoded(DynamicImage::ImageRgb8(RgbImage::new(8, 8)), ImageFormat::Jpeg);
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&((8 + thumb.len()) as u16).to_be_bytes());
        segment.extend_from_slice(b"Exif\0\0");
        segment.extend_from_slice(&thumb);
        let whole = with_segment(&jpeg, &segment);
        assert!(jpeg_complete(&whole));
        assert!(!jpeg_complete(&whole[..whole.len() - 100]));
        assert!(!jpeg_complete(b"\xFF\xD8\xFF\xD9"));
    }

    /// `scripts/bench-pictures`: time per picture for what trainers upload most, a
    /// 12-megapixel phone photo (JPEG) and a phone screenshot (PNG).
    #[test]
    #[ignore = "benchmark: run scripts/bench-pictures"]
    fn bench_prepare() {
        let runs: u32 = std::env::var("BENCH_RUNS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10);
        let grain = |w: u32, h: u32| {
            let mut state: u32 = 7;
            RgbImage::from_fn(w, h, |x, y| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let n = (state >> 27) as u8;
                Rgb([(x / 16) as u8 ^ n, (y / 12) as u8, ((x + y) / 20) as u8 ^ n])
            })
        };
        let photo = {
            let img = grain(4000, 3000);
            let mut out = Cursor::new(Vec::new());
            JpegEncoder::new_with_quality(&mut out, 90)
                .write_image(img.as_raw(), 4000, 3000, image::ExtendedColorType::Rgb8)
                .unwrap();
            out.into_inner()
        };
        let screenshot = {
            // Flat areas and sharp edges, like an app's screen.
            let screen = RgbImage::from_fn(1080, 2400, |x, y| {
                let text = (y % 48 < 30) && (x / 6 + y / 3) % 5 != 0 && x > 60 && x < 1000;
                if text {
                    Rgb([30, 30, 40])
                } else {
                    Rgb([240, 240 - (y / 200) as u8 * 8, 250])
                }
            });
            encoded(DynamicImage::ImageRgb8(screen), ImageFormat::Png)
        };
        for (name, bytes) in [
            ("photo 4000x3000 JPEG", &photo),
            ("screenshot 1080x2400 PNG", &screenshot),
        ] {
            let start = std::time::Instant::now();
            let mut out = None;
            for _ in 0..runs {
                out = Some(prepare(bytes).unwrap());
            }
            let per = start.elapsed() / runs;
            let out = out.unwrap();
            println!(
                "{name}: {} KB in, {}x{} {} KB out, {:.1} ms per picture ({runs} runs)",
                bytes.len() / 1024,
                out.width,
                out.height,
                out.jpeg.len() / 1024,
                per.as_secs_f64() * 1000.0
            );
        }
    }
}
