//! Writing a lesson's check questions.

use entities::{choice, question};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use super::checks::{self, Question, QuestionKind};
use super::CourseError;

pub const MAX_CHOICES: usize = 6;
const MAX_PROMPT_CHARS: usize = 500;
const MAX_CHOICE_CHARS: usize = 300;

/// A question as a trainer typed it: the prompt and (text, right?) per choice.
pub struct NewQuestion {
    pub prompt: String,
    pub kind: QuestionKind,
    pub choices: Vec<(String, bool)>,
}

impl NewQuestion {
    /// Drops empty choice lines, then checks what is left with the scoring rules, so a
    /// question that could never be answered right is never stored.
    pub fn check(self) -> Result<NewQuestion, CourseError> {
        let prompt = self.prompt.trim().to_owned();
        if prompt.is_empty() || prompt.chars().count() > MAX_PROMPT_CHARS {
            return Err(CourseError::Invalid("question-error-prompt"));
        }
        let choices: Vec<(String, bool)> = self
            .choices
            .into_iter()
            .map(|(text, right)| (text.trim().to_owned(), right))
            .filter(|(text, _)| !text.is_empty())
            .collect();
        if choices.len() > MAX_CHOICES || choices.iter().any(|(t, _)| t.chars().count() > MAX_CHOICE_CHARS) {
            return Err(CourseError::Invalid("question-error-choices"));
        }
        let ids: Vec<i64> = (0..choices.len() as i64).collect();
        let rule = Question {
            id: 0,
            kind: self.kind,
            correct: ids.iter().copied().filter(|i| choices[*i as usize].1).collect(),
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

/// Stores a checked question at the end of the lesson's questions.
pub async fn add(
    db: &DatabaseConnection,
    lesson_id: i64,
    new: NewQuestion,
) -> Result<question::Model, CourseError> {
    let new = new.check()?;
    let txn = db.begin().await?;
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
    for (position, (text, correct)) in new.choices.into_iter().enumerate() {
        choice::ActiveModel {
            question_id: Set(stored.id),
            position: Set(position as i32),
            text: Set(text),
            correct: Set(correct),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(stored)
}

pub async fn delete(db: &DatabaseConnection, question_id: i64) -> Result<(), CourseError> {
    question::Entity::delete_by_id(question_id).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: QuestionKind, choices: &[(&str, bool)]) -> NewQuestion {
        NewQuestion {
            prompt: "Wie viel sind 10 % von 50 €?".into(),
            kind,
            choices: choices.iter().map(|(t, r)| (t.to_string(), *r)).collect(),
        }
    }

    #[test]
    fn empty_choice_lines_are_dropped_before_checking() {
        let q = typed(
            QuestionKind::Single,
            &[("5 €", true), ("  ", false), ("10 €", false)],
        );
        assert_eq!(q.check().map(|q| q.choices.len()).ok(), Some(2));
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
}
