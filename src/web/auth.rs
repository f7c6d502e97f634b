//! Logging in and out: staff with name and password, learners with an access code.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use entities::user;
use serde::Deserialize;

use super::error::AppError;
use super::home::{home_path, language_cookie};
use super::i18n::Lang;
use super::render;
use super::session::{clear_session_cookie, client_address, local_path, set_session_cookie, Visitor};
use crate::accounts::audit::{self, Action};
use crate::accounts::learners::{self, CodeRejection};
use crate::accounts::rate_limit::LoginLimiter;
use crate::accounts::{sessions, staff, Role};
use crate::app::AppState;

#[derive(Deserialize)]
pub struct StaffQuery {
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct StaffLoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn staff_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    query: web::Query<StaffQuery>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("next", &local_path(query.next.as_deref()).unwrap_or_default());
    render::page(&state, &req, &visitor, "auth/login.html", StatusCode::OK, &ctx)
}

pub async fn staff_login(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<StaffLoginForm>,
) -> Result<HttpResponse, AppError> {
    visitor.check_csrf(&form.csrf_token)?;
    let show_again = |message_key: &str, status: StatusCode| {
        let mut ctx = render::base_context(&req, &visitor);
        ctx.insert("next", &local_path(Some(&form.next)).unwrap_or_default());
        ctx.insert("username", &form.username);
        ctx.insert("error", &visitor.lang.t(message_key));
        render::page(&state, &req, &visitor, "auth/login.html", status, &ctx)
    };
    if form.username.trim().is_empty() || form.password.is_empty() {
        return show_again("login-missing-fields", StatusCode::BAD_REQUEST);
    }
    let address = client_address(&req).to_string();
    let account_key = format!("{}@{address}", form.username.trim().to_lowercase());
    let limits = &state.limits;
    check_rate_limit(&[
        (&limits.per_account, &account_key),
        (&limits.per_address, &address),
    ])?;

    let Some(user) = staff::authenticate(&state.db, &form.username, &form.password).await? else {
        limits.per_account.record_failure(&account_key);
        limits.per_address.record_failure(&address);
        let known = staff::find_by_username(&state.db, &form.username).await?;
        audit::record(&state.db, None, Action::LoginFailed, known.map(|u| u.id), "").await?;
        return show_again("login-failed", StatusCode::UNAUTHORIZED);
    };
    limits.per_account.reset(&account_key);
    audit::record(
        &state.db,
        Some(user.id),
        Action::LoginSucceeded,
        Some(user.id),
        "",
    )
    .await?;
    let lifetime = Duration::hours(state.settings.staff_session_hours);
    let target = local_path(Some(&form.next));
    start_session(&state, &req, &visitor, &user, lifetime, target).await
}

#[derive(Deserialize)]
pub struct CodeQuery {
    c: Option<String>,
}

#[derive(Deserialize)]
pub struct CodeLoginForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf_token: String,
}

/// The code form. `?c=` pre-fills it, which is what the QR code on the learner's sheet
/// opens: scanning, then one tap on the button.
pub async fn code_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    query: web::Query<CodeQuery>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert(
        "code",
        &query
            .c
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(32)
            .collect::<String>(),
    );
    render::page(&state, &req, &visitor, "auth/code.html", StatusCode::OK, &ctx)
}

pub async fn code_login(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<CodeLoginForm>,
) -> Result<HttpResponse, AppError> {
    visitor.check_csrf(&form.csrf_token)?;
    let show_again = |message_key: &str, status: StatusCode| {
        let mut ctx = render::base_context(&req, &visitor);
        ctx.insert("code", &form.code.chars().take(32).collect::<String>());
        ctx.insert("error", &visitor.lang.t(message_key));
        render::page(&state, &req, &visitor, "auth/code.html", status, &ctx)
    };
    if form.code.trim().is_empty() {
        return show_again("code-missing", StatusCode::BAD_REQUEST);
    }
    let address = client_address(&req).to_string();
    check_rate_limit(&[(&state.limits.codes_per_address, &address)])?;

    let learner = match learners::redeem_code(&state.db, &form.code).await? {
        Ok(learner) => learner,
        Err(rejection) => {
            state.limits.codes_per_address.record_failure(&address);
            let reason = format!("{rejection:?}").to_lowercase();
            audit::record(&state.db, None, Action::CodeLoginFailed, None, &reason).await?;
            let key = match rejection {
                CodeRejection::Malformed => "code-malformed",
                CodeRejection::Expired => "code-expired",
                CodeRejection::AlreadyUsed => "code-used",
                CodeRejection::Unknown | CodeRejection::AccountDisabled => "code-wrong",
            };
            return show_again(key, StatusCode::UNAUTHORIZED);
        }
    };
    audit::record(
        &state.db,
        Some(learner.id),
        Action::CodeLoginSucceeded,
        Some(learner.id),
        "",
    )
    .await?;
    let lifetime = Duration::days(state.settings.learner_session_days);
    start_session(&state, &req, &visitor, &learner, lifetime, None).await
}

/// A new session for `user`; any session the browser had before is revoked (rotation).
async fn start_session(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    user: &user::Model,
    lifetime: Duration,
    target: Option<String>,
) -> Result<HttpResponse, AppError> {
    if let Some(old) = &visitor.session_token {
        sessions::revoke(&state.db, old).await?;
    }
    let session = sessions::create(&state.db, user.id, lifetime).await?;
    let role: Role = user.role.parse()?;
    let target = target.unwrap_or_else(|| home_path(role).to_owned());
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, target));
    set_session_cookie(&mut response, req, &session.token, lifetime);
    if let Some(lang) = user.locale.as_deref().and_then(Lang::find) {
        response.cookie(language_cookie(req, lang));
    }
    Ok(response.finish())
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    pub csrf_token: String,
}

pub async fn logout(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    visitor.check_csrf(&form.csrf_token)?;
    if let (Some(token), Some(user)) = (&visitor.session_token, &visitor.user) {
        sessions::revoke(&state.db, token).await?;
        audit::record(&state.db, Some(user.id), Action::Logout, Some(user.id), "").await?;
    }
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, "/"));
    clear_session_cookie(&mut response);
    Ok(response.finish())
}

fn check_rate_limit(checks: &[(&LoginLimiter, &str)]) -> Result<(), AppError> {
    for (limiter, key) in checks {
        if let Some(wait) = limiter.blocked_for(key) {
            return Err(AppError::TooManyAttempts(wait.as_secs().max(1)));
        }
    }
    Ok(())
}
