//! Building courses: courses, their modules and lessons, in order. Positions are dense
//! (0, 1, 2, …) within their parent; moving swaps with the neighbour in one transaction.

use chrono::Utc;
use entities::{course, lesson, module, video};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use super::CourseError;
use crate::accounts::Role;

/// Languages a course can be taught in, each named in itself.
pub const LANGUAGES: [(&str, &str); 7] = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("tr", "Türkçe"),
    ("fa", "دری"),
    ("ru", "Русский"),
];
pub const TOPICS: [&str; 6] = ["reading", "writing", "numbers", "digital", "everyday", "work"];
pub const LEVELS: std::ops::RangeInclusive<i16> = 1..=4;
const MAX_TITLE_CHARS: usize = 120;
const MAX_TEXT_CHARS: usize = 4000;

/// What a trainer typed for a course, checked.
#[derive(Clone, Debug)]
pub struct CourseFields {
    pub title: String,
    pub summary: String,
    pub language: String,
    pub topic: String,
    pub level: i16,
    pub gated: bool,
}

impl CourseFields {
    pub fn check(
        title: &str,
        summary: &str,
        language: &str,
        topic: &str,
        level: i16,
        gated: bool,
    ) -> Result<CourseFields, CourseError> {
        let language = language.trim();
        if !LANGUAGES.iter().any(|(code, _)| *code == language) {
            return Err(CourseError::Invalid("course-error-language"));
        }
        if !TOPICS.contains(&topic) {
            return Err(CourseError::Invalid("course-error-topic"));
        }
        if !LEVELS.contains(&level) {
            return Err(CourseError::Invalid("course-error-level"));
        }
        Ok(CourseFields {
            title: clean_title(title)?,
            summary: clean_text(summary)?,
            language: language.to_owned(),
            topic: topic.to_owned(),
            level,
            gated,
        })
    }
}

/// A title: one line, not empty, not too long.
pub fn clean_title(typed: &str) -> Result<String, CourseError> {
    let title = typed.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS || title.contains(['\r', '\n']) {
        return Err(CourseError::Invalid("course-error-title"));
    }
    Ok(title.to_owned())
}

/// A plain text (several lines allowed), line endings made uniform.
pub fn clean_text(typed: &str) -> Result<String, CourseError> {
    let text = typed.trim().replace("\r\n", "\n");
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(CourseError::Invalid("course-error-text"));
    }
    Ok(text)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// A course with its modules and their lessons, in order.
#[derive(Clone, Debug, Serialize)]
pub struct CourseTree {
    pub course: course::Model,
    pub modules: Vec<ModuleTree>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ModuleTree {
    pub module: module::Model,
    pub lessons: Vec<lesson::Model>,
}

impl CourseTree {
    pub fn lesson_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.modules.iter().flat_map(|m| m.lessons.iter().map(|l| l.id))
    }
}

