//! The demo courses and the demo group, built with the same domain functions the
//! trainer pages use. A course the demo trainer already has (by title) is kept as it is,
//! with whatever the trainer or the learner did in it since.

use std::path::Path;

use entities::{course, group, video};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::content::{DemoCourse, DemoLesson, COURSES, EXTRA_CLIP, GROUP_NAME};
use super::{videos, CourseOutcome, DemoError};
use crate::config::Settings;
use crate::courses::checks::QuestionKind;
use crate::courses::questions::{self, NewChoice, NewQuestion};
use crate::courses::{groups, structure};

/// The demo group of `trainer_id`, made if missing, with the learner in it.
pub async fn ensure_group(
    db: &DatabaseConnection,
    trainer_id: i64,
    learner_id: i64,
) -> Result<group::Model, DemoError> {
    let existing = group::Entity::find()
        .filter(group::Column::TrainerId.eq(trainer_id))
        .filter(group::Column::Name.eq(GROUP_NAME))
        .one(db)
        .await?;
    let found = match existing {
        Some(found) => found,
        None => groups::create(db, trainer_id, GROUP_NAME).await?,
    };
    groups::add_member(db, found.id, learner_id).await?;
    Ok(found)
}

/// Makes the courses the trainer lacks, assigns all of them to the group, and puts the
/// extra clip into the library. Every video file is checked first, so that a missing one
/// stops the demo before anything is made.
pub async fn ensure_all(
    db: &DatabaseConnection,
    settings: &Settings,
    trainer_id: i64,
    group_id: i64,
    source: &Path,
) -> Result<Vec<CourseOutcome>, DemoError> {
    for lesson in COURSES.iter().flat_map(lessons) {
        let file = source.join(lesson.file);
        if !file.is_file() {
            return Err(DemoError::MissingMedia(file));
        }
    }
    let mut outcomes = Vec::with_capacity(COURSES.len());
    for demo in COURSES {
        let existing = course::Entity::find()
            .filter(course::Column::OwnerId.eq(trainer_id))
            .filter(course::Column::Title.eq(demo.title))
            .one(db)
            .await?;
        let (made, created) = match existing {
            Some(found) => (found, false),
            None => (build(db, settings, trainer_id, demo, source).await?, true),
        };
        groups::assign_course(db, group_id, made.id).await?;
        let lessons = structure::tree(db, made.clone()).await?.lesson_ids().count();
        outcomes.push(CourseOutcome {
            title: made.title,
            lessons,
            created,
        });
    }
    let (file, title) = EXTRA_CLIP;
    if source.join(file).is_file() {
        videos::ensure(db, settings, trainer_id, title, &source.join(file)).await?;
    }
    Ok(outcomes)
}

fn lessons(course: &DemoCourse) -> impl Iterator<Item = &DemoLesson> {
    course.modules.iter().flat_map(|m| m.lessons.iter())
}

/// One published course: its videos are uploaded (or found) first, the structure is made
/// in one transaction, then the questions are added and the course is published. Should
/// a later step fail, the course is deleted again, so that the next run starts afresh
/// instead of keeping half a course.
async fn build(
    db: &DatabaseConnection,
    settings: &Settings,
    trainer_id: i64,
    demo: &DemoCourse,
    source: &Path,
) -> Result<course::Model, DemoError> {
    let mut lesson_videos: Vec<video::Model> = Vec::new();
    for lesson in lessons(demo) {
        let file = source.join(lesson.file);
        lesson_videos.push(videos::ensure(db, settings, trainer_id, lesson.title, &file).await?);
    }
    let fields =
        structure::CourseFields::check(demo.title, demo.summary, "de", demo.topic, demo.level, demo.gated)?;
    let txn = db.begin().await?;
    let made = structure::create_course(&txn, trainer_id, fields).await?;
    let mut lesson_ids = Vec::new();
    let mut next_video = lesson_videos.iter();
    for module in demo.modules {
        let module_row = structure::add_module(&txn, made.id, module.title).await?;
        // One video per lesson, in the same order: the zip never runs short.
        for (lesson, video) in module.lessons.iter().zip(&mut next_video) {
            let row = structure::add_lesson(&txn, module_row.id, video, lesson.title, lesson.body).await?;
            lesson_ids.push((row.id, lesson));
        }
    }
    txn.commit().await?;
    let finished = finish(db, settings, made.clone(), &lesson_ids).await;
    if finished.is_err() {
        if let Err(cleanup) = course::Entity::delete_by_id(made.id).exec(db).await {
            tracing::warn!(course = made.id, %cleanup, "half a demo course stays");
        }
    }
    finished
}

/// Adds the check questions, then publishes.
async fn finish(
    db: &DatabaseConnection,
    settings: &Settings,
    made: course::Model,
    lessons: &[(i64, &DemoLesson)],
) -> Result<course::Model, DemoError> {
    for (lesson_id, lesson) in lessons {
        for q in lesson.questions {
            let new = NewQuestion {
                prompt: q.prompt.to_owned(),
                kind: QuestionKind::Single,
                choices: q
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, (text, right))| NewChoice::text(i + 1, text, *right))
                    .collect(),
            };
            questions::add(db, &settings.media_dir, *lesson_id, new).await?;
        }
    }
    Ok(structure::set_published(db, made, true).await?)
}
