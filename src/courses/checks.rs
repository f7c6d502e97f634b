//! Check questions after a lesson: is an answer right, and did the learner pass.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one choice is right; the learner picks one.
    Single,
    /// One or more choices are right; the learner must pick exactly those.
    Multiple,
}

/// A question as the rules need it: ids only, texts live elsewhere.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: i64,
    pub kind: QuestionKind,
    /// All choice ids, in display order.
    pub choices: Vec<i64>,
    /// The choice ids that are right.
    pub correct: Vec<i64>,
}

/// A learner's submission that does not fit the questions: refused as a whole, because it
/// means a stale page or a forged form, not a wrong answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("question {question_id} is not part of this lesson")]
    UnknownQuestion { question_id: i64 },
    #[error("choice {choice_id} does not belong to question {question_id}")]
    UnknownChoice { question_id: i64, choice_id: i64 },
    #[error("question {question_id} takes one answer, {count} were given")]
    TooManyChoices { question_id: i64, count: usize },
}

/// A question a trainer is saving that could never be answered sensibly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("question {question_id} needs at least two choices")]
    TooFewChoices { question_id: i64 },
    #[error("question {question_id} lists choice {choice_id} twice")]
    DuplicateChoice { question_id: i64, choice_id: i64 },
    #[error("question {question_id} marks choice {choice_id} as right, but it is not one of its choices")]
    CorrectNotAChoice { question_id: i64, choice_id: i64 },
    #[error("question {question_id} has no right choice")]
    NoCorrectChoice { question_id: i64 },
    #[error("question {question_id} takes one answer, but {count} choices are marked right")]
    SingleNeedsOneCorrect { question_id: i64, count: usize },
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
}

/// Checks a question before it is stored: at least two distinct choices, every right
/// choice among them, one right choice for single-choice and at least one for multiple.
pub fn validate_question(question: &Question) -> Result<(), QuestionError> {
    let question_id = question.id;
    let mut seen = BTreeSet::new();
    for &choice_id in &question.choices {
        if !seen.insert(choice_id) {
            return Err(QuestionError::DuplicateChoice {
                question_id,
                choice_id,
            });
        }
    }
    if seen.len() < 2 {
        return Err(QuestionError::TooFewChoices { question_id });
    }
    if let Some(&choice_id) = question.correct.iter().find(|id| !seen.contains(id)) {
        return Err(QuestionError::CorrectNotAChoice {
            question_id,
            choice_id,
        });
    }
    let correct: BTreeSet<i64> = question.correct.iter().copied().collect();
    match (question.kind, correct.len()) {
        (_, 0) => Err(QuestionError::NoCorrectChoice { question_id }),
        (QuestionKind::Single, 1) | (QuestionKind::Multiple, _) => Ok(()),
        (QuestionKind::Single, count) => Err(QuestionError::SingleNeedsOneCorrect { question_id, count }),
    }
}

/// Whether the chosen ids answer the question. Order and repeats do not matter; choosing
/// nothing is a wrong answer (never a right one, even if nothing were marked right).
pub fn answered_correctly(question: &Question, chosen: &[i64]) -> Result<bool, AnswerError> {
    let question_id = question.id;
    let chosen: BTreeSet<i64> = chosen.iter().copied().collect();
    if let Some(&choice_id) = chosen.iter().find(|id| !question.choices.contains(id)) {
        return Err(AnswerError::UnknownChoice {
            question_id,
            choice_id,
        });
    }
    if question.kind == QuestionKind::Single && chosen.len() > 1 {
        return Err(AnswerError::TooManyChoices {
            question_id,
            count: chosen.len(),
        });
    }
    let correct: BTreeSet<i64> = question.correct.iter().copied().collect();
    Ok(!chosen.is_empty() && chosen == correct)
}

