//! The tus 1.0.0 server at `/api/v1/uploads`: core protocol plus creation,
//! creation-with-upload, termination, checksum (sha1, sha256) and expiration. Handlers
//! read the headers, check who asks, call `uploads::service` and answer with the
//! protocol's headers and status codes; refusals carry a JSON body with a sentence in
//! the person's language.
//!
//! Who may: staff members logged in with the session cookie, each only their own
//! uploads (anyone else gets 404). Because a cookie authenticates, every request that
//! changes something (POST, PATCH, DELETE) must also carry the page's CSRF token in the
//! `X-CSRF-Token` header (tus-js-client sends it as a custom header); another site can
//! make a browser send the cookie, but not read the token.

use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, HttpResponseBuilder};

use super::i18n::Lang;
use super::session::Visitor;
use crate::accounts::Role;
use crate::app::AppState;
use crate::uploads::checksum::{self, Expected};
use crate::uploads::complete::video_page;
use crate::uploads::metadata;
use crate::uploads::service::{Refusal, Status, Uploads};
use crate::uploads::UploadError;

pub const TUS_VERSION: &str = "1.0.0";
pub const EXTENSIONS: &str = "creation,creation-with-upload,termination,checksum,expiration";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Response header with the new video's page, once the upload is complete.
pub const VIDEO_HEADER: &str = "lernwerk-video";
const OFFSET_OCTET_STREAM: &str = "application/offset+octet-stream";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/api/v1/uploads")
            .route(web::method(Method::OPTIONS).to(options))
            .route(web::post().to(create)),
    )
    .service(
        web::resource("/api/v1/uploads/{token}")
            .route(web::method(Method::OPTIONS).to(options))
            .route(web::head().to(head))
            .route(web::patch().to(patch))
            .route(web::delete().to(terminate)),
    );
}

/// A response with the headers every tus answer carries.
fn tus(status: StatusCode) -> HttpResponseBuilder {
    let mut builder = HttpResponse::build(status);
    builder
        .insert_header(("Tus-Resumable", TUS_VERSION))
        .insert_header((header::CACHE_CONTROL, "no-store"));
    builder
}

