//! xAPI export of what learners did with lesson videos, as statements of the ADL xAPI
//! Video Profile (<https://w3id.org/xapi/video>), for a Learning Record Store.
//!
//! Our learning events are mapped like this, per learner and lesson, in time order:
//!
//! - `opened` → **initialized**; it starts a video session (`session-id`). The session
//!   before it, if any, ends there.
//! - `played` holds the stretches of video time one heartbeat of the player reported.
//!   Stretches that continue each other (the next starts within
//!   [`MERGE_GAP_SECONDS`] of where the last ended, and less than [`IDLE_MINUTES`] later)
//!   are one continuous playback: **played** at its start (`time`), **paused** at its
//!   end (`time`, `played-segments`, `progress`). Our player reports only what it played,
//!   so "paused" means "playback stopped here": paused, jumped, or left the page.
//! - A playback that starts somewhere else than where the last one in the same session
//!   stopped is preceded by **seeked** (`time-from` = where it stopped, `time-to` = where it
//!   starts).
//! - `completed` → **completed** with `progress` and `completion-threshold` as the engine
//!   judged them, the `played-segments` so far and `result.duration` (video time played,
//!   divided by the playback rate).
//! - The last playback of a session gets its **paused** once the session is over: the
//!   lesson was opened again, or nothing came for [`IDLE_MINUTES`].
//! - `answered` events and "watched together" room credit are not video interactions and
//!   are not exported.
//!
//! `played-segments` covers the whole registration (one learner in one lesson, our
//! `context.registration`), in the order played, each segment `start[.]end`, joined by
//! `[,]`. `progress` is the share of the video in their union. Times are seconds with at
//! most three decimals.
//!
//! Statement timestamps: initialized and completed at the event's time; played, paused
//! and seeked at the time the server received the heartbeat, less the video time played
//! after that point in the same heartbeat (divided by the rate) — within the heartbeat's
//! few seconds of the true moment.
//!
//! The actor is pseudonymous: an `account` on this server named `learner-<id>`, never a
//! nickname. Statement, session and registration ids are name-based UUIDs (SHA-256 of the
//! server address and what the statement stands for, version bits 5), so exporting again
//! gives the same ids and a Learning Record Store keeps one copy.

use std::collections::HashMap;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use entities::{learning_event, video};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::completion;
use super::groups;
use super::intervals::{Interval, WatchedSet, MERGE_GAP_SECONDS};
use super::reports::group_trees;

/// The profile's id, also its category activity.
pub const PROFILE: &str = "https://w3id.org/xapi/video";
pub const VIDEO_ACTIVITY_TYPE: &str = "https://w3id.org/xapi/video/activity-type/video";
const EXTENSION: &str = "https://w3id.org/xapi/video/extensions/";

/// After this long without playback, a session's last playback counts as stopped.
pub const IDLE_MINUTES: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Initialized,
    Played,
    Paused,
    Seeked,
    Completed,
}

impl Verb {
    pub fn id(self) -> &'static str {
        match self {
            Verb::Initialized => "http://adlnet.gov/expapi/verbs/initialized",
            Verb::Played => "https://w3id.org/xapi/video/verbs/played",
            Verb::Paused => "https://w3id.org/xapi/video/verbs/paused",
            Verb::Seeked => "https://w3id.org/xapi/video/verbs/seeked",
            Verb::Completed => "http://adlnet.gov/expapi/verbs/completed",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Verb::Initialized => "initialized",
            Verb::Played => "played",
            Verb::Paused => "paused",
            Verb::Seeked => "seeked",
            Verb::Completed => "completed",
        }
    }
}

/// What a statement says about the lesson it is about.
#[derive(Clone, Debug)]
pub struct LessonFacts {
    pub lesson_id: i64,
    pub title: String,
    pub course_id: i64,
    pub course_title: String,
    /// Language of the course (a code such as "de"), for names and `context.language`.
    pub language: String,
    /// Length of the video in seconds, when known.
    pub length: Option<f64>,
    /// Share of the video to watch for completion.
    pub threshold: f64,
}

