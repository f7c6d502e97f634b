//! The trainer's videos: upload (plain form; the resumable client comes with the upload
//! issue), processing status pushed live, cancel, and the finished package.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use entities::{job, video};
use serde::Serialize;

use super::auth::CsrfOnly;
use super::error::AppError;
use super::render;
use super::session::Visitor;
use super::upload_form::{self, UploadError};
use crate::accounts::Role;
use crate::app::AppState;
use crate::jobs::queue;
use crate::media::library;

/// What the page and the live status stream show of a video.
#[derive(Serialize, PartialEq)]
pub struct VideoStatus {
    pub status: String,
    pub stage: Option<String>,
    /// The stage in the trainer's language, for the live status line.
    pub stage_label: Option<String>,
    pub percent: f64,
    pub error: Option<String>,
    pub cancellable: bool,
}

impl VideoStatus {
    fn of(video: &video::Model, job: Option<&job::Model>, lang: super::i18n::Lang) -> VideoStatus {
        let running = job.filter(|j| j.state == "queued" || j.state == "running");
        let status = match (video.status.as_str(), job.map(|j| j.state.as_str())) {
            (_, Some("cancelled")) if running.is_none() && video.package_dir.is_none() => "cancelled",
            (status, _) => status,
        };
        let stage = running.map(|j| j.stage.clone());
        VideoStatus {
            status: status.to_owned(),
            // A stage we have no words for shows none rather than a key.
            stage_label: stage
                .as_ref()
                .and_then(|s| lang.try_t(&format!("video-stage-{s}"))),
            stage,
            percent: running.map_or(if status == "ready" { 100.0 } else { 0.0 }, |j| {
                j.progress_percent
            }),
            error: video.error_key.as_deref().map(|key| lang.t(key)),
            cancellable: running.is_some_and(|j| !j.cancel_requested),
        }
    }
}

fn staff(visitor: &Visitor) -> Result<(i64, Role), AppError> {
    let user = visitor.require(Role::Trainer)?;
    Ok((user.id, visitor.role().unwrap_or(Role::Trainer)))
}

pub(super) async fn managed(state: &AppState, visitor: &Visitor, id: i64) -> Result<video::Model, AppError> {
    let (staff_id, role) = staff(visitor)?;
    library::find_managed(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    list_page(&state, &req, &visitor, None, StatusCode::OK).await
}

async fn list_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(visitor)?;
    let rows: Vec<_> = library::list_for(&state.db, staff_id, role)
        .await?
        .into_iter()
        .map(|(v, j)| {
            let status = VideoStatus::of(&v, j.as_ref(), visitor.lang);
            serde_json::json!({ "id": v.id, "title": v.title, "state": status })
        })
        .collect();
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("videos", &rows);
    ctx.insert("max_upload_mb", &(state.settings.max_upload_bytes / 1_000_000));
    if let Some(message) = error {
        ctx.insert("error", &message);
    }
    render::page(state, req, visitor, "trainer/videos.html", status, &ctx)
}

/// A plain multipart upload: streamed to disk, then the video and its job in one step.
pub async fn upload(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    payload: actix_multipart::Multipart,
) -> Result<HttpResponse, AppError> {
    let (staff_id, _) = staff(&visitor)?;
    let stored = match upload_form::receive(&state, &visitor, staff_id, payload).await {
        Ok(stored) => stored,
        Err(UploadError::App(e)) => return Err(e),
        Err(problem) => {
            let (key, status) = problem.message_key_and_status();
            let message = visitor.lang.t_args(key, &problem.message_args());
            return list_page(&state, &req, &visitor, Some(message), status).await;
        }
    };
    let created = library::add(
        &state.db,
        staff_id,
        &stored.title,
        &stored.relative_path,
        &state.settings.jobs,
    )
    .await;
    match created {
        Ok(video) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/trainer/videos/{}", video.id)))
            .finish()),
        Err(e) => {
            // Nothing refers to the file: take it away again rather than leave an orphan.
            let _ = tokio::fs::remove_file(state.settings.media_dir.join(&stored.relative_path)).await;
            Err(AppError::Internal(format!("adding video: {e}")))
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let video = managed(&state, &visitor, *id).await?;
    video_page(
        &state,
        &req,
        &visitor,
        &video,
        StatusCode::OK,
        tera::Context::new(),
    )
    .await
}

/// The video page; `extra` adds to the context (e.g. subtitle problems to show).
pub(super) async fn video_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    video: &video::Model,
    status: StatusCode,
    extra: tera::Context,
) -> Result<HttpResponse, AppError> {
    let job = library::latest_job(&state.db, video.id).await?;
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("video", video);
    ctx.insert("state", &VideoStatus::of(video, job.as_ref(), visitor.lang));
    if let Some(dir) = &video.package_dir {
        let manifest = tokio::fs::read(state.settings.media_dir.join(dir).join("manifest.json"))
            .await
            .ok();
        let manifest: Option<serde_json::Value> = manifest.and_then(|m| serde_json::from_slice(&m).ok());
        ctx.insert("manifest", &manifest);
    }
    super::subtitles::add_to_context(state, video, &mut ctx).await?;
    ctx.extend(extra);
    render::page(state, req, visitor, "trainer/video.html", status, &ctx)
}

pub async fn cancel(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let video = managed(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    if let Some(job) = queue::active_job(&state.db, video.id).await? {
        queue::cancel(&state.db, job.id)
            .await
            .map_err(|e| AppError::Internal(format!("cancel: {e}")))?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/trainer/videos/{}", video.id)))
        .finish())
}

/// Server-sent events: the status whenever it changes, until processing is over.
pub async fn events(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let video = managed(&state, &visitor, *id).await?;
    let lang = visitor.lang;
    let db = state.db.clone();
    let video_id = video.id;
    let stream = futures_util::stream::unfold((None::<String>, false), move |(last, done)| {
        let db = db.clone();
        async move {
            if done {
                return None;
            }
            loop {
                let status = match current_status(&db, video_id, lang).await {
                    Ok(status) => status,
                    Err(_) => return None,
                };
                let finished = matches!(status.status.as_str(), "ready" | "failed" | "cancelled");
                let text = serde_json::to_string(&status).unwrap_or_default();
                if last.as_deref() != Some(text.as_str()) {
                    let event = web::Bytes::from(format!("data: {text}\n\n"));
                    return Some((Ok::<_, actix_web::Error>(event), (Some(text), finished)));
                }
                tokio::time::sleep(std::time::Duration::from_millis(700)).await;
            }
        }
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/event-stream"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(stream))
}

async fn current_status(
    db: &sea_orm::DatabaseConnection,
    video_id: i64,
    lang: super::i18n::Lang,
) -> Result<VideoStatus, sea_orm::DbErr> {
    use sea_orm::EntityTrait;
    let video = video::Entity::find_by_id(video_id)
        .one(db)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound("video".into()))?;
    let job = library::latest_job(db, video_id).await?;
    Ok(VideoStatus::of(&video, job.as_ref(), lang))
}
