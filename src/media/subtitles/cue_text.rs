//! Cue text as a small tree, rebuilt from whatever a subtitle file holds and written
//! back as WebVTT with only the tags `b i u c v lang ruby rt` (and timestamps).
//!
//! The tree is built after the WebVTT cue text parsing rules (an end tag closes only the
//! innermost open span of its kind; unclosed spans end with the cue), with these
//! decisions:
//! - a tag we do not keep (`<script>`, `<img onerror=…>`, `<br>`) is not dropped but
//!   kept as text, so it shows as typed and no text is lost; written out it is escaped
//!   (`&lt;script&gt;`). A subtitle can never put markup into our pages;
//! - tag names are matched without regard to case (`<I>` is `<i>`), as SRT files have;
//! - `<font color=…>` (SRT) becomes `<c.color>` for the colours WebVTT players know
//!   (`white lime cyan red yellow magenta`, by name or `#rrggbb`); other colours, `blue`
//!   and `black` (unreadable on the dark caption background) and other font attributes
//!   are dropped, the text inside kept;
//! - classes are kept when they are plain names (`[A-Za-z0-9_-]`), `<lang>` when its
//!   language tag is; a `<v>` or `<lang>` without a name is dropped, its text kept;
//! - spans nest at most 16 deep; deeper tags are left out, their text kept.

use super::cue_tokens::{Token, Tokens};
use super::timestamp;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CueText {
    nodes: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// Decoded text: `&` is `&`, not `&amp;`.
    Text(String),
    /// A karaoke timestamp inside the cue, in seconds.
    Timestamp(f64),
    Span(Span),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub kind: SpanKind,
    pub classes: Vec<String>,
    /// The voice of `<v>` or the language of `<lang>`; empty for the others.
    pub annotation: String,
    pub children: Vec<Node>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    Class,
    Italic,
    Bold,
    Underline,
    Ruby,
    RubyText,
    Voice,
    Language,
}

impl SpanKind {
    pub fn tag(self) -> &'static str {
        match self {
            SpanKind::Class => "c",
            SpanKind::Italic => "i",
            SpanKind::Bold => "b",
            SpanKind::Underline => "u",
            SpanKind::Ruby => "ruby",
            SpanKind::RubyText => "rt",
            SpanKind::Voice => "v",
            SpanKind::Language => "lang",
        }
    }

    fn from_tag(name: &str) -> Option<SpanKind> {
        Some(match name {
            "c" => SpanKind::Class,
            "i" => SpanKind::Italic,
            "b" => SpanKind::Bold,
            "u" => SpanKind::Underline,
            "ruby" => SpanKind::Ruby,
            "rt" => SpanKind::RubyText,
            "v" => SpanKind::Voice,
            "lang" => SpanKind::Language,
            _ => return None,
        })
    }
}

impl CueText {
    /// Parses cue text (SRT or WebVTT); never fails, every character is kept.
    pub fn parse(input: &str) -> CueText {
        let mut builder = Builder::default();
        for token in Tokens::new(input) {
            builder.take(token);
        }
        CueText {
            nodes: builder.finish(),
        }
    }

    /// Plain text without any markup, as one text node.
    pub fn from_plain(text: &str) -> CueText {
        let mut builder = Builder::default();
        builder.text(text);
        CueText {
            nodes: builder.finish(),
        }
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The cue payload as WebVTT: kept tags, everything else escaped, no empty lines
    /// (an empty line would end the cue).
    pub fn to_webvtt(&self) -> String {
        let mut out = String::new();
        write_nodes(&self.nodes, &mut out);
        without_blank_lines(&out)
    }

    /// The words only, for transcripts and search: no tags, character references
    /// decoded, ruby annotations (`rt`) left out, no empty lines.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        plain_nodes(&self.nodes, &mut out);
        without_blank_lines(&out)
    }

    /// Drops karaoke timestamps a WebVTT parser would reject: each must lie strictly
    /// inside the cue (`start`..`end`) and after the one before it, counted in the whole
    /// milliseconds they are written with. Needed again after a cue is cut to the end
    /// of the video.
    pub fn keep_timestamps_within(&mut self, start: f64, end: f64) {
        fn millis(seconds: f64) -> i64 {
            (seconds * 1000.0).round() as i64
        }
        fn retain(nodes: &mut Vec<Node>, start: i64, end: i64, last: &mut i64) {
            nodes.retain_mut(|node| match node {
                Node::Timestamp(at) => {
                    let at = millis(*at);
                    let keep = at > start && at < end && at > *last;
                    if keep {
                        *last = at;
                    }
                    keep
                }
                Node::Span(span) => {
                    retain(&mut span.children, start, end, last);
                    true
                }
                Node::Text(_) => true,
            });
        }
        let (start, end) = (millis(start), millis(end));
        let mut last = start;
        retain(&mut self.nodes, start, end, &mut last);
    }

