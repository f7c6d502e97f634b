//! Reports for trainers: a group's learning state as a page, CSV and JSON, its xAPI
//! statements, and one learner's timeline. Trainers see their own groups and learners
//! (anything else is 404), admins all; learners get 403.
//!
//! CSV, for German Excel: UTF-8 with a byte order mark (without it Excel reads Windows-1252
//! and breaks umlauts), `;` between fields (Excel's list separator in German settings,
//! where `,` is the decimal comma), CRLF line ends, a header row in the viewer's language.
//! Fields with `;`, `"`, CR or LF are quoted, quotes doubled. A field starting with `=`,
//! `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet never runs it as a formula.
//! The group CSV has one row per learner × lesson (long format: filters and pivot tables
//! work on it, and long titles do not make a huge header); the learner CSV one row per
//! timeline entry, newest first. Times in pages and CSV are German time (Europe/Berlin),
//! `YYYY-MM-DD HH:MM`, which Excel reads as a date; JSON and xAPI carry UTC (RFC 3339).

use std::borrow::Cow;
use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use entities::{group, user};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use sea_orm::EntityTrait;
use serde::Serialize;

use super::courses::staff;
use super::error::AppError;
use super::i18n::{Lang, LOCALES};
use super::render;
use super::session::Visitor;
use crate::accounts::learners;
use crate::app::AppState;
use crate::courses::completion::LessonState;
use crate::courses::intervals::Interval;
use crate::courses::reports::{self, Happening, TimelineEntry};
use crate::courses::scope::{self, ViewerScope};
use crate::courses::xapi;

/// How many timeline entries the learner page shows; the CSV and JSON have all.
const PAGE_TIMELINE_LIMIT: u64 = 300;

async fn managed_group(state: &AppState, visitor: &Visitor, id: i64) -> Result<group::Model, AppError> {
    let (staff_id, role) = staff(visitor)?;
    crate::courses::groups::find_managed(&state.db, staff_id, role, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A learner the staff member may report on — one they look after, or a member of one
/// of their groups — and what of the learner's activity they may see.
async fn managed_learner(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
) -> Result<(user::Model, Option<ViewerScope>), AppError> {
    let (staff_id, role) = staff(visitor)?;
    let viewer = scope::of_staff(&state.db, staff_id, role).await?;
    if let Some(learner) = learners::find_managed(&state.db, staff_id, role, id).await? {
        return Ok((learner, viewer));
    }
    let member = match &viewer {
        Some(scope) => scope::has_member(&state.db, scope, id).await?,
        None => false,
    };
    let learner = match member {
        true => user::Entity::find_by_id(id).one(&state.db).await?,
        false => None,
    };
    Ok((learner.ok_or(AppError::NotFound)?, viewer))
}

/// A learner's line in the group summary, with times ready to show.
#[derive(Serialize)]
struct SummaryLine {
    id: i64,
    label: String,
    done: usize,
    total: usize,
    watched_together: usize,
    last_activity: Option<String>,
    last_activity_iso: Option<String>,
}

pub async fn group_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let group = managed_group(&state, &visitor, *id).await?;
    let report = reports::group_report(&state.db, &group).await?;
    let summary: Vec<SummaryLine> = report
        .learners
        .iter()
        .map(|l| SummaryLine {
            id: l.learner.id,
            label: l.learner.label.clone(),
            done: l.done,
            total: l.total,
            watched_together: l.watched_together,
            last_activity: l.last_activity.map(local_time),
            last_activity_iso: l.last_activity.map(|at| at.to_rfc3339()),
        })
        .collect();
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("group", &report.group);
    ctx.insert("summary", &summary);
    ctx.insert("courses", &report.courses);
    render::page(
        &state,
        &req,
        &visitor,
        "trainer/report.html",
        StatusCode::OK,
        &ctx,
    )
}

pub async fn group_csv(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let group = managed_group(&state, &visitor, *id).await?;
    let report = reports::group_report(&state.db, &group).await?;
    let lang = visitor.lang;
    let mut rows = vec![[
        "report-learner-number",
        "report-learner",
        "report-course",
        "report-module",
        "report-lesson",
        "report-state",
        "report-watched-percent",
        "report-together",
        "report-last-activity",
    ]
    .iter()
    .map(|key| lang.t(key))
    .collect::<Vec<_>>()];
    let last: HashMap<i64, String> = report
        .learners
        .iter()
        .map(|l| (l.learner.id, l.last_activity.map(local_time).unwrap_or_default()))
        .collect();
    for course in &report.courses {
        for row in &course.rows {
            for (columns, module) in course.modules.iter().zip(&row.modules) {
                for (lesson, cell) in columns.lessons.iter().zip(&module.cells) {
                    rows.push(vec![
                        row.learner_id.to_string(),
                        row.label.clone(),
                        course.title.clone(),
                        columns.title.clone(),
                        lesson.title.clone(),
                        state_word(lang, cell.state),
                        cell.watched_percent.to_string(),
                        cell.watched_together.to_string(),
                        last.get(&row.learner_id).cloned().unwrap_or_default(),
                    ]);
                }
            }
        }
    }
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("group-{}-report.csv", group.id),
        csv_document(&rows),
    ))
}

