//! The trainer's groups: members, join code and assigned courses.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use entities::group;
use serde::Deserialize;

use super::courses::{see_other, staff};
use super::error::AppError;
use super::render;
use super::session::Visitor;
use crate::accounts::learners;
use crate::app::AppState;
use crate::courses::{groups, structure};

async fn managed(state: &AppState, visitor: &Visitor, id: i64) -> Result<group::Model, AppError> {
    let (staff_id, role) = staff(visitor)?;
    groups::find_managed(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("groups", &groups::list_managed(&state.db, staff_id, role).await?);
    render::page(
        &state,
        &req,
        &visitor,
        "trainer/groups.html",
        StatusCode::OK,
        &ctx,
    )
}

#[derive(Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn create(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: web::Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, _) = staff(&visitor)?;
    visitor.check_csrf(&form.csrf_token)?;
    let created = groups::create(&state.db, staff_id, &form.name).await?;
    Ok(see_other(format!("/trainer/groups/{}", created.id)))
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let group = managed(&state, &visitor, *id).await?;
    let members = groups::members(&state.db, group.id).await?;
    let assigned = groups::courses(&state.db, group.id).await?;
    // What can still be added: the trainer's own learners and courses not in the group yet.
    let addable_learners: Vec<_> = learners::list_for(&state.db, staff_id, role)
        .await?
        .into_iter()
        .filter(|l| !members.iter().any(|m| m.id == l.id))
        .collect();
    let addable_courses: Vec<_> = structure::list_managed(&state.db, staff_id, role)
        .await?
        .into_iter()
        .filter(|c| !assigned.iter().any(|a| a.id == c.id))
        .collect();
    let mut lessons = Vec::new();
    for course in &assigned {
        let tree = structure::tree(&state.db, course.clone()).await?;
        for m in tree.modules {
            lessons.extend(m.lessons.into_iter().map(|l| (course.title.clone(), l)));
        }
    }
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("lessons", &lessons);
    ctx.insert("group", &group);
    ctx.insert("members", &members);
    ctx.insert("courses", &assigned);
    ctx.insert("addable_learners", &addable_learners);
    ctx.insert("addable_courses", &addable_courses);
    render::page(&state, &req, &visitor, "trainer/group.html", StatusCode::OK, &ctx)
}

#[derive(Deserialize)]
pub struct LearnerForm {
    #[serde(default)]
    learner_id: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn add_member(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<LearnerForm>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let group = managed(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let learner_id: i64 = form
        .learner_id
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("group-error-learner"))?;
    // Only learners this trainer looks after: no adding someone else's by guessing ids.
    let learner = learners::find_managed(&state.db, staff_id, role, learner_id)
        .await?
        .ok_or(AppError::BadRequest("group-error-learner"))?;
    groups::add_member(&state.db, group.id, learner.id).await?;
    Ok(see_other(format!("/trainer/groups/{}", group.id)))
}

pub async fn remove_member(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(i64, i64)>,
    form: web::Form<super::auth::CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (group_id, learner_id) = path.into_inner();
    let group = managed(&state, &visitor, group_id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    groups::remove_member(&state.db, group.id, learner_id).await?;
    Ok(see_other(format!("/trainer/groups/{}", group.id)))
}

#[derive(Deserialize)]
pub struct CourseChoiceForm {
    #[serde(default)]
    course_id: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn assign_course(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<CourseChoiceForm>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let group = managed(&state, &visitor, *id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    let course_id: i64 = form
        .course_id
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("group-error-course"))?;
    let course = structure::find_managed_course(&state.db, staff_id, role, course_id)
        .await?
        .ok_or(AppError::BadRequest("group-error-course"))?;
    groups::assign_course(&state.db, group.id, course.id).await?;
    Ok(see_other(format!("/trainer/groups/{}", group.id)))
}

pub async fn unassign_course(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(i64, i64)>,
    form: web::Form<super::auth::CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (group_id, course_id) = path.into_inner();
    let group = managed(&state, &visitor, group_id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    groups::unassign_course(&state.db, group.id, course_id).await?;
    Ok(see_other(format!("/trainer/groups/{}", group.id)))
}

/// The trainer marks who was in the room when a lesson was played to the group:
/// `lesson_id`, and `present` repeated with learner ids.
pub async fn room_viewing(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, _) = staff(&visitor)?;
    let group = managed(&state, &visitor, *id).await?;
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    visitor.check_csrf(field("csrf_token"))?;
    let lesson_id: i64 = field("lesson_id")
        .parse()
        .map_err(|_| AppError::BadRequest("group-error-lesson"))?;
    let present = form
        .iter()
        .filter(|(k, _)| k == "present")
        .map(|(_, v)| v.parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::BadRequest("group-error-learner"))?;
    // Only a lesson of a course this group has.
    let lesson = groups::lesson_of_group(&state.db, group.id, lesson_id)
        .await?
        .ok_or(AppError::BadRequest("group-error-lesson"))?;
    groups::credit_room_viewing(&state.db, &group, staff_id, &lesson, &present).await?;
    Ok(see_other(format!("/trainer/groups/{}", group.id)))
}