    /// No visible text at all (white space only, or nothing).
    pub fn is_blank(&self) -> bool {
        fn blank(nodes: &[Node]) -> bool {
            nodes.iter().all(|node| match node {
                Node::Text(t) => t.trim().is_empty(),
                Node::Timestamp(_) => true,
                Node::Span(span) => blank(&span.children),
            })
        }
        blank(&self.nodes)
    }
}

/// Most spans open at once; tags deeper than this are left out (their text stays).
const MAX_DEPTH: usize = 16;

/// An open span and the end tag that closes it (`font` for a span made from `<font>`).
struct Open {
    span: Span,
    closed_by: &'static str,
}

#[derive(Default)]
struct Builder {
    root: Vec<Node>,
    open: Vec<Open>,
}

impl Builder {
    fn take(&mut self, token: Token<'_>) {
        match token {
            Token::Text(text) => self.text(&text),
            Token::Timestamp {
                seconds: Some(seconds),
                ..
            } => self.children().push(Node::Timestamp(seconds)),
            Token::Timestamp { raw, .. } => self.text(raw),
            Token::Start {
                name,
                classes,
                annotation,
                raw,
            } => self.start(&name.to_ascii_lowercase(), &classes, annotation, raw),
            Token::End { name, raw } => self.end(&name.to_ascii_lowercase(), raw),
        }
    }

    fn start(&mut self, name: &str, classes: &[&str], annotation: String, raw: &str) {
        let known = name == "font" || SpanKind::from_tag(name).is_some();
        if known && self.open.len() >= MAX_DEPTH {
            // Deeper nesting shows nothing more and would only cost stack.
            return;
        }
        if name == "font" {
            let classes = font_class(&annotation).into_iter().map(String::from).collect();
            return self.open(SpanKind::Class, classes, String::new(), "font");
        }
        let Some(kind) = SpanKind::from_tag(name) else {
            return self.text(raw);
        };
        let top = self.open.last().map(|o| o.span.kind);
        if kind == SpanKind::RubyText && top != Some(SpanKind::Ruby) {
            // Ruby text outside ruby means nothing; the text after it stays.
            return;
        }
        let classes = classes
            .iter()
            .filter(|c| is_class_name(c))
            .map(|c| c.to_string())
            .collect();
        let annotation = match kind {
            SpanKind::Voice => annotation.trim_end_matches(['-', ' ']).to_string(),
            SpanKind::Language if is_language_tag(&annotation) => annotation,
            _ => String::new(),
        };
        self.open(kind, classes, annotation, kind.tag());
    }

    fn end(&mut self, name: &str, raw: &str) {
        let closer = self.open.last().map(|o| o.closed_by);
        if closer == Some(name) {
            self.close();
        } else if closer == Some("rt") && name == "ruby" {
            self.close();
            self.close();
        } else if name != "font" && SpanKind::from_tag(name).is_none() {
            // `</script>`: not ours, so it is text. Our own tags closing nothing open
            // are simply mistakes and go.
            self.text(raw);
        }
    }

    fn open(&mut self, kind: SpanKind, classes: Vec<String>, annotation: String, closed_by: &'static str) {
        self.open.push(Open {
            span: Span {
                kind,
                classes,
                annotation,
                children: Vec::new(),
            },
            closed_by,
        });
    }

    fn close(&mut self) {
        let Some(Open { span, closed_by }) = self.open.pop() else {
            return;
        };
        let nameless =
            matches!(span.kind, SpanKind::Voice | SpanKind::Language) && span.annotation.is_empty();
        let empty_font = closed_by == "font" && span.classes.is_empty();
        if nameless || empty_font {
            for child in span.children {
                self.push(child);
            }
        } else {
            self.children().push(Node::Span(span));
        }
    }

    fn children(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some(open) => &mut open.span.children,
            None => &mut self.root,
        }
    }

    fn push(&mut self, node: Node) {
        match node {
            Node::Text(text) => self.text(&text),
            other => self.children().push(other),
        }
    }

    /// Appends text, joined to the text before it.
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let children = self.children();
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(text);
        } else {
            children.push(Node::Text(text.to_string()));
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close();
        }
        self.root
    }
}