pub async fn group_json(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let group = managed_group(&state, &visitor, *id).await?;
    let report = reports::group_report(&state.db, &group).await?;
    Ok(json_response(&serde_json::json!({
        "generated_at": Utc::now(),
        "report": report,
    })))
}

pub async fn group_xapi(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let group = managed_group(&state, &visitor, *id).await?;
    let home_page = {
        let info = req.connection_info();
        format!("{}://{}", info.scheme(), info.host())
    };
    let statements = xapi::group_statements(&state.db, group.id, &home_page, Utc::now()).await?;
    let body = serde_json::to_string(&statements).map_err(|e| AppError::Internal(format!("json: {e}")))?;
    Ok(download(
        "application/json",
        &format!("group-{}-xapi.json", group.id),
        body,
    ))
}

/// A timeline entry with its words, for the page and the CSV.
#[derive(Serialize)]
struct TimelineLine {
    at: String,
    at_iso: String,
    kind: &'static str,
    what: String,
    details: String,
    course: String,
    lesson: String,
}

fn timeline_line(lang: Lang, entry: &TimelineEntry) -> TimelineLine {
    let (kind, details) = match &entry.what {
        Happening::Opened => ("opened", String::new()),
        Happening::Played { intervals, .. } => ("played", spans(intervals)),
        Happening::Completed { coverage, .. } => (
            "completed",
            tr(
                lang,
                "report-timeline-completed-detail",
                &[("percent", f64::from(percent(*coverage)).into())],
            ),
        ),
        Happening::Answered {
            correct,
            total,
            passed,
        } => (
            "answered",
            tr(
                lang,
                if *passed {
                    "report-timeline-answered-passed"
                } else {
                    "report-timeline-answered-failed"
                },
                &[
                    ("correct", f64::from(*correct).into()),
                    ("total", f64::from(*total).into()),
                ],
            ),
        ),
        Happening::WatchedTogether { group_name, .. } => (
            "watched_together",
            tr(
                lang,
                "report-timeline-together-detail",
                &[("group", group_name.clone().into())],
            ),
        ),
    };
    TimelineLine {
        at: local_time(entry.at),
        at_iso: entry.at.to_rfc3339(),
        kind,
        what: lang.t(&format!("report-timeline-{kind}")),
        details,
        course: entry.course_title.clone(),
        lesson: entry.lesson_title.clone(),
    }
}

pub async fn learner_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (learner, scope) = managed_learner(&state, &visitor, *id).await?;
    let report =
        reports::learner_report(&state.db, &learner, scope.as_ref(), Some(PAGE_TIMELINE_LIMIT)).await?;
    let lines: Vec<TimelineLine> = report
        .timeline
        .iter()
        .map(|e| timeline_line(visitor.lang, e))
        .collect();
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("learner", &report.learner);
    ctx.insert("courses", &report.courses);
    ctx.insert("timeline", &lines);
    ctx.insert("truncated", &report.truncated);
    ctx.insert("limit", &PAGE_TIMELINE_LIMIT);
    render::page(
        &state,
        &req,
        &visitor,
        "trainer/learner_report.html",
        StatusCode::OK,
        &ctx,
    )
}

pub async fn learner_csv(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (learner, scope) = managed_learner(&state, &visitor, *id).await?;
    let report = reports::learner_report(&state.db, &learner, scope.as_ref(), None).await?;
    let lang = visitor.lang;
    let mut rows = vec![[
        "report-learner-number",
        "report-learner",
        "report-when",
        "report-course",
        "report-lesson",
        "report-what",
        "report-details",
    ]
    .iter()
    .map(|key| lang.t(key))
    .collect::<Vec<_>>()];
    for entry in &report.timeline {
        let line = timeline_line(lang, entry);
        rows.push(vec![
            report.learner.id.to_string(),
            report.learner.label.clone(),
            line.at,
            line.course,
            line.lesson,
            line.what,
            line.details,
        ]);
    }
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("learner-{}-report.csv", learner.id),
        csv_document(&rows),
    ))
}

