//! What a staff member may see of a learner's activity. Trainers see only their own
//! courses and the courses of groups they lead — a learner of theirs who also joined
//! another trainer's group keeps that activity private from them. Admins see everything.

use std::collections::HashSet;

use entities::{course, group, group_course, group_member, lesson, module};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::accounts::Role;

#[derive(Clone, Debug, Default)]
pub struct ViewerScope {
    pub courses: HashSet<i64>,
    pub lessons: HashSet<i64>,
    pub groups: HashSet<i64>,
}

/// `None` for admins (no limit); otherwise the trainer's own and group courses.
pub async fn of_staff(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
) -> Result<Option<ViewerScope>, DbErr> {
    if role == Role::Admin {
        return Ok(None);
    }
    let groups: HashSet<i64> = group::Entity::find()
        .filter(group::Column::TrainerId.eq(staff_id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let mut courses: HashSet<i64> = course::Entity::find()
        .filter(course::Column::OwnerId.eq(staff_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    courses.extend(
        group_course::Entity::find()
            .filter(group_course::Column::GroupId.is_in(groups.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|g| g.course_id),
    );
    let modules: Vec<i64> = module::Entity::find()
        .filter(module::Column::CourseId.is_in(courses.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::ModuleId.is_in(modules))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.id)
        .collect();
    Ok(Some(ViewerScope {
        courses,
        lessons,
        groups,
    }))
}

/// Whether the learner is in one of the scope's groups.
pub async fn has_member(
    db: &impl ConnectionTrait,
    scope: &ViewerScope,
    learner_id: i64,
) -> Result<bool, DbErr> {
    Ok(group_member::Entity::find()
        .filter(group_member::Column::LearnerId.eq(learner_id))
        .filter(group_member::Column::GroupId.is_in(scope.groups.iter().copied()))
        .one(db)
        .await?
        .is_some())
}