/// All statements for the members of a group in the lessons of its courses, per learner
/// (member order), then per lesson (course order). `home_page` is the server's base URL
/// without a trailing slash; `now` decides whether a session is over.
pub async fn group_statements(
    db: &impl ConnectionTrait,
    group_id: i64,
    home_page: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Value>, DbErr> {
    let members = groups::members(db, group_id).await?;
    let trees = group_trees(db, group_id).await?;
    let video_ids: Vec<i64> = trees
        .iter()
        .flat_map(|t| {
            t.modules
                .iter()
                .flat_map(|m| m.lessons.iter().map(|l| l.video_id))
        })
        .collect();
    let lengths: HashMap<i64, Option<f64>> = video::Entity::find()
        .filter(video::Column::Id.is_in(video_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v.duration_seconds))
        .collect();
    let mut lessons = Vec::new();
    for tree in &trees {
        for lesson in tree.modules.iter().flat_map(|m| &m.lessons) {
            let length = lengths.get(&lesson.video_id).copied().flatten();
            lessons.push(LessonFacts {
                lesson_id: lesson.id,
                title: lesson.title.clone(),
                course_id: tree.course.id,
                course_title: tree.course.title.clone(),
                language: tree.course.language.clone(),
                length,
                threshold: completion::effective_threshold(length.unwrap_or(f64::NAN), lesson.threshold),
            });
        }
    }
    let member_ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let lesson_ids: Vec<i64> = lessons.iter().map(|l| l.lesson_id).collect();
    let mut lanes: HashMap<(i64, i64), Vec<learning_event::Model>> = HashMap::new();
    for event in learning_event::Entity::find()
        .filter(learning_event::Column::LearnerId.is_in(member_ids.clone()))
        .filter(learning_event::Column::LessonId.is_in(lesson_ids))
        .filter(learning_event::Column::Kind.is_in(["opened", "played", "completed"]))
        .order_by_asc(learning_event::Column::At)
        .order_by_asc(learning_event::Column::Id)
        .all(db)
        .await?
    {
        lanes
            .entry((event.learner_id, event.lesson_id))
            .or_default()
            .push(event);
    }
    let mut statements = Vec::new();
    for learner_id in member_ids {
        for lesson in &lessons {
            if let Some(events) = lanes.get(&(learner_id, lesson.lesson_id)) {
                statements.extend(lane_statements(home_page, learner_id, lesson, events, now));
            }
        }
    }
    Ok(statements)
}

/// The statements for one learner in one lesson, from their events in time order.
pub fn lane_statements(
    home_page: &str,
    learner_id: i64,
    lesson: &LessonFacts,
    events: &[learning_event::Model],
    now: DateTime<Utc>,
) -> Vec<Value> {
    let mut lane = Lane {
        home_page,
        learner_id,
        lesson,
        out: Vec::new(),
        last_stamp: None,
        session: None,
        open: None,
        segments: Vec::new(),
        spent_seconds: 0.0,
    };
    for event in events {
        match event.kind.as_str() {
            "opened" => lane.opened(event),
            "played" => lane.played(event),
            "completed" => lane.completed(event),
            _ => {}
        }
    }
    if let Some(open) = &lane.open {
        if now - open.wall_end >= Duration::minutes(IDLE_MINUTES) {
            lane.stop();
        }
    }
    lane.out
}

/// A continuous playback not yet known to have stopped.
struct Playback {
    end: f64,
    wall_end: DateTime<Utc>,
    /// The event and interval index that last extended it: the paused statement's name.
    key: (i64, usize),
}

struct Lane<'a> {
    home_page: &'a str,
    learner_id: i64,
    lesson: &'a LessonFacts,
    out: Vec<Value>,
    last_stamp: Option<DateTime<Utc>>,
    /// The session id, once the lesson was opened (or played without an opening).
    session: Option<String>,
    open: Option<Playback>,
    /// Every playback of the registration, in order.
    segments: Vec<Interval>,
    /// Wall-clock seconds of playback: video time over rate.
    spent_seconds: f64,
}

#[derive(Deserialize)]
struct PlayedDetail {
    #[serde(default)]
    intervals: Vec<Interval>,
    #[serde(default = "normal_rate")]
    rate: f64,
}

fn normal_rate() -> f64 {
    1.0
}

#[derive(Deserialize, Default)]
struct CompletedDetail {
    coverage: Option<f64>,
    threshold: Option<f64>,
}

