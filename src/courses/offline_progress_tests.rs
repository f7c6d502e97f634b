use chrono::TimeZone;

use super::*;
use crate::courses::intervals::Interval;

fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + seconds, 0).unwrap()
}

fn row(last_report: i64) -> lesson_progress::Model {
    lesson_progress::Model {
        id: 1,
        learner_id: 7,
        lesson_id: 3,
        watched: "[]".into(),
        watched_seconds: 0.0,
        coverage: 0.0,
        position: 0.0,
        rate: 1.0,
        video_complete: false,
        checks_passed: None,
        completed_at: None,
        last_report_at: at(last_report),
        updated_at: at(last_report),
        offline_until: None,
    }
}

fn lesson() -> LessonFacts {
    LessonFacts {
        lesson_id: 3,
        threshold: None,
        duration: Some(60.0),
        has_questions: false,
    }
}

/// A report of `start..end` of the video, played from `from` to `until` (seconds, on a
/// phone clock that is `skew` seconds ahead of the server).
fn played(start: f64, end: f64, from: i64, until: i64, skew: i64) -> OfflineReport {
    OfflineReport {
        report: Report {
            intervals: vec![Interval::new(start, end)],
            position: end,
            rate: 1.0,
        },
        from: at(from + skew).timestamp_millis(),
        until: at(until + skew).timestamp_millis(),
    }
}

fn batch(reports: Vec<OfflineReport>, sent: i64, skew: i64) -> OfflineBatch {
    OfflineBatch {
        sent_at: at(sent + skew).timestamp_millis(),
        reports,
    }
}

#[test]
fn an_hour_later_six_honest_heartbeats_all_count() {
    // Opened at 0, played 0..60 s of the video offline from 100 s to 160 s, sent at 3700 s.
    let reports = (0..6)
        .map(|i| {
            played(
                i as f64 * 10.0,
                i as f64 * 10.0 + 10.0,
                100 + i * 10,
                110 + i * 10,
                0,
            )
        })
        .collect();
    let merged = merge_offline(&row(0), &lesson(), &batch(reports, 3700, 0), at(0), at(3700)).unwrap();
    assert_eq!(merged.outcomes, vec![Outcome::Accepted; 6]);
    assert!((merged.row.watched_seconds - 60.0).abs() < 1e-9);
    assert!(merged.recorded.video_complete && merged.recorded.lesson_complete);
    // 50 of 60 s pass the 72.5 % a one-minute video needs: complete when that was played.
    assert_eq!(merged.row.completed_at, Some(at(150)));
    assert_eq!(merged.row.offline_until, Some(at(160)));
    assert_eq!(
        merged.row.last_report_at,
        at(160),
        "the online clock moves up to the last stretch"
    );
    assert_eq!(merged.row.updated_at, at(3700));
    let played_events: Vec<_> = merged.events.iter().filter(|(k, _, _)| *k == "played").collect();
    assert_eq!(played_events.len(), 6);
    assert_eq!(played_events[0].2, at(110));
    assert_eq!(played_events[0].1["offline"], true);
}

#[test]
fn the_online_rule_would_refuse_the_same_minute() {
    // The point of offline reports: sent the usual way, a minute played long ago is refused.
    let online = Report {
        intervals: vec![Interval::new(0.0, 60.0)],
        position: 60.0,
        rate: 1.0,
    };
    let single_window = progress::merge(&row(0), &lesson(), &online, at(1));
    assert!(matches!(single_window, Err(CourseError::BadReport(_))));
}

#[test]
fn a_wrong_phone_clock_is_corrected_by_the_time_of_sending() {
    let skew = -5 * 3600; // the phone thinks it is five hours earlier
    let reports = vec![
        played(0.0, 10.0, 100, 110, skew),
        played(10.0, 20.0, 110, 120, skew),
    ];
    let merged = merge_offline(&row(0), &lesson(), &batch(reports, 500, skew), at(0), at(500)).unwrap();
    assert_eq!(merged.outcomes, vec![Outcome::Accepted; 2]);
    assert_eq!(merged.row.offline_until, Some(at(120)));
}

