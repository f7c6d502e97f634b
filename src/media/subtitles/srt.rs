//! Reading SRT (SubRip) as real files have it: cue numbers missing, wrong or repeated
//! (they are ignored), `HH:MM:SS,mmm --> HH:MM:SS,mmm` also with `.` and one-digit
//! hours (and WebVTT's `MM:SS.mmm`), coordinates after the timing ignored, lines of
//! spaces as separators, a missing empty line before the next cue.
//!
//! `{\an8}`-style position tags (from ASS) become WebVTT settings (top, middle, left,
//! right); other `{\…}` override blocks are removed. Text outside any cue and timings
//! that do not read are reported with their line.

use super::error::SubtitleError;
use super::settings;
use super::sink::{excerpt, CueSink, Timing};
use super::timestamp;

/// The text looks like SRT: its first non-empty line is a cue number or a timing.
pub(super) fn looks_like_srt(text: &str) -> bool {
    text.split('\n')
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|first| is_number(first) || first.contains("-->"))
}

/// Reads the cues of `text` (LF line ends) into `sink`.
pub(super) fn read(text: &str, sink: &mut CueSink<'_>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut i = 0;
    while i < lines.len() && !sink.stopped() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        let timing_at = if line.contains("-->") {
            i
        } else if is_number(line) && !blank(i + 1) {
            i + 1
        } else {
            sink.problem(SubtitleError::StrayText { line: i + 1 });
            i = next_blank(&lines, i);
            continue;
        };
        let Some((start, end)) = timing(lines[timing_at]) else {
            sink.problem(SubtitleError::Timestamp {
                line: timing_at + 1,
                found: excerpt(lines[timing_at].trim()),
            });
            i = next_blank(&lines, timing_at);
            continue;
        };
        let mut text_lines: Vec<&str> = Vec::new();
        let mut next = timing_at + 1;
        while !blank(next) {
            if timing(lines[next]).is_some() {
                // No empty line before the next cue; its number is not text.
                if text_lines.last().is_some_and(|l| is_number(l.trim())) {
                    text_lines.pop();
                    next -= 1;
                }
                break;
            }
            text_lines.push(lines[next].trim_end());
            next += 1;
        }
        let (text, settings) = position_tags(&text_lines.join("\n"));
        let timing = Timing {
            line: timing_at + 1,
            start,
            end,
            settings,
        };
        sink.add(timing, &text, text_lines.len());
        i = next;
    }
}

fn next_blank(lines: &[&str], from: usize) -> usize {
    (from..lines.len())
        .find(|&i| lines[i].trim().is_empty())
        .unwrap_or(lines.len())
}

fn is_number(line: &str) -> bool {
    !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit())
}

/// `start --> end`, anything after the end time ignored.
fn timing(line: &str) -> Option<(f64, f64)> {
    let (left, right) = line.split_once("-->")?;
    let right = right.trim_start();
    let end_len = right
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(right.len());
    Some((time(left.trim())?, time(&right[..end_len])?))
}

/// `H:MM:SS,mmm` or `H:MM:SS.mmm` (any number of hour digits), or WebVTT's forms.
fn time(s: &str) -> Option<f64> {
    srt_time(s).or_else(|| {
        timestamp::collect_webvtt(s)
            .filter(|(_, len)| *len == s.len())
            .map(|(seconds, _)| seconds)
    })
}

fn srt_time(s: &str) -> Option<f64> {
    let (hms, millis) = s.rsplit_once([',', '.'])?;
    let mut parts = hms.split(':');
    let (hours, minutes, seconds) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |s: &str, min_len: usize, max_len: usize| -> Option<u64> {
        let ok = (min_len..=max_len).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| s.parse().ok()).flatten()
    };
    let hours = number(hours, 1, 6)?;
    let minutes = number(minutes, 2, 2).filter(|m| *m < 60)?;
    let seconds = number(seconds, 2, 2).filter(|s| *s < 60)?;
    let millis = number(millis, 3, 3)?;
    Some(timestamp::seconds_of(hours, minutes, seconds, millis))
}

