//! The trainer's desk: their learners and their access codes (printed by code_sheets).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use serde::Deserialize;

use super::code_sheets;
use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::audit::{self, Action};
use crate::accounts::{learners, AccountError, Role};
use crate::app::AppState;
use crate::courses::groups;

pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    home_page(&state, &req, &visitor, None, StatusCode::OK).await
}

/// The desk again, with the learner forms' problem said above them.
pub async fn home_with_error(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    message_key: &str,
) -> Result<HttpResponse, AppError> {
    let message = visitor.lang.t(message_key);
    home_page(state, req, visitor, Some(message), StatusCode::BAD_REQUEST).await
}

async fn home_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    let role = visitor.role().unwrap_or(Role::Trainer);
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("learners", &learners::list_for(&state.db, staff.id, role).await?);
    ctx.insert("groups", &groups::list_managed(&state.db, staff.id, role).await?);
    ctx.insert("max_sheet", &learners::MAX_SHEET_LEARNERS);
    ctx.insert("error", &error);
    render::page(state, req, visitor, "trainer/home.html", status, &ctx)
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
            Err(AccountError::BadNickname) => {
                return home_with_error(&state, &req, &visitor, "learner-nickname-too-long").await
            }
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
    let cards = [(learner, code)];
    code_sheets::render_sheet(&state, &req, &visitor, &cards, visitor.lang, StatusCode::CREATED)
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
    let cards = [(learner, code)];
    code_sheets::render_sheet(&state, &req, &visitor, &cards, visitor.lang, StatusCode::OK)
}
