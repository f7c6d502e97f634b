//! `GET /media/choices/{choice id}`: the picture of an answer, for the trainer who owns
//! the lesson, admins, and learners who have the lesson open. Anyone else signed in gets
//! 404, whether the choice exists or not.

use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use entities::{choice, question};
use sea_orm::EntityTrait;

use super::error::AppError;
use super::session::Visitor;
use crate::accounts::Role;
use crate::app::AppState;
use crate::courses::{choice_pictures, learning, structure};

pub async fn picture(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.require(Role::Learner)?;
    let found = choice::Entity::find_by_id(*id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let lesson_id = question::Entity::find_by_id(found.question_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .lesson_id;
    let allowed = match visitor.role() {
        Some(Role::Learner) => learning::course_of_lesson(&state.db, user.id, lesson_id)
            .await?
            .is_some_and(|course| course.lesson(lesson_id).is_some_and(|l| l.unlocked)),
        role => {
            let role = role.unwrap_or(Role::Trainer);
            structure::find_managed_lesson(&state.db, user.id, role, lesson_id)
                .await?
                .is_some()
        }
    };
    if !allowed {
        return Err(AppError::NotFound);
    }
    let full = found
        .image_path
        .as_deref()
        .and_then(|relative| choice_pictures::full_path(&state.settings.media_dir, relative))
        .ok_or(AppError::NotFound)?;
    let named = NamedFile::open_async(&full)
        .await
        .map_err(|_| AppError::NotFound)?;
    let mut response = named
        .set_content_type(mime_guess::mime::IMAGE_JPEG)
        .into_response(&req);
    // A choice's picture never changes (a changed question is a new one), but it is
    // personal to the viewer: the browser may keep it, shared caches may not.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(response)
}
