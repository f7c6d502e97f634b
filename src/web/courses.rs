//! The trainer's course editor: courses, modules, lessons and their order.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use entities::{course, video};
use sea_orm::EntityTrait;
use serde::Deserialize;

use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::Role;
use crate::app::AppState;
use crate::courses::completion;
use crate::courses::structure::{self, CourseFields, Direction, LessonFields};
use crate::media::library;

/// The signed-in staff member: (id, role).
pub(super) fn staff(visitor: &Visitor) -> Result<(i64, Role), AppError> {
    let user = visitor.require(Role::Trainer)?;
    Ok((user.id, visitor.role().unwrap_or(Role::Trainer)))
}

pub(super) fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

async fn managed_course(state: &AppState, visitor: &Visitor, id: i64) -> Result<course::Model, AppError> {
    let (staff_id, role) = staff(visitor)?;
    structure::find_managed_course(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A video the staff member may put into a lesson: one of their own (admins: any).
async fn usable_video(state: &AppState, visitor: &Visitor, id: &str) -> Result<video::Model, AppError> {
    let (staff_id, role) = staff(visitor)?;
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("lesson-error-video"))?;
    library::find_managed(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::BadRequest("lesson-error-video"))
}

#[derive(Deserialize)]
pub struct CourseForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    level: String,
    /// A checkbox: present when ticked.
    gated: Option<String>,
    #[serde(default)]
    csrf_token: String,
}

impl CourseForm {
    fn fields(&self) -> Result<CourseFields, AppError> {
        let level = self
            .level
            .trim()
            .parse()
            .map_err(|_| AppError::BadRequest("course-error-level"))?;
        Ok(CourseFields::check(
            &self.title,
            &self.summary,
            &self.language,
            &self.topic,
            level,
            self.gated.is_some(),
        )?)
    }
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert(
        "courses",
        &structure::list_managed(&state.db, staff_id, role).await?,
    );
    insert_choices(&mut ctx);
    render::page(
        &state,
        &req,
        &visitor,
        "trainer/courses.html",
        StatusCode::OK,
        &ctx,
    )
}

fn insert_choices(ctx: &mut tera::Context) {
    ctx.insert("course_languages", &structure::LANGUAGES);
    ctx.insert("topics", &structure::TOPICS);
    ctx.insert("levels", &structure::LEVELS.collect::<Vec<_>>());
}

pub async fn create(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: web::Form<CourseForm>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, _) = staff(&visitor)?;
    visitor.check_csrf(&form.csrf_token)?;
    let created = structure::create_course(&state.db, staff_id, form.fields()?).await?;
    Ok(see_other(format!("/trainer/courses/{}", created.id)))
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let course = managed_course(&state, &visitor, *id).await?;
    let tree = structure::tree(&state.db, course).await?;
    let videos = library::videos_for(&state.db, staff_id, role).await?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("c", &tree.course);
    ctx.insert("tree", &tree);
    ctx.insert("videos", &videos);
    insert_choices(&mut ctx);
    render::page(
        &state,
        &req,
        &visitor,
        "trainer/course.html",
        StatusCode::OK,
        &ctx,
    )
}

