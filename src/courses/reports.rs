//! Reports for trainers: a group's learners × the lessons of its courses, and one
//! learner's timeline. Read-only; the web layer turns these into pages, CSV and JSON.
//!
//! "Watched together" credit (room viewings) is reported apart from a learner's own
//! state: it never makes a lesson complete.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entities::{course, group, learning_event, lesson, lesson_progress, module, room_viewing, user};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::completion::{lesson_state, LessonState};
use super::groups;
use super::intervals::Interval;
use super::learning;
use super::progress;
use super::scope::ViewerScope;
use super::structure::{self, CourseTree};

/// A learner as a report names them: the nickname if there is one, else their number.
#[derive(Clone, Debug, Serialize)]
pub struct LearnerInfo {
    pub id: i64,
    pub nickname: Option<String>,
    /// What to show: the nickname, or `#<id>`.
    pub label: String,
}

impl LearnerInfo {
    pub fn of(learner: &user::Model) -> LearnerInfo {
        LearnerInfo {
            id: learner.id,
            nickname: learner.nickname.clone(),
            label: learner
                .nickname
                .clone()
                .unwrap_or_else(|| format!("#{}", learner.id)),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct GroupInfo {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct LessonColumn {
    pub id: i64,
    pub title: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ModuleColumns {
    pub id: i64,
    pub title: String,
    pub lessons: Vec<LessonColumn>,
}

/// One learner in one lesson.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub lesson_id: i64,
    pub state: LessonState,
    /// Share of the video the learner played themselves, 0..=100 (rounded down).
    pub watched_percent: u8,
    /// How often the trainer credited the learner as present when the lesson was shown
    /// in a room. Shown apart from `state`.
    pub watched_together: usize,
}

/// One learner in one module: the cells and how many lessons are complete.
#[derive(Clone, Debug, Serialize)]
pub struct ModuleRow {
    pub module_id: i64,
    pub done: usize,
    pub total: usize,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CourseRow {
    pub learner_id: i64,
    pub label: String,
    pub done: usize,
    pub total: usize,
    pub modules: Vec<ModuleRow>,
}

/// One course of the group: its columns (modules and lessons in order) and a row per
/// learner, in the same order as [`GroupReport::learners`].
#[derive(Clone, Debug, Serialize)]
pub struct CourseReport {
    pub id: i64,
    pub title: String,
    pub published: bool,
    pub modules: Vec<ModuleColumns>,
    pub lesson_count: usize,
    pub rows: Vec<CourseRow>,
}

/// A learner across all courses of the group.
#[derive(Clone, Debug, Serialize)]
pub struct LearnerSummary {
    #[serde(flatten)]
    pub learner: LearnerInfo,
    /// Latest own activity in the group's lessons: progress saved or a learning event.
    pub last_activity: Option<DateTime<Utc>>,
    pub done: usize,
    pub total: usize,
    pub watched_together: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct GroupReport {
    pub group: GroupInfo,
    pub learners: Vec<LearnerSummary>,
    pub courses: Vec<CourseReport>,
}

/// The trees of the courses assigned to the group, in assignment-list order.
pub async fn group_trees(db: &impl ConnectionTrait, group_id: i64) -> Result<Vec<CourseTree>, DbErr> {
    let mut trees = Vec::new();
    for course in groups::courses(db, group_id).await? {
        trees.push(structure::tree(db, course).await?);
    }
    Ok(trees)
}

/// The matrix of the group's members × the lessons of its courses.
pub async fn group_report(db: &impl ConnectionTrait, group: &group::Model) -> Result<GroupReport, DbErr> {
    let members = groups::members(db, group.id).await?;
    let trees = group_trees(db, group.id).await?;
    let member_ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let lesson_ids: Vec<i64> = trees.iter().flat_map(CourseTree::lesson_ids).collect();

    let progress: HashMap<(i64, i64), lesson_progress::Model> = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LearnerId.is_in(member_ids.clone()))
        .filter(lesson_progress::Column::LessonId.is_in(lesson_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| ((p.learner_id, p.lesson_id), p))
        .collect();
    let with_questions = progress::lessons_with_questions(db, lesson_ids.clone()).await?;
    let mut together: HashMap<(i64, i64), usize> = HashMap::new();
    for viewing in room_viewing::Entity::find()
        .filter(room_viewing::Column::LearnerId.is_in(member_ids.clone()))
        .filter(room_viewing::Column::LessonId.is_in(lesson_ids.clone()))
        .all(db)
        .await?
    {
        *together
            .entry((viewing.learner_id, viewing.lesson_id))
            .or_default() += 1;
    }

    let mut learners = Vec::new();
    for member in &members {
        let latest_event = learning_event::Entity::find()
            .filter(learning_event::Column::LearnerId.eq(member.id))
            .filter(learning_event::Column::LessonId.is_in(lesson_ids.clone()))
            .order_by_desc(learning_event::Column::At)
            .limit(1)
            .one(db)
            .await?
            .map(|e| e.at);
        let latest_progress = progress
            .values()
            .filter(|p| p.learner_id == member.id)
            .map(|p| p.updated_at)
            .max();
        learners.push(LearnerSummary {
            learner: LearnerInfo::of(member),
            last_activity: latest_event.max(latest_progress),
            done: 0,
            total: 0,
            watched_together: 0,
        });
    }

    let facts = Facts {
        progress: &progress,
        with_questions: &with_questions,
        together: &together,
    };
    let courses: Vec<CourseReport> = trees
        .iter()
        .map(|tree| course_report(tree, &learners, &facts))
        .collect();
    for (index, learner) in learners.iter_mut().enumerate() {
        for row in courses.iter().filter_map(|c| c.rows.get(index)) {
            learner.done += row.done;
            learner.total += row.total;
            learner.watched_together += row
                .modules
                .iter()
                .flat_map(|m| &m.cells)
                .map(|c| c.watched_together)
                .sum::<usize>();
        }
    }
    Ok(GroupReport {
        group: GroupInfo {
            id: group.id,
            name: group.name.clone(),
        },
        learners,
        courses,
    })
}

/// What the matrix is built from, fetched once for the whole group.
struct Facts<'a> {
    progress: &'a HashMap<(i64, i64), lesson_progress::Model>,
    with_questions: &'a HashSet<i64>,
    together: &'a HashMap<(i64, i64), usize>,
}

impl Facts<'_> {
    fn cell(&self, learner_id: i64, lesson_id: i64) -> Cell {
        let row = self.progress.get(&(learner_id, lesson_id));
        let state = row.map_or(LessonState::NotStarted, |p| {
            lesson_state(
                p.coverage,
                p.video_complete,
                self.with_questions.contains(&lesson_id),
                p.checks_passed,
            )
        });
        Cell {
            lesson_id,
            state,
            watched_percent: row.map_or(0, |p| percent(p.coverage)),
            watched_together: self.together.get(&(learner_id, lesson_id)).copied().unwrap_or(0),
        }
    }
}

fn course_report(tree: &CourseTree, learners: &[LearnerSummary], facts: &Facts<'_>) -> CourseReport {
    let modules: Vec<ModuleColumns> = tree
        .modules
        .iter()
        .map(|m| ModuleColumns {
            id: m.module.id,
            title: m.module.title.clone(),
            lessons: m
                .lessons
                .iter()
                .map(|l| LessonColumn {
                    id: l.id,
                    title: l.title.clone(),
                })
                .collect(),
        })
        .collect();
    let rows = learners
        .iter()
        .map(|learner| {
            let id = learner.learner.id;
            let modules: Vec<ModuleRow> = modules
                .iter()
                .map(|m| {
                    let cells: Vec<Cell> = m.lessons.iter().map(|l| facts.cell(id, l.id)).collect();
                    ModuleRow {
                        module_id: m.id,
                        done: cells.iter().filter(|c| c.state == LessonState::Complete).count(),
                        total: cells.len(),
                        cells,
                    }
                })
                .collect();
            CourseRow {
                learner_id: id,
                label: learner.learner.label.clone(),
                done: modules.iter().map(|m| m.done).sum(),
                total: modules.iter().map(|m| m.total).sum(),
                modules,
            }
        })
        .collect();
    CourseReport {
        id: tree.course.id,
        title: tree.course.title.clone(),
        published: tree.course.published,
        lesson_count: modules.iter().map(|m| m.lessons.len()).sum(),
        modules,
        rows,
    }
}

/// A share (0..=1) as a whole percentage, rounded down; odd values give 0 or 100.
fn percent(share: f64) -> u8 {
    if share.is_finite() {
        (share.clamp(0.0, 1.0) * 100.0).floor() as u8
    } else {
        0
    }
}

/// What happened, as the timeline shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Happening {
    /// The learner opened the lesson page.
    Opened,
    /// The learner's player reported these stretches of the video as played.
    Played { intervals: Vec<Interval>, position: f64 },
    /// Enough of the video was watched.
    Completed { coverage: f64, threshold: f64 },
    /// An attempt at the lesson's questions.
    Answered { correct: u32, total: u32, passed: bool },
    /// The trainer credited the learner as present when the lesson was shown in a room.
    WatchedTogether { group_id: i64, group_name: String },
}

#[derive(Clone, Debug, Serialize)]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub lesson_id: i64,
    pub lesson_title: String,
    pub course_id: Option<i64>,
    pub course_title: String,
    #[serde(flatten)]
    pub what: Happening,
}

/// A learner's course state in short.
#[derive(Clone, Debug, Serialize)]
pub struct CourseSummary {
    pub id: i64,
    pub title: String,
    pub done: usize,
    pub total: usize,
    pub percent: u8,
    pub complete: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct LearnerReport {
    pub learner: LearnerInfo,
    pub courses: Vec<CourseSummary>,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
    /// Whether older entries were left out (see `limit` of [`learner_report`]).
    pub truncated: bool,
}

#[derive(Deserialize)]
struct PlayedDetail {
    #[serde(default)]
    intervals: Vec<Interval>,
    #[serde(default)]
    position: f64,
}

#[derive(Deserialize)]
struct CompletedDetail {
    #[serde(default)]
    coverage: f64,
    #[serde(default)]
    threshold: f64,
}

#[derive(Deserialize)]
struct AnsweredDetail {
    #[serde(default)]
    correct: u32,
    #[serde(default)]
    total: u32,
    #[serde(default)]
    passed: bool,
}

/// The timeline entry for a stored learning event; `None` for kinds this version does
/// not know. Details that do not parse show as empty rather than failing the report.
fn happening(event: &learning_event::Model) -> Option<Happening> {
    let detail = event.detail.as_str();
    Some(match event.kind.as_str() {
        "opened" => Happening::Opened,
        "played" => {
            let d: PlayedDetail = serde_json::from_str(detail).unwrap_or(PlayedDetail {
                intervals: Vec::new(),
                position: 0.0,
            });
            Happening::Played {
                intervals: d.intervals,
                position: d.position,
            }
        }
        "completed" => {
            let d: CompletedDetail = serde_json::from_str(detail).unwrap_or(CompletedDetail {
                coverage: 0.0,
                threshold: 0.0,
            });
            Happening::Completed {
                coverage: d.coverage,
                threshold: d.threshold,
            }
        }
        "answered" => {
            let d: AnsweredDetail = serde_json::from_str(detail).unwrap_or(AnsweredDetail {
                correct: 0,
                total: 0,
                passed: false,
            });
            Happening::Answered {
                correct: d.correct,
                total: d.total,
                passed: d.passed,
            }
        }
        _ => return None,
    })
}

/// The learner's courses and their timeline (learning events and room viewings, newest
/// first). With `limit`, only that many of the newest entries.
pub async fn learner_report(
    db: &impl ConnectionTrait,
    learner: &user::Model,
    scope: Option<&ViewerScope>,
    limit: Option<u64>,
) -> Result<LearnerReport, DbErr> {
    let courses = learning::courses(db, learner.id)
        .await?
        .into_iter()
        .filter(|c| scope.is_none_or(|s| s.courses.contains(&c.course.id)))
        .map(|c| CourseSummary {
            id: c.course.id,
            title: c.course.title,
            done: c.done,
            total: c.total,
            percent: c.percent,
            complete: c.complete,
        })
        .collect();

    // One more than asked for tells whether anything was left out.
    let fetch = limit.map(|n| n.saturating_add(1));
    let mut events = learning_event::Entity::find()
        .filter(learning_event::Column::LearnerId.eq(learner.id))
        .order_by_desc(learning_event::Column::At)
        .order_by_desc(learning_event::Column::Id);
    if let Some(scope) = scope {
        events = events.filter(learning_event::Column::LessonId.is_in(scope.lessons.iter().copied()));
    }
    if let Some(n) = fetch {
        events = events.limit(n);
    }
    let events = events.all(db).await?;
    let mut viewings = room_viewing::Entity::find()
        .filter(room_viewing::Column::LearnerId.eq(learner.id))
        .order_by_desc(room_viewing::Column::At)
        .order_by_desc(room_viewing::Column::Id);
    if let Some(scope) = scope {
        viewings = viewings.filter(room_viewing::Column::GroupId.is_in(scope.groups.iter().copied()));
    }
    if let Some(n) = fetch {
        viewings = viewings.limit(n);
    }
    let viewings = viewings.all(db).await?;

    let lesson_ids: HashSet<i64> = events
        .iter()
        .map(|e| e.lesson_id)
        .chain(viewings.iter().map(|v| v.lesson_id))
        .collect();
    let titles = Titles::load(db, lesson_ids.into_iter().collect()).await?;
    let group_ids: Vec<i64> = viewings.iter().map(|v| v.group_id).collect();
    let group_names: HashMap<i64, String> = group::Entity::find()
        .filter(group::Column::Id.is_in(group_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();

    // (at, source, id) → entry: a stable order even for entries of the same instant.
    let mut entries: Vec<(SortKey, TimelineEntry)> = Vec::new();
    for event in &events {
        if let Some(what) = happening(event) {
            entries.push((
                (event.at, 0, event.id),
                titles.entry(event.at, event.lesson_id, what),
            ));
        }
    }
    for viewing in &viewings {
        let what = Happening::WatchedTogether {
            group_id: viewing.group_id,
            group_name: group_names.get(&viewing.group_id).cloned().unwrap_or_default(),
        };
        entries.push((
            (viewing.at, 1, viewing.id),
            titles.entry(viewing.at, viewing.lesson_id, what),
        ));
    }
    entries.sort_by_key(|(key, _)| std::cmp::Reverse(*key));
    let available = entries.len();
    let keep = limit.map_or(available, |n| usize::try_from(n).unwrap_or(usize::MAX));
    // Unknown event kinds are skipped, so count what the database held, not what is shown.
    let truncated = available > keep || fetch.is_some_and(|n| events.len() as u64 >= n);
    entries.truncate(keep);
    Ok(LearnerReport {
        learner: LearnerInfo::of(learner),
        courses,
        timeline: entries.into_iter().map(|(_, e)| e).collect(),
        truncated,
    })
}

/// When, which source (0: event, 1: room viewing) and which row: a total order.
type SortKey = (DateTime<Utc>, i64, i64);

/// Lesson and course titles for timeline entries.
struct Titles {
    lessons: HashMap<i64, (String, Option<i64>)>,
    courses: HashMap<i64, String>,
}

impl Titles {
    async fn load(db: &impl ConnectionTrait, lesson_ids: Vec<i64>) -> Result<Titles, DbErr> {
        let lessons = lesson::Entity::find()
            .filter(lesson::Column::Id.is_in(lesson_ids))
            .all(db)
            .await?;
        let module_ids: Vec<i64> = lessons.iter().map(|l| l.module_id).collect();
        let module_course: HashMap<i64, i64> = module::Entity::find()
            .filter(module::Column::Id.is_in(module_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.course_id))
            .collect();
        let course_ids: Vec<i64> = module_course.values().copied().collect();
        let courses = course::Entity::find()
            .filter(course::Column::Id.is_in(course_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.title))
            .collect();
        Ok(Titles {
            lessons: lessons
                .into_iter()
                .map(|l| (l.id, (l.title, module_course.get(&l.module_id).copied())))
                .collect(),
            courses,
        })
    }

    fn entry(&self, at: DateTime<Utc>, lesson_id: i64, what: Happening) -> TimelineEntry {
        let (lesson_title, course_id) = self.lessons.get(&lesson_id).cloned().unwrap_or_default();
        let course_title = course_id
            .and_then(|id| self.courses.get(&id).cloned())
            .unwrap_or_default();
        TimelineEntry {
            at,
            lesson_id,
            lesson_title,
            course_id,
            course_title,
            what,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn event(kind: &str, detail: &str) -> learning_event::Model {
        learning_event::Model {
            id: 1,
            learner_id: 2,
            lesson_id: 3,
            kind: kind.into(),
            at: Utc::now(),
            detail: detail.into(),
        }
    }

    #[test]
    fn events_become_happenings() {
        assert_eq!(happening(&event("opened", "{}")), Some(Happening::Opened));
        assert_eq!(
            happening(&event(
                "played",
                r#"{"intervals":[{"start":0,"end":20}],"position":20,"rate":1}"#
            )),
            Some(Happening::Played {
                intervals: vec![Interval::new(0.0, 20.0)],
                position: 20.0
            })
        );
        assert_eq!(
            happening(&event("answered", r#"{"correct":1,"total":2,"passed":false}"#)),
            Some(Happening::Answered {
                correct: 1,
                total: 2,
                passed: false
            })
        );
        assert_eq!(happening(&event("mystery", "{}")), None);
        // A broken detail shows as an empty entry instead of failing the whole report.
        assert_eq!(
            happening(&event("completed", "not json")),
            Some(Happening::Completed {
                coverage: 0.0,
                threshold: 0.0
            })
        );
    }

    #[test]
    fn happenings_serialize_with_their_kind() {
        let json = serde_json::to_value(Happening::WatchedTogether {
            group_id: 4,
            group_name: "Dienstag".into(),
        })
        .unwrap();
        assert_eq!(json["kind"], "watched_together");
        assert_eq!(json["group_name"], "Dienstag");
    }

    #[test]
    fn percent_is_rounded_down_and_bounded() {
        assert_eq!(percent(1.0 / 3.0), 33);
        assert_eq!(percent(1.0), 100);
        assert_eq!(percent(7.0), 100);
        assert_eq!(percent(-1.0), 0);
        assert_eq!(percent(f64::NAN), 0);
    }
}
