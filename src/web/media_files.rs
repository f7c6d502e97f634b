//! Serving a finished package's files (playlists, segments, posters, the offline MP4)
//! to the people allowed to see the video (its trainer, admins, learners who have it in a
//! lesson, a paired room projector while it has the video on air), with range requests
//! for seeking. A learner's master playlist is cut to their data-saver choice
//! (`learner_master_playlist`).

use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};

use super::error::AppError;
use super::room::{self, media::ProjectorAccess};
use super::session::Visitor;
use crate::accounts::Role;
use crate::app::AppState;
use crate::courses::data_saver::{self, DataSaver, LOW_DATA_MAX_HEIGHT};
use crate::courses::learning;
use crate::media::hls::{self, Renditions, MASTER_PLAYLIST};
use crate::media::library;
use entities::video;
use sea_orm::EntityTrait;

pub async fn package_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    path: web::Path<(i64, String)>,
) -> Result<HttpResponse, AppError> {
    let (video_id, file) = path.into_inner();
    // A paired projector gets the video on air (rules in web::room::media).
    let video = match room::media::projector_access(&state, &req, video_id).await? {
        ProjectorAccess::OnAir(video) => video,
        ProjectorAccess::Refused if visitor.user.is_none() => return Err(AppError::NotFound),
        _ => viewer_video(&state, &visitor, video_id).await?,
    };
    let package = video.package_dir.ok_or(AppError::NotFound)?;
    let relative = safe_relative(&file).ok_or(AppError::NotFound)?;
    let full = state.settings.media_dir.join(package).join(relative);
    if let (Some(user), Some(Role::Learner)) = (&visitor.user, visitor.role()) {
        if file == MASTER_PLAYLIST {
            let mode = data_saver::of_learner(&state.db, user.id).await?;
            return learner_master_playlist(&full, mode).await;
        }
    }
    let named = NamedFile::open_async(&full)
        .await
        .map_err(|_| AppError::NotFound)?;
    let content_type = content_type_of(&full);
    let mut response = named
        .set_content_type(
            content_type
                .parse()
                .unwrap_or(mime_guess::mime::APPLICATION_OCTET_STREAM),
        )
        .into_response(&req);
    // Personal to the viewer; a re-transcode replaces the files, so no long caching.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    Ok(response)
}

/// The video, if the logged-in viewer may watch it.
async fn viewer_video(state: &AppState, visitor: &Visitor, video_id: i64) -> Result<video::Model, AppError> {
    let user = visitor.require(Role::Learner)?;
    match visitor.role() {
        Some(Role::Learner) if learning::may_watch(&state.db, user.id, video_id).await? => {
            video::Entity::find_by_id(video_id).one(&state.db).await?
        }
        Some(Role::Learner) => None,
        role => library::find_managed(&state.db, user.id, role.unwrap_or(Role::Trainer), video_id).await?,
    }
    .ok_or(AppError::NotFound)
}

/// The master playlist with only what the learner's data-saver choice allows (see
/// `media::hls::learner_master`). It changes when they choose again, so it is never
/// reused without asking.
async fn learner_master_playlist(path: &Path, mode: DataSaver) -> Result<HttpResponse, AppError> {
    let text = tokio::fs::read_to_string(path)
        .await
        .map_err(|_| AppError::NotFound)?;
    let allowed = match mode {
        DataSaver::Auto => Renditions::AllVideo,
        DataSaver::Low => Renditions::MaxHeight(LOW_DATA_MAX_HEIGHT),
        DataSaver::Audio => Renditions::AudioOnly,
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type_of(path)))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .body(hls::learner_master(&text, allowed)))
}

/// The path below the package, if it names a file there and nothing else.
fn safe_relative(file: &str) -> Option<PathBuf> {
    let path = Path::new(file);
    let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
    let tidy = file
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'));
    let hidden = file.split('/').any(|part| part.starts_with('.'));
    (plain && tidy && !hidden && !file.is_empty()).then(|| path.to_path_buf())
}

fn content_type_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("m3u8") => "application/vnd.apple.mpegurl",
        Some("m4s") => "video/iso.segment",
        Some("mp4") => "video/mp4",
        Some("vtt") => "text/vtt; charset=utf-8",
        Some("jpg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::safe_relative;

    #[test]
    fn only_plain_paths_inside_the_package() {
        assert!(safe_relative("video/720p/seg_00001.m4s").is_some());
        assert!(safe_relative("master.m3u8").is_some());
        assert!(safe_relative("subs/de.vtt").is_some());
        assert!(safe_relative("subs/de-x-simple/seg_00000.vtt").is_some());
        assert!(safe_relative("subs/.stage-de-abc/de.vtt").is_none());
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "",
            ".hidden",
            "video/.tmp/x",
            "a\\b",
            "a%2e",
        ] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }
}
