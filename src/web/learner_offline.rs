//! "Für offline speichern": the service worker that plays saved lessons without a
//! connection, the page listing what is saved, the web app manifest, and the API that
//! takes progress made offline once the phone is back online.
//!
//! The service worker is served from `/learn/sw.js` and registered with the scope `/learn`
//! (the start page `/learn` is not below the script's own directory `/learn/`, hence the
//! `Service-Worker-Allowed` header). It only ever serves what the page itself stored
//! (see `templates/static/learner-offline.js`); it has no list of its own.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::error::AppError;
use super::learner::learner;
use super::render;
use super::session::{Visitor, SESSION_COOKIE};
use crate::app::AppState;
use crate::courses::offline_progress::{self, OfflineBatch};

const SERVICE_WORKER: &str = include_str!("../../templates/learner/sw.js");
pub const SERVICE_WORKER_SCOPE: &str = "/learn";

/// `GET /learn/offline`: the saved lessons. The list itself is in the phone (Cache
/// Storage), so the page's script fills it in.
pub async fn page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("learner_id", &user.id);
    render::page(
        &state,
        &req,
        &visitor,
        "learner/offline.html",
        StatusCode::OK,
        &ctx,
    )
}

/// `GET /learn/sw.js`. The same for everyone (it holds nothing personal), never cached
/// without asking, so a new version reaches phones on their next visit.
pub async fn service_worker(req: HttpRequest) -> HttpResponse {
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(SERVICE_WORKER))[..16]);
    let unchanged = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::ETAG, etag))
        .insert_header(("Service-Worker-Allowed", SERVICE_WORKER_SCOPE));
    if unchanged {
        response.finish()
    } else {
        response.body(SERVICE_WORKER)
    }
}

/// `GET /learn/manifest.webmanifest`: lets a learner put Lernwerk on the home screen.
pub async fn web_manifest(state: web::Data<AppState>) -> HttpResponse {
    let icon = state.assets.url("icon.svg").unwrap_or("/favicon.ico");
    let manifest = serde_json::json!({
        "name": "Lernwerk",
        "short_name": "Lernwerk",
        "start_url": "/learn",
        "scope": SERVICE_WORKER_SCOPE,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5cad",
        "icons": [{ "src": icon, "sizes": "any", "type": "image/svg+xml" }],
    });
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/manifest+json"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(manifest.to_string())
}

#[derive(Deserialize)]
pub struct OfflineBody {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    batch: OfflineBatch,
}

/// `POST /api/v1/progress/{lesson}/offline`: reports queued while offline, each with the
/// wall-clock stretch it was played in (see `courses::offline_progress`). Answers each
/// report's outcome and where the learner stands now.
pub async fn progress(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<OfflineBody>,
) -> Result<HttpResponse, AppError> {
    let token = req.cookie(SESSION_COOKIE);
    let body = body.into_inner();
    let learner_id = state
        .heartbeat_sessions
        .learner(&state.db, token.as_ref().map(|c| c.value()), &body.csrf)
        .await?;
    let (recorded, outcomes) =
        offline_progress::record_offline(&state.db, learner_id, *id, &body.batch, Utc::now()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "coverage": recorded.coverage,
        "video_complete": recorded.video_complete,
        "lesson_complete": recorded.lesson_complete,
        "outcomes": outcomes,
    })))
}
