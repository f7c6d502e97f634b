//! Bytes to text. Subtitle files come from many tools and office PCs:
//! - a byte order mark decides: UTF-8, UTF-16 LE or UTF-16 BE; bytes that do not match
//!   the declared encoding are an error (guessing would lose text);
//! - without one: UTF-8 when the bytes are valid UTF-8, UTF-16 when the file is plainly
//!   ASCII text in UTF-16 (every other byte zero), otherwise a legacy code page:
//!   Windows-1252 by default, or the one usual for the subtitle's language.
//!
//! The text comes back with LF line ends only (CRLF and CR are turned into LF, as the
//! WebVTT parser does), NUL as U+FFFD, and without the byte order mark.

use encoding_rs::Encoding;

use super::error::SubtitleError;

/// Decodes `bytes`, falling back to `legacy` for text that is not UTF-8 or UTF-16.
pub fn decode(bytes: &[u8], legacy: &'static Encoding) -> Result<String, SubtitleError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map_err(|_| SubtitleError::Encoding { encoding: "UTF-8" })?
            .to_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        strict(encoding_rs::UTF_16LE, rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        strict(encoding_rs::UTF_16BE, rest)?
    } else if let Some(utf16) = utf16_without_bom(bytes) {
        // Before UTF-8: ASCII in UTF-16 is valid UTF-8 too, full of NULs.
        strict(utf16, bytes)?
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        legacy.decode_without_bom_handling(bytes).0.into_owned()
    };
    Ok(clean_lines(&text))
}

/// The legacy (pre-Unicode) Windows code page a subtitle file in `language` (a BCP 47
/// tag such as `uk` or `ar-SY`) most likely uses when it is neither UTF-8 nor UTF-16.
pub fn legacy_encoding(language: &str) -> &'static Encoding {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "uk" | "ru" | "be" | "bg" | "mk" => encoding_rs::WINDOWS_1251,
        "ar" | "fa" | "prs" | "ps" | "ur" => encoding_rs::WINDOWS_1256,
        "tr" | "az" | "ku" => encoding_rs::WINDOWS_1254,
        "pl" | "cs" | "sk" | "hu" | "ro" | "hr" | "sl" | "bs" | "sq" => encoding_rs::WINDOWS_1250,
        "el" => encoding_rs::WINDOWS_1253,
        "he" => encoding_rs::WINDOWS_1255,
        "lt" | "lv" | "et" => encoding_rs::WINDOWS_1257,
        "vi" => encoding_rs::WINDOWS_1258,
        _ => encoding_rs::WINDOWS_1252,
    }
}

/// Decodes without replacement characters: malformed input is an error.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, SubtitleError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(SubtitleError::Encoding {
            encoding: encoding.name(),
        })
}

/// UTF-16 without a byte order mark, recognised only where it is unmistakable: the file
/// starts with an ASCII character next to a zero byte, as every SRT and WebVTT file does
/// (a digit, "W" or a line end). Single-byte text never has zero bytes.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    match bytes {
        [a, 0, ..] if *a != 0 && a.is_ascii() => Some(encoding_rs::UTF_16LE),
        [0, b, ..] if *b != 0 && b.is_ascii() => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// LF line ends only, NUL replaced, a byte order mark left by a second encoding removed.
fn clean_lines(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "1\n00:00:01,000 --> 00:00:02,000\nGrüße, Straße – 5 €\n";

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for unit in units {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&pair);
        }
        out
    }

    fn windows_1252(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn latin() -> &'static Encoding {
        encoding_rs::WINDOWS_1252
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(TEXT.as_bytes(), latin()), Ok(TEXT.to_string()));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(decode(&with_bom, latin()), Ok(TEXT.to_string()));
    }

    #[test]
    fn utf16_both_byte_orders_with_bom() {
        assert_eq!(decode(&utf16(TEXT, false, true), latin()), Ok(TEXT.to_string()));
        assert_eq!(decode(&utf16(TEXT, true, true), latin()), Ok(TEXT.to_string()));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        assert_eq!(decode(&utf16(TEXT, false, false), latin()), Ok(TEXT.to_string()));
        assert_eq!(decode(&utf16(TEXT, true, false), latin()), Ok(TEXT.to_string()));
    }

    #[test]
    fn windows_1252_umlauts_and_euro() {
        let bytes = windows_1252(TEXT);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert!(bytes.contains(&0x80), "€ is 0x80 in Windows-1252");
        assert_eq!(decode(&bytes, latin()), Ok(TEXT.to_string()));
    }

    #[test]
    fn legacy_code_page_follows_the_language() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Привіт, світе");
        assert_eq!(
            decode(&bytes, legacy_encoding("uk")),
            Ok("Привіт, світе".to_string())
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("مرحبا");
        assert_eq!(decode(&bytes, legacy_encoding("ar-SY")), Ok("مرحبا".to_string()));
        assert_eq!(legacy_encoding("de"), encoding_rs::WINDOWS_1252);
        assert_eq!(legacy_encoding(""), encoding_rs::WINDOWS_1252);
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        let crlf = TEXT.replace('\n', "\r\n");
        assert_eq!(decode(crlf.as_bytes(), latin()), Ok(TEXT.to_string()));
        let cr = TEXT.replace('\n', "\r");
        assert_eq!(decode(cr.as_bytes(), latin()), Ok(TEXT.to_string()));
        assert_eq!(decode(&utf16(&crlf, true, true), latin()), Ok(TEXT.to_string()));
        assert_eq!(decode(b"a\r\r\nb\n\rc", latin()), Ok("a\n\nb\n\nc".to_string()));
    }

    #[test]
    fn nul_is_replaced() {
        assert_eq!(decode(b"a\0b", latin()), Ok("a\u{FFFD}b".to_string()));
    }

    #[test]
    fn bytes_against_their_bom_are_an_error() {
        let bad_utf8 = [b"\xEF\xBB\xBF".as_slice(), &windows_1252("Grüße")].concat();
        assert_eq!(
            decode(&bad_utf8, latin()),
            Err(SubtitleError::Encoding { encoding: "UTF-8" })
        );
        // Odd length: half a UTF-16 code unit.
        let mut odd = utf16("Hallo", false, true);
        odd.push(b'x');
        assert!(matches!(
            decode(&odd, latin()),
            Err(SubtitleError::Encoding { .. })
        ));
        // A lone high surrogate.
        let lone = [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00];
        assert!(matches!(
            decode(&lone, latin()),
            Err(SubtitleError::Encoding { .. })
        ));
    }
}
