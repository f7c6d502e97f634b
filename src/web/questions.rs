//! Adding and removing a lesson's check questions. A refused question shows the lesson
//! page again with the reason and with what the trainer typed (files must be chosen again).

use std::borrow::Cow;
use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use entities::question;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use sea_orm::EntityTrait;
use serde::Serialize;

use super::courses::{lesson_editor, see_other, staff};
use super::error::AppError;
use super::i18n::{Lang, LOCALES};
use super::question_form::{self, FormProblem, QuestionForm};
use super::session::Visitor;
use crate::app::AppState;
use crate::courses::checks::QuestionKind;
use crate::courses::questions::{self, NewChoice, NewQuestion, MAX_CHOICES};
use crate::courses::{structure, CourseError};

/// Answer lines the empty form offers.
const FORM_LINES: usize = 4;

/// What the add-question form shows: empty, or what a refused attempt held.
#[derive(Serialize)]
pub struct QuestionDraft {
    prompt: String,
    multiple: bool,
    lines: Vec<DraftLine>,
}

#[derive(Serialize)]
struct DraftLine {
    number: usize,
    text: String,
    correct: bool,
}

impl QuestionDraft {
    pub fn blank() -> QuestionDraft {
        QuestionDraft::of(&QuestionForm::default())
    }

    fn of(form: &QuestionForm) -> QuestionDraft {
        let count = form.choices.len().clamp(FORM_LINES, MAX_CHOICES);
        let lines = (1..=count)
            .map(|number| DraftLine {
                number,
                text: form.choices.get(number - 1).cloned().unwrap_or_default(),
                correct: form.correct.iter().any(|c| c.trim() == number.to_string()),
            })
            .collect();
        QuestionDraft {
            prompt: form.prompt.clone(),
            multiple: form.kind == "multiple",
            lines,
        }
    }
}

/// The form as the page sends it; see [`question_form`] for its fields.
pub async fn add(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    let (lesson, _) = structure::find_managed_lesson(&state.db, staff_id, role, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lesson_id = lesson.id;
    let refuse = |draft: QuestionDraft, message: String, status: StatusCode| {
        let (state, req, visitor) = (&state, &req, &visitor);
        async move { lesson_editor(state, req, visitor, lesson_id, &draft, Some(&message), status).await }
    };
    let form = match question_form::read(&req, payload, &visitor, state.settings.max_form_bytes).await {
        Ok(form) => form,
        Err(FormProblem::App(e)) => return Err(e),
        Err(FormProblem::Refused { key, status, typed }) => {
            return refuse(QuestionDraft::of(&typed), visitor.lang.t(key), status).await;
        }
    };
    let draft = QuestionDraft::of(&form);
    let new = match new_question(form) {
        Ok(new) => new,
        Err(key) => return refuse(draft, visitor.lang.t(key), StatusCode::BAD_REQUEST).await,
    };
    match questions::add(&state.db, &state.settings.media_dir, lesson_id, new).await {
        Ok(_) => Ok(see_other(format!("/trainer/lessons/{lesson_id}#questions"))),
        Err(CourseError::Invalid(key)) => refuse(draft, visitor.lang.t(key), StatusCode::BAD_REQUEST).await,
        Err(CourseError::Picture { line, source }) => {
            tracing::info!(line, %source, "answer picture refused");
            let message = format!(
                "{} {}",
                numbered(visitor.lang, "picture-error-line", line),
                visitor.lang.t(source.message_key())
            );
            refuse(draft, message, StatusCode::BAD_REQUEST).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The typed form as a question; the Fluent key of the problem if it cannot be one.
fn new_question(form: QuestionForm) -> Result<NewQuestion, &'static str> {
    let kind = match form.kind.as_str() {
        "single" => QuestionKind::Single,
        "multiple" => QuestionKind::Multiple,
        _ => return Err("error-bad-form"),
    };
    if form.choices.len() > MAX_CHOICES || form.pictures.len() > MAX_CHOICES {
        return Err("question-error-choices");
    }
    let mut right = vec![false; form.choices.len()];
    for number in &form.correct {
        let n: usize = number.trim().parse().map_err(|_| "error-bad-form")?;
        *right.get_mut(n.wrapping_sub(1)).ok_or("question-error-correct")? = true;
    }
    let mut pictures = form.pictures.into_iter();
    let choices = form
        .choices
        .into_iter()
        .zip(right)
        .enumerate()
        .map(|(i, (text, correct))| NewChoice {
            line: i + 1,
            text,
            correct,
            picture: pictures.next().flatten(),
        })
        .collect();
    // A picture on a line that has no text field at all cannot be placed.
    if pictures.any(|p| p.is_some()) {
        return Err("picture-error-needs-text");
    }
    Ok(NewQuestion {
        prompt: form.prompt,
        kind,
        choices,
    })
}

fn numbered(lang: Lang, key: &str, number: usize) -> String {
    let args = HashMap::from([(Cow::Borrowed("number"), FluentValue::from(number))]);
    LOCALES.lookup_with_args(&lang.id(), key, &args)
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
    questions::delete(&state.db, &state.settings.media_dir, found.id).await?;
    Ok(see_other(format!("/trainer/lessons/{}#questions", lesson.id)))
}
