//! "Daten sparen": the learner chooses how much data videos may use (automatic, little
//! data, sound only), seeing roughly what a lesson costs with each choice.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use entities::video;
use serde::{Deserialize, Serialize};

use super::error::AppError;
use super::learner::{learner, open_lesson};
use super::render;
use super::session::{local_path, Visitor};
use crate::app::AppState;
use crate::courses::data_saver::{self, DataSaver};
use crate::courses::{learning, CourseError};
use crate::media::lesson_size::{self, LessonSizes};

/// One choice as the form shows it.
#[derive(Serialize)]
struct Choice {
    value: &'static str,
    icon: &'static str,
    /// Megabytes for the whole video, when the package's sizes are known.
    mb: Option<String>,
    /// "Nur Ton" is offered only when the video has sound (or its sizes are unknown).
    available: bool,
}

fn icon(mode: DataSaver) -> &'static str {
    match mode {
        DataSaver::Auto => "auto",
        DataSaver::Low => "data",
        DataSaver::Audio => "audio",
    }
}

/// The learner's choice, and the choices with what they cost for `video`, for the data
/// saver form on the lesson page and on the data saver page.
pub(super) async fn add_to_context(
    state: &AppState,
    visitor: &Visitor,
    learner_id: i64,
    video: Option<&video::Model>,
    ctx: &mut tera::Context,
) -> Result<(), AppError> {
    let mode = data_saver::of_learner(&state.db, learner_id).await?;
    let sizes: Option<LessonSizes> = match video.and_then(|v| v.package_dir.as_deref()) {
        Some(dir) => lesson_size::of_package(&state.settings.media_dir.join(dir)).await,
        None => None,
    };
    let comma = matches!(visitor.lang.code, "de" | "tr" | "uk");
    let mb = |bytes: u64| lesson_size::megabytes(bytes, comma);
    let choices: Vec<Choice> = DataSaver::ALL
        .into_iter()
        .map(|choice| {
            let bytes = sizes.and_then(|s| match choice {
                DataSaver::Auto => Some(s.auto_max),
                DataSaver::Low => Some(s.low),
                DataSaver::Audio => s.audio,
            });
            Choice {
                value: choice.as_str(),
                icon: icon(choice),
                mb: bytes.map(mb),
                available: choice != DataSaver::Audio || sizes.is_none_or(|s| s.audio.is_some()),
            }
        })
        .collect();
    ctx.insert("data_saver", &mode);
    ctx.insert("data_saver_icon", icon(mode));
    ctx.insert("data_saver_choices", &choices);
    ctx.insert("offline_mb", &sizes.and_then(|s| s.offline).map(mb));
    Ok(())
}

#[derive(Deserialize)]
pub struct PageQuery {
    /// The lesson whose figures to show; any other text shows the next lesson's.
    #[serde(default)]
    lesson: String,
    #[serde(default)]
    saved: String,
}

pub async fn page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let lesson = query.lesson.parse().ok();
    let saved = query.saved == "1";
    render_page(&state, &req, &visitor, lesson, saved, None).await
}

/// The page, with the figures of `lesson_id` (when the learner has it open) or of their
/// next lesson; `error` is a refused choice, shown with status 400.
async fn render_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    lesson_id: Option<i64>,
    saved: bool,
    error: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let user = learner(visitor)?;
    let lesson_id = match lesson_id {
        Some(id) => Some(id),
        None => learning::next_lesson(&learning::courses(&state.db, user.id).await?).map(|(_, id)| id),
    };
    let opened = match lesson_id {
        Some(id) => open_lesson(state, user.id, id).await.ok(),
        None => None,
    };
    let video = opened.as_ref().map(|(_, _, video)| video.clone());
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("learner_id", &user.id);
    ctx.insert(
        "figures_for",
        &opened.as_ref().map(|(_, lesson, _)| lesson.clone()),
    );
    ctx.insert("saved", &saved);
    let back = match lesson_id {
        Some(id) => format!("/learn/data-saver?lesson={id}&saved=1"),
        None => "/learn/data-saver?saved=1".to_owned(),
    };
    ctx.insert("data_saver_next", &back);
    if let Some(message) = error {
        ctx.insert("error", message);
    }
    add_to_context(state, visitor, user.id, video.as_ref(), &mut ctx).await?;
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    render::page(state, req, visitor, "learner/data_saver.html", status, &ctx)
}

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    mode: String,
    #[serde(default)]
    csrf_token: String,
    /// Where to go back to: the lesson page the form was on, or this page.
    #[serde(default)]
    next: String,
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<SaveForm>,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    visitor.check_csrf(&form.csrf_token)?;
    let mode = match DataSaver::parse(&form.mode) {
        Ok(mode) => mode,
        Err(CourseError::Invalid(key)) => {
            let message = visitor.lang.t(key);
            return render_page(&state, &req, &visitor, None, false, Some(&message)).await;
        }
        Err(other) => return Err(other.into()),
    };
    data_saver::set(&state.db, user.id, mode, Utc::now()).await?;
    let back = local_path(Some(&form.next))
        .filter(|path| path.starts_with("/learn"))
        .unwrap_or_else(|| "/learn/data-saver?saved=1".to_owned());
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .finish())
}
