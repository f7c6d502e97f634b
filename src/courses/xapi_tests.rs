//! Tests of `xapi.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;

const HOME: &str = "https://lernwerk.example";

fn lesson() -> LessonFacts {
    LessonFacts {
        lesson_id: 7,
        title: "Prozente".into(),
        course_id: 3,
        course_title: "Rechnen".into(),
        language: "de".into(),
        length: Some(60.0),
        threshold: 0.725,
    }
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
}

fn event(id: i64, kind: &str, t: i64, detail: Value) -> learning_event::Model {
    learning_event::Model {
        id,
        learner_id: 5,
        lesson_id: 7,
        kind: kind.into(),
        at: at(t),
        detail: detail.to_string(),
    }
}

fn played(id: i64, t: i64, intervals: &[(f64, f64)]) -> learning_event::Model {
    let intervals: Vec<Value> = intervals
        .iter()
        .map(|(s, e)| json!({ "start": s, "end": e }))
        .collect();
    event(
        id,
        "played",
        t,
        json!({ "intervals": intervals, "position": 0, "rate": 1.0 }),
    )
}

fn verbs(statements: &[Value]) -> Vec<&str> {
    statements
        .iter()
        .map(|s| {
            let id = s["verb"]["id"].as_str().unwrap();
            id.rsplit('/').next().unwrap()
        })
        .collect()
}

fn result_ext<'a>(statement: &'a Value, name: &str) -> &'a Value {
    &statement["result"]["extensions"][ext(name)]
}

/// Opened, 0–20 in two heartbeats, a jump to 50–60, back to 20–50, completed.
fn walk() -> Vec<learning_event::Model> {
    vec![
        event(1, "opened", 0, json!({})),
        played(2, 10, &[(0.0, 10.0)]),
        played(3, 20, &[(10.0, 20.0)]),
        played(4, 31, &[(50.0, 60.0)]),
        played(5, 62, &[(20.0, 50.0)]),
        event(
            6,
            "completed",
            62,
            json!({ "coverage": 1.0, "threshold": 0.725, "segments": [{ "start": 0, "end": 60 }] }),
        ),
    ]
}

#[test]
fn a_walk_through_a_video_becomes_profile_statements() {
    let statements = lane_statements(HOME, 5, &lesson(), &walk(), at(62));
    assert_eq!(
        verbs(&statements),
        vec![
            "initialized",
            "played",
            "paused",
            "seeked",
            "played",
            "paused",
            "seeked",
            "played",
            "completed"
        ]
    );
    // The two heartbeats 0–10 and 10–20 are one playback.
    assert_eq!(result_ext(&statements[1], "time"), 0.0);
    assert_eq!(result_ext(&statements[2], "time"), 20.0);
    assert_eq!(result_ext(&statements[2], "played-segments"), "0[.]20");
    assert!((result_ext(&statements[2], "progress").as_f64().unwrap() - 0.333).abs() < 1e-9);
    assert_eq!(result_ext(&statements[3], "time-from"), 20.0);
    assert_eq!(result_ext(&statements[3], "time-to"), 50.0);
    assert_eq!(result_ext(&statements[5], "played-segments"), "0[.]20[,]50[.]60");
    assert_eq!(result_ext(&statements[6], "time-from"), 60.0);
    assert_eq!(result_ext(&statements[6], "time-to"), 20.0);
    let completed = &statements[8];
    assert_eq!(completed["result"]["completion"], true);
    assert_eq!(completed["result"]["duration"], "PT60S");
    assert_eq!(
        result_ext(completed, "played-segments"),
        "0[.]20[,]50[.]60[,]20[.]50"
    );
    assert_eq!(result_ext(completed, "progress"), 1.0);
    assert_eq!(result_ext(completed, "time"), 50.0);
    let context = &completed["context"]["extensions"];
    assert_eq!(context[ext("completion-threshold")], 0.725);
    assert_eq!(context[ext("length")], 60.0);
    // One session, opened once: every statement carries its id.
    let session = statements[0]["context"]["extensions"][ext("session-id")].clone();
    assert!(session.is_string());
    assert!(statements
        .iter()
        .all(|s| s["context"]["extensions"][ext("session-id")] == session));
}

#[test]
fn timestamps_follow_the_video_and_never_go_back() {
    let statements = lane_statements(HOME, 5, &lesson(), &walk(), at(62));
    // 0–10 was reported at +10 s, so it started at +0 s; it stopped at +20 s.
    assert_eq!(statements[1]["timestamp"], "2027-01-15T08:00:00.000Z");
    assert_eq!(statements[2]["timestamp"], "2027-01-15T08:00:20.000Z");
    // 50–60 reported at +31 s started at +21 s.
    assert_eq!(statements[4]["timestamp"], "2027-01-15T08:00:21.000Z");
    let stamps: Vec<&str> = statements
        .iter()
        .map(|s| s["timestamp"].as_str().unwrap())
        .collect();
    let mut sorted = stamps.clone();
    sorted.sort();
    assert_eq!(stamps, sorted);
}

