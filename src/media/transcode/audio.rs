//! Audio: measure the source's loudness (EBU R128), then encode AAC-LC stereo 48 kHz at
//! 96 kb/s with a fixed gain to −16 LUFS and a peak limiter. One linear gain keeps the
//! dynamics of the speaker's voice; the limiter only catches peaks the gain pushed over.

use std::path::Path;

use ffmpeg::{codec, encoder, filter, frame, media, ChannelLayout, Packet, Rational};
use ffmpeg_next as ffmpeg;

use super::video::Muxer;
use super::{ff, open_input, TranscodeError};

pub const TARGET_LUFS: f64 = -16.0;
const SAMPLE_RATE: i32 = 48_000;
const BIT_RATE: usize = 96_000;
/// Gains beyond this would only amplify noise in a near-silent track.
const MAX_GAIN_DB: f64 = 30.0;

pub struct AudioResult {
    pub source_lufs: Option<f64>,
    pub gain_db: f64,
}

/// Integrated loudness of the source's audio stream, `None` for digital silence.
pub fn measure_loudness(path: &Path, stream_index: usize) -> Result<Option<f64>, TranscodeError> {
    let source = AudioSource::open(path, stream_index)?;
    let mut graph = graph(&source.decoder, "aresample=48000,ebur128=metadata=1", None)?;
    let mut last = None;
    source.for_each_filtered(&mut graph, &mut |filtered| {
        if let Some(value) = filtered
            .metadata()
            .get("lavfi.r128.I")
            .and_then(|v| v.parse::<f64>().ok())
        {
            last = Some(value);
        }
        Ok(())
    })?;
    Ok(last.filter(|lufs| lufs.is_finite() && *lufs > -70.0))
}

/// Encodes the audio with `gain_db` into HLS in `dir`, plus an M4A copy for offline use.
pub fn encode(
    path: &Path,
    stream_index: usize,
    gain_db: f64,
    dir: &Path,
    m4a_copy: &Path,
) -> Result<(), TranscodeError> {
    std::fs::create_dir_all(dir)?;
    let codec = encoder::find(codec::Id::AAC).ok_or(TranscodeError::MissingCodec("aac"))?;
    let mut context = codec::context::Context::new_with_codec(codec)
        .encoder()
        .audio()
        .map_err(ff("aac"))?;
    context.set_rate(SAMPLE_RATE);
    context.set_channel_layout(ChannelLayout::STEREO);
    context.set_channels(2);
    context.set_format(ffmpeg::format::Sample::F32(ffmpeg::format::sample::Type::Planar));
    context.set_bit_rate(BIT_RATE);
    context.set_time_base(Rational(1, SAMPLE_RATE));
    context.set_flags(codec::Flags::GLOBAL_HEADER);
    let mut aac = context.open_as(codec).map_err(ff("aac open"))?;
    let mut outputs = [Muxer::hls(dir, &aac)?, Muxer::mp4(m4a_copy, &aac)?];
    let time_base = Rational(1, SAMPLE_RATE);

    let source = AudioSource::open(path, stream_index)?;
    let spec = format!(
        // alimiter works in doubles: the AAC encoder's planar floats come last.
        "aresample=48000,aformat=channel_layouts=stereo,volume={gain_db:.2}dB,\
         alimiter=limit=0.89:level=disabled:attack=5:release=50,aformat=sample_fmts=fltp"
    );
    let mut graph = graph(&source.decoder, &spec, Some(aac.frame_size()))?;
    let mut next_pts = 0i64;
    source.for_each_filtered(&mut graph, &mut |filtered| {
        // Sample-exact timestamps from zero: the audio starts with the video.
        filtered.set_pts(Some(next_pts));
        next_pts += filtered.samples() as i64;
        aac.send_frame(filtered).map_err(ff("aac encode"))?;
        write_packets(&mut aac, &mut outputs, time_base)
    })?;
    aac.send_eof().map_err(ff("aac flush"))?;
    write_packets(&mut aac, &mut outputs, time_base)?;
    let [hls, m4a] = outputs;
    hls.finish()?;
    m4a.finish()
}

fn write_packets(
    aac: &mut encoder::Audio,
    outputs: &mut [Muxer],
    time_base: Rational,
) -> Result<(), TranscodeError> {
    let mut packet = Packet::empty();
    while aac.receive_packet(&mut packet).is_ok() {
        for output in outputs.iter_mut() {
            output.write(packet.clone(), time_base)?;
        }
    }
    Ok(())
}

type FrameSink<'a> = dyn FnMut(&mut frame::Audio) -> Result<(), TranscodeError> + 'a;

/// The opened audio stream of a file, with its own demuxer.
struct AudioSource {
    input: ffmpeg::format::context::Input,
    decoder: codec::decoder::Audio,
    index: usize,
}