pub async fn learner_json(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (learner, scope) = managed_learner(&state, &visitor, *id).await?;
    let report = reports::learner_report(&state.db, &learner, scope.as_ref(), None).await?;
    Ok(json_response(&serde_json::json!({
        "generated_at": Utc::now(),
        "report": report,
    })))
}

/// Personal data: never kept in a cache.
fn download(content_type: &str, file_name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .body(body)
}

fn json_response(value: &serde_json::Value) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(value)
}

/// The state as one word (no percentage: the CSV has a column for that).
fn state_word(lang: Lang, state: LessonState) -> String {
    lang.t(match state {
        LessonState::NotStarted => "report-state-not_started",
        LessonState::InProgress { .. } => "report-state-in_progress-short",
        LessonState::ChecksFailed => "report-state-checks_failed",
        LessonState::Complete => "report-state-complete",
    })
}

fn tr(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES.lookup_with_args(&lang.id(), key, &args)
}

fn percent(share: f64) -> u8 {
    if share.is_finite() {
        (share.clamp(0.0, 1.0) * 100.0).floor() as u8
    } else {
        0
    }
}

/// `0:00–0:20, 0:50–1:00`.
fn spans(intervals: &[Interval]) -> String {
    intervals
        .iter()
        .map(|i| format!("{}–{}", clock(i.start), clock(i.end)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Video time as `m:ss` (or `h:mm:ss`), rounded down to the second.
fn clock(seconds: f64) -> String {
    let total = if seconds.is_finite() && seconds > 0.0 {
        seconds.floor() as u64
    } else {
        0
    };
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// German time: CET (UTC+1), CEST (UTC+2) from 01:00 UTC on the last Sunday of March
/// until 01:00 UTC on the last Sunday of October (the EU rule).
fn local_time(at: DateTime<Utc>) -> String {
    let summer = match (last_sunday_1am(at.year(), 3), last_sunday_1am(at.year(), 10)) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    };
    let local = at + Duration::hours(if summer { 2 } else { 1 });
    local.format("%Y-%m-%d %H:%M").to_string()
}

fn last_sunday_1am(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let last_day = NaiveDate::from_ymd_opt(year, month, 31)?;
    let sunday = last_day - Duration::days(i64::from(last_day.weekday().num_days_from_sunday()));
    Some(Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0)?))
}

/// One CSV field: formula-looking text defused, quoted when needed.
fn csv_field(value: &str) -> String {
    let defused: Cow<'_, str> = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    };
    if defused.contains([';', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused.into_owned()
    }
}

/// The whole file: byte order mark, `;` between fields, CRLF after every row.
fn csv_document(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("Übungen"), "Übungen");
        assert_eq!(csv_field("Jürgen; \"J\""), "\"Jürgen; \"\"J\"\"\"");
        assert_eq!(csv_field("zwei\nZeilen"), "\"zwei\nZeilen\"");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn csv_fields_never_start_a_formula() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+49"), "'+49");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("a=b"), "a=b");
    }

    #[test]
    fn csv_documents_start_with_a_bom_and_end_rows_with_crlf() {
        let doc = csv_document(&[vec!["a".into(), "b;c".into()], vec!["1".into(), "2".into()]]);
        assert_eq!(doc, "\u{feff}a;\"b;c\"\r\n1;2\r\n");
    }

    #[test]
    fn german_time_follows_summer_time() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(local_time(at("2026-01-10T12:00:00Z")), "2026-01-10 13:00");
        assert_eq!(local_time(at("2026-07-10T12:00:00Z")), "2026-07-10 14:00");
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(local_time(at("2026-03-29T00:59:00Z")), "2026-03-29 01:59");
        assert_eq!(local_time(at("2026-03-29T01:00:00Z")), "2026-03-29 03:00");
        assert_eq!(local_time(at("2026-10-25T00:59:00Z")), "2026-10-25 02:59");
        assert_eq!(local_time(at("2026-10-25T01:00:00Z")), "2026-10-25 02:00");
    }

    #[test]
    fn video_times_read_as_a_clock() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(20.7), "0:20");
        assert_eq!(clock(65.0), "1:05");
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(clock(f64::NAN), "0:00");
        assert_eq!(
            spans(&[Interval::new(0.0, 20.0), Interval::new(50.0, 60.0)]),
            "0:00–0:20, 0:50–1:00"
        );
    }
}
