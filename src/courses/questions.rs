//! Writing a lesson's check questions, with an optional picture on each answer.

use std::path::Path;

use entities::{choice, question};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::checks::{self, Question, QuestionKind};
use super::choice_pictures;
use super::CourseError;
use crate::media::pictures::{self, Picture};

pub const MAX_CHOICES: usize = 6;
const MAX_PROMPT_CHARS: usize = 500;
const MAX_CHOICE_CHARS: usize = 300;

/// A question as a trainer typed it.
pub struct NewQuestion {
    pub prompt: String,
    pub kind: QuestionKind,
    pub choices: Vec<NewChoice>,
}

/// One answer line of the form.
pub struct NewChoice {
    /// The line's number in the form (1-based), for messages about it.
    pub line: usize,
    pub text: String,
    pub correct: bool,
    /// The uploaded file as it came, if one was chosen for this line.
    pub picture: Option<Vec<u8>>,
}

impl NewChoice {
    pub fn text(line: usize, text: &str, correct: bool) -> NewChoice {
        NewChoice {
            line,
            text: text.to_owned(),
            correct,
            picture: None,
        }
    }
}

impl NewQuestion {
    /// Drops empty choice lines, then checks what is left with the scoring rules, so a
    /// question that could never be answered right is never stored. A picture needs its
    /// answer text: it is the picture's description for people who cannot see it.
    pub fn check(self) -> Result<NewQuestion, CourseError> {
        let prompt = self.prompt.trim().to_owned();
        if prompt.is_empty() || prompt.chars().count() > MAX_PROMPT_CHARS {
            return Err(CourseError::Invalid("question-error-prompt"));
        }
        let mut choices = Vec::with_capacity(self.choices.len());
        for mut choice in self.choices {
            choice.text = choice.text.trim().to_owned();
            match (choice.text.is_empty(), choice.picture.is_some()) {
                (true, true) => return Err(CourseError::Invalid("picture-error-needs-text")),
                (true, false) => {}
                (false, _) => choices.push(choice),
            }
        }
        if choices.len() > MAX_CHOICES || choices.iter().any(|c| c.text.chars().count() > MAX_CHOICE_CHARS) {
            return Err(CourseError::Invalid("question-error-choices"));
        }
        let ids: Vec<i64> = (0..choices.len() as i64).collect();
        let rule = Question {
            id: 0,
            kind: self.kind,
            correct: ids
                .iter()
                .copied()
                .filter(|i| choices[*i as usize].correct)
                .collect(),
            choices: ids,
        };
        checks::validate_question(&rule).map_err(|e| match e {
            checks::QuestionError::TooFewChoices { .. } => CourseError::Invalid("question-error-choices"),
            _ => CourseError::Invalid("question-error-correct"),
        })?;
        Ok(NewQuestion {
            prompt,
            kind: self.kind,
            choices,
        })
    }
}

