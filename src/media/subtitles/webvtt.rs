//! Reading WebVTT after the W3C "WebVTT parser algorithm": the signature, header lines,
//! blocks separated by empty lines, cue identifiers (dropped: nothing of ours uses
//! them), timings and settings, NOTE comments, STYLE and REGION blocks (dropped).
//!
//! Where the parser silently skips something that holds text, we report it instead, as
//! the text would be lost: a cue whose timing line does not read
//! (`subtitle-error-timestamp`) and a block of text that is no cue, comment, style or
//! region (`subtitle-error-stray-text`), usually a cue with an empty line inside.

use super::error::SubtitleError;
use super::settings;
use super::sink::{excerpt, CueSink, Timing};
use super::timestamp;

/// The text starts with the WebVTT signature: `WEBVTT`, alone on its line or followed by
/// a space or tab.
pub(super) fn has_signature(text: &str) -> bool {
    text.strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
}

/// Reads the cues of `text` (LF line ends, signature checked) into `sink`.
pub(super) fn read(text: &str, sink: &mut CueSink<'_>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut reader = Reader {
        lines: &lines,
        pos: 1,
        seen_cue: false,
    };
    if reader.pos >= lines.len() {
        return;
    }
    if lines[reader.pos].is_empty() {
        reader.pos += 1;
    } else {
        // Header lines (`Kind:`, `Language:`, X-TIMESTAMP-MAP …): not needed.
        reader.block(true);
    }
    reader.skip_empty_lines();
    while reader.pos < lines.len() && !sink.stopped() {
        match reader.block(false) {
            Block::Cue {
                timing,
                text,
                line_count,
            } => sink.add(timing, &text, line_count),
            Block::BadTiming { line, found } => sink.problem(SubtitleError::Timestamp {
                line,
                found: excerpt(found),
            }),
            Block::Stray { line } => sink.problem(SubtitleError::StrayText { line }),
            Block::Ignored => {}
        }
        reader.skip_empty_lines();
    }
}

enum Block<'a> {
    Cue {
        timing: Timing,
        text: String,
        line_count: usize,
    },
    BadTiming {
        line: usize,
        found: &'a str,
    },
    Stray {
        line: usize,
    },
    /// Header, comment, style sheet, region.
    Ignored,
}

struct Reader<'a> {
    lines: &'a [&'a str],
    /// Index of the next line to read; its line number is `pos + 1`.
    pos: usize,
    seen_cue: bool,
}

impl<'a> Reader<'a> {
    fn skip_empty_lines(&mut self) {
        while self.lines.get(self.pos).is_some_and(|l| l.is_empty()) {
            self.pos += 1;
        }
    }

    /// "Collect a WebVTT block": lines up to an empty line; an arrow line starts a cue
    /// when it is the block's first line, or its second after an identifier; any later
    /// arrow line ends the block and starts the next one.
    fn block(&mut self, in_header: bool) -> Block<'a> {
        let first_line = self.pos + 1;
        let mut line_count = 0;
        let mut previous = self.pos;
        let mut buffer: Vec<&'a str> = Vec::new();
        let mut seen_arrow = false;
        let mut cue: Option<Timing> = None;
        let mut bad_timing: Option<(usize, &'a str)> = None;
        let mut style_or_region = false;
        while let Some(&line) = self.lines.get(self.pos) {
            line_count += 1;
            self.pos += 1;
            if line.contains("-->") {
                if !in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)) {
                    seen_arrow = true;
                    previous = self.pos;
                    cue = timings(line, self.pos);
                    if cue.is_some() {
                        buffer.clear();
                        self.seen_cue = true;
                    } else {
                        bad_timing = Some((self.pos, line));
                    }
                } else {
                    self.pos = previous;
                    break;
                }
            } else if line.is_empty() {
                break;
            } else {
                if !in_header && line_count == 2 && !self.seen_cue {
                    if let [first] = buffer[..] {
                        if is_keyword_line(first, "STYLE") || is_keyword_line(first, "REGION") {
                            style_or_region = true;
                            buffer.clear();
                        }
                    }
                }
                buffer.push(line);
                previous = self.pos;
            }
        }
        if let Some(timing) = cue {
            return Block::Cue {
                timing,
                text: buffer.join("\n"),
                line_count: buffer.len(),
            };
        }
        if let Some((line, found)) = bad_timing {
            return Block::BadTiming { line, found };
        }
        match buffer.first() {
            _ if in_header || style_or_region => Block::Ignored,
            None => Block::Ignored,
            Some(first) if is_note(first) => Block::Ignored,
            // A STYLE or REGION block after the first cue: the parser ignores it.
            Some(first) if is_keyword_line(first, "STYLE") || is_keyword_line(first, "REGION") => {
                Block::Ignored
            }
            Some(_) => Block::Stray { line: first_line },
        }
    }
}

/// "Collect WebVTT cue timings and settings" from the arrow line numbered `line`.
fn timings(input: &str, line: usize) -> Option<Timing> {
    let rest = input.trim_start_matches(is_space);
    let (start, len) = timestamp::collect_webvtt(rest)?;
    let rest = rest[len..].trim_start_matches(is_space).strip_prefix("-->")?;
    let rest = rest.trim_start_matches(is_space);
    let (end, len) = timestamp::collect_webvtt(rest)?;
    Some(Timing {
        line,
        start,
        end,
        settings: settings::normalise(&rest[len..]),
    })
}