/// Scores answers (question id → chosen choice ids). Unanswered questions count as wrong.
/// Any answer that does not fit the questions fails the whole submission; the error named
/// is the one for the lowest question id, so it is the same every time.
pub fn score(questions: &[Question], answers: &HashMap<i64, Vec<i64>>) -> Result<Score, AnswerError> {
    let mut answered: Vec<(&i64, &Vec<i64>)> = answers.iter().collect();
    answered.sort_by_key(|(question_id, _)| **question_id);
    let mut correct: u32 = 0;
    for (&question_id, chosen) in answered {
        let question = questions
            .iter()
            .find(|question| question.id == question_id)
            .ok_or(AnswerError::UnknownQuestion { question_id })?;
        if answered_correctly(question, chosen)? {
            correct += 1;
        }
    }
    let total = u32::try_from(questions.len()).unwrap_or(u32::MAX);
    Ok(Score {
        correct: correct.min(total),
        total,
    })
}

/// Whether a score passes: `None` needs every question right, `Some(m)` at least `m`
/// (capped at the number of questions, so a requirement the trainer set too high after
/// deleting a question can still be met). No questions at all always passes.
pub fn passed(score: Score, required: Option<u32>) -> bool {
    let needed = required.unwrap_or(score.total).min(score.total);
    score.correct >= needed
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn single(id: i64, choices: &[i64], correct: i64) -> Question {
        Question {
            id,
            kind: QuestionKind::Single,
            choices: choices.to_vec(),
            correct: vec![correct],
        }
    }

    fn multiple(id: i64, choices: &[i64], correct: &[i64]) -> Question {
        Question {
            id,
            kind: QuestionKind::Multiple,
            choices: choices.to_vec(),
            correct: correct.to_vec(),
        }
    }

    fn answers(pairs: &[(i64, &[i64])]) -> HashMap<i64, Vec<i64>> {
        pairs.iter().map(|(id, chosen)| (*id, chosen.to_vec())).collect()
    }

    fn quiz() -> Vec<Question> {
        vec![
            single(1, &[10, 11, 12], 11),
            multiple(2, &[20, 21, 22, 23], &[20, 22]),
            single(3, &[30, 31], 30),
        ]
    }

    #[test]
    fn single_choice_right_and_wrong() {
        let question = single(1, &[10, 11, 12], 11);
        assert_eq!(answered_correctly(&question, &[11]), Ok(true));
        assert_eq!(answered_correctly(&question, &[10]), Ok(false));
        assert_eq!(answered_correctly(&question, &[]), Ok(false));
        // The same choice sent twice is still one choice.
        assert_eq!(answered_correctly(&question, &[11, 11]), Ok(true));
    }

    #[test]
    fn single_choice_takes_only_one() {
        let question = single(1, &[10, 11, 12], 11);
        assert_eq!(
            answered_correctly(&question, &[10, 11]),
            Err(AnswerError::TooManyChoices {
                question_id: 1,
                count: 2
            })
        );
    }

    #[test]
    fn multiple_choice_needs_exactly_the_right_set() {
        let question = multiple(2, &[20, 21, 22, 23], &[20, 22]);
        assert_eq!(answered_correctly(&question, &[20, 22]), Ok(true));
        assert_eq!(answered_correctly(&question, &[22, 20]), Ok(true));
        assert_eq!(answered_correctly(&question, &[22, 20, 22]), Ok(true));
        assert_eq!(answered_correctly(&question, &[20]), Ok(false));
        assert_eq!(answered_correctly(&question, &[20, 21, 22]), Ok(false));
        assert_eq!(answered_correctly(&question, &[20, 21, 22, 23]), Ok(false));
        assert_eq!(answered_correctly(&question, &[]), Ok(false));
    }

    #[test]
    fn choices_of_another_question_are_refused() {
        let question = multiple(2, &[20, 21, 22, 23], &[20, 22]);
        assert_eq!(
            answered_correctly(&question, &[20, 11]),
            Err(AnswerError::UnknownChoice {
                question_id: 2,
                choice_id: 11
            })
        );
    }

    #[test]
    fn score_counts_right_answers() {
        let score = score(&quiz(), &answers(&[(1, &[11]), (2, &[22, 20]), (3, &[31])])).unwrap();
        assert_eq!(score, Score { correct: 2, total: 3 });
    }

    #[test]
    fn unanswered_questions_count_as_wrong() {
        assert_eq!(
            score(&quiz(), &answers(&[(1, &[11])])).unwrap(),
            Score { correct: 1, total: 3 }
        );
        assert_eq!(
            score(&quiz(), &HashMap::new()).unwrap(),
            Score { correct: 0, total: 3 }
        );
    }

    #[test]
    fn answer_to_an_unknown_question_is_refused() {
        assert_eq!(
            score(&quiz(), &answers(&[(1, &[11]), (99, &[1])])),
            Err(AnswerError::UnknownQuestion { question_id: 99 })
        );
    }

    #[test]
    fn a_bad_answer_fails_the_whole_submission() {
        assert_eq!(
            score(&quiz(), &answers(&[(1, &[11]), (2, &[20, 22]), (3, &[30, 31])])),
            Err(AnswerError::TooManyChoices {
                question_id: 3,
                count: 2
            })
        );
        assert_eq!(
            score(&quiz(), &answers(&[(1, &[20])])),
            Err(AnswerError::UnknownChoice {
                question_id: 1,
                choice_id: 20
            })
        );
    }

    #[test]
    fn the_reported_error_does_not_depend_on_map_order() {
        let submission = answers(&[(3, &[99]), (1, &[98]), (2, &[97]), (77, &[1])]);
        for _ in 0..20 {
            let again: HashMap<i64, Vec<i64>> = submission.clone().into_iter().collect();
            assert_eq!(
                score(&quiz(), &again),
                Err(AnswerError::UnknownChoice {
                    question_id: 1,
                    choice_id: 98
                })
            );
        }
    }

    #[test]
    fn passing_needs_all_by_default() {
        assert!(passed(Score { correct: 3, total: 3 }, None));
        assert!(!passed(Score { correct: 2, total: 3 }, None));
    }

    #[test]
    fn passing_with_a_minimum() {
        assert!(passed(Score { correct: 2, total: 3 }, Some(2)));
        assert!(!passed(Score { correct: 1, total: 3 }, Some(2)));
        assert!(passed(Score { correct: 0, total: 3 }, Some(0)));
    }

    #[test]
    fn a_minimum_above_the_total_is_capped() {
        assert!(passed(Score { correct: 3, total: 3 }, Some(5)));
        assert!(!passed(Score { correct: 2, total: 3 }, Some(5)));
    }

    #[test]
    fn no_questions_always_passes() {
        let empty = score(&[], &HashMap::new()).unwrap();
        assert_eq!(empty, Score { correct: 0, total: 0 });
        assert!(passed(empty, None));
        assert!(passed(empty, Some(3)));
    }

    #[test]
    fn valid_questions_pass_validation() {
        for question in quiz() {
            assert_eq!(validate_question(&question), Ok(()));
        }
        assert_eq!(validate_question(&multiple(4, &[1, 2, 3], &[1, 2, 3])), Ok(()));
    }

    #[test]
    fn broken_questions_fail_validation() {
        assert_eq!(
            validate_question(&single(1, &[10], 10)),
            Err(QuestionError::TooFewChoices { question_id: 1 })
        );
        assert_eq!(
            validate_question(&single(1, &[10, 10, 11], 10)),
            Err(QuestionError::DuplicateChoice {
                question_id: 1,
                choice_id: 10
            })
        );
        assert_eq!(
            validate_question(&single(1, &[10, 11], 12)),
            Err(QuestionError::CorrectNotAChoice {
                question_id: 1,
                choice_id: 12
            })
        );
        assert_eq!(
            validate_question(&multiple(2, &[20, 21], &[])),
            Err(QuestionError::NoCorrectChoice { question_id: 2 })
        );
        assert_eq!(
            validate_question(&Question {
                id: 3,
                kind: QuestionKind::Single,
                choices: vec![30, 31, 32],
                correct: vec![30, 31],
            }),
            Err(QuestionError::SingleNeedsOneCorrect {
                question_id: 3,
                count: 2
            })
        );
    }

    #[test]
    fn question_kind_is_stored_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&QuestionKind::Multiple).unwrap(),
            r#""multiple""#
        );
        let back: QuestionKind = serde_json::from_str(r#""single""#).unwrap();
        assert_eq!(back, QuestionKind::Single);
    }
}
