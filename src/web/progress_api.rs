//! `POST /api/v1/progress/{lesson}`: the player's heartbeats. JSON in, JSON out; the CSRF
//! token travels in the body because `sendBeacon` cannot set headers.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::error::AppError;
use super::learner::{learner, open_lesson};
use super::session::Visitor;
use crate::app::AppState;
use crate::courses::progress::{self, Report};

#[derive(Deserialize)]
pub struct ProgressBody {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    report: Report,
}

pub async fn report(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    body: web::Json<ProgressBody>,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    visitor.check_csrf(&body.csrf)?;
    let (_, lesson, video) = open_lesson(&state, user.id, *id).await?;
    let duration = video
        .duration_seconds
        .filter(|d| *d > 0.0)
        .ok_or(AppError::BadRequest("progress-error-not-ready"))?;
    let recorded = progress::record(&state.db, user.id, &lesson, duration, &body.report, Utc::now()).await?;
    Ok(HttpResponse::Ok().json(recorded))
}
