//! Reading the add-question form: `multipart/form-data` from the page (a picture per
//! answer line), or plain `application/x-www-form-urlencoded` without pictures.
//!
//! Fields: `csrf_token` (before any file, so that no byte of a forged upload is kept),
//! `prompt`, `kind`, `choice` per line, `correct` with the numbers (1-based) of the right
//! lines, and `choice_image` per line in the same order as `choice` (an input without a
//! file counts as a line without a picture). Pictures are held in memory: at most
//! [`MAX_CHOICES`] of at most [`MAX_PICTURE_BYTES`] each.

use actix_multipart::{Field, Multipart};
use actix_web::dev::UrlEncoded;
use actix_web::error::UrlencodedError;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpMessage, HttpRequest};
use futures_util::StreamExt;

use super::error::AppError;
use super::session::Visitor;
use crate::courses::questions::MAX_CHOICES;
use crate::media::pictures::MAX_PICTURE_BYTES;

/// The whole body: every picture at its largest, and the text fields.
pub const MAX_BODY_BYTES: usize = MAX_CHOICES * MAX_PICTURE_BYTES + 64 * 1024;
/// One text field (the prompt is at most 500 characters of up to 4 bytes).
const MAX_TEXT_BYTES: usize = 8 * 1024;

#[derive(Default)]
pub struct QuestionForm {
    pub prompt: String,
    pub kind: String,
    pub choices: Vec<String>,
    pub correct: Vec<String>,
    /// Per `choice_image` input, in order.
    pub pictures: Vec<Option<Vec<u8>>>,
}

/// Why the form was not read: a refusal the trainer sees on the lesson page (Fluent key,
/// status, and the text fields read so far, to fill the form again), or an error page
/// (CSRF, internal).
pub enum FormProblem {
    Refused {
        key: &'static str,
        status: StatusCode,
        typed: Box<QuestionForm>,
    },
    App(AppError),
}

impl From<AppError> for FormProblem {
    fn from(e: AppError) -> Self {
        FormProblem::App(e)
    }
}

fn refused(key: &'static str, status: StatusCode) -> FormProblem {
    FormProblem::Refused {
        key,
        status,
        typed: Box::default(),
    }
}

fn bad_form() -> FormProblem {
    refused("error-bad-form", StatusCode::BAD_REQUEST)
}

fn body_too_large() -> FormProblem {
    refused("picture-error-form-too-big", StatusCode::PAYLOAD_TOO_LARGE)
}

pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    visitor: &Visitor,
    max_form_bytes: usize,
) -> Result<QuestionForm, FormProblem> {
    match req.content_type() {
        "multipart/form-data" => read_multipart(req, payload, visitor).await,
        "application/x-www-form-urlencoded" => read_urlencoded(req, payload, visitor, max_form_bytes).await,
        _ => Err(bad_form()),
    }
}

async fn read_urlencoded(
    req: &HttpRequest,
    payload: web::Payload,
    visitor: &Visitor,
    limit: usize,
) -> Result<QuestionForm, FormProblem> {
    let mut payload = payload.into_inner();
    let pairs: Vec<(String, String)> =
        UrlEncoded::new(req, &mut payload)
            .limit(limit)
            .await
            .map_err(|e| match e {
                UrlencodedError::Overflow { .. } => FormProblem::App(AppError::TooLarge),
                _ => bad_form(),
            })?;
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf_token")
        .map_or("", |(_, v)| v);
    visitor.check_csrf(token)?;
    let mut form = QuestionForm::default();
    for (name, value) in pairs {
        form.put(&name, value);
    }
    Ok(form)
}

impl QuestionForm {
    fn put(&mut self, name: &str, value: String) {
        match name {
            "prompt" => self.prompt = value,
            "kind" => self.kind = value,
            "choice" => self.choices.push(value),
            "correct" => self.correct.push(value),
            _ => {}
        }
    }
}

