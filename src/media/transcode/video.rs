//! One rung of the ladder, on its own thread: scale from the rung above, hand the result
//! down the cascade, encode with x264 and write fMP4 HLS (and, for the offline rung, an
//! MP4 copy of the same packets).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::Arc;

use ffmpeg::format::Pixel;
use ffmpeg::software::scaling;
use ffmpeg::{codec, encoder, format, frame, picture, Dictionary, Packet, Rational};
use ffmpeg_next as ffmpeg;

use super::capture::{Capture, Captured};
use super::frames::{self, Picture, PicturePool};
use super::{ff, EncodeSettings, TranscodeError, KEYFRAME_SECONDS, SEGMENT_SECONDS};
use crate::media::ladder::Rung;

/// A picture travelling down the cascade, with its time in seconds from the start.
pub struct TimedFrame {
    pub frame: Picture,
    pub seconds: f64,
}

pub struct RungTask {
    pub rung: Rung,
    pub dir: PathBuf,
    /// Also write the encoded stream to this MP4 (the offline download's video).
    pub mp4_copy: Option<PathBuf>,
    pub settings: EncodeSettings,
    pub threads: usize,
    pub capture: Capture,
}

#[derive(Debug, Default)]
pub struct RungResult {
    pub frames: u64,
    pub keyframes: u64,
}

/// Runs until `input` closes, then flushes everything.
pub fn run(
    task: RungTask,
    input: Receiver<TimedFrame>,
    next: Option<SyncSender<TimedFrame>>,
    captured: std::sync::mpsc::Sender<Captured>,
) -> Result<RungResult, TranscodeError> {
    let rung = &task.rung;
    std::fs::create_dir_all(&task.dir)?;
    let mut encoder = open_encoder(rung, &task.settings, task.threads)?;
    let mut hls = Muxer::hls(&task.dir, &encoder)?;
    let mut mp4 = match &task.mp4_copy {
        Some(path) => Some(Muxer::mp4(path, &encoder)?),
        None => None,
    };
    let encoder_time_base = Rational(rung.fps.1, rung.fps.0);

    let mut scaler: Option<Scaler> = None;
    let mut result = RungResult::default();
    let mut last_pts = -1i64;
    let mut last_keyframe_slot = -1i64;
    let mut capture = task.capture;

    for TimedFrame { frame, seconds } in input {
        let shape = (frame.format(), frame.width(), frame.height());
        // A picture already in the rung's format and size is encoded as it is; others
        // are scaled into a picture of this rung's pool.
        let pooled = shape != (Pixel::YUV420P, rung.width, rung.height);
        let mut sized = if !pooled {
            frame
        } else {
            if scaler.as_ref().map(|s| s.input) != Some(shape) {
                scaler = Some(Scaler::new(shape, rung)?);
            }
            let scaler = scaler.as_mut().ok_or(TranscodeError::Internal("no scaler"))?;
            let scaled = scaler.scale(&frame)?;
            drop(frame);
            scaled
        };

        // Frame-rate cap: a frame whose slot at the rung's rate is taken is not encoded
        // (the rungs below still get it and apply their own cap).
        let pts = (seconds * f64::from(rung.fps.0) / f64::from(rung.fps.1)).round() as i64;
        let encode = pts > last_pts;
        if encode {
            last_pts = pts;
            // A keyframe at every 2-second mark, at the same timestamps in every rung.
            let slot = ((pts as f64 * f64::from(rung.fps.1) / f64::from(rung.fps.0) + 1e-6)
                / KEYFRAME_SECONDS)
                .floor() as i64;
            let keyframe = slot > last_keyframe_slot;
            if keyframe {
                last_keyframe_slot = slot;
                result.keyframes += 1;
            }
            // Written before the picture is shared: afterwards nobody may change it.
            let picture = writable_or_copy(&mut sized)?;
            picture.set_kind(if keyframe {
                picture::Type::I
            } else {
                picture::Type::None
            });
            picture.set_pts(Some(pts));
        }
        if let Some(next) = &next {
            let handed_down = TimedFrame {
                frame: Arc::clone(&sized),
                seconds,
            };
            if next.send(handed_down).is_err() {
                // The rung below stopped: its own error tells why.
                break;
            }
        }
        capture.offer(&sized, seconds, &captured)?;
        if encode {
            encoder.send_frame(&sized).map_err(ff("encode"))?;
            result.frames += 1;
            drain(&mut encoder, encoder_time_base, &mut hls, mp4.as_mut())?;
        }
        if let Some(scaler) = scaler.as_mut().filter(|_| pooled) {
            scaler.pool.give_back(sized);
        }
    }
    drop(next);
    encoder.send_eof().map_err(ff("encode flush"))?;
    drain(&mut encoder, encoder_time_base, &mut hls, mp4.as_mut())?;
    hls.finish()?;
    if let Some(mp4) = mp4 {
        mp4.finish()?;
    }
    Ok(result)
}

/// Scales pictures of one shape to the rung's size, into pictures from a pool.
struct Scaler {
    input: (Pixel, u32, u32),
    context: scaling::Context,
    pool: PicturePool,
}

