//! Writing a track as a clean WebVTT file: the bare `WEBVTT` signature, no header
//! lines, no cue identifiers, `hh:mm:ss.mmm` timestamps, only valid settings, cue text
//! with only our kept tags.

use super::{timestamp, Cue, Track};

/// The whole track as a WebVTT file (for `<track>` players and downloads).
pub fn to_webvtt(track: &Track) -> String {
    let mut out = String::from("WEBVTT\n");
    for cue in &track.cues {
        out.push('\n');
        write_cue(cue, &mut out);
    }
    out
}

/// One cue: its timing line and its text, ending with a line end (no empty line).
pub(super) fn write_cue(cue: &Cue, out: &mut String) {
    out.push_str(&timestamp::format(cue.start));
    out.push_str(" --> ");
    out.push_str(&timestamp::format(cue.end));
    if !cue.settings.is_empty() {
        out.push(' ');
        out.push_str(&cue.settings);
    }
    out.push('\n');
    let text = cue.text.to_webvtt();
    if !text.is_empty() {
        out.push_str(&text);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::subtitles::CueText;

    fn cue(start: f64, end: f64, settings: &str, text: &str) -> Cue {
        Cue {
            start,
            end,
            settings: settings.to_string(),
            text: CueText::parse(text),
        }
    }

    #[test]
    fn writes_a_clean_file() {
        let track = Track {
            cues: vec![
                cue(1.0, 2.5, "", "Hallo <b>Welt</b>"),
                cue(
                    3661.001,
                    3662.0,
                    "line:0 align:start",
                    "<script>x</script>\nzweite Zeile",
                ),
            ],
            warnings: vec![],
        };
        assert_eq!(
            to_webvtt(&track),
            "WEBVTT\n\n\
             00:00:01.000 --> 00:00:02.500\nHallo <b>Welt</b>\n\n\
             01:01:01.001 --> 01:01:02.000 line:0 align:start\n\
             &lt;script&gt;x&lt;/script&gt;\nzweite Zeile\n"
        );
    }

    #[test]
    fn empty_track_is_just_the_signature() {
        assert_eq!(to_webvtt(&Track::default()), "WEBVTT\n");
    }
}