#[test]
fn the_actor_is_an_account_and_never_a_name() {
    let statements = lane_statements(HOME, 5, &lesson(), &walk(), at(62));
    for statement in &statements {
        assert_eq!(
            statement["actor"],
            json!({ "objectType": "Agent", "account": { "homePage": HOME, "name": "learner-5" } })
        );
        assert_eq!(statement["object"]["definition"]["type"], VIDEO_ACTIVITY_TYPE);
        assert_eq!(
            statement["context"]["contextActivities"]["category"][0]["id"],
            PROFILE
        );
    }
}

#[test]
fn ids_are_uuids_and_stay_the_same_on_a_second_export() {
    let first = lane_statements(HOME, 5, &lesson(), &walk(), at(62));
    let second = lane_statements(HOME, 5, &lesson(), &walk(), at(62));
    assert_eq!(first, second);
    let mut ids: Vec<&str> = first.iter().map(|s| s["id"].as_str().unwrap()).collect();
    for id in &ids {
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "5", "version 5: {id}");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "variant: {id}");
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), first.len(), "every statement has its own id");
    // Another server never produces the same ids.
    let elsewhere = lane_statements("https://other.example", 5, &lesson(), &walk(), at(62));
    assert_ne!(first[0]["id"], elsewhere[0]["id"]);
}

#[test]
fn the_last_playback_pauses_when_the_session_is_over() {
    let events = &walk()[..3];
    let running = lane_statements(HOME, 5, &lesson(), events, at(60));
    assert_eq!(verbs(&running), vec!["initialized", "played"]);
    let idle = lane_statements(HOME, 5, &lesson(), events, at(20 + 30 * 60));
    assert_eq!(verbs(&idle), vec!["initialized", "played", "paused"]);
    // Opening the lesson again ends the session: paused, then a new session, no seek.
    let mut again = events.to_vec();
    again.push(event(9, "opened", 100, json!({})));
    again.push(played(10, 110, &[(20.0, 30.0)]));
    let reopened = lane_statements(HOME, 5, &lesson(), &again, at(111));
    assert_eq!(
        verbs(&reopened),
        vec!["initialized", "played", "paused", "initialized", "played"]
    );
    let sessions: Vec<&Value> = reopened
        .iter()
        .map(|s| &s["context"]["extensions"][ext("session-id")])
        .collect();
    assert_eq!(sessions[0], sessions[2]);
    assert_ne!(sessions[2], sessions[3]);
    assert_eq!(sessions[3], sessions[4]);
    // The paused made when idle is the same statement as the one made later.
    assert_eq!(idle[2], reopened[2]);
}

#[test]
fn several_stretches_in_one_heartbeat() {
    let events = vec![
        event(1, "opened", 0, json!({})),
        played(2, 10, &[(0.0, 4.0), (30.0, 36.0)]),
    ];
    let statements = lane_statements(HOME, 5, &lesson(), &events, at(10));
    assert_eq!(
        verbs(&statements),
        vec!["initialized", "played", "paused", "seeked", "played"]
    );
    assert_eq!(statements[1]["timestamp"], "2027-01-15T08:00:00.000Z");
    assert_eq!(statements[2]["timestamp"], "2027-01-15T08:00:04.000Z");
    assert_eq!(result_ext(&statements[3], "time-from"), 4.0);
    assert_eq!(result_ext(&statements[3], "time-to"), 30.0);
}

#[test]
fn broken_details_are_skipped() {
    let events = vec![
        event(1, "opened", 0, json!({})),
        event(2, "played", 5, json!("nonsense")),
        played(3, 10, &[(-1.0, 4.0), (3.0, 1.0), (0.0, 5.0)]),
    ];
    let statements = lane_statements(HOME, 5, &lesson(), &events, at(10));
    assert_eq!(verbs(&statements), vec!["initialized", "played"]);
}

#[test]
fn segments_and_durations_are_written_as_the_profile_wants() {
    assert_eq!(
        played_segments(&[Interval::new(0.0, 20.0), Interval::new(20.0, 50.5)]),
        "0[.]20[,]20[.]50.5"
    );
    assert_eq!(
        played_segments(&[Interval::new(1.0 / 3.0, 99.3333)]),
        "0.333[.]99.333"
    );
    assert_eq!(played_segments(&[]), "");
    assert_eq!(iso_duration(95.5), "PT95.5S");
    assert_eq!(iso_duration(0.0), "PT0S");
    assert_eq!(iso_duration(f64::NAN), "PT0S");
}
