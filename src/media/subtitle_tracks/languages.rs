//! The subtitle languages a trainer can choose, each named in itself.
//!
//! Decision: plain German ("Einfache Sprache") has no language tag of its own; it is
//! `de-x-simple`, a BCP 47 private-use tag, so players and `<track srclang>` still see
//! German while our pages and playlists keep it apart from `de`.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SubtitleLanguage {
    /// BCP 47 tag, also the file name (`subs/<code>.vtt`).
    pub code: &'static str,
    /// The language's name in itself.
    pub label: &'static str,
    pub rtl: bool,
}

const fn lang(code: &'static str, label: &'static str, rtl: bool) -> SubtitleLanguage {
    SubtitleLanguage { code, label, rtl }
}

/// In the order pages and playlists list them.
pub const SUBTITLE_LANGUAGES: [SubtitleLanguage; 8] = [
    lang("de", "Deutsch", false),
    lang("de-x-simple", "Einfache Sprache", false),
    lang("en", "English", false),
    lang("ar", "العربية", true),
    lang("uk", "Українська", false),
    lang("tr", "Türkçe", false),
    lang("fa", "دری", true),
    lang("ru", "Русский", false),
];

/// The language with exactly this code.
pub fn find(code: &str) -> Option<SubtitleLanguage> {
    SUBTITLE_LANGUAGES.iter().copied().find(|l| l.code == code)
}

/// Position in [`SUBTITLE_LANGUAGES`], for sorting; unknown codes last.
pub fn rank(code: &str) -> usize {
    SUBTITLE_LANGUAGES
        .iter()
        .position(|l| l.code == code)
        .unwrap_or(SUBTITLE_LANGUAGES.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_safe_file_names_and_unique() {
        for (i, l) in SUBTITLE_LANGUAGES.iter().enumerate() {
            assert!(
                l.code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                l.code
            );
            assert!(l.code.len() <= 16);
            assert_eq!(rank(l.code), i);
        }
        assert_eq!(find("de-x-simple").map(|l| l.label), Some("Einfache Sprache"));
        assert_eq!(find("DE"), None);
        assert_eq!(find("../de"), None);
    }
}
