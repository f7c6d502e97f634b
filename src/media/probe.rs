//! What a media file holds, read from its headers with FFmpeg, and whether we take it.
//!
//! The file is opened with a format whitelist and `protocol_whitelist=file`: without
//! them an "MP4" that is really an HLS playlist makes FFmpeg open the local files it
//! names. Nothing is decoded here beyond what FFmpeg's own stream analysis needs.

use std::ffi::CStr;
use std::io::Read;
use std::path::Path;

use ffmpeg::codec::packet::side_data::Type as SideDataType;
use ffmpeg::format::context::Input;
use ffmpeg::format::stream::{Disposition, Stream};
use ffmpeg::media::Type as MediaType;
use ffmpeg_next as ffmpeg;
use serde::{Deserialize, Serialize};

pub use super::limits::MediaLimits;

/// Demuxers we open, by the names FFmpeg matches against: the mov demuxer is named
/// "mov,mp4,m4a,3gp,3g2,mj2" and the Matroska one "matroska,webm".
pub const FORMAT_WHITELIST: &str = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts";

/// A probed file, as `lernwerk probe` prints it and the manifest stores it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    /// FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2".
    pub format: String,
    /// The longest duration the container or any stream claims.
    pub duration_seconds: f64,
    pub size_bytes: u64,
    /// Overall bit rate in bits per second, when known.
    pub bit_rate: Option<u64>,
    pub streams: Vec<StreamInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamInfo {
    pub index: usize,
    /// FFmpeg's codec name, e.g. "h264", "aac".
    pub codec: String,
    pub bit_rate: Option<u64>,
    #[serde(flatten)]
    pub kind: StreamKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum StreamKind {
    Video(VideoInfo),
    Audio(AudioInfo),
    Subtitle,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VideoInfo {
    /// Size of the stored picture.
    pub width: u32,
    pub height: u32,
    /// Size as shown, after rotation: a phone's portrait video is often stored
    /// landscape with a 90° rotation.
    pub display_width: u32,
    pub display_height: u32,
    /// Clockwise degrees to turn the stored picture for display: 0, 90, 180 or 270.
    pub rotation: u16,
    pub pixel_format: Option<String>,
    /// Average frame rate, else the container's base rate; none for still pictures.
    pub frame_rate: Option<f64>,
    pub profile: Option<String>,
    pub level: Option<i32>,
    /// Cover art (e.g. in an M4A), not moving video.
    pub attached_picture: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AudioInfo {
    pub sample_rate: u32,
    pub channels: u32,
}

impl Probe {
    /// All video streams, cover art included.
    pub fn video_streams(&self) -> impl Iterator<Item = &VideoInfo> {
        self.streams.iter().filter_map(StreamInfo::video)
    }

    /// The stream to transcode: the first moving video stream, with its index.
    pub fn primary_video(&self) -> Option<(usize, &VideoInfo)> {
        self.streams
            .iter()
            .find_map(|s| s.video().filter(|v| !v.attached_picture).map(|v| (s.index, v)))
    }

    pub fn has_audio(&self) -> bool {
        self.streams
            .iter()
            .any(|s| matches!(s.kind, StreamKind::Audio(_)))
    }
}

impl StreamInfo {
    pub fn video(&self) -> Option<&VideoInfo> {
        match &self.kind {
            StreamKind::Video(v) => Some(v),
            _ => None,
        }
    }
}

/// Why a file is not taken. `message_key` names the trainer's message in the Fluent
/// files; `Display` is for the log and carries the measured value and the limit.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProbeError {
    #[error("unreadable: {reason}")]
    Unreadable { reason: String },
    #[error("not a media file FFmpeg recognises")]
    NotVideo,
    #[error("container format not on the whitelist ({FORMAT_WHITELIST})")]
    Format,
    #[error("no video stream")]
    NoVideo,
    #[error("duration unknown")]
    UnknownDuration,
    #[error("duration {seconds:.1} s over the limit of {limit} s")]
    TooLong { seconds: f64, limit: f64 },
    #[error("frame {width}x{height} over the limit of {max_side} px per side or {max_pixels} px")]
    FrameTooLarge {
        width: u32,
        height: u32,
        max_side: u32,
        max_pixels: u64,
    },
    #[error("frame rate {fps:.3} over the limit of {limit}")]
    FrameRate { fps: f64, limit: f64 },
    #[error("{count} streams, over the limit of {limit}")]
    TooManyStreams { count: usize, limit: usize },
}

impl ProbeError {
    pub fn message_key(&self) -> &'static str {
        match self {
            ProbeError::Unreadable { .. } => "media-error-unreadable",
            ProbeError::NotVideo => "media-error-not-video",
            ProbeError::Format => "media-error-format",
            ProbeError::NoVideo => "media-error-no-video",
            ProbeError::UnknownDuration => "media-error-no-duration",
            ProbeError::TooLong { .. } => "media-error-too-long",
            ProbeError::FrameTooLarge { .. } => "media-error-too-large-frame",
            ProbeError::FrameRate { .. } => "media-error-frame-rate",
            ProbeError::TooManyStreams { .. } => "media-error-too-many-streams",
        }
    }

    /// The variables the message uses, already formatted for a person.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            ProbeError::TooLong { seconds, limit } => vec![
                ("minutes", format!("{:.0}", (seconds / 60.0).ceil())),
                ("limit", format!("{:.0}", (limit / 60.0).floor())),
            ],
            ProbeError::FrameTooLarge { width, height, .. } => {
                vec![("width", width.to_string()), ("height", height.to_string())]
            }
            ProbeError::FrameRate { fps, limit } => {
                vec![("fps", format!("{fps:.0}")), ("limit", format!("{limit:.0}"))]
            }
            ProbeError::TooManyStreams { count, limit } => {
                vec![("count", count.to_string()), ("limit", limit.to_string())]
            }
            _ => Vec::new(),
        }
    }
}

