//! What a paired projector may fetch: the package files of the video on air, and nothing
//! else. `media_files` asks here first; everyone else goes through its usual rules.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use entities::video;
use sea_orm::EntityTrait;

use super::projector::room_of_request;
use crate::app::AppState;
use crate::rooms::playlist;
use crate::web::error::AppError;

pub enum ProjectorAccess {
    /// No projector cookie of a live room: the usual rules decide.
    NotAProjector,
    /// The video the projector's room has on air.
    OnAir(video::Model),
    /// A projector asking for anything else.
    Refused,
}

pub async fn projector_access(
    state: &AppState,
    req: &HttpRequest,
    video_id: i64,
) -> Result<ProjectorAccess, AppError> {
    let Some(room) = room_of_request(state, req) else {
        return Ok(ProjectorAccess::NotAProjector);
    };
    if room.video_on_air() != Some(video_id) {
        return Ok(ProjectorAccess::Refused);
    }
    Ok(match video::Entity::find_by_id(video_id).one(&state.db).await? {
        Some(video) => ProjectorAccess::OnAir(video),
        None => ProjectorAccess::Refused,
    })
}

/// The top-rung playlist for projectors that play HLS natively (see `rooms::playlist`).
pub async fn top_playlist(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let ProjectorAccess::OnAir(video) = projector_access(&state, &req, *id).await? else {
        return Err(AppError::NotFound);
    };
    let package = video.package_dir.ok_or(AppError::NotFound)?;
    let master = tokio::fs::read_to_string(
        state
            .settings
            .media_dir
            .join(package)
            .join(crate::media::hls::MASTER_PLAYLIST),
    )
    .await
    .map_err(|_| AppError::NotFound)?;
    let base = format!("/media/videos/{}/", video.id);
    let text = playlist::top_rung_only(&master, &base).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/vnd.apple.mpegurl"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text))
}
