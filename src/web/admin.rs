//! Administration: staff accounts, revoking sessions, the audit log.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use entities::user;
use sea_orm::EntityTrait;
use serde::Deserialize;

use super::auth::CsrfOnly;
use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::audit::{self, Action};
use crate::accounts::{sessions, staff, AccountError, Role};
use crate::app::AppState;

pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    visitor.require(Role::Admin)?;
    admin_page(&state, &req, &visitor, None, StatusCode::OK).await
}

async fn admin_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    error_key: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("staff", &staff::list(&state.db).await?);
    if let Some(key) = error_key {
        ctx.insert("error", &visitor.lang.t(key));
    }
    render::page(state, req, visitor, "admin/home.html", status, &ctx)
}

#[derive(Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn create_user(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<NewUserForm>,
) -> Result<HttpResponse, AppError> {
    let admin = visitor.require(Role::Admin)?;
    visitor.check_csrf(&form.csrf_token)?;
    let role = match form.role.as_str() {
        "trainer" => Role::Trainer,
        "admin" => Role::Admin,
        _ => {
            return admin_page(
                &state,
                &req,
                &visitor,
                Some("admin-role-invalid"),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    };
    let problem = match staff::create(&state.db, role, &form.username, &form.password, Some(admin.id)).await {
        Ok(created) => {
            audit::record(
                &state.db,
                Some(admin.id),
                Action::UserCreated,
                Some(created.id),
                role.as_str(),
            )
            .await?;
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/admin"))
                .finish());
        }
        Err(AccountError::BadUsername) => "admin-username-invalid",
        Err(AccountError::WeakPassword) => "admin-password-weak",
        Err(AccountError::UsernameTaken) => "admin-username-taken",
        Err(e) => return Err(e.into()),
    };
    admin_page(&state, &req, &visitor, Some(problem), StatusCode::BAD_REQUEST).await
}

pub async fn revoke_sessions(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let admin = visitor.require(Role::Admin)?;
    visitor.check_csrf(&form.csrf_token)?;
    let target = user::Entity::find_by_id(*id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let count = sessions::revoke_all(&state.db, target.id).await?;
    audit::record(
        &state.db,
        Some(admin.id),
        Action::SessionsRevoked,
        Some(target.id),
        &count.to_string(),
    )
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/admin"))
        .finish())
}

pub async fn audit(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    visitor.require(Role::Admin)?;
    let mut ctx = render::base_context(&req, &visitor);
    let rows: Vec<AuditRow> = audit::recent(&state.db, 200)
        .await?
        .into_iter()
        .map(|e| AuditRow::of(e, visitor.lang))
        .collect();
    ctx.insert("entries", &rows);
    render::page(&state, &req, &visitor, "admin/audit.html", StatusCode::OK, &ctx)
}

/// One audit entry as the page shows it.
#[derive(serde::Serialize)]
struct AuditRow {
    at: String,
    /// What happened, in the admin's words; `action` is the stored name.
    event: String,
    action: String,
    actor: String,
    subject: String,
}

impl AuditRow {
    fn of(e: entities::audit_log::Model, lang: super::i18n::Lang) -> Self {
        let id_or_dash = |id: Option<i64>| id.map_or_else(|| "–".to_owned(), |id| format!("#{id}"));
        let key = format!("audit-event-{}", e.action.replace(['.', '_'], "-"));
        AuditRow {
            at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            event: lang.try_t(&key).unwrap_or_else(|| e.action.clone()),
            action: e.action,
            actor: id_or_dash(e.actor_id),
            subject: id_or_dash(e.subject_id),
        }
    }
}
