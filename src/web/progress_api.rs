//! `POST /api/v1/progress/{lesson}`: the player's heartbeats. JSON in, JSON out; the CSRF
//! token travels in the body because `sendBeacon` cannot set headers.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::error::AppError;
use super::learner::learner;
use super::session::Visitor;
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
    visitor: Visitor,
    id: web::Path<i64>,
    body: web::Json<ProgressBody>,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    visitor.check_csrf(&body.csrf)?;
    // Opening the lesson page checked access and started the row; a report for a lesson
    // without a row is not the learner's (or still locked) and gets 404.
    let body = body.into_inner();
    let recorded = state
        .progress
        .record(user.id, *id, body.report, Utc::now())
        .await?;
    Ok(HttpResponse::Ok().json(recorded))
}