/// Stores a checked question at the end of the lesson's questions, its pictures under
/// `media_dir`. All or nothing: a refused picture or a failed write leaves neither a
/// question nor a file behind.
pub async fn add(
    db: &DatabaseConnection,
    media_dir: &Path,
    lesson_id: i64,
    new: NewQuestion,
) -> Result<question::Model, CourseError> {
    let mut new = new.check()?;
    let uploads: Vec<(usize, Option<Vec<u8>>)> = new
        .choices
        .iter_mut()
        .map(|c| (c.line, c.picture.take()))
        .collect();
    let pictures = prepare_pictures(uploads).await?;
    let txn = crate::db::begin_write(db).await?;
    let position = question::Entity::find()
        .filter(question::Column::LessonId.eq(lesson_id))
        .all(&txn)
        .await?
        .len() as i32;
    let stored = question::ActiveModel {
        lesson_id: Set(lesson_id),
        position: Set(position),
        prompt: Set(new.prompt),
        multiple: Set(new.kind == QuestionKind::Multiple),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // A folder left by an earlier failure under a reused id must not mix in.
    choice_pictures::remove_all(media_dir, stored.id)
        .await
        .map_err(|e| CourseError::Storage(format!("clearing picture folder: {e}")))?;
    let written = insert_choices(&txn, media_dir, stored.id, new.choices, pictures).await;
    let committed = match written {
        Ok(()) => txn.commit().await.map_err(CourseError::from),
        Err(e) => Err(e),
    };
    if let Err(e) = committed {
        if let Err(cleanup) = choice_pictures::remove_all(media_dir, stored.id).await {
            tracing::warn!(question = stored.id, %cleanup, "pictures of a failed question stay");
        }
        return Err(e);
    }
    Ok(stored)
}

async fn insert_choices(
    txn: &impl sea_orm::ConnectionTrait,
    media_dir: &Path,
    question_id: i64,
    choices: Vec<NewChoice>,
    pictures: Vec<Option<Picture>>,
) -> Result<(), CourseError> {
    for (position, (new, picture)) in choices.into_iter().zip(pictures).enumerate() {
        let size = |v: u32| i32::try_from(v).ok();
        let stored = choice::ActiveModel {
            question_id: Set(question_id),
            position: Set(position as i32),
            text: Set(new.text),
            correct: Set(new.correct),
            image_path: Set(None),
            image_width: Set(picture.as_ref().and_then(|p| size(p.width))),
            image_height: Set(picture.as_ref().and_then(|p| size(p.height))),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if let Some(picture) = picture {
            let path = choice_pictures::store(media_dir, question_id, stored.id, &picture.jpeg)
                .await
                .map_err(|e| CourseError::Storage(format!("writing a picture: {e}")))?;
            let mut with_path: choice::ActiveModel = stored.into();
            with_path.image_path = Set(Some(path));
            with_path.update(txn).await?;
        }
    }
    Ok(())
}

/// Decodes and re-encodes the uploads on a blocking thread, one after the other; the
/// first refusal names its line.
async fn prepare_pictures(
    uploads: Vec<(usize, Option<Vec<u8>>)>,
) -> Result<Vec<Option<Picture>>, CourseError> {
    if uploads.iter().all(|(_, bytes)| bytes.is_none()) {
        return Ok(uploads.iter().map(|_| None).collect());
    }
    tokio::task::spawn_blocking(move || {
        uploads
            .into_iter()
            .map(|(line, bytes)| {
                bytes
                    .map(|b| pictures::prepare(&b).map_err(|source| CourseError::Picture { line, source }))
                    .transpose()
            })
            .collect()
    })
    .await
    .map_err(|e| CourseError::Storage(format!("picture worker: {e}")))?
}

/// Deletes a question with its choices and their pictures.
pub async fn delete(db: &DatabaseConnection, media_dir: &Path, question_id: i64) -> Result<(), CourseError> {
    question::Entity::delete_by_id(question_id).exec(db).await?;
    // The rows are gone first: a picture nothing refers to can no longer be served.
    choice_pictures::remove_all(media_dir, question_id)
        .await
        .map_err(|e| CourseError::Storage(format!("removing pictures: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: QuestionKind, choices: &[(&str, bool)]) -> NewQuestion {
        NewQuestion {
            prompt: "Wie viel sind 10 % von 50 €?".into(),
            kind,
            choices: choices
                .iter()
                .enumerate()
                .map(|(i, (t, r))| NewChoice::text(i + 1, t, *r))
                .collect(),
        }
    }

    #[test]
    fn empty_choice_lines_are_dropped_before_checking() {
        let q = typed(
            QuestionKind::Single,
            &[("5 €", true), ("  ", false), ("10 €", false)],
        );
        let lines = q
            .check()
            .map(|q| q.choices.iter().map(|c| c.line).collect::<Vec<_>>());
        assert_eq!(lines.ok(), Some(vec![1, 3]), "lines keep their form numbers");
    }

    #[test]
    fn unanswerable_questions_are_refused() {
        assert!(typed(QuestionKind::Single, &[("5 €", true)]).check().is_err());
        assert!(typed(QuestionKind::Single, &[("5 €", false), ("10 €", false)])
            .check()
            .is_err());
        assert!(typed(QuestionKind::Single, &[("5 €", true), ("10 €", true)])
            .check()
            .is_err());
        assert!(typed(QuestionKind::Multiple, &[("5 €", true), ("10 €", true)])
            .check()
            .is_ok());
    }

    #[test]
    fn a_picture_needs_its_answer_text() {
        let mut q = typed(
            QuestionKind::Single,
            &[("5 €", true), ("10 €", false), (" ", false)],
        );
        q.choices[2].picture = Some(vec![1, 2, 3]);
        assert!(matches!(
            q.check(),
            Err(CourseError::Invalid("picture-error-needs-text"))
        ));
    }
}
