//! `POST /api/v1/progress/{lesson}`: the player's heartbeats. JSON in, JSON out; the CSRF
//! token travels in the body because `sendBeacon` cannot set headers.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::error::AppError;
use super::session::SESSION_COOKIE;
use crate::app::AppState;
use crate::courses::progress::Report;

#[derive(Deserialize)]
pub struct ProgressBody {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    report: Report,
}

pub async fn report(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<ProgressBody>,
) -> Result<HttpResponse, AppError> {
    let token = req.cookie(SESSION_COOKIE);
    let body = body.into_inner();
    let learner_id = state
        .heartbeat_sessions
        .learner(&state.db, token.as_ref().map(|c| c.value()), &body.csrf)
        .await?;
    // Opening the lesson page checked access and started the row; a report for a lesson
    // without a row is not the learner's (or still locked) and gets 404.
    let recorded = state
        .progress
        .record(learner_id, *id, body.report, Utc::now())
        .await?;
    Ok(HttpResponse::Ok().json(recorded))
}