/// The WebVTT colour class for `<font color=…>`'s attributes, when there is one.
fn font_class(attributes: &str) -> Option<&'static str> {
    let lower = attributes.to_ascii_lowercase();
    let at = lower.find("color")?;
    let value = lower[at + "color".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let value = match value.strip_prefix(['"', '\'']) {
        Some(quoted) => quoted.split(['"', '\'']).next()?,
        None => value.split(|c: char| c.is_ascii_whitespace()).next()?,
    };
    match value.trim() {
        "white" | "#fff" | "#ffffff" => Some("white"),
        "lime" | "green" | "#0f0" | "#00ff00" => Some("lime"),
        "cyan" | "aqua" | "#0ff" | "#00ffff" => Some("cyan"),
        "red" | "#f00" | "#ff0000" => Some("red"),
        "yellow" | "#ff0" | "#ffff00" => Some("yellow"),
        "magenta" | "fuchsia" | "#f0f" | "#ff00ff" => Some("magenta"),
        _ => None,
    }
}

/// Letters, digits, `_` and `-`, not ending in `-` (a tag ending `-->` would end the cue).
fn is_class_name(class: &str) -> bool {
    !class.ends_with('-')
        && class
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn is_language_tag(tag: &str) -> bool {
    tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && !tag.ends_with('-')
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn write_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => escape_text(text, out),
            Node::Timestamp(seconds) => {
                out.push('<');
                out.push_str(&timestamp::format(*seconds));
                out.push('>');
            }
            Node::Span(span) => {
                let tag = span.kind.tag();
                out.push('<');
                out.push_str(tag);
                for class in &span.classes {
                    out.push('.');
                    out.push_str(class);
                }
                if !span.annotation.is_empty() {
                    out.push(' ');
                    escape_text(&span.annotation.replace(['\n', '\r'], " "), out);
                }
                out.push('>');
                write_nodes(&span.children, out);
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
    }
}

fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            '\u{200E}' => out.push_str("&lrm;"),
            '\u{200F}' => out.push_str("&rlm;"),
            '\r' => out.push('\n'),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn plain_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(&text.replace('\r', "\n")),
            Node::Timestamp(_) => {}
            Node::Span(span) if span.kind == SpanKind::RubyText => {}
            Node::Span(span) => plain_nodes(&span.children, out),
        }
    }
}

