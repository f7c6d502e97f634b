//! The progressive MP4 for "save for offline": the offline rung's video and the audio,
//! remuxed (no re-encoding) with the index in front so phones can start at once.

use std::path::Path;

use ffmpeg::{format, Dictionary, Packet, Rational};
use ffmpeg_next as ffmpeg;

use super::{ff, TranscodeError};

/// Interleaves the streams of `inputs` by time into `out` with `+faststart`.
pub fn write(inputs: &[&Path], out: &Path) -> Result<(), TranscodeError> {
    let mut sources = Vec::new();
    let mut output = format::output_as(out, "mp4").map_err(ff("offline output"))?;
    for path in inputs {
        let input = format::input(path).map_err(ff("offline input"))?;
        let stream = input
            .stream(0)
            .ok_or(TranscodeError::Internal("empty intermediate file"))?;
        let mut added = output
            .add_stream(ffmpeg::encoder::find(ffmpeg::codec::Id::None))
            .map_err(ff("offline stream"))?;
        // Both intermediates are MP4 themselves, so their codec tags fit as they are.
        added.set_parameters(stream.parameters());
        let time_base = stream.time_base();
        sources.push((input, time_base, None::<Packet>));
    }
    let mut options = Dictionary::new();
    options.set("movflags", "+faststart");
    output.write_header_with(options).map_err(ff("offline header"))?;
    let out_time_bases: Vec<Rational> = (0..sources.len())
        .map(|i| output.stream(i).map_or(Rational(1, 90_000), |s| s.time_base()))
        .collect();

    // Merge by timestamp: take the earliest pending packet of all inputs each time.
    loop {
        for (input, _, pending) in sources.iter_mut() {
            if pending.is_none() {
                let mut packet = Packet::empty();
                if packet.read(input).is_ok() {
                    *pending = Some(packet);
                }
            }
        }
        let next = sources
            .iter()
            .enumerate()
            .filter_map(|(i, (_, tb, p))| {
                p.as_ref()
                    .map(|p| (i, p.dts().unwrap_or(0) as f64 * f64::from(*tb)))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let Some(index) = next else { break };
        let (_, time_base, pending) = &mut sources[index];
        if let Some(mut packet) = pending.take() {
            packet.set_stream(index);
            packet.set_position(-1);
            packet.rescale_ts(*time_base, out_time_bases[index]);
            packet
                .write_interleaved(&mut output)
                .map_err(ff("offline packet"))?;
        }
    }
    output.write_trailer().map_err(ff("offline trailer"))
}
