//! The front door and the language switch.

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use entities::user;
use sea_orm::{ActiveModelTrait, Set};
use serde::Deserialize;

use super::error::AppError;
use super::i18n::{Lang, LANG_COOKIE};
use super::render;
use super::session::{local_path, Visitor};
use crate::accounts::Role;
use crate::app::AppState;

/// Where a logged-in person starts.
pub fn home_path(role: Role) -> &'static str {
    match role {
        Role::Learner => "/learn",
        Role::Trainer => "/trainer",
        Role::Admin => "/admin",
    }
}

pub async fn index(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    if let Some(role) = visitor.role() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, home_path(role)))
            .finish());
    }
    let ctx = render::base_context(&req, &visitor);
    render::page(&state, &req, &visitor, "home.html", StatusCode::OK, &ctx)
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Remembers the chosen language in a cookie (and on the account) and goes back. A link
/// on another site may switch this browser's language, but not the account's: browsers
/// say where a request came from in `Sec-Fetch-Site`.
pub async fn switch_language(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    code: web::Path<String>,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::find(&code).ok_or(AppError::NotFound)?;
    let from_elsewhere = req
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|site| site != "same-origin" && site != "none");
    if let Some(user) = visitor.user.filter(|_| !from_elsewhere) {
        let mut active: user::ActiveModel = user.into();
        active.locale = Set(Some(lang.code.to_owned()));
        active.update(&state.db).await?;
    }
    let back = local_path(query.next.as_deref()).unwrap_or_else(|| "/".to_owned());
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .cookie(language_cookie(&req, lang))
        .finish())
}

pub fn language_cookie(req: &HttpRequest, lang: Lang) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, lang.code)
        .path("/")
        .same_site(SameSite::Lax)
        .secure(req.connection_info().scheme() == "https")
        .max_age(time::Duration::days(365))
        .finish()
}
