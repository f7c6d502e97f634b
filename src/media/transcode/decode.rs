//! Decoding the source's video once, turned upright, for the top of the cascade.

use std::path::Path;

use ffmpeg::{codec, filter, frame, Rational};
use ffmpeg_next as ffmpeg;

use super::video::TimedFrame;
use super::{ff, open_input, TranscodeError};
use crate::media::probe::VideoInfo;

pub struct VideoSource {
    input: ffmpeg::format::context::Input,
    decoder: codec::decoder::Video,
    index: usize,
    time_base: Rational,
    /// The stream's start time in seconds: output timestamps count from here.
    start: f64,
    upright: Option<filter::Graph>,
    /// Frame rate as a fraction, from the stream's average (or its base) rate.
    pub fps: (i32, i32),
}

impl VideoSource {
    pub fn open(path: &Path, index: usize, info: &VideoInfo) -> Result<VideoSource, TranscodeError> {
        let input = open_input(path)?;
        let stream = input
            .stream(index)
            .ok_or(TranscodeError::Internal("video stream vanished"))?;
        let mut context =
            codec::context::Context::from_parameters(stream.parameters()).map_err(ff("video decoder"))?;
        context.set_threading(codec::threading::Config {
            kind: codec::threading::Type::Frame,
            count: decoder_threads(info),
            ..Default::default()
        });
        let decoder = context.decoder().video().map_err(ff("video decoder"))?;
        let time_base = stream.time_base();
        let fps = [stream.avg_frame_rate(), stream.rate()]
            .into_iter()
            .find(|r| r.numerator() > 0 && r.denominator() > 0)
            .map_or((25, 1), |r| (r.numerator(), r.denominator()));
        // Counted from the stream's first timestamp, as the audio is from its own.
        let start = match stream.start_time() {
            t if t > 0 && t != ffmpeg::ffi::AV_NOPTS_VALUE => t as f64 * f64::from(time_base),
            _ => 0.0,
        };
        let upright = match info.rotation {
            90 => Some("transpose=clock"),
            180 => Some("hflip,vflip"),
            270 => Some("transpose=cclock"),
            _ => None,
        }
        .map(|spec| rotation_graph(&decoder, time_base, spec))
        .transpose()?;
        Ok(VideoSource {
            input,
            decoder,
            index,
            time_base,
            start,
            upright,
            fps,
        })
    }

    /// Decodes every frame and hands it on; `progress` gets the seconds reached.
    pub fn run(
        self,
        mut deliver: impl FnMut(TimedFrame) -> Result<(), TranscodeError>,
        mut progress: impl FnMut(f64),
    ) -> Result<u64, TranscodeError> {
        let VideoSource {
            mut input,
            mut decoder,
            index,
            time_base,
            start,
            mut upright,
            ..
        } = self;
        let mut frames = Frames {
            time_base,
            start,
            upright: upright.as_mut(),
            count: 0,
        };
        let (mut packets_seen, mut packets_refused) = (0u64, 0u64);
        for (stream, packet) in input.packets() {
            if stream.index() != index {
                continue;
            }
            packets_seen += 1;
            if decoder.send_packet(&packet).is_err() {
                // One broken packet is a glitch; a stream of them is a broken file.
                packets_refused += 1;
                continue;
            }
            frames.receive(&mut decoder, &mut deliver, &mut progress)?;
        }
        decoder.send_eof().map_err(ff("video decoder flush"))?;
        frames.receive(&mut decoder, &mut deliver, &mut progress)?;
        if frames.count == 0 || packets_refused * 2 > packets_seen.max(1) {
            return Err(TranscodeError::Undecodable {
                frames: frames.count,
                packets_refused,
            });
        }
        Ok(frames.count)
    }
}

/// Decoding threads: one for sources up to 1080p30, FFmpeg's choice (frame threads, one
/// per core plus one) above. Measured on the benchmark's 20 s 1080p25 source: one thread
/// decodes it in 1.85 s of CPU, frame threading in 2.05 s, and one thread keeps ahead of
/// the encoders with ease (15 % of a core); the transcode's peak memory fell by 20 MiB.
/// Bigger sources keep the threads, so that decoding never holds back the cascade.
fn decoder_threads(info: &VideoInfo) -> usize {
    let pixels_per_second = f64::from(info.width) * f64::from(info.height) * info.frame_rate.unwrap_or(30.0);
    if pixels_per_second <= 1920.0 * 1088.0 * 30.0 {
        1
    } else {
        0
    }
}

/// Turns decoded pictures into timed, upright frames.
struct Frames<'g> {
    time_base: Rational,
    start: f64,
    upright: Option<&'g mut filter::Graph>,
    count: u64,
}

impl Frames<'_> {
    fn receive(
        &mut self,
        decoder: &mut codec::decoder::Video,
        deliver: &mut impl FnMut(TimedFrame) -> Result<(), TranscodeError>,
        progress: &mut impl FnMut(f64),
    ) -> Result<(), TranscodeError> {
        let mut decoded = frame::Video::empty();
        while decoder.receive_frame(&mut decoded).is_ok() {
            let Some(ts) = decoded.timestamp() else { continue };
            let seconds = (ts as f64 * f64::from(self.time_base) - self.start).max(0.0);
            let frame = match self.upright.as_deref_mut() {
                None => std::mem::replace(&mut decoded, frame::Video::empty()),
                Some(graph) => turn(graph, &decoded)?,
            };
            progress(seconds);
            deliver(TimedFrame {
                frame: std::sync::Arc::new(frame),
                seconds,
            })?;
            self.count += 1;
        }
        Ok(())
    }
}

fn turn(graph: &mut filter::Graph, decoded: &frame::Video) -> Result<frame::Video, TranscodeError> {
    graph
        .get("in")
        .ok_or(TranscodeError::Internal("no rotation input"))?
        .source()
        .add(decoded)
        .map_err(ff("rotate"))?;
    let mut turned = frame::Video::empty();
    graph
        .get("out")
        .ok_or(TranscodeError::Internal("no rotation output"))?
        .sink()
        .frame(&mut turned)
        .map_err(ff("rotate"))?;
    Ok(turned)
}

/// buffer → transpose/flip → buffersink, for sources recorded sideways.
fn rotation_graph(
    decoder: &codec::decoder::Video,
    time_base: Rational,
    spec: &str,
) -> Result<filter::Graph, TranscodeError> {
    let pixel_format: ffmpeg::ffi::AVPixelFormat = decoder.format().into();
    let args = format!(
        "video_size={}x{}:pix_fmt={}:time_base={}/{}:pixel_aspect=1/1",
        decoder.width(),
        decoder.height(),
        pixel_format as i32,
        time_base.numerator(),
        time_base.denominator()
    );
    let mut graph = filter::Graph::new();
    let buffer = filter::find("buffer").ok_or(TranscodeError::MissingCodec("buffer"))?;
    let sink = filter::find("buffersink").ok_or(TranscodeError::MissingCodec("buffersink"))?;
    graph.add(&buffer, "in", &args).map_err(ff("buffer"))?;
    graph.add(&sink, "out", "").map_err(ff("buffersink"))?;
    graph
        .output("in", 0)
        .and_then(|p| p.input("out", 0))
        .and_then(|p| p.parse(spec))
        .map_err(ff("rotation graph"))?;
    graph.validate().map_err(ff("rotation graph"))?;
    Ok(graph)
}
