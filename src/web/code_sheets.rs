//! Access-code sheets to print: one card per learner with the code, a QR code that opens
//! the login form already filled in, and the date it stops working. Codes are shown only
//! here, once: the database keeps their hashes.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use entities::user;
use serde::{Deserialize, Serialize};

use super::error::AppError;
use super::i18n::Lang;
use super::qr;
use super::render;
use super::session::Visitor;
use crate::accounts::audit::{self, Action};
use crate::accounts::{learners, AccountError, Role};
use crate::app::AppState;
use crate::courses::groups;

#[derive(Deserialize)]
pub struct BatchForm {
    #[serde(default)]
    count: String,
    #[serde(default)]
    nickname_prefix: String,
    /// A group id, or empty for none.
    #[serde(default)]
    group: String,
    #[serde(default)]
    sheet_lang: String,
    #[serde(default)]
    csrf_token: String,
}

/// Several new learners at once (optionally straight into a group), shown as a sheet.
pub async fn create_batch(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<BatchForm>,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    visitor.check_csrf(&form.csrf_token)?;
    let role = visitor.role().unwrap_or(Role::Trainer);
    let Ok(count) = form.count.trim().parse::<usize>() else {
        return super::trainer::home_with_error(&state, &req, &visitor, "sheet-count-invalid").await;
    };
    let group_id = match form.group.trim() {
        "" => None,
        id => {
            let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
            let group = groups::find_managed(&state.db, staff.id, role, id).await?;
            Some(group.ok_or(AppError::NotFound)?.id)
        }
    };
    let created = learners::create_many(
        &state.db,
        staff.id,
        Some(&form.nickname_prefix),
        count,
        group_id,
        code_validity(&state),
    )
    .await;
    let cards = match created {
        Ok(cards) => cards,
        Err(AccountError::BadCount) => {
            return super::trainer::home_with_error(&state, &req, &visitor, "sheet-count-invalid").await
        }
        Err(AccountError::BadNickname) => {
            return super::trainer::home_with_error(&state, &req, &visitor, "sheet-prefix-too-long").await
        }
        Err(e) => return Err(e.into()),
    };
    for (learner, _) in &cards {
        audit::record(
            &state.db,
            Some(staff.id),
            Action::LearnerCreated,
            Some(learner.id),
            "",
        )
        .await?;
    }
    let lang = sheet_language(&form.sheet_lang, &visitor);
    render_sheet(&state, &req, &visitor, &cards, lang, StatusCode::CREATED)
}

#[derive(Deserialize)]
pub struct RenewForm {
    #[serde(default)]
    sheet_lang: String,
    #[serde(default)]
    csrf_token: String,
}

/// New codes for every member of a group (their old unused codes stop working; phones
/// that are logged in stay logged in), as one sheet.
pub async fn renew_group(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<RenewForm>,
) -> Result<HttpResponse, AppError> {
    let staff = visitor.require(Role::Trainer)?;
    visitor.check_csrf(&form.csrf_token)?;
    let role = visitor.role().unwrap_or(Role::Trainer);
    let group = groups::find_managed(&state.db, staff.id, role, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Only learners this trainer manages: one who joined by code belongs to someone else.
    let mut members = Vec::new();
    for member in groups::members(&state.db, group.id).await? {
        if learners::find_managed(&state.db, staff.id, role, member.id)
            .await?
            .is_some()
        {
            members.push(member);
        }
    }
    if members.is_empty() {
        return Err(AppError::BadRequest("sheet-group-empty"));
    }
    let cards = learners::renew_codes(&state.db, members, code_validity(&state)).await?;
    for (learner, _) in &cards {
        audit::record(
            &state.db,
            Some(staff.id),
            Action::AccessCodeIssued,
            Some(learner.id),
            "",
        )
        .await?;
    }
    let lang = sheet_language(&form.sheet_lang, &visitor);
    render_sheet(&state, &req, &visitor, &cards, lang, StatusCode::OK)
}

fn code_validity(state: &AppState) -> Duration {
    Duration::days(state.settings.access_code_days)
}

/// The language the cards speak: the learners' language may not be the trainer's.
fn sheet_language(chosen: &str, visitor: &Visitor) -> Lang {
    Lang::find(chosen).unwrap_or(visitor.lang)
}

#[derive(Serialize)]
struct Card {
    name: String,
    code: String,
    login_url: String,
    /// Our own SVG from a URL made of the code alphabet: no user text inside.
    qr_svg: String,
}

/// The sheet page: the trainer's interface around cards in `card_lang`.
pub fn render_sheet(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    learners: &[(user::Model, String)],
    card_lang: Lang,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let info = req.connection_info();
    let mut cards = Vec::with_capacity(learners.len());
    for (learner, code) in learners {
        let login_url = format!("{}://{}/code?c={}", info.scheme(), info.host(), code);
        let qr_svg = qr::svg(&login_url, 160)?;
        let name = learner
            .nickname
            .clone()
            .unwrap_or_else(|| format!("#{}", learner.id));
        cards.push(Card {
            name,
            code: code.clone(),
            login_url,
            qr_svg,
        });
    }
    let valid_until = (Utc::now() + code_validity(state)).format("%d.%m.%Y").to_string();
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("cards", &cards);
    ctx.insert("card_lang", card_lang.code);
    ctx.insert("card_dir", card_lang.dir());
    ctx.insert("valid_until", &valid_until);
    let mut response = render::page(state, req, visitor, "trainer/code_sheet.html", status, &ctx)?;
    // Codes in clear: not for the browser's cache or the back button.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
