//! Liveness and readiness for operators and load balancers.

use actix_web::{web, HttpResponse};

use crate::app::AppState;
use crate::db;

/// The process answers.
pub async fn liveness() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The database answers and its schema is current.
pub async fn readiness(state: web::Data<AppState>) -> HttpResponse {
    if db::is_ready(&state.db).await {
        HttpResponse::Ok().json(serde_json::json!({ "status": "ready" }))
    } else {
        HttpResponse::ServiceUnavailable().json(serde_json::json!({ "status": "not ready" }))
    }
}
