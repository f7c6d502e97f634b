//! The learner's pages: the start page with "Weiter lernen", joining a group, a lesson
//! with its video and check questions. Data saver and offline pages are in
//! `learner_data_saver` and `learner_offline`.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::middleware::Compress;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use entities::{lesson, user, video};
use sea_orm::EntityTrait;
use serde::Deserialize;

use super::courses::see_other;
use super::error::AppError;
use super::session::Visitor;
use super::{learner_data_saver, learner_offline, privacy, render};
use crate::accounts::Role;
use crate::app::AppState;
use crate::courses::data_saver;
use crate::courses::learning::{self, CourseView};
use crate::courses::{completion, groups, progress};

/// Every page under `/learn`, compressed (the pages are mostly text, the learners pay for
/// every byte), and the offline progress API.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/v1/progress/{lesson}/offline",
        web::post().to(learner_offline::progress),
    )
    .service(
        web::scope("/learn")
            .wrap(Compress::default())
            .route("", web::get().to(home))
            .route("/join", web::post().to(join))
            .route("/lessons/{id}", web::get().to(lesson_page))
            .route("/lessons/{id}/answers", web::post().to(answer))
            .route("/data-saver", web::get().to(learner_data_saver::page))
            .route("/data-saver", web::post().to(learner_data_saver::save))
            .route("/offline", web::get().to(learner_offline::page))
            .route("/sw.js", web::get().to(learner_offline::service_worker))
            .route(
                "/manifest.webmanifest",
                web::get().to(learner_offline::web_manifest),
            )
            .route("/my-data.json", web::get().to(privacy::my_data)),
    );
}

/// Learners only: staff have their own start pages.
pub(super) fn learner(visitor: &Visitor) -> Result<&user::Model, AppError> {
    let user = visitor.require(Role::Learner)?;
    if visitor.role() != Some(Role::Learner) {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}

pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    let courses = learning::courses(&state.db, user.id).await?;
    let next = learning::next_lesson(&courses).and_then(|(course_id, lesson_id)| {
        courses
            .iter()
            .find(|c| c.course.id == course_id)
            .and_then(|c| c.lesson(lesson_id))
            .map(|l| l.lesson.clone())
    });
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("learner_id", &user.id);
    ctx.insert("nickname", &user.nickname);
    ctx.insert("courses", &courses);
    ctx.insert("next", &next);
    ctx.insert("data_saver", &data_saver::of_learner(&state.db, user.id).await?);
    render::page(&state, &req, &visitor, "learner/home.html", StatusCode::OK, &ctx)
}

#[derive(Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn join(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: web::Form<JoinForm>,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    visitor.check_csrf(&form.csrf_token)?;
    // Join codes are guessable given enough tries: wrong ones count like failed logins.
    let key = format!("join:learner-{}", user.id);
    if let Some(wait) = state.limits.per_account.blocked_for(&key) {
        return Err(AppError::TooManyAttempts(wait.as_secs().max(1)));
    }
    if let Err(e) = groups::join_with_code(&state.db, user.id, &form.code).await {
        state.limits.per_account.record_failure(&key);
        return Err(e.into());
    }
    Ok(see_other("/learn".into()))
}

/// The lesson as the learner has it: 404 when it is not in their courses, 403 while locked.
pub(super) async fn open_lesson(
    state: &AppState,
    learner_id: i64,
    lesson_id: i64,
) -> Result<(CourseView, lesson::Model, video::Model), AppError> {
    let course = learning::course_of_lesson(&state.db, learner_id, lesson_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let view = course.lesson(lesson_id).ok_or(AppError::NotFound)?;
    if !view.unlocked {
        return Err(AppError::Locked);
    }
    let lesson = view.lesson.clone();
    let video = video::Entity::find_by_id(lesson.video_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, lesson, video))
}

/// The lesson's questions as the learner's page shows them (which choices are right is
/// not serialised).
pub(super) async fn page_questions(
    state: &AppState,
    lesson_id: i64,
) -> Result<Vec<serde_json::Value>, AppError> {
    Ok(progress::questions(&state.db, lesson_id)
        .await?
        .into_iter()
        .map(|(question, choices)| serde_json::json!({ "question": question, "choices": choices }))
        .collect())
}

pub async fn lesson_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    let (course, lesson, video) = open_lesson(&state, user.id, *id).await?;
    let row = progress::opened(&state.db, user.id, lesson.id, Utc::now()).await?;
    let duration = video.duration_seconds.unwrap_or(0.0);
    let questions = page_questions(&state, lesson.id).await?;
    let attempt = progress::latest_attempt(&state.db, user.id, lesson.id).await?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("learner_id", &user.id);
    ctx.insert("course", &course);
    ctx.insert("lesson", &lesson);
    ctx.insert("video", &video);
    ctx.insert(
        "playable",
        &(video.status == "ready" && video.package_dir.is_some()),
    );
    ctx.insert("duration", &duration);
    ctx.insert("resume_at", &completion::resume_position(row.position, duration));
    ctx.insert("video_complete", &row.video_complete);
    ctx.insert("questions", &questions);
    ctx.insert("attempt", &attempt);
    // Done with this one: the button to the next lesson, if one is open.
    let lesson_done = course
        .lesson(lesson.id)
        .is_some_and(|l| l.state == completion::LessonState::Complete);
    let next = learning::next_lesson(std::slice::from_ref(&course))
        .map(|(_, next)| next)
        .filter(|next| lesson_done && *next != lesson.id);
    ctx.insert("next_lesson", &next);
    ctx.insert("data_saver_next", &format!("/learn/lessons/{}", lesson.id));
    learner_data_saver::add_to_context(&state, &visitor, user.id, Some(&video), &mut ctx).await?;
    let preferred = [visitor.lang.code, course.course.language.as_str()];
    super::subtitles::add_player_tracks(&state, &video, &preferred, &mut ctx).await?;
    render::page(
        &state,
        &req,
        &visitor,
        "learner/lesson.html",
        StatusCode::OK,
        &ctx,
    )
}

/// A check-questions form: `q<question id>` = chosen choice id, repeated for several.
pub async fn answer(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = learner(&visitor)?;
    let token = form
        .iter()
        .find(|(k, _)| k == "csrf_token")
        .map_or("", |(_, v)| v.as_str());
    visitor.check_csrf(token)?;
    let (_, lesson, _) = open_lesson(&state, user.id, *id).await?;
    let mut answers: HashMap<i64, Vec<i64>> = HashMap::new();
    for (key, value) in form.iter() {
        let Some(question) = key.strip_prefix('q') else {
            continue;
        };
        let question: i64 = question
            .parse()
            .map_err(|_| AppError::BadRequest("check-error-answers"))?;
        let choice: i64 = value
            .parse()
            .map_err(|_| AppError::BadRequest("check-error-answers"))?;
        answers.entry(question).or_default().push(choice);
    }
    progress::answer(&state.db, user.id, &lesson, &answers, Utc::now()).await?;
    Ok(see_other(format!("/learn/lessons/{}#checks", lesson.id)))
}
