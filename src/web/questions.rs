//! Adding and removing a lesson's check questions.

use actix_web::{web, HttpResponse};
use entities::question;
use sea_orm::EntityTrait;

use super::courses::{see_other, staff};
use super::error::AppError;
use super::session::Visitor;
use crate::app::AppState;
use crate::courses::checks::QuestionKind;
use crate::courses::questions::{self, NewQuestion, MAX_CHOICES};
use crate::courses::structure;

/// The form: `prompt`, `kind` (single|multiple), `choice` repeated per line and `correct`
/// repeated with the numbers (1-based) of the right lines.
pub async fn add(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let (lesson, _) = structure::find_managed_lesson(&state.db, staff_id, role, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    visitor.check_csrf(field("csrf_token"))?;
    let kind = match field("kind") {
        "single" => QuestionKind::Single,
        "multiple" => QuestionKind::Multiple,
        _ => return Err(AppError::BadRequest("error-bad-form")),
    };
    let texts: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "choice")
        .map(|(_, v)| v.as_str())
        .collect();
    if texts.len() > MAX_CHOICES {
        return Err(AppError::BadRequest("question-error-choices"));
    }
    let mut right = vec![false; texts.len()];
    for (_, number) in form.iter().filter(|(k, _)| k == "correct") {
        let n: usize = number
            .parse()
            .map_err(|_| AppError::BadRequest("error-bad-form"))?;
        *right
            .get_mut(n.wrapping_sub(1))
            .ok_or(AppError::BadRequest("question-error-correct"))? = true;
    }
    let new = NewQuestion {
        prompt: field("prompt").to_owned(),
        kind,
        choices: texts.iter().map(|t| t.to_string()).zip(right).collect(),
    };
    questions::add(&state.db, lesson.id, new).await?;
    Ok(see_other(format!("/trainer/lessons/{}#questions", lesson.id)))
}

pub async fn delete(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
    form: web::Form<super::auth::CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let found = question::Entity::find_by_id(*id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (lesson, _) = structure::find_managed_lesson(&state.db, staff_id, role, found.lesson_id)
        .await?
        .ok_or(AppError::NotFound)?;
    visitor.check_csrf(&form.csrf_token)?;
    questions::delete(&state.db, found.id).await?;
    Ok(see_other(format!("/trainer/lessons/{}#questions", lesson.id)))
}
