//! The trainer's desk: their learners and their access codes.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use entities::user;
use qrcode::render::svg;
use qrcode::QrCode;
use serde::Deserialize;

use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::audit::{self, Action};
use crate::accounts::{learners, AccountError, Role};
use crate::app::AppState;

pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    let role = visitor.role().unwrap_or(Role::Trainer);
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("learners", &learners::list_for(&state.db, staff.id, role).await?);
    render::page(&state, &req, &visitor, "trainer/home.html", StatusCode::OK, &ctx)
}

#[derive(Deserialize)]
pub struct NewLearnerForm {
    #[serde(default)]
    nickname: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn create_learner(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<NewLearnerForm>,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    visitor.check_csrf(&form.csrf_token)?;
    let valid_for = Duration::days(state.settings.access_code_days);
    let (learner, code) =
        match learners::create(&state.db, Some(staff.id), Some(&form.nickname), valid_for).await {
            Ok(created) => created,
            Err(AccountError::BadNickname) => return Err(AppError::BadRequest("learner-nickname-too-long")),
            Err(e) => return Err(e.into()),
        };
    audit::record(
        &state.db,
        Some(staff.id),
        Action::LearnerCreated,
        Some(learner.id),
        "",
    )
    .await?;
    show_code(&state, &req, &visitor, &learner, &code, StatusCode::CREATED)
}

/// A fresh code for a learner who lost theirs or changes phones.
pub async fn new_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<super::auth::CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    visitor.check_csrf(&form.csrf_token)?;
    let role = visitor.role().unwrap_or(Role::Trainer);
    let learner = learners::find_managed(&state.db, staff.id, role, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let code = learners::issue_code(
        &state.db,
        learner.id,
        Duration::days(state.settings.access_code_days),
    )
    .await?;
    audit::record(
        &state.db,
        Some(staff.id),
        Action::AccessCodeIssued,
        Some(learner.id),
        "",
    )
    .await?;
    show_code(&state, &req, &visitor, &learner, &code, StatusCode::OK)
}

/// The page with the code and its QR code, to print or show once: only a hash is kept.
fn show_code(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    learner: &user::Model,
    code: &str,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let info = req.connection_info();
    let login_url = format!("{}://{}/code?c={}", info.scheme(), info.host(), code);
    let qr = QrCode::new(login_url.as_bytes())
        .map_err(|e| AppError::Internal(format!("QR code: {e}")))?
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("learner", learner);
    ctx.insert("code", code);
    ctx.insert("login_url", &login_url);
    // Our own SVG from a URL made of the code alphabet: no user text inside.
    ctx.insert("qr_svg", &qr);
    ctx.insert("valid_days", &state.settings.access_code_days);
    render::page(state, req, visitor, "trainer/code.html", status, &ctx)
}
