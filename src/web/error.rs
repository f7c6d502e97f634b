//! Errors a handler can return, and the pages (or JSON) people see for them, in their
//! language. The log gets the cause; the person gets a plain sentence.

use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpResponse, ResponseError};

use super::i18n::Lang;
use super::render;
use crate::app::AppState;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("login required")]
    /// `next`: where to go back to after logging in (a trainer scanning a projector's QR
    /// code, or following a link, lands where they meant to go).
    LoginRequired {
        login_path: &'static str,
        next: Option<String>,
    },
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("lesson locked")]
    Locked,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("request body too large")]
    TooLarge,
    #[error("too many attempts, retry in {0} s")]
    TooManyAttempts(u64),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// The Fluent key of the sentence shown to the person.
    fn message_key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::LoginRequired { .. } => "error-login-required",
            AppError::Csrf => "error-csrf",
            AppError::Locked => "lesson-locked",
            AppError::BadRequest(key) => key,
            AppError::TooLarge => "error-too-large",
            AppError::TooManyAttempts(_) => "error-too-many",
            AppError::Internal(_) => "error-internal",
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf | AppError::Locked => StatusCode::FORBIDDEN,
            AppError::LoginRequired { .. } => StatusCode::SEE_OTHER,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut response = HttpResponse::build(self.status_code());
        match self {
            AppError::LoginRequired { login_path, next } => {
                let location = match next {
                    Some(next) => format!(
                        "{login_path}?next={}",
                        percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
                    ),
                    None => (*login_path).to_owned(),
                };
                response.insert_header((header::LOCATION, location));
            }
            AppError::TooManyAttempts(seconds) => {
                response.insert_header((header::RETRY_AFTER, seconds.to_string()));
            }
            AppError::Internal(cause) => tracing::error!(%cause, "request failed"),
            _ => {}
        }
        response.finish()
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        AppError::Internal(format!("database: {e}"))
    }
}

impl From<crate::accounts::AccountError> for AppError {
    fn from(e: crate::accounts::AccountError) -> Self {
        AppError::Internal(format!("accounts: {e}"))
    }
}

impl From<tera::Error> for AppError {
    fn from(e: tera::Error) -> Self {
        AppError::Internal(format!("template: {e:?}"))
    }
}

/// Turns every error response (ours, actix's own, the default 404) into a page in the
/// person's language, or a JSON body for API clients. Responses a handler built on
/// purpose (a form shown again with a message) carry no error and pass unchanged.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let Some(error) = res.response().error() else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    let status = res.status();
    if status.is_redirection() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let key = match error.as_error::<AppError>() {
        Some(app_error) => app_error.message_key(),
        None => generic_key(status),
    };
    let (req, old) = res.into_parts();
    let lang = Lang::of_request(&req);
    let message = lang.t(key);
    let wants_json = req.path().starts_with("/api/")
        || req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("application/json") && !v.contains("text/html"));

    let mut builder = HttpResponse::build(status);
    for name in [header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(value) = old.headers().get(&name) {
            builder.insert_header((name, value.clone()));
        }
    }
    let response = if wants_json {
        builder.json(
            serde_json::json!({ "error": { "status": status.as_u16(), "code": key, "message": message } }),
        )
    } else {
        let html = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| render::error_page(state, &req, lang, status, &message).ok())
            .unwrap_or_else(|| format!("<!doctype html><title>{0}</title><p>{0}</p>", status.as_u16()));
        builder.content_type("text/html; charset=utf-8").body(html)
    };
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response).map_into_right_body(),
    ))
}

fn generic_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        404 | 405 => "error-not-found",
        403 => "error-forbidden",
        413 => "error-too-large",
        429 => "error-too-many",
        400..=499 => "error-bad-request",
        _ => "error-internal",
    }
}

impl From<crate::courses::CourseError> for AppError {
    fn from(e: crate::courses::CourseError) -> Self {
        use crate::courses::CourseError;
        match e {
            CourseError::Invalid(key) => AppError::BadRequest(key),
            CourseError::BadReport(detail) => {
                tracing::info!(%detail, "progress report refused");
                AppError::BadRequest("progress-error-report")
            }
            CourseError::BadAnswers(detail) => {
                tracing::info!(%detail, "answers refused");
                AppError::BadRequest("check-error-answers")
            }
            // Not opened means not theirs, or locked: say nothing more than "not found".
            CourseError::NotOpened => AppError::NotFound,
            CourseError::NotReady => AppError::BadRequest("progress-error-not-ready"),
            CourseError::Picture { line, source } => {
                tracing::info!(line, %source, "answer picture refused");
                AppError::BadRequest(source.message_key())
            }
            CourseError::Storage(detail) => AppError::Internal(detail),
            CourseError::Db(e) => e.into(),
        }
    }
}