impl Scaler {
    fn new(input: (Pixel, u32, u32), rung: &Rung) -> Result<Scaler, TranscodeError> {
        let context = scaling::Context::get(
            input.0,
            input.1,
            input.2,
            Pixel::YUV420P,
            rung.width,
            rung.height,
            scaling::Flags::BICUBIC,
        )
        .map_err(ff("scaler"))?;
        let pool = PicturePool::new(Pixel::YUV420P, rung.width, rung.height);
        Ok(Scaler { input, context, pool })
    }

    fn scale(&mut self, frame: &frame::Video) -> Result<Picture, TranscodeError> {
        let mut scaled = self.pool.take();
        self.context
            .run(frame, frames::writable(&mut scaled)?)
            .map_err(ff("scale"))?;
        Ok(scaled)
    }
}

/// The picture to write pts and kind into: the decoder's and the pool's pictures reach a
/// rung unshared; should one ever not, a copy keeps the shared one unchanged.
fn writable_or_copy(picture: &mut Picture) -> Result<&mut frame::Video, TranscodeError> {
    if Arc::get_mut(picture).is_none() {
        *picture = Arc::new((**picture).clone());
    }
    frames::writable(picture)
}

fn open_encoder(
    rung: &Rung,
    settings: &EncodeSettings,
    threads: usize,
) -> Result<encoder::Video, TranscodeError> {
    let codec = encoder::find_by_name("libx264").ok_or(TranscodeError::MissingCodec("libx264"))?;
    let mut video = codec::context::Context::new_with_codec(codec)
        .encoder()
        .video()
        .map_err(ff("x264"))?;
    video.set_width(rung.width);
    video.set_height(rung.height);
    video.set_format(Pixel::YUV420P);
    video.set_time_base(Rational(rung.fps.1, rung.fps.0));
    video.set_frame_rate(Some(Rational(rung.fps.0, rung.fps.1)));
    video.set_flags(codec::Flags::GLOBAL_HEADER);
    let mut options = Dictionary::new();
    options.set("preset", &settings.preset);
    options.set("crf", &settings.crf.to_string());
    options.set("profile", "high");
    options.set("level", &rung.level.to_string());
    options.set("maxrate", &format!("{}k", rung.maxrate_kbps));
    options.set("bufsize", &format!("{}k", rung.bufsize_kbps));
    // Keyframes come only where we force them (every 2 s), always as IDR frames.
    let gop = (rung.fps_f64() * KEYFRAME_SECONDS * 4.0).ceil() as u32;
    options.set("g", &gop.to_string());
    options.set("forced-idr", "1");
    options.set("x264-params", "scenecut=0:open-gop=0");
    options.set("threads", &threads.to_string());
    video.open_with(options).map_err(ff("x264 open"))
}

fn drain(
    encoder: &mut encoder::Video,
    time_base: Rational,
    hls: &mut Muxer,
    mut mp4: Option<&mut Muxer>,
) -> Result<(), TranscodeError> {
    let mut packet = Packet::empty();
    while encoder.receive_packet(&mut packet).is_ok() {
        if let Some(mp4) = mp4.as_deref_mut() {
            mp4.write(packet.clone(), time_base)?;
        }
        hls.write(packet.clone(), time_base)?;
    }
    Ok(())
}

/// One output file set with a single stream.
pub struct Muxer {
    output: format::context::Output,
}

impl Muxer {
    /// fMP4 HLS: `index.m3u8`, `init.mp4` and `seg_NNNNN.m4s` in `dir`.
    pub fn hls(dir: &Path, encoder: &encoder::Encoder) -> Result<Muxer, TranscodeError> {
        let playlist = dir.join("index.m3u8");
        let mut output = format::output_as(&playlist, "hls").map_err(ff("hls output"))?;
        output.add_stream_with(encoder).map_err(ff("hls stream"))?;
        let mut options = Dictionary::new();
        options.set("hls_time", &SEGMENT_SECONDS.to_string());
        options.set("hls_playlist_type", "vod");
        options.set("hls_list_size", "0");
        options.set("hls_segment_type", "fmp4");
        options.set("hls_fmp4_init_filename", "init.mp4");
        options.set(
            "hls_segment_filename",
            &dir.join("seg_%05d.m4s").to_string_lossy(),
        );
        options.set("hls_flags", "independent_segments");
        output.write_header_with(options).map_err(ff("hls header"))?;
        Ok(Muxer { output })
    }

    /// A plain MP4 (no faststart yet: the offline step rewrites it).
    pub fn mp4(path: &Path, encoder: &encoder::Encoder) -> Result<Muxer, TranscodeError> {
        let mut output = format::output_as(path, "mp4").map_err(ff("mp4 output"))?;
        output.add_stream_with(encoder).map_err(ff("mp4 stream"))?;
        output.write_header().map_err(ff("mp4 header"))?;
        Ok(Muxer { output })
    }

    pub fn write(&mut self, mut packet: Packet, from: Rational) -> Result<(), TranscodeError> {
        let to = self.output.stream(0).map(|s| s.time_base()).unwrap_or(from);
        packet.set_stream(0);
        packet.rescale_ts(from, to);
        packet
            .write_interleaved(&mut self.output)
            .map_err(ff("write packet"))
    }

    pub fn finish(mut self) -> Result<(), TranscodeError> {
        self.output.write_trailer().map_err(ff("trailer"))
    }
}
