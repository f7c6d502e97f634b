//! Splits cue text into text, tags and timestamps, after the WebVTT cue text tokenizer,
//! with one difference that keeps every character: a tag is only a tag when it is
//! closed by `>` before the next `<`. Anything else stays text, so `a < b` or a
//! lone `<` is never swallowed.

use super::timestamp;

#[derive(Debug, PartialEq)]
pub(super) enum Token<'a> {
    /// Text with its character references decoded.
    Text(String),
    Start {
        name: &'a str,
        classes: Vec<&'a str>,
        /// Decoded, with runs of white space turned into one space, trimmed.
        annotation: String,
        raw: &'a str,
    },
    End {
        name: &'a str,
        raw: &'a str,
    },
    /// `<00:01.500>`; `seconds` is `None` when it does not read as a timestamp.
    Timestamp {
        seconds: Option<f64>,
        raw: &'a str,
    },
}

pub(super) struct Tokens<'a> {
    input: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        Tokens { input, pos: 0 }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.input[self.pos..];
        if rest.is_empty() {
            return None;
        }
        if let Some(len) = tag_len(rest) {
            self.pos += len;
            return Some(tag_token(&rest[..len]));
        }
        let mut text = String::new();
        let mut i = 0;
        while let Some(c) = rest[i..].chars().next() {
            match c {
                '<' if tag_len(&rest[i..]).is_some() => break,
                '&' => match character_reference(&rest[i..]) {
                    Some((decoded, len)) => {
                        text.push(decoded);
                        i += len;
                    }
                    None => {
                        text.push('&');
                        i += 1;
                    }
                },
                c => {
                    text.push(c);
                    i += c.len_utf8();
                }
            }
        }
        self.pos += i;
        Some(Token::Text(text))
    }
}

/// The length of the tag at the start of `s`: from `<` to the first `>`, when no other
/// `<` comes first.
fn tag_len(s: &str) -> Option<usize> {
    let after = s.strip_prefix('<')?;
    let end = after.find(['<', '>'])?;
    (after.as_bytes().get(end) == Some(&b'>')).then_some(end + 2)
}

fn tag_token(raw: &str) -> Token<'_> {
    let inner = &raw[1..raw.len() - 1];
    if let Some(name) = inner.strip_prefix('/') {
        return Token::End {
            name: name.trim_matches(is_tag_space),
            raw,
        };
    }
    if inner.starts_with(|c: char| c.is_ascii_digit()) {
        let seconds = timestamp::collect_webvtt(inner)
            .filter(|(_, len)| *len == inner.len())
            .map(|(seconds, _)| seconds);
        return Token::Timestamp { seconds, raw };
    }
    let name_end = inner.find(|c| c == '.' || is_tag_space(c)).unwrap_or(inner.len());
    let (name, rest) = inner.split_at(name_end);
    let (class_part, annotation) = match rest.strip_prefix('.') {
        Some(classes) => {
            let end = classes.find(is_tag_space).unwrap_or(classes.len());
            classes.split_at(end)
        }
        None => ("", rest),
    };
    Token::Start {
        name,
        classes: class_part.split('.').filter(|c| !c.is_empty()).collect(),
        annotation: decode_annotation(annotation),
        raw,
    }
}

/// White space inside a tag: tab, line feed, form feed, space.
fn is_tag_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | ' ')
}

fn decode_annotation(raw: &str) -> String {
    let mut decoded = String::new();
    let mut i = 0;
    while let Some(c) = raw[i..].chars().next() {
        match (c == '&').then(|| character_reference(&raw[i..])).flatten() {
            Some((d, len)) => {
                decoded.push(d);
                i += len;
            }
            None => {
                decoded.push(c);
                i += c.len_utf8();
            }
        }
    }
    decoded
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A character reference at the start of `s` (which starts with `&`): the named ones
/// WebVTT cue text uses, `&quot;` and `&apos;`, and numeric ones. Only complete
/// references with `;` count; anything else is a plain `&`.
fn character_reference(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let semi = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..semi];
    let len = semi + 2;
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some('\u{A0}'),
        "lrm" => Some('\u{200E}'),
        "rlm" => Some('\u{200F}'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    if let Some(c) = named {
        return Some((c, len));
    }
    let number = name.strip_prefix('#')?;
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        None if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) => number.parse().ok()?,
        _ => return None,
    };
    let c = match code {
        0 => '\u{FFFD}',
        // A carriage return would end the line in a WebVTT file.
        0x0D => '\n',
        code => char::from_u32(code).unwrap_or('\u{FFFD}'),
    };
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Vec<Token<'_>> {
        Tokens::new(input).collect()
    }

    fn text(s: &str) -> Token<'static> {
        Token::Text(s.to_string())
    }

    #[test]
    fn text_and_tags() {
        assert_eq!(
            tokens("a <b>bold</b>"),
            vec![
                text("a "),
                Token::Start {
                    name: "b",
                    classes: vec![],
                    annotation: String::new(),
                    raw: "<b>"
                },
                text("bold"),
                Token::End {
                    name: "b",
                    raw: "</b>"
                },
            ]
        );
    }

    #[test]
    fn classes_and_annotation() {
        assert_eq!(
            tokens("<v.loud..x  Mary \n &amp; Ann>"),
            vec![Token::Start {
                name: "v",
                classes: vec!["loud", "x"],
                annotation: "Mary & Ann".into(),
                raw: "<v.loud..x  Mary \n &amp; Ann>"
            }]
        );
    }

    #[test]
    fn a_lone_less_than_sign_stays_text() {
        assert_eq!(tokens("a < b"), vec![text("a < b")]);
        assert_eq!(
            tokens("1 < 2 <i>x"),
            vec![
                text("1 < 2 "),
                Token::Start {
                    name: "i",
                    classes: vec![],
                    annotation: String::new(),
                    raw: "<i>"
                },
                text("x"),
            ]
        );
        assert_eq!(tokens("<<<"), vec![text("<<<")]);
    }

    #[test]
    fn timestamps() {
        assert_eq!(
            tokens("<00:01.500>"),
            vec![Token::Timestamp {
                seconds: Some(1.5),
                raw: "<00:01.500>"
            }]
        );
        assert_eq!(
            tokens("<3 you>"),
            vec![Token::Timestamp {
                seconds: None,
                raw: "<3 you>"
            }]
        );
    }

    #[test]
    fn character_references() {
        assert_eq!(
            tokens("&amp;&lt;&gt;&nbsp;&lrm;&rlm;&quot;&apos;&#65;&#x42;&#0;&#13;"),
            vec![text("&<>\u{A0}\u{200E}\u{200F}\"'AB\u{FFFD}\n")]
        );
        assert_eq!(
            tokens("&copy; & &amp &#; &#x; &#xD800; &#99999999999;"),
            vec![text("&copy; & &amp &#; &#x; \u{FFFD} &#99999999999;")]
        );
    }

    #[test]
    fn end_tags_are_trimmed() {
        assert_eq!(
            tokens("</b >"),
            vec![Token::End {
                name: "b",
                raw: "</b >"
            }]
        );
    }
}