pub async fn create_course(
    db: &impl ConnectionTrait,
    owner_id: i64,
    fields: CourseFields,
) -> Result<course::Model, DbErr> {
    let now = Utc::now();
    course::ActiveModel {
        owner_id: Set(owner_id),
        title: Set(fields.title),
        summary: Set(fields.summary),
        language: Set(fields.language),
        topic: Set(fields.topic),
        level: Set(fields.level),
        gated: Set(fields.gated),
        published: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn update_course(
    db: &impl ConnectionTrait,
    course: course::Model,
    fields: CourseFields,
) -> Result<course::Model, DbErr> {
    let mut active = course.into_active_model();
    active.title = Set(fields.title);
    active.summary = Set(fields.summary);
    active.language = Set(fields.language);
    active.topic = Set(fields.topic);
    active.level = Set(fields.level);
    active.gated = Set(fields.gated);
    active.updated_at = Set(Utc::now());
    active.update(db).await
}

/// Publishing needs at least one lesson: an empty course would greet learners with nothing.
pub async fn set_published(
    db: &impl ConnectionTrait,
    course: course::Model,
    published: bool,
) -> Result<course::Model, CourseError> {
    if published && tree(db, course.clone()).await?.lesson_ids().next().is_none() {
        return Err(CourseError::Invalid("course-error-empty"));
    }
    let mut active = course.into_active_model();
    active.published = Set(published);
    active.updated_at = Set(Utc::now());
    Ok(active.update(db).await?)
}

/// Courses a staff member may edit, newest first: admins all, trainers their own.
pub async fn list_managed(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
) -> Result<Vec<course::Model>, DbErr> {
    let mut query = course::Entity::find().order_by_desc(course::Column::Id);
    if role != Role::Admin {
        query = query.filter(course::Column::OwnerId.eq(staff_id));
    }
    query.all(db).await
}

pub async fn find_managed_course(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    id: i64,
) -> Result<Option<course::Model>, DbErr> {
    let found = course::Entity::find_by_id(id).one(db).await?;
    Ok(found.filter(|c| role == Role::Admin || c.owner_id == staff_id))
}

/// The module and its course, if the staff member may edit the course.
pub async fn find_managed_module(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    id: i64,
) -> Result<Option<(module::Model, course::Model)>, DbErr> {
    let Some(found) = module::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let course = find_managed_course(db, staff_id, role, found.course_id).await?;
    Ok(course.map(|c| (found, c)))
}

/// The lesson and its course, if the staff member may edit the course.
pub async fn find_managed_lesson(
    db: &impl ConnectionTrait,
    staff_id: i64,
    role: Role,
    id: i64,
) -> Result<Option<(lesson::Model, course::Model)>, DbErr> {
    let Some(found) = lesson::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let parent = find_managed_module(db, staff_id, role, found.module_id).await?;
    Ok(parent.map(|(_, c)| (found, c)))
}

/// The whole course in display order.
pub async fn tree(db: &impl ConnectionTrait, course: course::Model) -> Result<CourseTree, DbErr> {
    let modules = module::Entity::find()
        .filter(module::Column::CourseId.eq(course.id))
        .order_by_asc(module::Column::Position)
        .order_by_asc(module::Column::Id)
        .all(db)
        .await?;
    let module_ids: Vec<i64> = modules.iter().map(|m| m.id).collect();
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::ModuleId.is_in(module_ids))
        .order_by_asc(lesson::Column::Position)
        .order_by_asc(lesson::Column::Id)
        .all(db)
        .await?;
    let modules = modules
        .into_iter()
        .map(|module| ModuleTree {
            lessons: lessons
                .iter()
                .filter(|l| l.module_id == module.id)
                .cloned()
                .collect(),
            module,
        })
        .collect();
    Ok(CourseTree { course, modules })
}

pub async fn add_module(
    db: &impl ConnectionTrait,
    course_id: i64,
    title: &str,
) -> Result<module::Model, CourseError> {
    let title = clean_title(title)?;
    let position = module::Entity::find()
        .filter(module::Column::CourseId.eq(course_id))
        .all(db)
        .await?
        .len() as i32;
    Ok(module::ActiveModel {
        course_id: Set(course_id),
        title: Set(title),
        position: Set(position),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn rename_module(
    db: &impl ConnectionTrait,
    module: module::Model,
    title: &str,
) -> Result<(), CourseError> {
    let mut active = module.into_active_model();
    active.title = Set(clean_title(title)?);
    active.update(db).await?;
    Ok(())
}

/// A lesson of `video`, which must be one the trainer may use, at the end of the module.
pub async fn add_lesson(
    db: &impl ConnectionTrait,
    module_id: i64,
    video: &video::Model,
    title: &str,
    body: &str,
) -> Result<lesson::Model, CourseError> {
    let (title, body) = (clean_title(title)?, clean_text(body)?);
    let now = Utc::now();
    Ok(lesson::ActiveModel {
        module_id: Set(module_id),
        video_id: Set(video.id),
        title: Set(title),
        body: Set(body),
        position: Set(lesson_count(db, module_id).await?),
        threshold: Set(None),
        pass_required: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// What a trainer may change on a lesson.
#[derive(Clone, Debug)]
pub struct LessonFields {
    pub title: String,
    pub body: String,
    pub video_id: i64,
    pub threshold: Option<f64>,
    pub pass_required: Option<i32>,
}

pub async fn update_lesson(
    db: &impl ConnectionTrait,
    lesson: lesson::Model,
    fields: LessonFields,
) -> Result<lesson::Model, CourseError> {
    let mut active = lesson.into_active_model();
    active.title = Set(clean_title(&fields.title)?);
    active.body = Set(clean_text(&fields.body)?);
    active.video_id = Set(fields.video_id);
    active.threshold = Set(fields.threshold);
    active.pass_required = Set(fields.pass_required);
    active.updated_at = Set(Utc::now());
    Ok(active.update(db).await?)
}

async fn lesson_count(db: &impl ConnectionTrait, module_id: i64) -> Result<i32, DbErr> {
    Ok(lesson::Entity::find()
        .filter(lesson::Column::ModuleId.eq(module_id))
        .all(db)
        .await?
        .len() as i32)
}

/// Swaps the module with its neighbour; at either end nothing changes.
pub async fn move_module(
    db: &DatabaseConnection,
    moving: module::Model,
    direction: Direction,
) -> Result<(), DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let siblings = module::Entity::find()
        .filter(module::Column::CourseId.eq(moving.course_id))
        .order_by_asc(module::Column::Position)
        .order_by_asc(module::Column::Id)
        .all(&txn)
        .await?;
    let ids: Vec<i64> = siblings.iter().map(|m| m.id).collect();
    for (position, id) in reordered(&ids, moving.id, direction).into_iter().enumerate() {
        module::Entity::update_many()
            .col_expr(
                module::Column::Position,
                sea_orm::sea_query::Expr::value(position as i32),
            )
            .filter(module::Column::Id.eq(id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await
}

/// Swaps the lesson with its neighbour in its module.
pub async fn move_lesson(
    db: &DatabaseConnection,
    moving: lesson::Model,
    direction: Direction,
) -> Result<(), DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let ids = lesson_ids_in(&txn, moving.module_id).await?;
    renumber_lessons(&txn, &reordered(&ids, moving.id, direction)).await?;
    txn.commit().await
}

/// Puts the lesson at the end of another module (of the same course); progress stays, as
/// it belongs to the lesson.
pub async fn move_lesson_to_module(
    db: &DatabaseConnection,
    moving: lesson::Model,
    target: &module::Model,
) -> Result<(), DbErr> {
    if moving.module_id == target.id {
        return Ok(());
    }
    let txn = crate::db::begin_write(db).await?;
    let old_module = moving.module_id;
    let mut ids = lesson_ids_in(&txn, target.id).await?;
    ids.push(moving.id);
    lesson::Entity::update_many()
        .col_expr(
            lesson::Column::ModuleId,
            sea_orm::sea_query::Expr::value(target.id),
        )
        .filter(lesson::Column::Id.eq(moving.id))
        .exec(&txn)
        .await?;
    renumber_lessons(&txn, &ids).await?;
    let rest = lesson_ids_in(&txn, old_module).await?;
    renumber_lessons(&txn, &rest).await?;
    txn.commit().await
}

async fn lesson_ids_in(db: &impl ConnectionTrait, module_id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(lesson::Entity::find()
        .filter(lesson::Column::ModuleId.eq(module_id))
        .order_by_asc(lesson::Column::Position)
        .order_by_asc(lesson::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.id)
        .collect())
}

async fn renumber_lessons(db: &impl ConnectionTrait, ids: &[i64]) -> Result<(), DbErr> {
    for (position, id) in ids.iter().enumerate() {
        lesson::Entity::update_many()
            .col_expr(
                lesson::Column::Position,
                sea_orm::sea_query::Expr::value(position as i32),
            )
            .filter(lesson::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Puts the course's modules in the order given (drag and drop). `ids` must name each
/// module of the course exactly once.
pub async fn set_module_order(
    db: &DatabaseConnection,
    course_id: i64,
    ids: &[i64],
) -> Result<(), CourseError> {
    let txn = crate::db::begin_write(db).await?;
    let current: Vec<i64> = module::Entity::find()
        .filter(module::Column::CourseId.eq(course_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    if !same_members(&current, ids) {
        return Err(CourseError::Invalid("course-error-order"));
    }
    for (position, id) in ids.iter().enumerate() {
        module::Entity::update_many()
            .col_expr(
                module::Column::Position,
                sea_orm::sea_query::Expr::value(position as i32),
            )
            .filter(module::Column::Id.eq(*id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Puts the module's lessons in the order given; `ids` must name each of them once.
pub async fn set_lesson_order(
    db: &DatabaseConnection,
    module_id: i64,
    ids: &[i64],
) -> Result<(), CourseError> {
    let txn = crate::db::begin_write(db).await?;
    if !same_members(&lesson_ids_in(&txn, module_id).await?, ids) {
        return Err(CourseError::Invalid("course-error-order"));
    }
    renumber_lessons(&txn, ids).await?;
    txn.commit().await?;
    Ok(())
}

/// True when `b` holds exactly the ids of `a`, each once.
fn same_members(a: &[i64], b: &[i64]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// `ids` with `id` swapped one place up or down.
fn reordered(ids: &[i64], id: i64, direction: Direction) -> Vec<i64> {
    let mut out = ids.to_vec();
    if let Some(i) = out.iter().position(|x| *x == id) {
        match direction {
            Direction::Up if i > 0 => out.swap(i, i - 1),
            Direction::Down if i + 1 < out.len() => out.swap(i, i + 1),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        assert_eq!(reordered(&[1, 2, 3], 2, Direction::Up), vec![2, 1, 3]);
        assert_eq!(reordered(&[1, 2, 3], 2, Direction::Down), vec![1, 3, 2]);
        assert_eq!(reordered(&[1, 2, 3], 1, Direction::Up), vec![1, 2, 3]);
        assert_eq!(reordered(&[1, 2, 3], 3, Direction::Down), vec![1, 2, 3]);
        assert_eq!(reordered(&[1, 2, 3], 9, Direction::Down), vec![1, 2, 3]);
    }

    #[test]
    fn an_order_must_name_every_item_once() {
        assert!(same_members(&[1, 2, 3], &[3, 1, 2]));
        assert!(!same_members(&[1, 2, 3], &[1, 2]));
        assert!(!same_members(&[1, 2, 3], &[1, 2, 2, 3]));
        assert!(!same_members(&[1, 2, 3], &[1, 2, 4]));
    }

    #[test]
    fn titles_are_one_line_and_not_empty() {
        assert!(clean_title("  Prozente  ").is_ok_and(|t| t == "Prozente"));
        assert!(clean_title("   ").is_err());
        assert!(clean_title("a\nb").is_err());
        assert!(clean_title(&"x".repeat(121)).is_err());
    }
}