impl Lane<'_> {
    fn opened(&mut self, event: &learning_event::Model) {
        self.stop();
        let session = self.uuid(&format!("session/{}", event.id));
        self.session = Some(session);
        let stamp = self.stamp(event.at);
        let mut context = self.context_extensions();
        self.add_length_and_threshold(&mut context, self.lesson.threshold);
        let id = self.uuid(&format!("statement/initialized/{}", event.id));
        self.push(id, Verb::Initialized, stamp, None, context);
    }

    fn played(&mut self, event: &learning_event::Model) {
        if self.session.is_none() {
            self.session = Some(self.uuid(&format!("session/{}", event.id)));
        }
        let Ok(detail) = serde_json::from_str::<PlayedDetail>(&event.detail) else {
            return;
        };
        let rate = if detail.rate.is_finite() && detail.rate > 0.0 {
            detail.rate
        } else {
            1.0
        };
        let usable: Vec<Interval> = detail
            .intervals
            .into_iter()
            .filter(|i| i.start.is_finite() && i.end.is_finite() && i.start >= 0.0 && i.end > i.start)
            .collect();
        let mut after: f64 = usable.iter().map(Interval::length).sum();
        for (index, interval) in usable.iter().enumerate() {
            let wall_start = event.at - seconds(after / rate);
            after -= interval.length();
            let wall_end = event.at - seconds(after / rate);
            self.spent_seconds += interval.length() / rate;
            self.play(event.id, index, *interval, wall_start, wall_end);
        }
    }

    fn play(
        &mut self,
        event_id: i64,
        index: usize,
        interval: Interval,
        wall_start: DateTime<Utc>,
        wall_end: DateTime<Utc>,
    ) {
        if let Some(open) = &mut self.open {
            let continues = (interval.start - open.end).abs() < MERGE_GAP_SECONDS
                && wall_start - open.wall_end < Duration::minutes(IDLE_MINUTES);
            if continues {
                open.end = interval.end;
                open.wall_end = wall_end;
                open.key = (event_id, index);
                if let Some(last) = self.segments.last_mut() {
                    last.end = interval.end;
                }
                return;
            }
        }
        let stopped_at = self.open.as_ref().map(|o| o.end);
        self.stop();
        let stamp = self.stamp(wall_start);
        if let Some(from) = stopped_at.filter(|from| (interval.start - from).abs() >= MERGE_GAP_SECONDS) {
            let mut result = Map::new();
            result.insert(ext("time-from"), number(from));
            result.insert(ext("time-to"), number(interval.start));
            let id = self.uuid(&format!("statement/seeked/{event_id}/{index}"));
            let context = self.context_extensions();
            self.push(id, Verb::Seeked, stamp, Some(extensions(result)), context);
        }
        let mut result = Map::new();
        result.insert(ext("time"), number(interval.start));
        let id = self.uuid(&format!("statement/played/{event_id}/{index}"));
        let context = self.context_extensions();
        self.push(id, Verb::Played, stamp, Some(extensions(result)), context);
        self.segments.push(interval);
        self.open = Some(Playback {
            end: interval.end,
            wall_end,
            key: (event_id, index),
        });
    }

    /// Ends the current playback, if any, with a paused statement.
    fn stop(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let stamp = self.stamp(open.wall_end);
        let mut result = Map::new();
        result.insert(ext("time"), number(open.end));
        result.insert(
            ext("played-segments"),
            Value::String(played_segments(&self.segments)),
        );
        result.insert(ext("progress"), number(self.progress()));
        let mut context = self.context_extensions();
        self.add_length_and_threshold(&mut context, self.lesson.threshold);
        let (event_id, index) = open.key;
        let id = self.uuid(&format!("statement/paused/{event_id}/{index}"));
        self.push(id, Verb::Paused, stamp, Some(extensions(result)), context);
    }

    fn completed(&mut self, event: &learning_event::Model) {
        if self.session.is_none() {
            self.session = Some(self.uuid(&format!("session/{}", event.id)));
        }
        let detail: CompletedDetail = serde_json::from_str(&event.detail).unwrap_or_default();
        let stamp = self.stamp(event.at);
        let time = self
            .open
            .as_ref()
            .map(|o| o.end)
            .or(self.segments.last().map(|s| s.end))
            .unwrap_or(0.0);
        let mut result = Map::new();
        result.insert(ext("time"), number(time));
        result.insert(
            ext("played-segments"),
            Value::String(played_segments(&self.segments)),
        );
        result.insert(
            ext("progress"),
            number(detail.coverage.unwrap_or_else(|| self.progress())),
        );
        let mut context = self.context_extensions();
        self.add_length_and_threshold(&mut context, detail.threshold.unwrap_or(self.lesson.threshold));
        let result = json!({
            "completion": true,
            "duration": iso_duration(self.spent_seconds),
            "extensions": Value::Object(result),
        });
        let id = self.uuid(&format!("statement/completed/{}", event.id));
        self.push(id, Verb::Completed, stamp, Some(result), context);
    }

    /// Share of the video in the union of everything played so far.
    fn progress(&self) -> f64 {
        let length = self.lesson.length.unwrap_or(0.0);
        WatchedSet::from_intervals(self.segments.iter().copied()).coverage(length)
    }

    /// `at`, but never before the statement made last: the lane's statements stay in order.
    fn stamp(&mut self, at: DateTime<Utc>) -> DateTime<Utc> {
        let stamp = self.last_stamp.map_or(at, |last| last.max(at));
        self.last_stamp = Some(stamp);
        stamp
    }

    fn context_extensions(&self) -> Map<String, Value> {
        let mut context = Map::new();
        if let Some(session) = &self.session {
            context.insert(ext("session-id"), Value::String(session.clone()));
        }
        context
    }

    fn add_length_and_threshold(&self, context: &mut Map<String, Value>, threshold: f64) {
        if let Some(length) = self.lesson.length.filter(|l| l.is_finite() && *l > 0.0) {
            context.insert(ext("length"), number(length));
        }
        context.insert(ext("completion-threshold"), number(threshold));
    }

    fn uuid(&self, name: &str) -> String {
        name_uuid(&format!("{}/{}", self.home_page, name))
    }

    fn push(
        &mut self,
        id: String,
        verb: Verb,
        stamp: DateTime<Utc>,
        result: Option<Value>,
        context_extensions: Map<String, Value>,
    ) {
        let home = self.home_page;
        let lesson = self.lesson;
        let name = |text: &str| json!({ lesson.language.clone(): text });
        let mut statement = json!({
            "id": id,
            "actor": {
                "objectType": "Agent",
                "account": { "homePage": home, "name": format!("learner-{}", self.learner_id) },
            },
            "verb": { "id": verb.id(), "display": { "en-US": verb.name() } },
            "object": {
                "objectType": "Activity",
                "id": format!("{home}/learn/lessons/{}", lesson.lesson_id),
                "definition": { "type": VIDEO_ACTIVITY_TYPE, "name": name(&lesson.title) },
            },
            "context": {
                "registration": self.uuid(&format!("registration/{}/{}", self.learner_id, lesson.lesson_id)),
                "language": lesson.language,
                "contextActivities": {
                    "category": [{
                        "objectType": "Activity",
                        "id": PROFILE,
                        "definition": { "type": "http://adlnet.gov/expapi/activities/profile" },
                    }],
                    "parent": [{
                        "objectType": "Activity",
                        "id": format!("{home}/courses/{}", lesson.course_id),
                        "definition": {
                            "type": "http://adlnet.gov/expapi/activities/course",
                            "name": name(&lesson.course_title),
                        },
                    }],
                },
                "extensions": Value::Object(context_extensions),
            },
            "timestamp": stamp.to_rfc3339_opts(SecondsFormat::Millis, true),
        });
        if let (Some(result), Some(object)) = (result, statement.as_object_mut()) {
            object.insert("result".into(), result);
        }
        self.out.push(statement);
    }
}

