//! Rendering tera pages with what every page needs: language, direction, the viewer,
//! the CSRF token and the URLs of static files.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use rust_embed::RustEmbed;
use tera::{Context, Tera};

use super::assets::Assets;
use super::error::AppError;
use super::i18n::{Lang, LANGUAGES, LOCALES};
use super::session::{Visitor, CSRF_COOKIE};
use crate::accounts::Role;
use crate::app::AppState;

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.html"]
struct TemplateFiles;

/// Builds the template engine from the embedded templates.
pub fn build_tera(assets: Arc<Assets>) -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    let mut sources = Vec::new();
    for name in TemplateFiles::iter() {
        if let Some(file) = TemplateFiles::get(&name) {
            let text = String::from_utf8_lossy(&file.data).into_owned();
            sources.push((name.to_string(), text));
        }
    }
    tera.add_raw_templates(sources)?;
    tera.register_function("t", translate);
    tera.register_function("static_url", move |args: &HashMap<String, tera::Value>| {
        let name = args
            .get("name")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("static_url needs name"))?;
        assets
            .url(name)
            .map(|url| tera::Value::String(url.to_owned()))
            .ok_or_else(|| tera::Error::msg(format!("no static file {name}")))
    });
    Ok(tera)
}

/// `{{ t(key="login-title", lang=lang, count=3) }}`: the Fluent message `key` in `lang`;
/// every other argument becomes a Fluent variable.
fn translate(args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let key = args
        .get("key")
        .and_then(|v| v.as_str())
        .ok_or_else(|| tera::Error::msg("t() needs key"))?;
    let lang = args
        .get("lang")
        .and_then(|v| v.as_str())
        .and_then(Lang::find)
        .unwrap_or_else(Lang::default_lang);
    let fluent_args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .filter(|(name, _)| name.as_str() != "key" && name.as_str() != "lang")
        .map(|(name, value)| {
            let value = match value {
                tera::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
                tera::Value::String(s) => FluentValue::from(s.clone()),
                other => FluentValue::from(other.to_string()),
            };
            (Cow::Owned(name.clone()), value)
        })
        .collect();
    let text = if fluent_args.is_empty() {
        LOCALES.lookup(&lang.id(), key)
    } else {
        LOCALES.lookup_with_args(&lang.id(), key, &fluent_args)
    };
    Ok(tera::Value::String(text))
}

/// The context every page starts from.
pub fn base_context(req: &HttpRequest, visitor: &Visitor) -> Context {
    let lang = visitor.lang;
    let mut ctx = Context::new();
    ctx.insert("lang", lang.code);
    ctx.insert("dir", lang.dir());
    ctx.insert("languages", &LANGUAGES);
    ctx.insert("current_path", &current_path(req));
    ctx.insert("csrf_token", &visitor.csrf_token());
    if let Some(user) = &visitor.user {
        ctx.insert("viewer_role", &user.role);
        ctx.insert(
            "viewer_name",
            &user.username.clone().or_else(|| user.nickname.clone()),
        );
    }
    ctx
}

/// Path and query of this request, for "come back here" links.
fn current_path(req: &HttpRequest) -> String {
    match req.query_string() {
        "" => req.path().to_owned(),
        q => format!("{}?{}", req.path(), q),
    }
}

/// Staff pages (learners' nicknames, join codes, reports) and the code login (it may
/// carry an access code) are never kept by the browser: on a shared job-centre PC the
/// back button or the disk cache would show them to the next person after logout.
fn keep_out_of_caches(req: &HttpRequest, visitor: &Visitor) -> bool {
    matches!(visitor.role(), Some(Role::Trainer | Role::Admin)) || req.path() == "/code"
}

/// Renders `template` with `status`; gives an anonymous visitor the CSRF cookie that
/// the page's forms rely on.
pub fn page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    template: &str,
    status: StatusCode,
    ctx: &Context,
) -> Result<HttpResponse, AppError> {
    let html = state.tera.render(template, ctx)?;
    let mut response = HttpResponse::build(status);
    response.content_type("text/html; charset=utf-8");
    if keep_out_of_caches(req, visitor) {
        response.insert_header((header::CACHE_CONTROL, "no-store"));
    }
    if let Some(token) = visitor.new_anonymous_csrf() {
        response.cookie(
            Cookie::build(CSRF_COOKIE, token.to_owned())
                .path("/")
                .http_only(true)
                .same_site(SameSite::Strict)
                .secure(req.connection_info().scheme() == "https")
                .finish(),
        );
    }
    Ok(response.body(html))
}

/// The body of an error page. Built without the database: it must work when that fails.
pub fn error_page(
    state: &AppState,
    req: &HttpRequest,
    lang: Lang,
    status: StatusCode,
    message: &str,
) -> Result<String, tera::Error> {
    let mut ctx = Context::new();
    ctx.insert("lang", lang.code);
    ctx.insert("dir", lang.dir());
    ctx.insert("languages", &LANGUAGES);
    ctx.insert("current_path", &current_path(req));
    ctx.insert("status", &status.as_u16());
    ctx.insert("message", message);
    state.tera.render("errors/error.html", &ctx)
}
