//! Static files, embedded in the binary and served under names that carry a hash of their
//! content, so browsers may cache them for a year and still see every change.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
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

pub async fn serve(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let asset = state
        .assets
        .by_hashed_name
        .get(path.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, asset.content_type.as_str()))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(asset.bytes.clone()))
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