/// Removes `{\…}` override blocks from `text`; the first `\anN` among them becomes
/// WebVTT settings (numpad layout: 7 8 9 top, 4 5 6 middle, 1 2 3 bottom).
fn position_tags(text: &str) -> (String, String) {
    let mut out = String::with_capacity(text.len());
    let mut numpad: Option<u8> = None;
    let mut rest = text;
    while let Some(open) = rest.find("{\\") {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let block = &rest[open + 1..open + close];
        if numpad.is_none() {
            numpad = block.split('\\').find_map(|tag| {
                let digit = tag.strip_prefix("an")?;
                let n: u8 = digit.parse().ok()?;
                (1..=9).contains(&n).then_some(n)
            });
        }
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let settings = match numpad {
        Some(n) => {
            let line = match n {
                7..=9 => "line:0",
                4..=6 => "line:50%,center",
                _ => "",
            };
            let align = match n % 3 {
                1 => "align:left",
                0 => "align:right",
                _ => "",
            };
            settings::normalise(&format!("{line} {align}"))
        }
        None => String::new(),
    };
    (out, settings)
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

    fn summary(cues: &[RawCue]) -> Vec<(usize, f64, f64, String)> {
        cues.iter()
            .map(|c| (c.line, c.start, c.end, c.text.to_webvtt()))
            .collect()
    }

    #[test]
    fn plain_srt() {
        let text = "1\n00:00:01,000 --> 00:00:02,500\nHallo!\nWie geht's?\n\n\
                    2\n00:00:03,000 --> 00:00:04,000\n<i>Gut</i> & dir?\n";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![
                (2, 1.0, 2.5, "Hallo!\nWie geht's?".into()),
                (7, 3.0, 4.0, "<i>Gut</i> &amp; dir?".into()),
            ]
        );
    }

    #[test]
    fn missing_wrong_and_repeated_numbers() {
        let text = "00:00:01,000 --> 00:00:02,000\nohne Nummer\n\n\
                    7\n00:00:03,000 --> 00:00:04,000\nfalsche Nummer\n\n\
                    7\n00:00:05,000 --> 00:00:06,000\ndoppelt\n";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![
                (1, 1.0, 2.0, "ohne Nummer".into()),
                (5, 3.0, 4.0, "falsche Nummer".into()),
                (9, 5.0, 6.0, "doppelt".into()),
            ]
        );
    }

    #[test]
    fn timing_variants_real_files_have() {
        for (line, start, end) in [
            ("0:00:01,000 --> 0:00:02,000", 1.0, 2.0),
            ("00:00:01.000 --> 00:00:02.000", 1.0, 2.0),
            ("00:00:01,000-->00:00:02,000", 1.0, 2.0),
            (
                "  01:02:03,004 --> 01:02:04,005  X1:10 X2:20 Y1:5 Y2:9",
                3723.004,
                3724.005,
            ),
            ("00:01.000 --> 00:02.500", 1.0, 2.5),
            ("100:00:00,000 --> 100:00:01,000", 360_000.0, 360_001.0),
        ] {
            assert_eq!(timing(line), Some((start, end)), "{line}");
        }
    }

    #[test]
    fn malformed_timestamps_name_their_line() {
        for bad in [
            "00:00:01,00 --> 00:00:02,000",
            "00:60:01,000 --> 00:00:02,000",
            "00:00:60,000 --> 00:01:00,000",
            "00:00:01 --> 00:00:02",
            "00:00:01,000 -> 00:00:02,000",
            "00:00:01;000 --> 00:00:02,000",
            "a --> b",
        ] {
            let text = format!("1\n00:00:00,000 --> 00:00:01,000\nok\n\n2\n{bad}\nText\n");
            let (cues, errors) = read_all(&text);
            assert_eq!(cues.len(), 1, "{bad}");
            assert_eq!(
                errors,
                vec![SubtitleError::Timestamp {
                    line: 6,
                    found: bad.to_string()
                }],
                "{bad}"
            );
        }
    }

    #[test]
    fn stray_lines_are_reported_and_reading_goes_on() {
        let text = "Untertitel von X\n\n1\n00:00:01,000 --> 00:00:02,000\neins\n\nMüll\nnoch Müll\n\n\
                    2\n00:00:03,000 --> 00:00:04,000\nzwei\n";
        let (cues, errors) = read_all(text);
        assert_eq!(cues.len(), 2);
        assert_eq!(
            errors,
            vec![
                SubtitleError::StrayText { line: 1 },
                SubtitleError::StrayText { line: 7 },
            ]
        );
    }

    #[test]
    fn missing_empty_line_before_the_next_cue() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\neins\n2\n00:00:03,000 --> 00:00:04,000\nzwei\n";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![(2, 1.0, 2.0, "eins".into()), (5, 3.0, 4.0, "zwei".into())]
        );
    }

    #[test]
    fn spaces_only_lines_separate_cues() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\neins   \n   \n2\n00:00:03,000 --> 00:00:04,000\nzwei";
        let (cues, errors) = read_all(text);
        assert_eq!(errors, vec![]);
        assert_eq!(
            summary(&cues),
            vec![(2, 1.0, 2.0, "eins".into()), (6, 3.0, 4.0, "zwei".into())]
        );
    }

    #[test]
    fn position_tags_become_settings() {
        assert_eq!(position_tags("{\\an8}oben"), ("oben".into(), "line:0".into()));
        assert_eq!(
            position_tags("{\\an7}links oben"),
            ("links oben".into(), "line:0 align:left".into())
        );
        assert_eq!(
            position_tags("{\\an6}rechts"),
            ("rechts".into(), "line:50%,center align:right".into())
        );
        assert_eq!(position_tags("{\\an2}unten"), ("unten".into(), String::new()));
        assert_eq!(
            position_tags("{\\i1}schräg{\\i0} {\\c&H00FFFF&}x"),
            ("schräg x".into(), String::new())
        );
        assert_eq!(
            position_tags("{kein Tag} {\\offen"),
            ("{kein Tag} {\\offen".into(), String::new())
        );
    }

    #[test]
    fn looks_like_srt_by_its_first_line() {
        assert!(looks_like_srt("\n\n1\n00:00:01,000 --> 00:00:02,000\nx"));
        assert!(looks_like_srt("00:00:01,000 --> 00:00:02,000\nx"));
        assert!(!looks_like_srt("Hallo\n"));
        assert!(!looks_like_srt(""));
    }
}
