//! The learner's side: their courses with the state of every lesson, what is open, and
//! which lesson comes next.

use std::collections::HashMap;

use entities::lesson;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use super::completion::{lesson_state, LessonState};
use super::groups;
use super::progress;
use super::sequence::{self, CourseOutline, LessonOutline, ModuleOutline};
use super::structure::{self, CourseTree};

#[derive(Clone, Debug, Serialize)]
pub struct LessonView {
    pub lesson: lesson::Model,
    pub state: LessonState,
    pub unlocked: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ModuleView {
    pub module: entities::module::Model,
    pub lessons: Vec<LessonView>,
    pub unlocked: bool,
    pub complete: bool,
    pub done: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct CourseView {
    pub course: entities::course::Model,
    pub modules: Vec<ModuleView>,
    pub complete: bool,
    pub done: usize,
    pub total: usize,
    /// For the progress ring: 0 to 100.
    pub percent: u8,
}

impl CourseView {
    fn outline(&self) -> CourseOutline {
        CourseOutline {
            course_id: self.course.id,
            gated: self.course.gated,
            modules: self
                .modules
                .iter()
                .map(|m| ModuleOutline {
                    module_id: m.module.id,
                    lessons: m
                        .lessons
                        .iter()
                        .map(|l| LessonOutline {
                            lesson_id: l.lesson.id,
                            complete: l.state == LessonState::Complete,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub fn lesson(&self, lesson_id: i64) -> Option<&LessonView> {
        self.modules
            .iter()
            .flat_map(|m| &m.lessons)
            .find(|l| l.lesson.id == lesson_id)
    }
}

/// Every published course assigned to the learner, with their state, in assignment order.
pub async fn courses(db: &impl ConnectionTrait, learner_id: i64) -> Result<Vec<CourseView>, DbErr> {
    let mut views = Vec::new();
    for course in groups::learner_courses(db, learner_id).await? {
        let tree = structure::tree(db, course).await?;
        views.push(view(db, learner_id, tree).await?);
    }
    Ok(views)
}

/// The first lesson still to do, in order, among the open ones: (course id, lesson id).
pub fn next_lesson(views: &[CourseView]) -> Option<(i64, i64)> {
    let outlines: Vec<CourseOutline> = views.iter().map(CourseView::outline).collect();
    sequence::next_lesson(&outlines)
}

/// The course view that holds the lesson, if the learner has the lesson at all.
pub async fn course_of_lesson(
    db: &impl ConnectionTrait,
    learner_id: i64,
    lesson_id: i64,
) -> Result<Option<CourseView>, DbErr> {
    Ok(courses(db, learner_id)
        .await?
        .into_iter()
        .find(|c| c.lesson(lesson_id).is_some()))
}

async fn view(db: &impl ConnectionTrait, learner_id: i64, tree: CourseTree) -> Result<CourseView, DbErr> {
    let ids: Vec<i64> = tree.lesson_ids().collect();
    let rows = progress::for_lessons(db, learner_id, ids.clone()).await?;
    let with_questions = progress::lessons_with_questions(db, ids).await?;
    let states: HashMap<i64, LessonState> = tree
        .lesson_ids()
        .map(|id| {
            let state = match rows.get(&id) {
                Some(p) => lesson_state(
                    p.coverage,
                    p.video_complete,
                    with_questions.contains(&id),
                    p.checks_passed,
                ),
                None => LessonState::NotStarted,
            };
            (id, state)
        })
        .collect();
    let mut course = CourseView {
        course: tree.course,
        modules: Vec::new(),
        complete: false,
        done: 0,
        total: 0,
        percent: 0,
    };
    for m in tree.modules {
        let lessons: Vec<LessonView> = m
            .lessons
            .into_iter()
            .map(|lesson| LessonView {
                state: states.get(&lesson.id).copied().unwrap_or(LessonState::NotStarted),
                unlocked: false,
                lesson,
            })
            .collect();
        let done = lessons
            .iter()
            .filter(|l| l.state == LessonState::Complete)
            .count();
        course.done += done;
        course.total += lessons.len();
        course.modules.push(ModuleView {
            complete: done == lessons.len(),
            module: m.module,
            lessons,
            unlocked: false,
            done,
        });
    }
    let outline = course.outline();
    for (module, open) in course
        .modules
        .iter_mut()
        .zip(sequence::unlocked_modules(&outline))
    {
        // A module the learner already worked in stays open: a trainer moving lessons
        // around must not lock anyone out of where they were.
        let started = module.lessons.iter().any(|l| rows.contains_key(&l.lesson.id));
        module.unlocked = open || started;
        let open = module.unlocked;
        for lesson in &mut module.lessons {
            lesson.unlocked = open;
        }
    }
    course.complete = sequence::course_complete(&outline);
    course.percent = (course.done * 100).checked_div(course.total).unwrap_or(0) as u8;
    Ok(course)
}

/// Whether the learner has an open lesson showing this video, so may fetch its files: the
/// files of a lesson that is still locked stay locked too.
pub async fn may_watch(db: &impl ConnectionTrait, learner_id: i64, video_id: i64) -> Result<bool, DbErr> {
    Ok(courses(db, learner_id)
        .await?
        .iter()
        .flat_map(|c| &c.modules)
        .flat_map(|m| &m.lessons)
        .any(|l| l.unlocked && l.lesson.video_id == video_id))
}