/// A refusal: the status, and the reason as the JSON error body of our API.
fn refuse(status: StatusCode, key: &str, args: &[(&'static str, String)], lang: Lang) -> HttpResponse {
    let message = lang.t_args(key, args);
    tus(status).json(serde_json::json!({
        "error": { "status": status.as_u16(), "code": key, "message": message }
    }))
}

fn status_of(error: &UploadError) -> StatusCode {
    match error {
        UploadError::NotFound => StatusCode::NOT_FOUND,
        UploadError::Gone => StatusCode::GONE,
        UploadError::Locked => StatusCode::LOCKED,
        UploadError::OffsetMismatch { .. } => StatusCode::CONFLICT,
        UploadError::ChecksumMismatch => StatusCode::from_u16(460).unwrap_or(StatusCode::BAD_REQUEST),
        UploadError::Bad(_) | UploadError::BeyondLength | UploadError::BodyEnded => StatusCode::BAD_REQUEST,
        UploadError::TooLarge { .. } | UploadError::Quota { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        UploadError::DiskFull => StatusCode::INSUFFICIENT_STORAGE,
        UploadError::Idle => StatusCode::REQUEST_TIMEOUT,
        UploadError::Io(_) | UploadError::Db(_) | UploadError::Queue(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn refuse_error(error: &UploadError, offset: Option<u64>, lang: Lang) -> HttpResponse {
    let status = status_of(error);
    if status.is_server_error() && status != StatusCode::INSUFFICIENT_STORAGE {
        tracing::error!(%error, "upload request failed");
    }
    let mut response = refuse(status, error.message_key(), &error.message_args(), lang);
    if let Some(offset) = offset {
        set(response.headers_mut(), "Upload-Offset", &offset.to_string());
    }
    if matches!(error, UploadError::Locked) {
        set(response.headers_mut(), "Retry-After", "1");
    }
    response
}

fn set(headers: &mut HeaderMap, name: &'static str, value: &str) {
    if let (Ok(name), Ok(value)) = (header::HeaderName::try_from(name), HeaderValue::from_str(value)) {
        headers.insert(name, value);
    }
}

fn text<'a>(req: &'a HttpRequest, name: &str) -> Option<&'a str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// A non-negative integer header; `Err` when present but not one.
fn number(req: &HttpRequest, name: &str) -> Result<Option<u64>, ()> {
    match text(req, name) {
        None if req.headers().contains_key(name) => Err(()),
        None => Ok(None),
        Some(v) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => {
            v.parse().map(Some).map_err(|_| ())
        }
        Some(_) => Err(()),
    }
}

/// A request turned away before it reaches the uploads: its status and message key.
struct Turned(StatusCode, &'static str);

impl Turned {
    fn respond(self, lang: Lang) -> HttpResponse {
        let mut response = refuse(self.0, self.1, &[], lang);
        if self.0 == StatusCode::PRECONDITION_FAILED {
            set(response.headers_mut(), "Tus-Version", TUS_VERSION);
        }
        response
    }
}

/// The checks every request but OPTIONS passes first, in the spec's order: the protocol
/// version, then who asks (and, for changes, the CSRF token).
fn admit(req: &HttpRequest, visitor: &Visitor, changes: bool) -> Result<i64, Turned> {
    if text(req, "Tus-Resumable") != Some(TUS_VERSION) {
        return Err(Turned(StatusCode::PRECONDITION_FAILED, "uploads-error-version"));
    }
    let Some(user) = &visitor.user else {
        return Err(Turned(StatusCode::UNAUTHORIZED, "error-login-required"));
    };
    if visitor.role().is_none_or(|r| r < Role::Trainer) {
        return Err(Turned(StatusCode::FORBIDDEN, "error-forbidden"));
    }
    if changes
        && visitor
            .check_csrf(text(req, CSRF_HEADER).unwrap_or_default())
            .is_err()
    {
        return Err(Turned(StatusCode::FORBIDDEN, "error-csrf"));
    }
    Ok(user.id)
}

/// Compressed bodies are refused: the offset counts the bytes of the file, and a
/// decompressor would turn a small body into an unbounded one.
fn refuse_encoded(req: &HttpRequest) -> Result<(), Turned> {
    let plain = req.headers().get(header::CONTENT_ENCODING).is_none_or(|v| {
        v.to_str()
            .is_ok_and(|v| v.trim().is_empty() || v.trim().eq_ignore_ascii_case("identity"))
    });
    if plain {
        Ok(())
    } else {
        Err(Turned(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "uploads-error-encoding",
        ))
    }
}

fn is_offset_stream(req: &HttpRequest) -> bool {
    text(req, "Content-Type")
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(OFFSET_OCTET_STREAM))
}

fn checksum_of(req: &HttpRequest) -> Result<Option<Expected>, UploadError> {
    match req.headers().get("Upload-Checksum") {
        None => Ok(None),
        Some(value) => {
            let value = value
                .to_str()
                .map_err(|_| UploadError::Bad("uploads-error-checksum-header"))?;
            Expected::parse(value).map(Some)
        }
    }
}

/// Upload-Expires in the HTTP date format.
fn http_date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// The headers that tell where an upload stands.
fn describe(response: &mut HttpResponse, status: &Status) {
    let headers = response.headers_mut();
    set(headers, "Upload-Offset", &status.offset.to_string());
    if let Some(at) = status.expires_at {
        set(headers, "Upload-Expires", &http_date(at));
    }
    if let Some(video_id) = status.video_id {
        set(headers, VIDEO_HEADER, &video_page(video_id));
    }
}

fn uploads(state: &AppState) -> Uploads<'_> {
    Uploads {
        db: &state.db,
        settings: &state.settings,
    }
}

/// `OPTIONS`: what this server supports. No login needed; it says nothing about anyone.
pub async fn options(state: web::Data<AppState>) -> HttpResponse {
    let mut response = HttpResponse::NoContent().finish();
    let headers = response.headers_mut();
    set(headers, "Tus-Version", TUS_VERSION);
    set(headers, "Tus-Extension", EXTENSIONS);
    set(headers, "Tus-Checksum-Algorithm", checksum::ALGORITHMS);
    set(
        headers,
        "Tus-Max-Size",
        &state.settings.max_upload_bytes.to_string(),
    );
    response
}

/// `POST /api/v1/uploads`: creation, with the first chunk in the body if there is one.
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    body: web::Payload,
) -> HttpResponse {
    let lang = visitor.lang;
    let owner_id = match admit(&req, &visitor, true).and_then(|id| refuse_encoded(&req).map(|()| id)) {
        Ok(id) => id,
        Err(turned) => return turned.respond(lang),
    };
    if req.headers().contains_key("Upload-Defer-Length") {
        return refuse(StatusCode::BAD_REQUEST, "uploads-error-defer-length", &[], lang);
    }
    let length = match number(&req, "Upload-Length") {
        Ok(Some(length)) => length,
        _ => return refuse(StatusCode::BAD_REQUEST, "uploads-error-length", &[], lang),
    };
    let announced = match number(&req, "Content-Length") {
        Ok(n) => n,
        Err(()) => return refuse(StatusCode::BAD_REQUEST, "error-bad-request", &[], lang),
    };
    let has_body = announced.is_some_and(|n| n > 0) || req.headers().contains_key(header::TRANSFER_ENCODING);
    if has_body && !is_offset_stream(&req) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "uploads-error-content-type",
            &[],
            lang,
        );
    }
    let checksum = match checksum_of(&req) {
        Ok(c) => c,
        Err(e) => return refuse_error(&e, None, lang),
    };
    let described = match metadata::describe(text(&req, "Upload-Metadata")) {
        Ok(d) => d,
        Err(e) => return refuse_error(&e, None, lang),
    };
    let uploads = uploads(&state);
    let created = match uploads.create(owner_id, length, &described).await {
        Ok(created) => created,
        Err(e) => return refuse_error(&e, None, lang),
    };
    let location = format!(
        "{}://{}/api/v1/uploads/{}",
        req.connection_info().scheme(),
        req.connection_info().host(),
        created.token
    );
    let status = if has_body {
        match uploads
            .append(owner_id, &created.token, 0, announced, checksum, body)
            .await
        {
            Ok(status) => status,
            Err(Refusal { error, offset }) => {
                // The upload exists all the same: the client may resume it.
                let mut response = refuse_error(&error, offset, lang);
                set(response.headers_mut(), "Location", &location);
                return response;
            }
        }
    } else {
        created
    };
    let mut response = tus(StatusCode::CREATED)
        .insert_header((header::LOCATION, location))
        .finish();
    describe(&mut response, &status);
    response
}

/// `HEAD /api/v1/uploads/{token}`: the offset to resume from.
pub async fn head(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    token: web::Path<String>,
) -> HttpResponse {
    let owner_id = match admit(&req, &visitor, false) {
        Ok(id) => id,
        Err(turned) => return without_body(turned.respond(visitor.lang)),
    };
    match uploads(&state).status(owner_id, &token).await {
        Ok(status) => {
            let mut response = tus(StatusCode::OK).finish();
            describe(&mut response, &status);
            let headers = response.headers_mut();
            set(headers, "Upload-Length", &status.length.to_string());
            set(headers, "Upload-Metadata", &metadata::encode(&status.described));
            response
        }
        Err(e) => without_body(refuse_error(&e, None, visitor.lang)),
    }
}

/// A HEAD answer has no body, whatever the status.
fn without_body(response: HttpResponse) -> HttpResponse {
    let (head, _) = response.into_parts();
    let mut bare = HttpResponse::build(head.status()).finish();
    for (name, value) in head.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            bare.headers_mut().insert(name.clone(), value.clone());
        }
    }
    bare
}

