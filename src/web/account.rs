//! A person's own account: where they are logged in, and logging out everywhere.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

use super::auth::CsrfOnly;
use super::error::AppError;
use super::render;
use super::session::{clear_session_cookie, Visitor};
use crate::accounts::audit::{self, Action};
use crate::accounts::{sessions, Role};
use crate::app::AppState;

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let user = visitor.require(Role::Learner)?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("live_sessions", &sessions::count_live(&state.db, user.id).await?);
    render::page(&state, &req, &visitor, "account.html", StatusCode::OK, &ctx)
}

/// Ends every session of this account, this one included ("I lost my phone").
pub async fn revoke_all(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.require(Role::Learner)?;
    visitor.check_csrf(&form.csrf_token)?;
    let count = sessions::revoke_all(&state.db, user.id).await?;
    audit::record(
        &state.db,
        Some(user.id),
        Action::SessionsRevoked,
        Some(user.id),
        &count.to_string(),
    )
    .await?;
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, "/"));
    clear_session_cookie(&mut response);
    Ok(response.finish())
}
