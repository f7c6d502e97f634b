//! The learner's start page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::Role;
use crate::app::AppState;

/// Learners only: staff have their own start pages.
pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let user = visitor.require(Role::Learner)?;
    if visitor.role() != Some(Role::Learner) {
        return Err(AppError::Forbidden);
    }
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("nickname", &user.nickname);
    render::page(&state, &req, &visitor, "learner/home.html", StatusCode::OK, &ctx)
}
