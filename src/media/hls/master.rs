//! The master playlist, written by us from measured bit rates.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use serde::Serialize;

use super::HlsError;

pub const MASTER_PLAYLIST: &str = "master.m3u8";

/// One video rendition as the master playlist lists it; bit rates are the video
/// playlist's own (measured), the audio rendition's are added when writing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    /// Relative to the master playlist, e.g. `video/720p/index.m3u8`.
    pub uri: String,
    pub width: u32,
    pub height: u32,
    pub frame_rate: f64,
    /// Video codec, e.g. from [`avc1_codec_string`].
    pub codecs: String,
    pub peak_bitrate: u64,
    pub average_bitrate: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AudioRendition {
    pub uri: String,
    pub name: String,
    /// BCP 47 tag such as `de`, when known.
    pub language: Option<String>,
    pub channels: u32,
    pub codecs: String,
    pub peak_bitrate: u64,
    pub average_bitrate: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubtitleRendition {
    pub uri: String,
    pub name: String,
    pub language: String,
    /// At most one subtitle is the default; later ones marked default are written as NO.
    pub default: bool,
}

/// Writes `dir/master.m3u8` (replacing it atomically) from scratch, so it can be re-run
/// when subtitles change.
///
/// Order: players start with the first variant listed, so the start variant comes first:
/// the best one at most 360 lines high (about 600 kb/s, safe on prepaid mobile data),
/// then the other video variants by BANDWIDTH ascending, then the audio-only variant.
pub fn write_master(
    dir: &Path,
    variants: &[Variant],
    audio: Option<&AudioRendition>,
    subtitles: &[SubtitleRendition],
) -> Result<(), HlsError> {
    let text = master_text(variants, audio, subtitles)?;
    let path = dir.join(MASTER_PLAYLIST);
    let tmp = dir.join(format!(".{MASTER_PLAYLIST}.{}.tmp", std::process::id()));
    let write_err = |source| HlsError::Write {
        path: path.clone(),
        source,
    };
    let result = fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| fs::rename(&tmp, &path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(write_err(e));
    }
    Ok(())
}

fn master_text(
    variants: &[Variant],
    audio: Option<&AudioRendition>,
    subtitles: &[SubtitleRendition],
) -> Result<String, HlsError> {
    if variants.is_empty() {
        return Err(HlsError::NoVariants);
    }
    let mut media = String::new();
    if let Some(a) = audio {
        media.push_str("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\"");
        if let Some(lang) = &a.language {
            let _ = write!(media, ",LANGUAGE=\"{}\"", language(lang)?);
        }
        let _ = writeln!(
            media,
            ",NAME=\"{}\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"{}\",URI=\"{}\"",
            name(&a.name)?,
            a.channels,
            uri(&a.uri)?
        );
    }
    let mut default_taken = false;
    for s in subtitles {
        let default = s.default && !default_taken;
        default_taken |= default;
        let _ = writeln!(
            media,
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"{}\",NAME=\"{}\",DEFAULT={},\
             AUTOSELECT=YES,URI=\"{}\"",
            language(&s.language)?,
            name(&s.name)?,
            if default { "YES" } else { "NO" },
            uri(&s.uri)?
        );
    }
    let mut out = String::from("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    if !media.is_empty() {
        out.push('\n');
        out.push_str(&media);
    }
    let groups = format!(
        "{}{}",
        if audio.is_some() { ",AUDIO=\"audio\"" } else { "" },
        if subtitles.is_empty() {
            ""
        } else {
            ",SUBTITLES=\"subs\""
        }
    );
    for v in start_first(variants) {
        let (peak, avg) = match audio {
            Some(a) => (
                v.peak_bitrate + a.peak_bitrate,
                v.average_bitrate + a.average_bitrate,
            ),
            None => (v.peak_bitrate, v.average_bitrate),
        };
        let codecs = match audio {
            Some(a) => format!("{},{}", codec(&v.codecs)?, codec(&a.codecs)?),
            None => codec(&v.codecs)?.to_string(),
        };
        let _ = write!(
            out,
            "\n#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={avg},CODECS=\"{codecs}\",\
             RESOLUTION={}x{}",
            v.width, v.height
        );
        if v.frame_rate.is_finite() && v.frame_rate > 0.0 {
            let _ = write!(out, ",FRAME-RATE={:.3}", v.frame_rate);
        }
        let _ = write!(out, "{groups}\n{}\n", uri(&v.uri)?);
    }
    if let Some(a) = audio {
        let _ = write!(
            out,
            "\n#EXT-X-STREAM-INF:BANDWIDTH={},AVERAGE-BANDWIDTH={},CODECS=\"{}\"{groups}\n{}\n",
            a.peak_bitrate,
            a.average_bitrate,
            codec(&a.codecs)?,
            uri(&a.uri)?
        );
    }
    Ok(out)
}

/// Variants in the order described at [`write_master`].
fn start_first(variants: &[Variant]) -> Vec<&Variant> {
    let mut sorted: Vec<&Variant> = variants.iter().collect();
    sorted.sort_by_key(|v| (v.peak_bitrate, v.height));
    let start = sorted
        .iter()
        .rposition(|v| v.height.min(v.width) <= 360)
        .unwrap_or(0);
    let first = sorted.remove(start);
    sorted.insert(0, first);
    sorted
}

/// NAME is a display label and may come from a user: quotes and control characters
/// cannot appear in an HLS quoted-string, so they are replaced rather than rejected.
fn name(raw: &str) -> Result<String, HlsError> {
    let clean: String = raw
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.is_empty() {
        return Err(HlsError::InvalidAttribute {
            field: "NAME",
            value: raw.into(),
        });
    }
    Ok(clean)
}

/// A language tag: letters, digits and hyphens only (BCP 47 shape).
fn language(raw: &str) -> Result<&str, HlsError> {
    let ok = !raw.is_empty() && raw.len() <= 35 && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(raw).ok_or_else(|| HlsError::InvalidAttribute {
        field: "LANGUAGE",
        value: raw.into(),
    })
}

/// URIs are our own relative paths; anything that could break the quoting is a bug.
fn uri(raw: &str) -> Result<&str, HlsError> {
    let ok = !raw.is_empty() && !raw.chars().any(|c| c == '"' || c == ',' || c.is_control());
    ok.then_some(raw).ok_or_else(|| HlsError::InvalidAttribute {
        field: "URI",
        value: raw.into(),
    })
}

fn codec(raw: &str) -> Result<&str, HlsError> {
    let ok = !raw.is_empty() && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    ok.then_some(raw).ok_or_else(|| HlsError::InvalidAttribute {
        field: "CODECS",
        value: raw.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::hls::AAC_LC;

    fn variant(height: u32, peak: u64, avg: u64) -> Variant {
        Variant {
            uri: format!("video/{height}p/index.m3u8"),
            width: height * 16 / 9,
            height,
            frame_rate: 25.0,
            codecs: "avc1.64001f".into(),
            peak_bitrate: peak,
            average_bitrate: avg,
        }
    }

    fn audio() -> AudioRendition {
        AudioRendition {
            uri: "audio/index.m3u8".into(),
            name: "Ton".into(),
            language: Some("de".into()),
            channels: 2,
            codecs: AAC_LC.into(),
            peak_bitrate: 100_000,
            average_bitrate: 97_000,
        }
    }

    #[test]
    fn master_playlist_exact_text() {
        let dir = tempfile::tempdir().unwrap();
        let variants = [
            variant(720, 1_800_000, 1_200_000),
            variant(240, 250_000, 200_000),
            variant(360, 500_000, 400_000),
        ];
        write_master(dir.path(), &variants, Some(&audio()), &[]).unwrap();
        let text = fs::read_to_string(dir.path().join("master.m3u8")).unwrap();
        let expected = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n\
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"de\",NAME=\"Ton\",DEFAULT=YES,AUTOSELECT=YES,\
            CHANNELS=\"2\",URI=\"audio/index.m3u8\"\n\n\
            #EXT-X-STREAM-INF:BANDWIDTH=600000,AVERAGE-BANDWIDTH=497000,CODECS=\"avc1.64001f,mp4a.40.2\",\
            RESOLUTION=640x360,FRAME-RATE=25.000,AUDIO=\"audio\"\nvideo/360p/index.m3u8\n\n\
            #EXT-X-STREAM-INF:BANDWIDTH=350000,AVERAGE-BANDWIDTH=297000,CODECS=\"avc1.64001f,mp4a.40.2\",\
            RESOLUTION=426x240,FRAME-RATE=25.000,AUDIO=\"audio\"\nvideo/240p/index.m3u8\n\n\
            #EXT-X-STREAM-INF:BANDWIDTH=1900000,AVERAGE-BANDWIDTH=1297000,CODECS=\"avc1.64001f,mp4a.40.2\",\
            RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"audio\"\nvideo/720p/index.m3u8\n\n\
            #EXT-X-STREAM-INF:BANDWIDTH=100000,AVERAGE-BANDWIDTH=97000,CODECS=\"mp4a.40.2\",AUDIO=\"audio\"\n\
            audio/index.m3u8\n";
        assert_eq!(text, expected);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec!["master.m3u8"], "no temp file left behind");
    }

    #[test]
    fn master_with_subtitles_and_without_audio_is_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let variants = [variant(480, 900_000, 700_000)];
        write_master(dir.path(), &variants, Some(&audio()), &[]).unwrap();
        let subs = [
            SubtitleRendition {
                uri: "subs/de.m3u8".into(),
                name: "Deutsch".into(),
                language: "de".into(),
                default: true,
            },
            SubtitleRendition {
                uri: "subs/ar.m3u8".into(),
                name: "العربية".into(),
                language: "ar".into(),
                default: true,
            },
        ];
        write_master(dir.path(), &variants, None, &subs).unwrap();
        let text = fs::read_to_string(dir.path().join("master.m3u8")).unwrap();
        let expected = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n\
            #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=YES,\
            AUTOSELECT=YES,URI=\"subs/de.m3u8\"\n\
            #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"ar\",NAME=\"العربية\",DEFAULT=NO,\
            AUTOSELECT=YES,URI=\"subs/ar.m3u8\"\n\n\
            #EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=700000,CODECS=\"avc1.64001f\",\
            RESOLUTION=853x480,FRAME-RATE=25.000,SUBTITLES=\"subs\"\nvideo/480p/index.m3u8\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn names_are_escaped_and_bad_attributes_rejected() {
        assert_eq!(
            name("Deutsch \"leicht\"\n#EXT-X-ENDLIST").unwrap(),
            "Deutsch 'leicht' #EXT-X-ENDLIST"
        );
        assert_eq!(name("  a\r\n\tb ").unwrap(), "a b");
        assert!(name("\n").is_err());
        let mut a = audio();
        a.name = "Ton\",URI=\"evil.m3u8".into();
        let text = master_text(&[variant(360, 1, 1)], Some(&a), &[]).unwrap();
        assert!(text.contains("NAME=\"Ton',URI='evil.m3u8\","));
        assert_eq!(text.lines().filter(|l| l.contains("evil")).count(), 1);

        a.language = Some("de\"".into());
        assert!(matches!(
            master_text(&[variant(360, 1, 1)], Some(&a), &[]),
            Err(HlsError::InvalidAttribute { .. })
        ));
        let mut v = variant(360, 1, 1);
        v.uri = "a\nb".into();
        assert!(matches!(
            master_text(&[v], None, &[]),
            Err(HlsError::InvalidAttribute { field: "URI", .. })
        ));
        assert!(matches!(master_text(&[], None, &[]), Err(HlsError::NoVariants)));
    }

    #[test]
    fn start_variant_is_the_best_at_most_360_lines() {
        let order = |vs: &[Variant]| start_first(vs).iter().map(|v| v.height).collect::<Vec<_>>();
        let ladder = [
            variant(1080, 5, 5),
            variant(240, 1, 1),
            variant(720, 4, 4),
            variant(480, 3, 3),
            variant(360, 2, 2),
        ];
        assert_eq!(order(&ladder), vec![360, 240, 480, 720, 1080]);
        assert_eq!(order(&[variant(720, 4, 4), variant(480, 3, 3)]), vec![480, 720]);
        // Portrait: the shorter side decides.
        let mut portrait = variant(640, 2, 2);
        portrait.width = 360;
        assert_eq!(order(&[variant(720, 4, 4), portrait]), vec![640, 720]);
    }
}