/// `PATCH /api/v1/uploads/{token}`: the next chunk.
pub async fn patch(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    token: web::Path<String>,
    body: web::Payload,
) -> HttpResponse {
    let lang = visitor.lang;
    let owner_id = match admit(&req, &visitor, true) {
        Ok(id) => id,
        Err(turned) => return turned.respond(lang),
    };
    if !is_offset_stream(&req) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "uploads-error-content-type",
            &[],
            lang,
        );
    }
    if let Err(turned) = refuse_encoded(&req) {
        return turned.respond(lang);
    }
    let sent_offset = match number(&req, "Upload-Offset") {
        Ok(Some(offset)) => offset,
        _ => return refuse(StatusCode::BAD_REQUEST, "uploads-error-offset-header", &[], lang),
    };
    let announced = match number(&req, "Content-Length") {
        Ok(n) => n,
        Err(()) => return refuse(StatusCode::BAD_REQUEST, "error-bad-request", &[], lang),
    };
    let checksum = match checksum_of(&req) {
        Ok(c) => c,
        Err(e) => return refuse_error(&e, None, lang),
    };
    match uploads(&state)
        .append(owner_id, &token, sent_offset, announced, checksum, body)
        .await
    {
        Ok(status) => {
            let mut response = tus(StatusCode::NO_CONTENT).finish();
            describe(&mut response, &status);
            response
        }
        Err(Refusal { error, offset }) => refuse_error(&error, offset, lang),
    }
}

/// `DELETE /api/v1/uploads/{token}`: termination.
pub async fn terminate(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    token: web::Path<String>,
) -> HttpResponse {
    let owner_id = match admit(&req, &visitor, true) {
        Ok(id) => id,
        Err(turned) => return turned.respond(visitor.lang),
    };
    match uploads(&state).terminate(owner_id, &token).await {
        Ok(()) => tus(StatusCode::NO_CONTENT).finish(),
        Err(e) => refuse_error(&e, None, visitor.lang),
    }
}