/// Opens `path`, describes it and checks it against `limits`. Blocking.
pub fn probe(path: &Path, limits: &MediaLimits) -> Result<Probe, ProbeError> {
    let metadata = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    // A FIFO or device would block or never end.
    if !metadata.is_file() {
        return Err(unreadable("not a regular file".into()));
    }
    let mut input = open(path)?;
    let streams: Vec<StreamInfo> = input.streams().map(|s| describe(&s)).collect();
    let mut probe = Probe {
        format: input.format().name().to_owned(),
        duration_seconds: 0.0,
        size_bytes: metadata.len(),
        bit_rate: positive(input.bit_rate()),
        streams,
    };
    // No video is the more useful message for an audio file of unknown length.
    if probe.primary_video().is_none() {
        return Err(ProbeError::NoVideo);
    }
    probe.duration_seconds = duration_seconds(&input).ok_or(ProbeError::UnknownDuration)?;
    limits.check(&probe)?;
    if probe.format.starts_with("mov,") {
        check_mp4_complete(&mut input, probe.duration_seconds)?;
    }
    Ok(probe)
}

/// An MP4 with its index at the front ("faststart") that was cut short still opens;
/// only the samples past the cut are missing. Its index says where every sample lies,
/// so one seek to the last second and reading to the end finds the cut cheaply.
/// Other containers cut short fail to open (index at the end) or simply end early.
fn check_mp4_complete(input: &mut Input, duration_seconds: f64) -> Result<(), ProbeError> {
    let target = ((duration_seconds - 1.0).max(0.0) * f64::from(ffmpeg::ffi::AV_TIME_BASE)) as i64;
    // A file that cannot seek (e.g. fragmented without an index) is not judged here.
    if input.seek(target, ..target).is_err() {
        return Ok(());
    }
    let mut packet = ffmpeg::Packet::empty();
    // Bounded: the seek lands on a keyframe, which in a screen recording may be minutes
    // before the end. Running out of budget is no verdict; only a read that fails is.
    for _ in 0..10_000 {
        match packet.read(input) {
            Ok(()) if !packet.is_corrupt() => continue,
            Err(ffmpeg::Error::Eof) => return Ok(()),
            _ => return Err(unreadable("the data ends before the index says it does".into())),
        }
    }
    Ok(())
}

