//! Static files, embedded in the binary and served under names that carry a hash of their
//! content, so browsers may cache them for a year and still see every change. Text files
//! go out gzipped to browsers that accept it, compressed once on first request.

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

use super::error::AppError;
use crate::app::AppState;

#[derive(RustEmbed)]
#[folder = "templates/static/"]
struct StaticFiles;

/// Libraries from the npm registry (`npm ci` in scripts/setup), served from our own origin
/// as `vendor/<package>/…`, so that no page loads anything from elsewhere.
#[derive(RustEmbed)]
#[folder = "node_modules/"]
#[prefix = "vendor/"]
#[include = "hls.js/dist/hls.min.js"]
#[include = "tus-js-client/dist/tus.min.js"]
#[allow_missing = true]
struct VendorFiles;

struct Asset {
    bytes: Vec<u8>,
    content_type: String,
    /// Gzipped bytes, for text types; `None` inside once it turned out no smaller.
    gzipped: OnceLock<Option<Vec<u8>>>,
}

impl Asset {
    fn compressible(&self) -> bool {
        let t = self.content_type.as_str();
        t.starts_with("text/") || t.contains("javascript") || t.contains("json") || t.starts_with("image/svg")
    }

    fn gzipped(&self) -> Option<&[u8]> {
        if !self.compressible() {
            return None;
        }
        self.gzipped
            .get_or_init(|| {
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                encoder.write_all(&self.bytes).ok()?;
                let gz = encoder.finish().ok()?;
                (gz.len() < self.bytes.len()).then_some(gz)
            })
            .as_deref()
    }
}

/// Whether `Accept-Encoding` allows gzip (and does not refuse it with `q=0`).
fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|entry| {
                let mut parts = entry.split(';');
                let coding = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
                (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
            })
        })
}

/// Every static file, by its hashed URL name, plus the map from plain name to URL.
pub struct Assets {
    by_hashed_name: HashMap<String, Asset>,
    urls: HashMap<String, String>,
}

impl Assets {
    pub fn load() -> Assets {
        let mut by_hashed_name = HashMap::new();
        let mut urls = HashMap::new();
        let files = StaticFiles::iter()
            .filter_map(|name| Some((StaticFiles::get(&name)?, name)))
            .chain(VendorFiles::iter().filter_map(|name| Some((VendorFiles::get(&name)?, name))));
        for (file, name) in files {
            let digest = hex::encode(Sha256::digest(&file.data));
            let hashed = hashed_name(&name, &digest[..10]);
            urls.insert(name.to_string(), format!("/static/{hashed}"));
            let content_type = mime_guess::from_path(name.as_ref())
                .first_or_octet_stream()
                .essence_str()
                .to_owned();
            let content_type = if content_type.starts_with("text/") || content_type.ends_with("javascript") {
                format!("{content_type}; charset=utf-8")
            } else {
                content_type
            };
            by_hashed_name.insert(
                hashed,
                Asset {
                    bytes: file.data.into_owned(),
                    content_type,
                    gzipped: OnceLock::new(),
                },
            );
        }
        Assets { by_hashed_name, urls }
    }

    /// The URL of a static file, e.g. `app.css` → `/static/app.1a2b3c4d5e.css`.
    pub fn url(&self, name: &str) -> Option<&str> {
        self.urls.get(name).map(String::as_str)
    }
}

/// `dir/name.ext` → `dir/name.HASH.ext`
fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => format!("{stem}.{hash}.{ext}"),
        _ => format!("{name}.{hash}"),
    }
}

pub async fn serve(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let asset = state
        .assets
        .by_hashed_name
        .get(path.as_str())
        .ok_or(AppError::NotFound)?;
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CONTENT_TYPE, asset.content_type.as_str()))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"));
    if asset.compressible() {
        response.insert_header((header::VARY, "Accept-Encoding"));
    }
    match asset.gzipped().filter(|_| accepts_gzip(&req)) {
        Some(gz) => Ok(response
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(gz.to_vec())),
        None => Ok(response.body(asset.bytes.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_goes_before_the_extension() {
        assert_eq!(hashed_name("app.css", "abc"), "app.abc.css");
        assert_eq!(hashed_name("icons/play.svg", "abc"), "icons/play.abc.svg");
        assert_eq!(hashed_name("LICENSE", "abc"), "LICENSE.abc");
    }

    #[test]
    fn every_static_file_gets_a_url() {
        let assets = Assets::load();
        let url = assets.url("app.css").unwrap();
        assert!(url.starts_with("/static/app.") && url.ends_with(".css"));
    }

    #[test]
    fn gzip_only_when_accepted() {
        let req = |value: &str| {
            actix_web::test::TestRequest::default()
                .insert_header((header::ACCEPT_ENCODING, value))
                .to_http_request()
        };
        assert!(accepts_gzip(&req("gzip, deflate, br")));
        assert!(accepts_gzip(&req("br;q=1.0, GZIP;q=0.5")));
        assert!(!accepts_gzip(&req("gzip;q=0, br")));
        assert!(!accepts_gzip(&req("identity")));
        assert!(!accepts_gzip(
            &actix_web::test::TestRequest::default().to_http_request()
        ));
    }

    #[test]
    fn text_files_are_gzipped_once_and_smaller() {
        let assets = Assets::load();
        let url = assets.url("app.css").unwrap();
        let asset = &assets.by_hashed_name[url.trim_start_matches("/static/")];
        let gz = asset.gzipped().unwrap();
        assert!(gz.len() < asset.bytes.len());
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gz), &mut back).unwrap();
        assert_eq!(back, asset.bytes);
        let icon = assets.url("icons.svg").unwrap();
        assert!(assets.by_hashed_name[icon.trim_start_matches("/static/")].compressible());
    }

    /// Fails when `npm ci` has not run before the build: the pages would lack their players.
    #[test]
    fn npm_libraries_are_embedded() {
        let assets = Assets::load();
        for name in [
            "vendor/hls.js/dist/hls.min.js",
            "vendor/tus-js-client/dist/tus.min.js",
        ] {
            let url = assets
                .url(name)
                .unwrap_or_else(|| panic!("{name} missing: run npm ci"));
            assert!(
                assets.by_hashed_name[url.trim_start_matches("/static/")]
                    .bytes
                    .len()
                    > 10_000
            );
        }
    }
}
