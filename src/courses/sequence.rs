//! Which parts of a course are open, and which lesson comes next.
//!
//! Works on an outline already in display order, so the same rules serve the learner's
//! page, the room projector and reports, whatever the database looks like.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct CourseOutline {
    pub course_id: i64,
    /// When set, a module opens only after every module before it is complete.
    pub gated: bool,
    pub modules: Vec<ModuleOutline>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ModuleOutline {
    pub module_id: i64,
    pub lessons: Vec<LessonOutline>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct LessonOutline {
    pub lesson_id: i64,
    pub complete: bool,
}

/// A module is complete when all its lessons are. An empty module counts as complete, so a
/// module the trainer has not filled yet does not lock the rest of a gated course.
pub fn module_complete(module: &ModuleOutline) -> bool {
    module.lessons.iter().all(|lesson| lesson.complete)
}

/// A course is complete when it has at least one lesson and every lesson is complete.
/// A course with nothing in it is not: there is nothing to have finished yet.
pub fn course_complete(course: &CourseOutline) -> bool {
    let has_lessons = course.modules.iter().any(|module| !module.lessons.is_empty());
    has_lessons && course.modules.iter().all(module_complete)
}

/// Whether each module (same order as `course.modules`) is open. Without gating all are;
/// with gating the first always is, and each later one once all earlier ones are complete.
pub fn unlocked_modules(course: &CourseOutline) -> Vec<bool> {
    let mut earlier_complete = true;
    course
        .modules
        .iter()
        .map(|module| {
            let open = !course.gated || earlier_complete;
            earlier_complete = earlier_complete && module_complete(module);
            open
        })
        .collect()
}

/// The first incomplete lesson in an open module, going through the courses in the given
/// order (the caller puts them in the learner's order): `(course_id, lesson_id)`.
/// None when everything open is done.
pub fn next_lesson(courses: &[CourseOutline]) -> Option<(i64, i64)> {
    courses.iter().find_map(|course| {
        course
            .modules
            .iter()
            .zip(unlocked_modules(course))
            .filter(|(_, open)| *open)
            .flat_map(|(module, _)| &module.lessons)
            .find(|lesson| !lesson.complete)
            .map(|lesson| (course.course_id, lesson.lesson_id))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// A module from (lesson id, complete) pairs.
    fn module(module_id: i64, lessons: &[(i64, bool)]) -> ModuleOutline {
        ModuleOutline {
            module_id,
            lessons: lessons
                .iter()
                .map(|&(lesson_id, complete)| LessonOutline { lesson_id, complete })
                .collect(),
        }
    }

    fn course(course_id: i64, gated: bool, modules: Vec<ModuleOutline>) -> CourseOutline {
        CourseOutline {
            course_id,
            gated,
            modules,
        }
    }

    /// Three modules: first done, second half done, third untouched.
    fn half_done(gated: bool) -> CourseOutline {
        course(
            1,
            gated,
            vec![
                module(10, &[(100, true), (101, true)]),
                module(11, &[(110, true), (111, false)]),
                module(12, &[(120, false)]),
            ],
        )
    }

    #[test]
    fn module_completion() {
        assert!(module_complete(&module(1, &[(1, true), (2, true)])));
        assert!(!module_complete(&module(1, &[(1, true), (2, false)])));
        assert!(module_complete(&module(1, &[])));
    }

    #[test]
    fn course_completion() {
        assert!(!course_complete(&half_done(true)));
        assert!(course_complete(&course(
            1,
            true,
            vec![module(10, &[(100, true)]), module(11, &[])]
        )));
        assert!(!course_complete(&course(1, true, vec![])));
        assert!(!course_complete(&course(
            1,
            true,
            vec![module(10, &[]), module(11, &[])]
        )));
    }

    #[test]
    fn gated_course_opens_modules_in_turn() {
        assert_eq!(unlocked_modules(&half_done(true)), vec![true, true, false]);
    }

    #[test]
    fn ungated_course_opens_everything() {
        assert_eq!(unlocked_modules(&half_done(false)), vec![true, true, true]);
    }

    #[test]
    fn first_module_is_always_open() {
        let fresh = course(
            1,
            true,
            vec![module(10, &[(100, false)]), module(11, &[(110, false)])],
        );
        assert_eq!(unlocked_modules(&fresh), vec![true, false]);
    }

    #[test]
    fn an_incomplete_module_keeps_all_later_ones_shut() {
        let outline = course(
            1,
            true,
            vec![
                module(10, &[(100, false)]),
                module(11, &[(110, true)]),
                module(12, &[(120, false)]),
            ],
        );
        // Module 11 being done does not open 12 while 10 is still open.
        assert_eq!(unlocked_modules(&outline), vec![true, false, false]);
    }

    #[test]
    fn empty_modules_do_not_block() {
        let outline = course(
            1,
            true,
            vec![
                module(10, &[(100, true)]),
                module(11, &[]),
                module(12, &[(120, false)]),
            ],
        );
        assert_eq!(unlocked_modules(&outline), vec![true, true, true]);
        assert_eq!(next_lesson(&[outline]), Some((1, 120)));
    }

    #[test]
    fn no_modules_no_flags() {
        assert!(unlocked_modules(&course(1, true, vec![])).is_empty());
    }

    #[test]
    fn next_is_the_first_incomplete_open_lesson() {
        assert_eq!(next_lesson(&[half_done(true)]), Some((1, 111)));
        assert_eq!(next_lesson(&[half_done(false)]), Some((1, 111)));
    }

    #[test]
    fn ungated_next_can_skip_past_an_unfinished_module_only_by_order() {
        // Without gating the next lesson is still the first incomplete one in order.
        let outline = course(
            1,
            false,
            vec![
                module(10, &[(100, true), (101, false)]),
                module(11, &[(110, false)]),
            ],
        );
        assert_eq!(next_lesson(&[outline]), Some((1, 101)));
    }

    #[test]
    fn reordering_changes_what_comes_next() {
        let a = module(10, &[(100, true), (101, false)]);
        let b = module(11, &[(110, false), (111, true)]);
        let ab = course(1, false, vec![a.clone(), b.clone()]);
        let ba = course(1, false, vec![b, a]);
        assert_eq!(next_lesson(&[ab]), Some((1, 101)));
        assert_eq!(next_lesson(&[ba]), Some((1, 110)));

        let lessons_forward = course(1, false, vec![module(10, &[(100, false), (101, false)])]);
        let lessons_backward = course(1, false, vec![module(10, &[(101, false), (100, false)])]);
        assert_eq!(next_lesson(&[lessons_forward]), Some((1, 100)));
        assert_eq!(next_lesson(&[lessons_backward]), Some((1, 101)));
    }

    #[test]
    fn courses_are_looked_at_in_the_given_order() {
        let first = course(1, true, vec![module(10, &[(100, false)])]);
        let second = course(2, true, vec![module(20, &[(200, false)])]);
        assert_eq!(next_lesson(&[first.clone(), second.clone()]), Some((1, 100)));
        assert_eq!(next_lesson(&[second, first]), Some((2, 200)));
    }

    #[test]
    fn finished_courses_are_passed_over() {
        let done = course(1, true, vec![module(10, &[(100, true)])]);
        let empty = course(2, true, vec![]);
        let open = course(3, true, vec![module(30, &[(300, true), (301, false)])]);
        assert_eq!(next_lesson(&[done, empty, open]), Some((3, 301)));
    }

    #[test]
    fn nothing_next_when_all_done() {
        let done = course(
            1,
            true,
            vec![module(10, &[(100, true)]), module(11, &[(110, true)])],
        );
        let also_done = course(2, false, vec![module(20, &[(200, true)])]);
        assert_eq!(next_lesson(&[done, also_done]), None);
        assert_eq!(next_lesson(&[]), None);
    }
}