fn is_space(c: char) -> bool {
    c.is_ascii_whitespace()
}

/// `NOTE` alone or followed by a space or tab.
fn is_note(line: &str) -> bool {
    line.strip_prefix("NOTE")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// The keyword followed by white space only.
fn is_keyword_line(line: &str, keyword: &str) -> bool {
    line.strip_prefix(keyword)
        .is_some_and(|rest| rest.chars().all(is_space))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::subtitles::limits::SubtitleLimits;
    use crate::media::subtitles::sink::RawCue;

    fn read_all(text: &str) -> (Vec<RawCue>, Vec<SubtitleError>) {
        let limits = SubtitleLimits::default();
        let mut sink = CueSink::new(&limits);
        read(text, &mut sink);
        let (cues, problems) = sink.into_parts();
        (cues, problems.into_errors().errors)
    }

    fn summary(cues: &[RawCue]) -> Vec<(usize, f64, f64, String, String)> {
        cues.iter()
            .map(|c| (c.line, c.start, c.end, c.settings.clone(), c.text.to_webvtt()))
            .collect()
    }

    #[test]
    fn signature() {
        assert!(has_signature("WEBVTT"));
        assert!(has_signature("WEBVTT\n"));
        assert!(has_signature("WEBVTT - Lektion 1\n"));
        assert!(has_signature("WEBVTT\tx"));
        assert!(!has_signature("WEBVTTX"));
        assert!(!has_signature("webvtt"));
        assert!(!has_signature(" WEBVTT"));
    }

    #[test]
    fn full_file_with_note_style_region_ids_and_settings() {
        let text = "WEBVTT - Lektion 1\nKind: captions\nLanguage: de\n\n\
                    STYLE\n::cue { color: red }\n\n\
                    REGION\nid:fred\nwidth:40%\n\n\
                    NOTE Übersetzt von Anna\nzweite Zeile\n\n\
                    intro\n00:01.000 --> 00:04.000 align:start region:fred line:0 foo:bar\n\
                    <v Lehrer>Guten Morgen!\nHeute: Brief schreiben.\n\n\
                    NOTE\nnoch ein Kommentar\n\n\
                    00:00:05.500 --> 00:00:07.000\n&lt;Anrede&gt; &amp; Gruß\n";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![
                (
                    16,
                    1.0,
                    4.0,
                    "line:0 align:start".to_string(),
                    "<v Lehrer>Guten Morgen!\nHeute: Brief schreiben.</v>".to_string()
                ),
                (
                    23,
                    5.5,
                    7.0,
                    String::new(),
                    "&lt;Anrede&gt; &amp; Gruß".to_string()
                ),
            ]
        );
    }

    #[test]
    fn arrow_in_header_starts_the_first_cue() {
        let (cues, errors) = read_all("WEBVTT\n00:00.000 --> 00:01.000\nHallo\n");
        assert_eq!(errors, vec![]);
        assert_eq!(summary(&cues), vec![(2, 0.0, 1.0, String::new(), "Hallo".into())]);
    }

    #[test]
    fn arrow_line_inside_a_cue_starts_the_next_cue() {
        let text = "WEBVTT\n\n00:00.000 --> 00:01.000\neins\n00:01.000 --> 00:02.000\nzwei\n";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![
                (3, 0.0, 1.0, String::new(), "eins".into()),
                (5, 1.0, 2.0, String::new(), "zwei".into()),
            ]
        );
    }

    #[test]
    fn malformed_timings_are_reported_with_their_line() {
        let text = "WEBVTT\n\n1\n00:00:01,000 --> 00:00:02,000\nKomma\n\n\
                    00:61.000 --> 00:62.000\nzu viele Sekunden\n\n\
                    00:03.000 -> 00:04.000\nkein Pfeil\n\n\
                    00:05.000 --> 00:06.000\ngut\n";
        let (cues, errors) = read_all(text);
        assert_eq!(summary(&cues), vec![(13, 5.0, 6.0, String::new(), "gut".into())]);
        assert_eq!(
            errors,
            vec![
                SubtitleError::Timestamp {
                    line: 4,
                    found: "00:00:01,000 --> 00:00:02,000".into()
                },
                SubtitleError::Timestamp {
                    line: 7,
                    found: "00:61.000 --> 00:62.000".into()
                },
                // No arrow at all: a block of text that is no cue.
                SubtitleError::StrayText { line: 10 },
            ]
        );
    }

    #[test]
    fn empty_line_inside_a_cue_is_reported() {
        let text = "WEBVTT\n\n00:00.000 --> 00:01.000\nerste Zeile\n\nverlorene Zeile\n";
        let (cues, errors) = read_all(text);
        assert_eq!(cues.len(), 1);
        assert_eq!(errors, vec![SubtitleError::StrayText { line: 6 }]);
    }

    #[test]
    fn style_after_a_cue_is_ignored() {
        let text = "WEBVTT\n\n00:00.000 --> 00:01.000\nx\n\nSTYLE\n::cue { color: red }\n";
        let (cues, errors) = read_all(text);
        assert_eq!((cues.len(), errors), (1, vec![]));
    }

    #[test]
    fn cue_with_empty_text_and_id_only() {
        let text = "WEBVTT\n\nid\n00:00.000 --> 00:01.000\n\n00:02.000 --> 00:03.000";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![
                (4, 0.0, 1.0, String::new(), String::new()),
                (6, 2.0, 3.0, String::new(), String::new()),
            ]
        );
    }
}