#[test]
fn more_video_than_the_stretch_allows_is_refused_alone() {
    let reports = vec![
        played(0.0, 10.0, 100, 110, 0),
        // 40 s of video in a 10 s stretch.
        played(10.0, 50.0, 110, 120, 0),
        played(10.0, 20.0, 120, 130, 0),
    ];
    let merged = merge_offline(&row(0), &lesson(), &batch(reports, 200, 0), at(0), at(200)).unwrap();
    assert_eq!(merged.outcomes[0], Outcome::Accepted);
    assert!(matches!(&merged.outcomes[1], Outcome::Refused { reason } if reason.contains("at most")));
    assert_eq!(merged.outcomes[2], Outcome::Accepted);
    assert!((merged.row.watched_seconds - 20.0).abs() < 1e-9);
}

#[test]
fn stretches_before_the_opening_in_the_future_or_overlapping_are_refused() {
    let reports = vec![
        played(0.0, 10.0, -100, -90, 0), // before the lesson was opened
        played(0.0, 10.0, 100, 110, 0),  // fine
        played(10.0, 20.0, 105, 115, 0), // overlaps the one before
        played(10.0, 20.0, 130, 120, 0), // ends before it starts
        played(20.0, 30.0, 900, 910, 0), // after it was sent
    ];
    let merged = merge_offline(&row(0), &lesson(), &batch(reports, 200, 0), at(0), at(200)).unwrap();
    let accepted: Vec<bool> = merged.outcomes.iter().map(|o| *o == Outcome::Accepted).collect();
    assert_eq!(accepted, [false, true, false, false, false]);
    assert!((merged.row.watched_seconds - 10.0).abs() < 1e-9);
}

#[test]
fn time_already_counted_offline_cannot_be_claimed_again() {
    let first = merge_offline(
        &row(0),
        &lesson(),
        &batch(vec![played(0.0, 30.0, 100, 130, 0)], 200, 0),
        at(0),
        at(200),
    )
    .unwrap();
    assert_eq!(first.outcomes, [Outcome::Accepted]);
    // A second batch reusing the same minutes for other parts of the video.
    let replay = merge_offline(
        &first.row,
        &lesson(),
        &batch(vec![played(30.0, 60.0, 100, 130, 0)], 300, 0),
        at(0),
        at(300),
    )
    .unwrap();
    assert!(matches!(replay.outcomes[0], Outcome::Refused { .. }));
    assert_eq!(replay.row.watched, first.row.watched);
    // The same batch sent twice (the answer got lost) adds nothing and breaks nothing.
    let again = merge_offline(
        &first.row,
        &lesson(),
        &batch(vec![played(0.0, 30.0, 100, 130, 0)], 300, 0),
        at(0),
        at(300),
    )
    .unwrap();
    assert!((again.row.watched_seconds - 30.0).abs() < 1e-9);
}

#[test]
fn the_online_clock_never_goes_back() {
    // Online heartbeats went on until 500 s; stretches from 100 s still count (the phone
    // was offline then and online later), but the online clock stays at 500 s.
    let merged = merge_offline(
        &row(500),
        &lesson(),
        &batch(vec![played(0.0, 10.0, 100, 110, 0)], 600, 0),
        at(0),
        at(600),
    )
    .unwrap();
    assert_eq!(merged.outcomes, [Outcome::Accepted]);
    assert_eq!(merged.row.last_report_at, at(500));
}

#[test]
fn oversized_batches_and_broken_reports() {
    let many = (0..=MAX_OFFLINE_REPORTS as i64)
        .map(|i| played(0.0, 1.0, 100 + i, 101 + i, 0))
        .collect();
    assert!(matches!(
        merge_offline(&row(0), &lesson(), &batch(many, 9000, 0), at(0), at(9000)),
        Err(CourseError::BadReport(_))
    ));
    let mut out_of_range = batch(vec![played(0.0, 10.0, 100, 110, 0)], 200, 0);
    out_of_range.sent_at = i64::MIN;
    assert!(merge_offline(&row(0), &lesson(), &out_of_range, at(0), at(200)).is_err());
    let mut beyond = played(0.0, 10.0, 100, 110, 0);
    beyond.report.intervals = vec![Interval::new(50.0, 90.0)];
    let merged = merge_offline(&row(0), &lesson(), &batch(vec![beyond], 200, 0), at(0), at(200)).unwrap();
    assert!(matches!(&merged.outcomes[0], Outcome::Refused { reason } if reason.contains("beyond the end")));
    assert_eq!(merged.row, row(0), "nothing changed");
}