impl AudioSource {
    fn open(path: &Path, index: usize) -> Result<AudioSource, TranscodeError> {
        let input = open_input(path)?;
        let stream = input
            .stream(index)
            .ok_or(TranscodeError::Internal("audio stream vanished"))?;
        if stream.parameters().medium() != media::Type::Audio {
            return Err(TranscodeError::Internal("not an audio stream"));
        }
        let mut decoder = codec::context::Context::from_parameters(stream.parameters())
            .map_err(ff("audio decoder"))?
            .decoder()
            .audio()
            .map_err(ff("audio decoder"))?;
        decoder
            .set_parameters(stream.parameters())
            .map_err(ff("audio parameters"))?;
        Ok(AudioSource {
            input,
            decoder,
            index,
        })
    }

    /// Decodes every packet, pushes the frames through `graph`, hands each filtered frame
    /// to `each`.
    fn for_each_filtered(
        mut self,
        graph: &mut filter::Graph,
        each: &mut FrameSink<'_>,
    ) -> Result<(), TranscodeError> {
        let mut decoded = frame::Audio::empty();
        let mut filtered = frame::Audio::empty();
        for (stream, packet) in self.input.packets() {
            // A damaged packet costs a few milliseconds of sound, not the whole lesson.
            if stream.index() == self.index && self.decoder.send_packet(&packet).is_ok() {
                filter_decoded(&mut self.decoder, graph, &mut decoded, &mut filtered, each)?;
            }
        }
        self.decoder.send_eof().map_err(ff("audio decoder flush"))?;
        filter_decoded(&mut self.decoder, graph, &mut decoded, &mut filtered, each)?;
        graph
            .get("in")
            .ok_or(TranscodeError::Internal("audio graph has no input"))?
            .source()
            .flush()
            .map_err(ff("audio filter flush"))?;
        drain(graph, &mut filtered, each)
    }
}

fn filter_decoded(
    decoder: &mut codec::decoder::Audio,
    graph: &mut filter::Graph,
    decoded: &mut frame::Audio,
    filtered: &mut frame::Audio,
    each: &mut FrameSink<'_>,
) -> Result<(), TranscodeError> {
    while decoder.receive_frame(decoded).is_ok() {
        let timestamp = decoded.timestamp();
        decoded.set_pts(timestamp);
        graph
            .get("in")
            .ok_or(TranscodeError::Internal("audio graph has no input"))?
            .source()
            .add(decoded)
            .map_err(ff("audio filter in"))?;
        drain(graph, filtered, each)?;
    }
    Ok(())
}

fn drain(
    graph: &mut filter::Graph,
    filtered: &mut frame::Audio,
    each: &mut FrameSink<'_>,
) -> Result<(), TranscodeError> {
    let mut sink = graph
        .get("out")
        .ok_or(TranscodeError::Internal("audio graph has no output"))?;
    while sink.sink().frame(filtered).is_ok() {
        each(filtered)?;
    }
    Ok(())
}

/// abuffer → `spec` → abuffersink (with a fixed frame size when the encoder needs one).
fn graph(
    decoder: &codec::decoder::Audio,
    spec: &str,
    frame_size: Option<u32>,
) -> Result<filter::Graph, TranscodeError> {
    let layout = match decoder.channel_layout() {
        l if l.is_empty() => ChannelLayout::default(i32::from(decoder.channels())),
        l => l,
    };
    let args = format!(
        "time_base={}:sample_rate={}:sample_fmt={}:channel_layout=0x{:x}",
        decoder.time_base(),
        decoder.rate(),
        decoder.format().name(),
        layout.bits()
    );
    let mut graph = filter::Graph::new();
    let abuffer = filter::find("abuffer").ok_or(TranscodeError::MissingCodec("abuffer"))?;
    let sink = filter::find("abuffersink").ok_or(TranscodeError::MissingCodec("abuffersink"))?;
    graph.add(&abuffer, "in", &args).map_err(ff("abuffer"))?;
    graph.add(&sink, "out", "").map_err(ff("abuffersink"))?;
    graph
        .output("in", 0)
        .and_then(|p| p.input("out", 0))
        .and_then(|p| p.parse(spec))
        .map_err(ff("audio filter graph"))?;
    graph.validate().map_err(ff("audio filter graph"))?;
    if let (Some(size), Some(mut out)) = (frame_size, graph.get("out")) {
        out.sink().set_frame_size(size);
    }
    Ok(graph)
}

/// The gain that brings `source_lufs` to the target, within sane bounds.
pub fn gain_for(source_lufs: Option<f64>) -> f64 {
    source_lufs.map_or(0.0, |lufs| (TARGET_LUFS - lufs).clamp(-MAX_GAIN_DB, MAX_GAIN_DB))
}
