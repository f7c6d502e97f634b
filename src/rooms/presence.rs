//! "Who was there": the trainer ticks the group's learners present, and each gets the
//! course engine's "watched together" credit for every lesson that really played in the
//! room and belongs to the group's courses. The rules stay in `courses::groups`.

use sea_orm::DatabaseConnection;

use super::registry::Room;
use super::RoomError;
use crate::accounts::Role;
use crate::courses::groups;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Credit {
    /// Learners newly credited for at least one lesson.
    pub learners: usize,
    /// Lessons credited to at least one learner.
    pub lessons: usize,
    /// Played lessons that are not in the group's courses (no credit there).
    pub outside_group: usize,
}

pub async fn credit(
    db: &DatabaseConnection,
    room: &Room,
    staff_id: i64,
    role: Role,
    group_id: i64,
    present: &[i64],
) -> Result<Credit, RoomError> {
    let group = groups::find_managed(db, staff_id, role, group_id)
        .await?
        .ok_or(RoomError::Refused("room-error-group"))?;
    if present.is_empty() {
        return Err(RoomError::Refused("room-error-nobody"));
    }
    let played = room.snapshot().played;
    if played.is_empty() {
        return Err(RoomError::Refused("room-error-nothing-played"));
    }
    let mut credit = Credit::default();
    let mut learners = std::collections::HashSet::new();
    for played in played {
        let Some(lesson) = groups::lesson_of_group(db, group.id, played.lesson_id).await? else {
            credit.outside_group += 1;
            continue;
        };
        let fresh = room.take_uncredited(group.id, lesson.id, present);
        if fresh.is_empty() {
            continue;
        }
        if let Err(e) = groups::credit_room_viewing(db, &group, staff_id, &lesson, &fresh).await {
            room.forget_credit(group.id, lesson.id, &fresh);
            return Err(e.into());
        }
        credit.lessons += 1;
        learners.extend(fresh);
    }
    credit.learners = learners.len();
    Ok(credit)
}