fn without_blank_lines(text: &str) -> String {
    text.split('\n')
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vtt(input: &str) -> String {
        CueText::parse(input).to_webvtt()
    }

    #[test]
    fn kept_tags_round_trip() {
        for input in [
            "<b>bold</b> <i>italic</i> <u>under</u>",
            "<c.yellow.bg_blue>coloured</c>",
            "<v Mary>Hello</v>",
            "<v.loud Mary Ann>Hello</v>",
            "<lang de-DE>Straße</lang>",
            "<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>",
            "<c>plain c</c>",
            "one <00:00:01.500>two",
            "line one\nline two",
        ] {
            assert_eq!(vtt(input), input);
        }
    }

    #[test]
    fn script_and_img_are_escaped_text() {
        assert_eq!(
            vtt("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            vtt("Hi <img src=x onerror=alert(1)> there"),
            "Hi &lt;img src=x onerror=alert(1)&gt; there"
        );
        let cue = CueText::parse("<script>alert(1)</script>");
        assert_eq!(cue.plain_text(), "<script>alert(1)</script>");
    }

    #[test]
    fn markup_cannot_hide_in_kept_tags() {
        assert_eq!(
            vtt("<v Bob\"><script>x</script>>hi</v>"),
            "<v Bob\">&lt;script&gt;x&lt;/script&gt;&gt;hi</v>"
        );
        assert_eq!(vtt("<c.x\"onclick=y>a</c>"), "<c>a</c>");
        assert_eq!(vtt("<lang \"><b>>x</lang>"), "<b>&gt;x</b>");
        // "-->" would end the cue: no class or voice may end in "-".
        assert_eq!(vtt("<c.a--.b>x</c>"), "<c.b>x</c>");
        assert_eq!(vtt("<v Bob-->x</v>"), "<v Bob>x</v>");
        assert_eq!(vtt("<v &lt;b&gt;>x</v>"), "<v &lt;b&gt;>x</v>");
    }

    #[test]
    fn text_is_escaped_and_references_decoded() {
        let cue = CueText::parse("Tom &amp; Jerry &lt;3 a&nbsp;b &copy; R&D 1 < 2 > 0 &lrm;");
        assert_eq!(
            cue.to_webvtt(),
            "Tom &amp; Jerry &lt;3 a&nbsp;b &amp;copy; R&amp;D 1 &lt; 2 &gt; 0 &lrm;"
        );
        assert_eq!(
            cue.plain_text(),
            "Tom & Jerry <3 a\u{A0}b &copy; R&D 1 < 2 > 0 \u{200E}"
        );
    }

    #[test]
    fn srt_font_and_uppercase_tags() {
        assert_eq!(vtt("<font color=\"#FFFF00\">gelb</font>"), "<c.yellow>gelb</c>");
        assert_eq!(vtt("<FONT COLOR=red>rot</FONT>"), "<c.red>rot</c>");
        assert_eq!(
            vtt("<font color='lime' face=Arial>grün</font>"),
            "<c.lime>grün</c>"
        );
        assert_eq!(vtt("<font color=\"#123456\">x</font> y"), "x y");
        assert_eq!(vtt("<font face=\"Arial\" size=3>x</font>"), "x");
        assert_eq!(vtt("<font color=black>x</font>"), "x");
        assert_eq!(
            vtt("<I>kursiv</I> <B>fett</b> <U>u</U>"),
            "<i>kursiv</i> <b>fett</b> <u>u</u>"
        );
    }

    #[test]
    fn unclosed_and_misnested_tags() {
        assert_eq!(vtt("<i>never closed"), "<i>never closed</i>");
        // `</b>` does not close the inner `<i>`: the WebVTT rules, so both run to the end.
        assert_eq!(vtt("<b><i>x</b>y</i>z"), "<b><i>xy</i>z</b>");
        assert_eq!(vtt("stray</i> end"), "stray end");
        assert_eq!(vtt("<rt>no ruby</rt>"), "no ruby");
        assert_eq!(vtt("<ruby>a<rt>b</ruby>c"), "<ruby>a<rt>b</rt></ruby>c");
    }

    #[test]
    fn nesting_is_capped() {
        let deep = format!("{}x{}", "<b>".repeat(5000), "</b>".repeat(5000));
        let expected = format!("{}x{}", "<b>".repeat(16), "</b>".repeat(16));
        assert_eq!(vtt(&deep), expected);
    }

    #[test]
    fn nameless_voice_and_bad_language_are_dropped() {
        assert_eq!(vtt("<v>who?</v>"), "who?");
        assert_eq!(vtt("<lang>x</lang>"), "x");
        assert_eq!(vtt("<lang de_DE!>x</lang>"), "x");
        assert_eq!(vtt("<b.ok.not|ok>x</b>"), "<b.ok>x</b>");
        assert_eq!(vtt("<b Mary>x</b>"), "<b>x</b>");
    }

    #[test]
    fn blank_lines_never_reach_the_output() {
        assert_eq!(vtt("a\n\n \nb"), "a\nb");
        assert_eq!(vtt("a&#13;&#13;b"), "a\nb");
        assert_eq!(vtt("<i>\n</i>x"), "<i>\n</i>x");
    }

    #[test]
    fn plain_text_leaves_out_markup_and_ruby_text() {
        let cue =
            CueText::parse("<v Anna><b>Guten</b> <ruby>Tag<rt>tɑːk</rt></ruby>!</v>\n<i>Wie geht's?</i>");
        assert_eq!(cue.plain_text(), "Guten Tag!\nWie geht's?");
        assert!(!cue.is_blank());
        assert!(CueText::parse(" <i> </i> <00:00:01.000>").is_blank());
        assert!(CueText::parse("").is_blank());
    }

    #[test]
    fn from_plain_escapes_when_written() {
        assert_eq!(CueText::from_plain("<b>&").to_webvtt(), "&lt;b&gt;&amp;");
    }

    /// Whatever goes in, every `<` written out starts one of our own tags.
    #[test]
    fn no_foreign_tag_survives_random_input() {
        let pieces = [
            "<",
            ">",
            "&",
            ";",
            "/",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            ".",
            "#",
            "x",
            "script",
            "img",
            "onerror",
            "b",
            "i",
            "u",
            "c",
            "v",
            "lang",
            "ruby",
            "rt",
            "font",
            "color",
            "amp",
            "lt",
            "gt",
            "00:01.000",
            "ü",
            "€",
            "\u{A0}",
            "-",
            "--",
        ];
        let mut seed: u64 = 0x5eed;
        for _ in 0..3000 {
            let mut input = String::new();
            seed = lcg(seed);
            for _ in 0..(seed >> 59) + 1 {
                seed = lcg(seed);
                input.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let out = vtt(&input);
            assert!(allowed_markup_only(&out), "{input:?} -> {out:?}");
            assert!(!out.contains("-->"), "{input:?} -> {out:?}");
            assert!(!out.split('\n').any(|l| l.trim().is_empty()) || out.is_empty());
            // Writing is stable: the output reads back to itself.
            assert_eq!(vtt(&out), out, "{input:?}");
        }
    }

    fn lcg(seed: u64) -> u64 {
        seed.wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
    }

    fn allowed_markup_only(out: &str) -> bool {
        out.match_indices('<').all(|(at, _)| {
            let tag = &out[at + 1..];
            let tag = tag.strip_prefix('/').unwrap_or(tag);
            let name_len = tag.find(['.', ' ', '>']).unwrap_or(tag.len());
            let name = &tag[..name_len];
            SpanKind::from_tag(name).is_some() || name.starts_with(|c: char| c.is_ascii_digit())
        })
    }
}
