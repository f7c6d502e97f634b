//! Which lessons a trainer may put on the projector: those of courses they manage, whose
//! video is ready. Anything else is refused with the same words, whether it exists or not.

use entities::{lesson, module, video};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::state::{LessonOnAir, Track};
use super::RoomError;
use crate::accounts::Role;
use crate::courses::structure;
use crate::media::subtitle_tracks::{self, languages};

fn is_playable(video: &video::Model) -> bool {
    video.status == "ready" && video.package_dir.is_some()
}

/// The lesson with everything the room shows of it.
pub async fn on_air(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    lesson_id: i64,
) -> Result<LessonOnAir, RoomError> {
    let (lesson, course) = structure::find_managed_lesson(db, staff_id, role, lesson_id)
        .await?
        .ok_or(RoomError::Refused("room-error-lesson"))?;
    let module = module::Entity::find_by_id(lesson.module_id)
        .one(db)
        .await?
        .ok_or(RoomError::Refused("room-error-lesson"))?;
    let video = video::Entity::find_by_id(lesson.video_id)
        .one(db)
        .await?
        .filter(is_playable)
        .ok_or(RoomError::Refused("room-error-not-ready"))?;
    let tracks = subtitle_tracks::list(db, video.id)
        .await?
        .into_iter()
        .map(|t| {
            let known = languages::find(&t.language);
            Track {
                label: known.map_or_else(|| t.language.clone(), |l| l.label.to_owned()),
                rtl: known.is_some_and(|l| l.rtl),
                default: t.is_default,
                lang: t.language,
            }
        })
        .collect();
    Ok(LessonOnAir {
        lesson_id: lesson.id,
        lesson_title: lesson.title,
        module_title: module.title,
        course_id: course.id,
        course_title: course.title,
        course_language: course.language,
        video_id: video.id,
        duration: video.duration_seconds.unwrap_or(0.0),
        tracks,
    })
}

/// The lesson after `current` in the course's order (across modules) whose video is ready.
pub async fn next(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    current: &LessonOnAir,
) -> Result<LessonOnAir, RoomError> {
    let course = structure::find_managed_course(db, staff_id, role, current.course_id)
        .await?
        .ok_or(RoomError::Refused("room-error-lesson"))?;
    let order: Vec<lesson::Model> = structure::tree(db, course)
        .await?
        .modules
        .into_iter()
        .flat_map(|m| m.lessons)
        .collect();
    let after = order
        .iter()
        .position(|l| l.id == current.lesson_id)
        .map_or(0, |i| i + 1);
    for candidate in &order[after.min(order.len())..] {
        match on_air(db, staff_id, role, candidate.id).await {
            Err(RoomError::Refused("room-error-not-ready")) => continue,
            other => return other,
        }
    }
    Err(RoomError::Refused("room-error-last-lesson"))
}