fn ext(name: &str) -> String {
    format!("{EXTENSION}{name}")
}

fn extensions(map: Map<String, Value>) -> Value {
    json!({ "extensions": Value::Object(map) })
}

fn seconds(value: f64) -> Duration {
    if value.is_finite() {
        Duration::milliseconds((value * 1000.0).round() as i64)
    } else {
        Duration::zero()
    }
}

/// A number with at most three decimals, as the profile asks.
fn number(value: f64) -> Value {
    let rounded = (value * 1000.0).round() / 1000.0;
    serde_json::Number::from_f64(rounded).map_or(Value::Null, Value::Number)
}

/// Seconds as the profile writes them: at most three decimals, no trailing zeros.
fn time_text(value: f64) -> String {
    let text = format!("{:.3}", (value * 1000.0).round() / 1000.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".into()
    } else {
        text.to_owned()
    }
}

/// `0[.]20[,]20[.]50`: each segment `start[.]end`, in the order played.
pub fn played_segments(segments: &[Interval]) -> String {
    segments
        .iter()
        .map(|s| format!("{}[.]{}", time_text(s.start), time_text(s.end)))
        .collect::<Vec<_>>()
        .join("[,]")
}

/// An ISO 8601 duration such as `PT95.5S`.
fn iso_duration(seconds: f64) -> String {
    let seconds = if seconds.is_finite() {
        seconds.max(0.0)
    } else {
        0.0
    };
    let text = format!("{:.2}", seconds);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("PT{text}S")
}

/// A name-based UUID: the first 16 bytes of SHA-256(`name`) with the version bits of a
/// name-based UUID (5) and the RFC 4122 variant, so strict validators accept it.
pub fn name_uuid(name: &str) -> String {
    let digest = Sha256::digest(name.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex::encode(bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
#[path = "xapi_tests.rs"]
mod tests;
