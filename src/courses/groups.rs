//! Groups (classes): a trainer's learners and the courses assigned to them. Learners join
//! when their trainer adds them, or by typing the group's join code.

use chrono::Utc;
use entities::{course, group, group_course, group_member, lesson, room_viewing, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::structure::clean_title;
use super::CourseError;
use crate::accounts::access_code::CodeShape;
use crate::accounts::Role;

/// Join codes such as `K7HD-WQ4M`, from the access codes' alphabet without look-alikes.
const JOIN_CODE: CodeShape = CodeShape { length: 8, group: 4 };

fn new_join_code() -> String {
    JOIN_CODE.generate()
}

/// What a learner typed as join code, in stored form; `None` when it cannot be one.
pub fn normalize_join_code(typed: &str) -> Option<String> {
    JOIN_CODE.canonical(typed).map(|raw| JOIN_CODE.display(&raw))
}

pub async fn create(
    db: &impl ConnectionTrait,
    trainer_id: i64,
    name: &str,
) -> Result<group::Model, CourseError> {
    let name = clean_title(name)?;
    Ok(group::ActiveModel {
        trainer_id: Set(trainer_id),
        name: Set(name),
        join_code: Set(new_join_code()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Groups a staff member leads, by name: admins see all.
pub async fn list_managed(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
) -> Result<Vec<group::Model>, DbErr> {
    let mut query = group::Entity::find().order_by_asc(group::Column::Name);
    if role != Role::Admin {
        query = query.filter(group::Column::TrainerId.eq(staff_id));
    }
    query.all(db).await
}

pub async fn find_managed(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    id: i64,
) -> Result<Option<group::Model>, DbErr> {
    let found = group::Entity::find_by_id(id).one(db).await?;
    Ok(found.filter(|g| role == Role::Admin || g.trainer_id == staff_id))
}

/// Adds the learner; adding twice changes nothing.
pub async fn add_member(db: &impl ConnectionTrait, group_id: i64, learner_id: i64) -> Result<(), DbErr> {
    let row = group_member::ActiveModel {
        group_id: Set(group_id),
        learner_id: Set(learner_id),
        joined_at: Set(Utc::now()),
    };
    group_member::Entity::insert(row)
        .on_conflict_do_nothing_on([group_member::Column::GroupId, group_member::Column::LearnerId])
        .exec(db)
        .await?;
    Ok(())
}

pub async fn remove_member(db: &impl ConnectionTrait, group_id: i64, learner_id: i64) -> Result<(), DbErr> {
    group_member::Entity::delete_many()
        .filter(group_member::Column::GroupId.eq(group_id))
        .filter(group_member::Column::LearnerId.eq(learner_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The learner joins the group whose code they typed.
pub async fn join_with_code(
    db: &impl ConnectionTrait,
    learner_id: i64,
    typed: &str,
) -> Result<group::Model, CourseError> {
    let code = normalize_join_code(typed).ok_or(CourseError::Invalid("group-error-code"))?;
    let found = group::Entity::find()
        .filter(group::Column::JoinCode.eq(code))
        .one(db)
        .await?
        .ok_or(CourseError::Invalid("group-error-code"))?;
    add_member(db, found.id, learner_id).await?;
    Ok(found)
}

pub async fn members(db: &impl ConnectionTrait, group_id: i64) -> Result<Vec<user::Model>, DbErr> {
    let ids: Vec<i64> = group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(group_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.learner_id)
        .collect();
    user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await
}

pub async fn assign_course(db: &impl ConnectionTrait, group_id: i64, course_id: i64) -> Result<(), DbErr> {
    group_course::Entity::insert(group_course::ActiveModel {
        group_id: Set(group_id),
        course_id: Set(course_id),
    })
    .on_conflict_do_nothing_on([group_course::Column::GroupId, group_course::Column::CourseId])
    .exec(db)
    .await?;
    Ok(())
}

pub async fn unassign_course(db: &impl ConnectionTrait, group_id: i64, course_id: i64) -> Result<(), DbErr> {
    group_course::Entity::delete_many()
        .filter(group_course::Column::GroupId.eq(group_id))
        .filter(group_course::Column::CourseId.eq(course_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn courses(db: &impl ConnectionTrait, group_id: i64) -> Result<Vec<course::Model>, DbErr> {
    let ids: Vec<i64> = group_course::Entity::find()
        .filter(group_course::Column::GroupId.eq(group_id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.course_id)
        .collect();
    course::Entity::find()
        .filter(course::Column::Id.is_in(ids))
        .order_by_asc(course::Column::Id)
        .all(db)
        .await
}

/// Published courses assigned to any group of the learner, oldest assignment first.
pub async fn learner_courses(
    db: &impl ConnectionTrait,
    learner_id: i64,
) -> Result<Vec<course::Model>, DbErr> {
    let group_ids: Vec<i64> = group_member::Entity::find()
        .filter(group_member::Column::LearnerId.eq(learner_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.group_id)
        .collect();
    let course_ids: Vec<i64> = group_course::Entity::find()
        .filter(group_course::Column::GroupId.is_in(group_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.course_id)
        .collect();
    course::Entity::find()
        .filter(course::Column::Id.is_in(course_ids))
        .filter(course::Column::Published.eq(true))
        .order_by_asc(course::Column::Id)
        .all(db)
        .await
}

/// The lesson, if it belongs to a course assigned to the group: the only lessons a room
/// viewing of the group may credit.
pub async fn lesson_of_group(
    db: &impl ConnectionTrait,
    group_id: i64,
    lesson_id: i64,
) -> Result<Option<lesson::Model>, DbErr> {
    for course in courses(db, group_id).await? {
        let tree = super::structure::tree(db, course).await?;
        let found = tree
            .modules
            .into_iter()
            .flat_map(|m| m.lessons)
            .find(|l| l.id == lesson_id);
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Gives "watched together" credit for `lesson` to the members of `group` who were in
/// the room. Learners who are not members are refused as a whole.
pub async fn credit_room_viewing(
    db: &sea_orm::DatabaseConnection,
    group: &group::Model,
    trainer_id: i64,
    lesson: &lesson::Model,
    present: &[i64],
) -> Result<usize, CourseError> {
    use sea_orm::TransactionTrait;
    let member_ids: Vec<i64> = members(db, group.id).await?.into_iter().map(|m| m.id).collect();
    if present.iter().any(|id| !member_ids.contains(id)) {
        return Err(CourseError::Invalid("group-error-learner"));
    }
    // Ticked twice (or the form sent twice in one go) still counts once per learner.
    let mut present = present.to_vec();
    present.sort_unstable();
    present.dedup();
    let now = Utc::now();
    let txn = db.begin().await?;
    for learner_id in &present {
        room_viewing::ActiveModel {
            learner_id: Set(*learner_id),
            lesson_id: Set(lesson.id),
            group_id: Set(group.id),
            trainer_id: Set(trainer_id),
            at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(present.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_survive_sloppy_typing() {
        let code = new_join_code();
        assert_eq!(code.len(), 9);
        assert_eq!(
            normalize_join_code(&code.to_lowercase().replace('-', " ")),
            Some(code)
        );
        assert_eq!(normalize_join_code("K7HD"), None);
        assert_eq!(normalize_join_code("K7HD-WQ4M-XRT9"), None);
        assert_eq!(normalize_join_code("ÄÄÄÄ-ÄÄÄÄ"), None);
    }
}