pub async fn update(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<CourseForm>,
) -> Result<HttpResponse, AppError> {
    let course = managed_course(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    structure::update_course(&state.db, course, form.fields()?).await?;
    Ok(see_other(format!("/trainer/courses/{}", *id)))
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    published: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn publish(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<PublishForm>,
) -> Result<HttpResponse, AppError> {
    let course = managed_course(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let published = match form.published.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("error-bad-form")),
    };
    structure::set_published(&state.db, course, published).await?;
    Ok(see_other(format!("/trainer/courses/{}", *id)))
}

#[derive(Deserialize)]
pub struct TitleForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn add_module(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<TitleForm>,
) -> Result<HttpResponse, AppError> {
    let course = managed_course(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    structure::add_module(&state.db, course.id, &form.title).await?;
    Ok(see_other(format!("/trainer/courses/{}", course.id)))
}

async fn managed_module(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
) -> Result<(entities::module::Model, course::Model), AppError> {
    let (staff_id, role) = staff(visitor)?;
    structure::find_managed_module(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn rename_module(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<TitleForm>,
) -> Result<HttpResponse, AppError> {
    let (module, course) = managed_module(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    structure::rename_module(&state.db, module, &form.title).await?;
    Ok(see_other(format!("/trainer/courses/{}", course.id)))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
    #[serde(default)]
    csrf_token: String,
}

impl MoveForm {
    fn direction(&self) -> Result<Direction, AppError> {
        Direction::parse(&self.direction).ok_or(AppError::BadRequest("error-bad-form"))
    }
}

pub async fn move_module(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let (module, course) = managed_module(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    structure::move_module(&state.db, module, form.direction()?).await?;
    Ok(see_other(format!(
        "/trainer/courses/{}#module-{}",
        course.id, *id
    )))
}

#[derive(Deserialize)]
pub struct NewLessonForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    video_id: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn add_lesson(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<NewLessonForm>,
) -> Result<HttpResponse, AppError> {
    let (module, course) = managed_module(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let video = usable_video(&state, &visitor, &form.video_id).await?;
    structure::add_lesson(&state.db, module.id, &video, &form.title, &form.body).await?;
    Ok(see_other(format!(
        "/trainer/courses/{}#module-{}",
        course.id, module.id
    )))
}

async fn managed_lesson(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
) -> Result<(entities::lesson::Model, course::Model), AppError> {
    let (staff_id, role) = staff(visitor)?;
    structure::find_managed_lesson(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn show_lesson(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let draft = super::questions::QuestionDraft::blank();
    lesson_editor(&state, &req, &visitor, *id, &draft, None, StatusCode::OK).await
}

/// The lesson editor; after a refused question, with the reason and what was typed.
pub(super) async fn lesson_editor(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    id: i64,
    draft: &super::questions::QuestionDraft,
    error: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(visitor)?;
    let (lesson, course) = managed_lesson(state, visitor, id).await?;
    let tree = structure::tree(&state.db, course).await?;
    let videos = library::videos_for(&state.db, staff_id, role).await?;
    let questions = crate::courses::progress::questions(&state.db, lesson.id).await?;
    let questions: Vec<_> = questions
        .into_iter()
        .map(|(q, choices)| {
            let choices: Vec<_> = choices
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "id": c.id,
                        "text": c.text,
                        "correct": c.correct,
                        "image_width": c.image_width,
                        "image_height": c.image_height,
                    })
                })
                .collect();
            serde_json::json!({ "question": q, "choices": choices })
        })
        .collect();
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("lesson", &lesson);
    ctx.insert("tree", &tree);
    ctx.insert("videos", &videos);
    ctx.insert("questions", &questions);
    ctx.insert(
        "threshold_percent",
        &lesson.threshold.map(|t| (t * 100.0).round()),
    );
    ctx.insert("draft", draft);
    if let Some(message) = error {
        ctx.insert("error", message);
    }
    render::page(state, req, visitor, "trainer/lesson.html", status, &ctx)
}

#[derive(Deserialize)]
pub struct LessonForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    video_id: String,
    /// Percent; empty for the default.
    #[serde(default)]
    threshold: String,
    /// Empty for "all".
    #[serde(default)]
    pass_required: String,
    #[serde(default)]
    csrf_token: String,
}

/// An optional number field: empty means `None`.
fn optional<T: std::str::FromStr>(typed: &str, error_key: &'static str) -> Result<Option<T>, AppError> {
    match typed.trim() {
        "" => Ok(None),
        text => text
            .parse()
            .map(Some)
            .map_err(|_| AppError::BadRequest(error_key)),
    }
}

pub async fn update_lesson(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<LessonForm>,
) -> Result<HttpResponse, AppError> {
    let (lesson, _) = managed_lesson(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let video = usable_video(&state, &visitor, &form.video_id).await?;
    let threshold = optional::<f64>(&form.threshold, "lesson-error-threshold")?
        .map(|percent| completion::validate_threshold(percent / 100.0))
        .transpose()
        .map_err(|_| AppError::BadRequest("lesson-error-threshold"))?;
    let pass_required = optional::<i32>(&form.pass_required, "lesson-error-pass")?;
    if pass_required.is_some_and(|n| !(1..=100).contains(&n)) {
        return Err(AppError::BadRequest("lesson-error-pass"));
    }
    let fields = LessonFields {
        title: form.title.clone(),
        body: form.body.clone(),
        video_id: video.id,
        threshold,
        pass_required,
    };
    structure::update_lesson(&state.db, lesson, fields).await?;
    Ok(see_other(format!("/trainer/lessons/{}", *id)))
}

pub async fn move_lesson(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let (lesson, course) = managed_lesson(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let module_id = lesson.module_id;
    structure::move_lesson(&state.db, lesson, form.direction()?).await?;
    Ok(see_other(format!(
        "/trainer/courses/{}#module-{module_id}",
        course.id
    )))
}

#[derive(Deserialize)]
pub struct ModuleChoiceForm {
    #[serde(default)]
    module_id: String,
    #[serde(default)]
    csrf_token: String,
}

/// Moves a lesson into another module of the same course.
pub async fn change_module(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<ModuleChoiceForm>,
) -> Result<HttpResponse, AppError> {
    let (lesson, course) = managed_lesson(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let target_id: i64 = form
        .module_id
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let (target, target_course) = managed_module(&state, &visitor, target_id)
        .await
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    if target_course.id != course.id {
        return Err(AppError::BadRequest("error-bad-form"));
    }
    structure::move_lesson_to_module(&state.db, lesson, &target).await?;
    Ok(see_other(format!(
        "/trainer/courses/{}#module-{target_id}",
        course.id
    )))
}

#[derive(Deserialize)]
pub struct OrderForm {
    /// Ids in their new order, comma-separated.
    #[serde(default)]
    order: String,
    #[serde(default)]
    csrf_token: String,
}

impl OrderForm {
    fn ids(&self) -> Result<Vec<i64>, AppError> {
        self.order
            .split(',')
            .filter(|part| !part.trim().is_empty())
            .map(|part| part.trim().parse())
            .collect::<Result<_, _>>()
            .map_err(|_| AppError::BadRequest("course-error-order"))
    }
}

/// Drag and drop of modules: the whole new order at once.
pub async fn order_modules(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<OrderForm>,
) -> Result<HttpResponse, AppError> {
    let course = managed_course(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    structure::set_module_order(&state.db, course.id, &form.ids()?).await?;
    Ok(see_other(format!("/trainer/courses/{}", course.id)))
}

/// Drag and drop of a module's lessons.
pub async fn order_lessons(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<OrderForm>,
) -> Result<HttpResponse, AppError> {
    let (module, course) = managed_module(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    structure::set_lesson_order(&state.db, module.id, &form.ids()?).await?;
    Ok(see_other(format!(
        "/trainer/courses/{}#module-{}",
        course.id, module.id
    )))
}

/// The lesson as a learner sees it, for the trainer to check: plays, records nothing.
pub async fn preview_lesson(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (lesson, _) = managed_lesson(&state, &visitor, *id).await?;
    let video = video::Entity::find_by_id(lesson.video_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let questions = super::learner::page_questions(&state, lesson.id).await?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("preview", &true);
    ctx.insert("lesson", &lesson);
    ctx.insert(
        "playable",
        &(video.status == "ready" && video.package_dir.is_some()),
    );
    ctx.insert("video", &video);
    ctx.insert("resume_at", &0.0);
    ctx.insert("questions", &questions);
    super::subtitles::add_player_tracks(&state, &video, &[], &mut ctx).await?;
    render::page(
        &state,
        &req,
        &visitor,
        "learner/lesson.html",
        StatusCode::OK,
        &ctx,
    )
}