fn unreadable(reason: String) -> ProbeError {
    ProbeError::Unreadable { reason }
}

/// Opens `path` the only safe way: whitelisted demuxers, local files only. Every stage
/// that reads an upload opens it through here.
pub(crate) fn open(path: &Path) -> Result<Input, ProbeError> {
    super::init_ffmpeg().map_err(|e| unreadable(format!("FFmpeg did not initialise: {e}")))?;
    // ffmpeg-next panics on paths that are not UTF-8 or hold a NUL.
    let Some(text) = path.to_str().filter(|t| !t.contains('\0')) else {
        return Err(unreadable("file name is not UTF-8 or holds a NUL".into()));
    };
    let mut options = ffmpeg::Dictionary::new();
    options.set("format_whitelist", FORMAT_WHITELIST);
    options.set("protocol_whitelist", "file");
    // "file:" keeps a name with a colon from being read as another protocol's URL.
    ffmpeg::format::input_with_dictionary(&format!("file:{text}"), options).map_err(|e| match e {
        // What FFmpeg returns when the detected demuxer is not on the whitelist.
        ffmpeg::Error::Other { errno } if errno == ffmpeg::util::error::EINVAL => ProbeError::Format,
        ffmpeg::Error::InvalidData | ffmpeg::Error::Eof if !starts_like_container(path) => {
            ProbeError::NotVideo
        }
        other => unreadable(format!("FFmpeg cannot open it: {other}")),
    })
}

