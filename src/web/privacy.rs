//! Privacy (DSGVO) pages: a learner downloads their own data, a trainer the data of a
//! learner they manage, an admin deletes a learner completely.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use sea_orm::TransactionTrait;
use serde::Deserialize;

use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::audit::{self, Action};
use crate::accounts::{learners, privacy, Role};
use crate::app::AppState;
use crate::courses::scope;

/// The value the "really delete" checkbox sends when ticked.
pub const CONFIRMED: &str = "yes";

/// `GET /learn/my-data.json`: the logged-in learner's own data. The path has no number,
/// so nobody can ask for someone else's.
pub async fn my_data(state: web::Data<AppState>, visitor: Visitor) -> Result<HttpResponse, AppError> {
    let learner = visitor.require(Role::Learner)?;
    let data = privacy::export_learner(&state.db, learner.id, None)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::record(
        &state.db,
        Some(learner.id),
        Action::LearnerDataExported,
        Some(learner.id),
        "",
    )
    .await?;
    download(&data, learner.id)
}

/// `GET /trainer/learners/{id}/data.json`: a learner's data for their trainer (admins: any
/// learner). Learners of other trainers are "not found", not "forbidden".
pub async fn learner_data(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    let role = visitor.role().unwrap_or(Role::Trainer);
    let learner = learners::find_managed(&state.db, staff.id, role, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = scope::of_staff(&state.db, staff.id, role).await?;
    let data = privacy::export_learner(&state.db, learner.id, scope.as_ref())
        .await?
        .ok_or(AppError::NotFound)?;
    audit::record(
        &state.db,
        Some(staff.id),
        Action::LearnerDataExported,
        Some(learner.id),
        "",
    )
    .await?;
    download(&data, learner.id)
}

/// The JSON as a file to save, never kept in a cache along the way.
fn download(data: &serde_json::Value, learner_id: i64) -> Result<HttpResponse, AppError> {
    let body = serde_json::to_vec_pretty(data).map_err(|e| AppError::Internal(format!("export: {e}")))?;
    let filename = format!(
        "lernwerk-data-{learner_id}-{}.json",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

#[derive(Deserialize)]
pub struct ListQuery {
    deleted: Option<i64>,
}

/// `GET /admin/learners`: every learner, each with a download link and a delete form.
pub async fn admin_learners(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    visitor.require(Role::Admin)?;
    learners_page(&state, &req, &visitor, query.deleted, None, StatusCode::OK).await
}

async fn learners_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    deleted: Option<i64>,
    error_key: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let admin = visitor.require(Role::Admin)?;
    let mut ctx = render::base_context(req, visitor);
    let rows: Vec<LearnerRow> = learners::list_for(&state.db, admin.id, Role::Admin)
        .await?
        .into_iter()
        .map(LearnerRow::from)
        .collect();
    ctx.insert("learners", &rows);
    ctx.insert("retention_days", &state.settings.learner_retention_days);
    ctx.insert("confirmed_value", CONFIRMED);
    if let Some(number) = deleted {
        ctx.insert("deleted", &number.to_string());
    }
    if let Some(key) = error_key {
        ctx.insert("error", &visitor.lang.t(key));
    }
    render::page(state, req, visitor, "admin/learners.html", status, &ctx)
}

/// One learner as the admin list shows them.
#[derive(serde::Serialize)]
struct LearnerRow {
    id: i64,
    nickname: Option<String>,
    created: String,
    last_seen: Option<String>,
}

impl From<entities::user::Model> for LearnerRow {
    fn from(u: entities::user::Model) -> Self {
        let day = |at: chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d").to_string();
        LearnerRow {
            id: u.id,
            nickname: u.nickname,
            created: day(u.created_at),
            last_seen: u.last_seen_at.map(day),
        }
    }
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    csrf_token: String,
}

/// `POST /admin/learners/{id}/delete`: deletes the learner and everything about them,
/// once the "really delete" box is ticked. The audit entry holds the former number only.
pub async fn delete_learner(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, AppError> {
    let admin = visitor.require(Role::Admin)?;
    visitor.check_csrf(&form.csrf_token)?;
    if form.confirm != CONFIRMED {
        return learners_page(
            &state,
            &req,
            &visitor,
            None,
            Some("privacy-delete-not-confirmed"),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    let txn = state.db.begin().await?;
    if !privacy::delete_learner(&txn, *id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(&txn, Some(admin.id), Action::LearnerDeleted, Some(*id), "").await?;
    txn.commit().await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/admin/learners?deleted={}", *id)))
        .finish())
}