/// Counts every byte of the body against [`MAX_BODY_BYTES`].
struct Budget(usize);

impl Budget {
    fn take(&mut self, bytes: usize) -> Result<(), FormProblem> {
        self.0 += bytes;
        if self.0 > MAX_BODY_BYTES {
            Err(body_too_large())
        } else {
            Ok(())
        }
    }
}

async fn read_multipart(
    req: &HttpRequest,
    payload: web::Payload,
    visitor: &Visitor,
) -> Result<QuestionForm, FormProblem> {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(body_too_large());
    }
    let mut parts = Multipart::new(req.headers(), payload);
    let mut budget = Budget(0);
    let mut form = QuestionForm::default();
    match read_fields(&mut parts, &mut budget, visitor, &mut form).await {
        Ok(()) => Ok(form),
        Err(FormProblem::Refused { key, status, .. }) => {
            if budget.0 <= MAX_BODY_BYTES {
                // Read the rest (within the budget), so the browser gets to see the answer.
                drain_all(&mut parts, &mut budget).await;
            }
            form.pictures.clear();
            Err(FormProblem::Refused {
                key,
                status,
                typed: Box::new(form),
            })
        }
        Err(problem) => Err(problem),
    }
}

async fn read_fields(
    parts: &mut Multipart,
    budget: &mut Budget,
    visitor: &Visitor,
    form: &mut QuestionForm,
) -> Result<(), FormProblem> {
    let mut csrf_ok = false;
    let mut picture_too_big = false;
    while let Some(field) = parts.next().await {
        let mut field = field.map_err(|_| bad_form())?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "csrf_token" => {
                let token = text(&mut field, budget).await?;
                visitor.check_csrf(&token)?;
                csrf_ok = true;
            }
            "choice_image" if !csrf_ok => return Err(AppError::Csrf.into()),
            "choice_image" => {
                if form.pictures.len() >= MAX_CHOICES {
                    return Err(refused("question-error-choices", StatusCode::BAD_REQUEST));
                }
                match file(&mut field, budget).await? {
                    Some(bytes) => form.pictures.push((!bytes.is_empty()).then_some(bytes)),
                    None => {
                        // Keep reading: a too-large body still gets its own message.
                        picture_too_big = true;
                        form.pictures.push(None);
                    }
                }
            }
            _ => {
                let value = text(&mut field, budget).await?;
                form.put(&name, value);
            }
        }
    }
    if !csrf_ok {
        return Err(AppError::Csrf.into());
    }
    if picture_too_big {
        return Err(refused(
            "picture-error-file-too-big",
            StatusCode::PAYLOAD_TOO_LARGE,
        ));
    }
    Ok(())
}

async fn text(field: &mut Field, budget: &mut Budget) -> Result<String, FormProblem> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| bad_form())?;
        budget.take(chunk.len())?;
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_TEXT_BYTES {
            return Err(bad_form());
        }
    }
    String::from_utf8(bytes).map_err(|_| bad_form())
}

/// The file's bytes, or `None` when it is over [`MAX_PICTURE_BYTES`] (read to its end).
async fn file(field: &mut Field, budget: &mut Budget) -> Result<Option<Vec<u8>>, FormProblem> {
    let mut bytes = Vec::new();
    let mut over = false;
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| bad_form())?;
        budget.take(chunk.len())?;
        if !over && bytes.len() + chunk.len() > MAX_PICTURE_BYTES {
            over = true;
            bytes = Vec::new();
        }
        if !over {
            bytes.extend_from_slice(&chunk);
        }
    }
    Ok((!over).then_some(bytes))
}

async fn drain_all(parts: &mut Multipart, budget: &mut Budget) {
    while let Some(Ok(mut field)) = parts.next().await {
        while let Some(Ok(chunk)) = field.next().await {
            if budget.take(chunk.len()).is_err() {
                return;
            }
        }
    }
}