/// Whether the first bytes look like a container we support, so that a damaged video
/// is told apart from something that never was one. Only chooses the message.
fn starts_like_container(path: &Path) -> bool {
    let mut head = [0u8; 380];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = &head[..n];
    let boxes: [&[u8]; 7] = [b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"];
    let mp4_box = head.get(4..8).is_some_and(|t| boxes.contains(&t));
    let matroska = head.starts_with(&[0x1a, 0x45, 0xdf, 0xa3]);
    let avi = head.starts_with(b"RIFF") && head.get(8..12) == Some(b"AVI ");
    let mpegts = head.first() == Some(&0x47) && head.get(188) == Some(&0x47);
    mp4_box || matroska || avi || mpegts
}

/// The longest of the container's and the streams' durations: a crafted file can
/// claim a short total but a long stream, and later stages follow the streams.
fn duration_seconds(input: &Input) -> Option<f64> {
    let container = positive(input.duration()).map(|d| d as f64 / f64::from(ffmpeg::ffi::AV_TIME_BASE));
    let streams = input
        .streams()
        .filter_map(|s| positive(s.duration()).map(|d| d as f64 * f64::from(s.time_base())));
    container
        .into_iter()
        .chain(streams)
        .filter(|d| d.is_finite() && *d > 0.0)
        .reduce(f64::max)
}

/// FFmpeg marks unknown numbers with zero or a negative sentinel.
fn positive<T: TryInto<u64>>(value: T) -> Option<u64> {
    value.try_into().ok().filter(|v| *v > 0)
}

fn describe(stream: &Stream) -> StreamInfo {
    let params = stream.parameters();
    let fields = codec_fields(stream);
    let kind = match params.medium() {
        MediaType::Video => StreamKind::Video(video_info(stream, &fields)),
        MediaType::Audio => StreamKind::Audio(AudioInfo {
            sample_rate: u32::try_from(fields.sample_rate).unwrap_or(0),
            channels: u32::try_from(fields.channels).unwrap_or(0),
        }),
        MediaType::Subtitle => StreamKind::Subtitle,
        _ => StreamKind::Other,
    };
    StreamInfo {
        index: stream.index(),
        codec: params.id().name().to_owned(),
        bit_rate: positive(params.bit_rate()),
        kind,
    }
}

fn video_info(stream: &Stream, fields: &CodecFields) -> VideoInfo {
    let width = u32::try_from(fields.width).unwrap_or(0);
    let height = u32::try_from(fields.height).unwrap_or(0);
    let rotation = rotation(stream);
    let (display_width, display_height) = if rotation % 180 == 90 {
        (height, width)
    } else {
        (width, height)
    };
    let attached_picture = stream.disposition().contains(Disposition::ATTACHED_PIC);
    let frame_rate = [stream.avg_frame_rate(), stream.rate()]
        .into_iter()
        .find(|r| r.numerator() > 0 && r.denominator() > 0)
        .map(f64::from)
        .filter(|_| !attached_picture);
    VideoInfo {
        width,
        height,
        display_width,
        display_height,
        rotation,
        pixel_format: fields.pixel_format.clone(),
        frame_rate,
        profile: fields.profile.clone(),
        level: Some(fields.level).filter(|l| *l > 0),
        attached_picture,
    }
}

/// Rotation from the display matrix FFmpeg attaches to the stream, else from the
/// older "rotate" tag (clockwise degrees), rounded to quarter turns.
fn rotation(stream: &Stream) -> u16 {
    let from_matrix = stream
        .side_data()
        .find(|sd| sd.kind() == SideDataType::DisplayMatrix)
        .and_then(|sd| display_matrix_rotation(sd.data()));
    let from_tag = || {
        stream
            .metadata()
            .get("rotate")
            .and_then(|r| r.trim().parse::<f64>().ok())
    };
    from_matrix.or_else(from_tag).map_or(0, quarter_turns)
}

/// Clockwise rotation in degrees of a display matrix: nine native-endian `i32`, the
/// first two columns 16.16 fixed point. This is FFmpeg's `av_display_rotation_get`
/// with the sign flipped: that one counts counter-clockwise.
fn display_matrix_rotation(data: &[u8]) -> Option<f64> {
    let m: Vec<f64> = data
        .chunks_exact(4)
        .take(9)
        .filter_map(|c| c.try_into().ok().map(i32::from_ne_bytes))
        .map(|v| f64::from(v) / 65536.0)
        .collect();
    if m.len() < 9 {
        return None;
    }
    let (scale_x, scale_y) = (m[0].hypot(m[3]), m[1].hypot(m[4]));
    if scale_x == 0.0 || scale_y == 0.0 {
        return None;
    }
    Some((m[1] / scale_y).atan2(m[0] / scale_x).to_degrees())
}

/// 0, 90, 180 or 270 for any angle; other angles do not occur in real recordings.
fn quarter_turns(degrees: f64) -> u16 {
    if !degrees.is_finite() {
        return 0;
    }
    // In 0..4 after rem_euclid, so the cast is exact.
    (degrees / 90.0).round().rem_euclid(4.0) as u16 * 90
}

/// Plain fields of a stream's codec parameters that ffmpeg-next only exposes through
/// an opened decoder, which we must not open for an untrusted file.
struct CodecFields {
    width: i32,
    height: i32,
    level: i32,
    sample_rate: i32,
    channels: i32,
    profile: Option<String>,
    pixel_format: Option<String>,
}

/// The one place this crate reads FFmpeg's structs directly.
#[allow(unsafe_code)]
fn codec_fields(stream: &Stream) -> CodecFields {
    use ffmpeg::ffi;
    let params = stream.parameters();
    // SAFETY: `params` points into the stream of the input context that `stream`
    // borrows, so it is valid for this whole function, and nothing writes to it
    // meanwhile (the context is borrowed immutably). We only copy plain numbers, and
    // strings from FFmpeg's static tables (NUL-terminated, never freed). The pixel
    // format arrives as a bare `int`; rather than transmute it into the Rust enum (UB
    // for an out-of-range value) we walk FFmpeg's own descriptor list and compare.
    unsafe {
        let par = &*params.as_ptr();
        let text = |p: *const std::os::raw::c_char| {
            (!p.is_null()).then(|| CStr::from_ptr(p).to_string_lossy().into_owned())
        };
        let mut pixel_format = None;
        if par.codec_type == ffi::AVMediaType::AVMEDIA_TYPE_VIDEO && par.format >= 0 {
            let mut desc = ffi::av_pix_fmt_desc_next(std::ptr::null());
            while !desc.is_null() {
                if ffi::av_pix_fmt_desc_get_id(desc) as i32 == par.format {
                    pixel_format = text((*desc).name);
                    break;
                }
                desc = ffi::av_pix_fmt_desc_next(desc);
            }
        }
        CodecFields {
            width: par.width,
            height: par.height,
            level: par.level,
            sample_rate: par.sample_rate,
            channels: par.ch_layout.nb_channels,
            profile: text(ffi::avcodec_profile_name(par.codec_id, par.profile)),
            pixel_format,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(values: [i32; 9]) -> Vec<u8> {
        values.iter().flat_map(|v| v.to_ne_bytes()).collect()
    }

    const ONE: i32 = 1 << 16;
    const W: i32 = 1 << 30;

    #[test]
    fn display_matrix_rotations_match_ffmpegs_autorotate() {
        // An iPhone portrait recording: turn 90° clockwise to show.
        let phone = matrix([0, ONE, 0, -ONE, 0, 0, 0, 0, W]);
        assert_eq!(display_matrix_rotation(&phone).map(quarter_turns), Some(90));
        let upside_down = matrix([-ONE, 0, 0, 0, -ONE, 0, 0, 0, W]);
        assert_eq!(
            display_matrix_rotation(&upside_down).map(quarter_turns),
            Some(180)
        );
        let other_way = matrix([0, -ONE, 0, ONE, 0, 0, 0, 0, W]);
        assert_eq!(display_matrix_rotation(&other_way).map(quarter_turns), Some(270));
        let identity = matrix([ONE, 0, 0, 0, ONE, 0, 0, 0, W]);
        assert_eq!(display_matrix_rotation(&identity).map(quarter_turns), Some(0));
    }

    #[test]
    fn broken_display_matrices_mean_no_rotation() {
        assert_eq!(display_matrix_rotation(&[0; 8]), None);
        assert_eq!(display_matrix_rotation(&matrix([0; 9])), None);
        assert_eq!(quarter_turns(f64::NAN), 0);
        assert_eq!(quarter_turns(-90.0), 270);
        assert_eq!(quarter_turns(359.0), 0);
    }

    #[test]
    fn every_error_has_a_message_key() {
        let errors = [
            unreadable("x".into()),
            ProbeError::NotVideo,
            ProbeError::Format,
            ProbeError::NoVideo,
            ProbeError::UnknownDuration,
            ProbeError::TooLong {
                seconds: 36_001.0,
                limit: 10_800.0,
            },
            ProbeError::FrameTooLarge {
                width: 8192,
                height: 8192,
                max_side: 4096,
                max_pixels: 8_912_896,
            },
            ProbeError::FrameRate {
                fps: 240.0,
                limit: 120.0,
            },
            ProbeError::TooManyStreams { count: 9, limit: 8 },
        ];
        let german = std::fs::read_to_string("templates/locales/de/main.ftl").unwrap();
        for error in errors {
            let key = error.message_key();
            let line = german.lines().find(|l| l.starts_with(&format!("{key} =")));
            let line = line.unwrap_or_else(|| panic!("{key} missing in de/main.ftl"));
            for (name, _) in error.message_args() {
                assert!(
                    line.contains(&format!("{{ ${name} }}")),
                    "{key} does not use ${name}"
                );
            }
        }
        let long = ProbeError::TooLong {
            seconds: 36_001.0,
            limit: 10_800.0,
        };
        assert_eq!(
            long.message_args(),
            [("minutes", "601".to_owned()), ("limit", "180".to_owned())]
        );
    }
}
