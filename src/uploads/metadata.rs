//! `Upload-Metadata`: comma-separated `key base64value` pairs. We read `filename` and
//! `title` and check them as the upload form does; other keys (tus-js-client sends
//! `filetype`) are allowed and ignored, but the header as a whole must be well formed.

use std::collections::HashMap;

use base64::Engine;

use super::UploadError;
use crate::media::library;

/// Longest file name kept, in characters.
pub const MAX_FILENAME_CHARS: usize = 255;
/// Longest header accepted, in bytes: enough for every key we read, base64 included.
const MAX_HEADER_BYTES: usize = 4096;

/// What an upload is called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Described {
    pub filename: String,
    pub title: String,
}

fn bad() -> UploadError {
    UploadError::Bad("uploads-error-metadata")
}

/// The pairs of the header; a value may be empty (a key alone).
pub fn parse(header: &str) -> Result<HashMap<String, Vec<u8>>, UploadError> {
    if header.len() > MAX_HEADER_BYTES {
        return Err(bad());
    }
    let mut pairs = HashMap::new();
    for pair in header.split(',') {
        let pair = pair.trim();
        let (key, value) = pair.split_once(' ').unwrap_or((pair, ""));
        let key_ok = !key.is_empty() && key.bytes().all(|b| b.is_ascii_graphic() && b != b',');
        if !key_ok || value.contains(' ') {
            return Err(bad());
        }
        // Padding is optional in practice: some clients leave it off.
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(value)
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(value))
            .map_err(|_| bad())?;
        if pairs.insert(key.to_owned(), decoded).is_some() {
            return Err(bad());
        }
    }
    Ok(pairs)
}

/// The file name and title from the header: the file name is required, the title
/// comes from it when not given; both are checked as on the form.
pub fn describe(header: Option<&str>) -> Result<Described, UploadError> {
    let header = header.map(str::trim).unwrap_or_default();
    let pairs = if header.is_empty() {
        HashMap::new()
    } else {
        parse(header)?
    };
    let text = |key: &str| -> Result<Option<String>, UploadError> {
        pairs
            .get(key)
            .map(|bytes| String::from_utf8(bytes.clone()).map_err(|_| bad()))
            .transpose()
    };
    let filename = text("filename")?.unwrap_or_default();
    let base = library::file_base_name(&filename).trim().to_owned();
    if base.is_empty() {
        return Err(UploadError::Bad("uploads-error-no-filename"));
    }
    if base.chars().count() > MAX_FILENAME_CHARS || base.chars().any(char::is_control) {
        return Err(UploadError::Bad("uploads-error-filename"));
    }
    let typed = text("title")?.filter(|t| !t.trim().is_empty());
    let title = match typed {
        Some(typed) => library::clean_title(&typed),
        None => library::clean_title(&library::title_from_file_name(&base)),
    }
    .ok_or(UploadError::Bad("upload-bad-title"))?;
    Ok(Described {
        filename: base,
        title,
    })
}

/// The header again, as HEAD returns it: what we kept, in the same form.
pub fn encode(described: &Described) -> String {
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
    format!(
        "filename {},title {}",
        b64(&described.filename),
        b64(&described.title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn reads_filename_and_title() {
        let header = format!(
            "filename {},title {},filetype {}",
            b64("Brief_schreiben.mp4"),
            b64(" Ein Brief "),
            b64("video/mp4")
        );
        let d = describe(Some(&header)).unwrap();
        assert_eq!(d.filename, "Brief_schreiben.mp4");
        assert_eq!(d.title, "Ein Brief");
        let d = describe(Some(&format!(
            "filename {}",
            b64("C:\\Users\\x\\Brief_schreiben.mp4")
        )))
        .unwrap();
        assert_eq!(
            (d.filename.as_str(), d.title.as_str()),
            ("Brief_schreiben.mp4", "Brief schreiben")
        );
        let again = describe(Some(&encode(&d))).unwrap();
        assert_eq!(again, d);
        // Without padding, and a key without value.
        let d = describe(Some(&format!(
            "filename {},is_confidential",
            b64("ab.mp4").trim_end_matches('=')
        )))
        .unwrap();
        assert_eq!(d.filename, "ab.mp4");
    }

    #[test]
    fn refuses_what_the_form_refuses() {
        let key = |h: &str| match describe(Some(h)) {
            Err(UploadError::Bad(key)) => key,
            other => panic!("{h}: {other:?}"),
        };
        assert_eq!(key(""), "uploads-error-no-filename");
        assert_eq!(key(&format!("title {}", b64("x"))), "uploads-error-no-filename");
        assert_eq!(key("filename !!!"), "uploads-error-metadata");
        assert_eq!(
            key(&format!("filename {},filename {}", b64("a"), b64("b"))),
            "uploads-error-metadata"
        );
        assert_eq!(key(&format!("file name {}", b64("a"))), "uploads-error-metadata");
        assert_eq!(
            key(&format!(
                "filename {}",
                base64::engine::general_purpose::STANDARD.encode([0xff, 0xfe])
            )),
            "uploads-error-metadata"
        );
        assert_eq!(
            key(&format!("filename {}", b64("a\nb.mp4"))),
            "uploads-error-filename"
        );
        assert_eq!(
            key(&format!("filename {}", b64(&"x".repeat(300)))),
            "uploads-error-filename"
        );
        assert_eq!(
            key(&format!(
                "filename {},title {}",
                b64("a.mp4"),
                b64(&"T".repeat(121))
            )),
            "upload-bad-title"
        );
        assert_eq!(
            key(&format!(
                "filename {},title {}",
                b64("a.mp4"),
                b64("zwei\nZeilen")
            )),
            "upload-bad-title"
        );
        assert_eq!(key(&"a".repeat(5000)), "uploads-error-metadata");
    }
}
