//! Reports: a learner works through a course, the trainer credits a room viewing, and
//! the group report, its CSV, JSON and xAPI exports and the learner's timeline tell
//! exactly that — to the trainer of the group and admins only.

use chrono::Duration;
use entities::{group, user};
use lernwerk::accounts::{learners, Role};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::Value;

use crate::course_setup::{build_course, let_time_pass, post_ok, report, Course};
use crate::helpers::{spawn_app, Browser, TestApp};

const NICKNAME: &str = "Jürgen; \"J\"\nzwei";
const FORMULA: &str = "=HYPERLINK(\"http://x\")";

/// Splits a `;`-separated CSV (quotes doubled, quoted fields may hold `;` and newlines)
/// into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ';') => row.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "rows end with CRLF"),
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(field.is_empty() && row.is_empty(), "the last row ends with CRLF");
    rows
}

struct Walked {
    app: TestApp,
    c: Course,
    /// A second member who did nothing, with a nickname that looks like a formula.
    other_id: i64,
}

/// Module 1 renamed "Übungen", the learner nicknamed with `;`, quotes and a newline. The
/// learner completes A (with a jump), watches B and answers wrongly; C is credited as
/// watched together in the room.
async fn walked_course() -> Walked {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let [a, b, lesson_c] = c.lessons;
    let course_page = format!("/trainer/courses/{}", c.course_id);
    let rename = format!("/trainer/modules/{}", c.modules[0]);
    post_ok(&c.trainer, &course_page, &rename, &[("title", "Übungen")]).await;
    let mut learner = user::Entity::find_by_id(c.learner_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    learner.nickname = Set(Some(NICKNAME.into()));
    learner.update(&app.db).await.unwrap();
    let trainer_id = group::Entity::find_by_id(c.group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .trainer_id;
    let (other, _) = learners::create(&app.db, Some(trainer_id), Some(FORMULA), Duration::days(1))
        .await
        .unwrap();
    let group_page = format!("/trainer/groups/{}", c.group_id);
    post_ok(
        &c.trainer,
        &group_page,
        &format!("{group_page}/members"),
        &[("learner_id", &other.id.to_string())],
    )
    .await;

    let l = &c.learner;
    assert_eq!(l.get(&format!("/learn/lessons/{a}")).await.status(), 200);
    let_time_pass(&app, c.learner_id, a, 25).await;
    assert_eq!(report(l, a, &[(0.0, 20.0)], 20.0).await.status(), 200);
    let_time_pass(&app, c.learner_id, a, 15).await;
    assert_eq!(report(l, a, &[(50.0, 60.0)], 60.0).await.status(), 200);
    let_time_pass(&app, c.learner_id, a, 35).await;
    let done: Value = report(l, a, &[(20.0, 50.0)], 50.0).await.json().await.unwrap();
    assert_eq!(done["lesson_complete"], true);

    let lesson_b = format!("/learn/lessons/{b}");
    assert_eq!(l.get(&lesson_b).await.status(), 200);
    let_time_pass(&app, c.learner_id, b, 60).await;
    assert_eq!(report(l, b, &[(0.0, 60.0)], 60.0).await.status(), 200);
    // Answered from the page already open: fetching it again would open the lesson again.
    let (question, _, wrong) = c.question;
    let csrf = l.csrf_token("/learn").await;
    let answered = l
        .post_form(
            &format!("{lesson_b}/answers"),
            &[
                (&format!("q{question}"), &wrong.to_string()),
                ("csrf_token", &csrf),
            ],
        )
        .await;
    assert_eq!(answered.status(), 303);

    let (lesson, present) = (lesson_c.to_string(), c.learner_id.to_string());
    post_ok(
        &c.trainer,
        &group_page,
        &format!("{group_page}/room-viewing"),
        &[("lesson_id", &lesson), ("present", &present)],
    )
    .await;
    Walked {
        app,
        c,
        other_id: other.id,
    }
}

async fn body_of(browser: &Browser, path: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_group_report_shows_each_learner_in_each_lesson() {
    let Walked { app: _app, c, .. } = walked_course().await; // the app must outlive the requests
    let [a, b, lesson_c] = c.lessons;
    let group_page = body_of(&c.trainer, &format!("/trainer/groups/{}", c.group_id)).await;
    assert!(group_page.contains(&format!("href=\"/trainer/groups/{}/report\"", c.group_id)));
    assert!(group_page.contains(&format!("href=\"/trainer/learners/{}/report\"", c.learner_id)));

    let html = body_of(&c.trainer, &format!("/trainer/groups/{}/report", c.group_id)).await;
    let doc = scraper::Html::parse_document(&html);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    assert!(doc.select(&select(".table-wrap table")).count() >= 2);
    let col_headers: Vec<String> = doc
        .select(&select("table.report-matrix th[scope=col]"))
        .map(|th| th.text().collect::<String>().trim().to_owned())
        .collect();
    for title in ["A", "B", "C"] {
        assert!(col_headers.iter().any(|h| h == title), "{col_headers:?}");
    }
    let module_headers: Vec<String> = doc
        .select(&select("table.report-matrix th[scope=colgroup]"))
        .map(|th| th.text().collect::<String>())
        .collect();
    assert!(module_headers.iter().any(|h| h.contains("Übungen")));

    let rows: Vec<_> = doc.select(&select("table.report-matrix tbody tr")).collect();
    assert_eq!(rows.len(), 2, "one row per member");
    let row = rows
        .iter()
        .find(|r| {
            r.select(&select("th[scope=row]"))
                .any(|th| th.text().any(|t| t.contains("Jürgen")))
        })
        .expect("the learner's row, nickname escaped but intact");
    let cell = |lesson: i64| {
        row.select(&select(&format!("td[data-lesson=\"{lesson}\"]")))
            .next()
            .unwrap()
    };
    assert_eq!(cell(a).value().attr("data-state"), Some("complete"));
    let text_a = cell(a).text().collect::<String>();
    assert!(
        text_a.contains('✔') && text_a.contains("Geschafft"),
        "icon and text: {text_a}"
    );
    assert_eq!(cell(b).value().attr("data-state"), Some("checks_failed"));
    assert!(cell(b)
        .text()
        .collect::<String>()
        .contains("Fragen nicht bestanden"));
    // Watched together is credit of its own: C is still not started.
    assert_eq!(cell(lesson_c).value().attr("data-state"), Some("not_started"));
    let together = cell(lesson_c)
        .select(&select("[data-together]"))
        .next()
        .expect("room credit shown in the cell");
    assert_eq!(together.value().attr("data-together"), Some("1"));
    let module_totals: Vec<String> = row
        .select(&select("td[data-module-done]"))
        .map(|td| td.text().collect::<String>().trim().to_owned())
        .collect();
    assert_eq!(module_totals, vec!["1 von 2", "0 von 1"]);
    // Never raw markup from a nickname or title.
    assert!(!html.contains("Jürgen; \"J\""));
    assert!(html.contains("Jürgen; &quot;J&quot;"));

    let summary = doc
        .select(&select("table.report-summary tbody tr"))
        .find(|r| r.text().any(|t| t.contains("Jürgen")))
        .unwrap();
    assert!(
        summary.select(&select("time[datetime]")).next().is_some(),
        "last activity"
    );
}

#[tokio::test]
async fn the_group_csv_opens_in_german_excel_and_says_what_happened() {
    let Walked {
        app: _app,
        c,
        other_id,
    } = walked_course().await;
    let response = c
        .trainer
        .get(&format!("/trainer/groups/{}/report.csv", c.group_id))
        .await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(headers["cache-control"], "no-store");
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows = parse_csv(text);
    assert_eq!(
        rows[0],
        vec![
            "Nummer",
            "Teilnehmende Person",
            "Kurs",
            "Modul",
            "Lektion",
            "Stand",
            "Video gesehen (%)",
            "Gemeinsam geschaut",
            "Zuletzt aktiv"
        ]
    );
    assert_eq!(rows.len(), 1 + 2 * 3, "a row per learner × lesson");
    assert!(rows.iter().all(|r| r.len() == 9));
    let learner = c.learner_id.to_string();
    let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == learner).collect();
    assert_eq!(mine.len(), 3);
    for row in &mine {
        assert_eq!(row[1], NICKNAME, "quoting keeps ; quotes and newlines");
        assert_eq!(row[2], "Prozente im Alltag");
        assert!(!row[8].is_empty(), "last activity");
    }
    assert_eq!(
        mine.iter()
            .map(|r| (
                r[3].as_str(),
                r[4].as_str(),
                r[5].as_str(),
                r[6].as_str(),
                r[7].as_str()
            ))
            .collect::<Vec<_>>(),
        vec![
            ("Übungen", "A", "Geschafft", "100", "0"),
            ("Übungen", "B", "Fragen nicht bestanden", "100", "0"),
            ("Im Laden", "C", "Nicht angefangen", "0", "1"),
        ]
    );
    let theirs: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == other_id.to_string()).collect();
    assert_eq!(theirs.len(), 3);
    assert_eq!(theirs[0][1], format!("'{FORMULA}"), "a formula is defused");
    assert_eq!(theirs[0][8], "", "never active");
    // The raw file quotes where needed.
    assert!(text.contains("\"Jürgen; \"\"J\"\"\nzwei\""));
}

#[tokio::test]
async fn the_group_json_has_states_and_credits() {
    let Walked { app: _app, c, .. } = walked_course().await; // the app must outlive the requests
    let json: Value = c
        .trainer
        .get(&format!("/trainer/groups/{}/report.json", c.group_id))
        .await
        .json()
        .await
        .unwrap();
    let report = &json["report"];
    assert_eq!(report["group"]["name"], "Dienstag");
    let learner = report["learners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == c.learner_id)
        .unwrap();
    assert_eq!(learner["nickname"], NICKNAME);
    assert_eq!(
        (learner["done"].as_u64(), learner["total"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(learner["watched_together"], 1);
    assert!(learner["last_activity"].is_string());
    let course = &report["courses"][0];
    assert_eq!(course["modules"][0]["title"], "Übungen");
    let row = course["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["learner_id"] == c.learner_id)
        .unwrap();
    let states: Vec<&Value> = row["modules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["cells"].as_array().unwrap())
        .map(|cell| &cell["state"]["state"])
        .collect();
    assert_eq!(states, vec!["complete", "checks_failed", "not_started"]);
    assert_eq!(row["modules"][1]["cells"][0]["watched_together"], 1);
    assert_eq!(row["modules"][0]["done"], 1);
    assert_eq!(row["modules"][0]["total"], 2);
}

#[tokio::test]
async fn the_learner_timeline_is_newest_first() {
    let Walked { app: _app, c, .. } = walked_course().await; // the app must outlive the requests
    let json: Value = c
        .trainer
        .get(&format!("/trainer/learners/{}/report.json", c.learner_id))
        .await
        .json()
        .await
        .unwrap();
    let timeline = json["report"]["timeline"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = timeline
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["lesson_title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("watched_together", "C"),
            ("answered", "B"),
            ("completed", "B"),
            ("played", "B"),
            ("opened", "B"),
            ("completed", "A"),
            ("played", "A"),
            ("played", "A"),
            ("played", "A"),
            ("opened", "A"),
        ]
    );
    let times: Vec<&str> = timeline.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|x, y| y.cmp(x));
    assert_eq!(times, sorted);
    assert_eq!(timeline[0]["group_name"], "Dienstag");
    assert_eq!(timeline[1]["passed"], false);
    assert_eq!(timeline[6]["intervals"][0]["start"], 20.0);
    assert_eq!(timeline[0]["course_title"], "Prozente im Alltag");

    let html = body_of(&c.trainer, &format!("/trainer/learners/{}/report", c.learner_id)).await;
    let doc = scraper::Html::parse_document(&html);
    let items: Vec<String> = doc
        .select(&scraper::Selector::parse("ol.timeline li").unwrap())
        .map(|li| li.value().attr("data-kind").unwrap().to_owned())
        .collect();
    assert_eq!(
        items,
        kinds.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>()
    );
    assert!(html.contains("0:20–0:50"), "played stretches as clock times");
    assert!(html.contains("0 von 1 richtig"));

    let csv = c
        .trainer
        .get(&format!("/trainer/learners/{}/report.csv", c.learner_id))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let rows = parse_csv(std::str::from_utf8(&csv[3..]).unwrap());
    assert_eq!(rows.len(), 1 + kinds.len());
    assert_eq!(rows[1][5], "Gemeinsam im Raum geschaut");
    assert_eq!(rows[1][6], "Gruppe: Dienstag");
    assert_eq!(rows[1][1], NICKNAME);
}

fn verbs_of<'a>(statements: &'a [Value], lesson_url: &str) -> Vec<&'a str> {
    statements
        .iter()
        .filter(|s| s["object"]["id"] == lesson_url)
        .map(|s| s["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect()
}

#[tokio::test]
async fn the_xapi_export_follows_the_video_profile_and_names_nobody() {
    let Walked { app, c, .. } = walked_course().await;
    let [a, b, _] = c.lessons;
    let path = format!("/trainer/groups/{}/xapi.json", c.group_id);
    let response = c.trainer.get(&path).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(
        !text.contains("Jürgen") && !text.contains("HYPERLINK"),
        "no nickname anywhere"
    );
    let statements: Vec<Value> = serde_json::from_str(&text).unwrap();

    let lesson_a = format!("{}/learn/lessons/{a}", app.address);
    assert_eq!(
        verbs_of(&statements, &lesson_a),
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
    let lesson_b = format!("{}/learn/lessons/{b}", app.address);
    assert_eq!(
        verbs_of(&statements, &lesson_b),
        vec!["initialized", "played", "completed"]
    );

    let ext = |name: &str| format!("https://w3id.org/xapi/video/extensions/{name}");
    let completed_a = statements
        .iter()
        .find(|s| {
            s["object"]["id"] == lesson_a && s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
        })
        .unwrap();
    assert_eq!(
        completed_a["result"]["extensions"][ext("played-segments")],
        "0[.]20[,]50[.]60[,]20[.]50"
    );
    assert_eq!(completed_a["result"]["extensions"][ext("progress")], 1.0);
    assert_eq!(completed_a["result"]["completion"], true);
    assert_eq!(
        completed_a["context"]["extensions"][ext("completion-threshold")],
        0.725
    );
    assert_eq!(completed_a["context"]["extensions"][ext("length")], 60.0);
    let seeked = statements
        .iter()
        .find(|s| s["verb"]["id"] == "https://w3id.org/xapi/video/verbs/seeked")
        .unwrap();
    assert_eq!(seeked["result"]["extensions"][ext("time-from")], 20.0);
    assert_eq!(seeked["result"]["extensions"][ext("time-to")], 50.0);

    for statement in &statements {
        assert_eq!(
            statement["actor"],
            serde_json::json!({
                "objectType": "Agent",
                "account": { "homePage": app.address, "name": format!("learner-{}", c.learner_id) }
            })
        );
        assert_eq!(
            statement["object"]["definition"]["type"],
            "https://w3id.org/xapi/video/activity-type/video"
        );
        assert!(statement["context"]["extensions"][ext("session-id")].is_string());
    }
    // Exporting again gives the same statements, ids included: an LRS keeps one copy.
    let again: Vec<Value> = c.trainer.get(&path).await.json().await.unwrap();
    let ids = |list: &[Value]| list.iter().map(|s| s["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&statements), ids(&again));
}

#[tokio::test]
async fn only_the_groups_trainer_and_admins_see_reports() {
    let Walked { app, c, .. } = walked_course().await;
    let group = c.group_id;
    let learner = c.learner_id;
    let routes = [
        format!("/trainer/groups/{group}/report"),
        format!("/trainer/groups/{group}/report.csv"),
        format!("/trainer/groups/{group}/report.json"),
        format!("/trainer/groups/{group}/xapi.json"),
        format!("/trainer/learners/{learner}/report"),
        format!("/trainer/learners/{learner}/report.csv"),
        format!("/trainer/learners/{learner}/report.json"),
    ];
    let (stranger, _) = app.logged_in(Role::Trainer).await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let anonymous = app.browser();
    for route in &routes {
        assert_eq!(c.trainer.get(route).await.status(), 200, "own trainer: {route}");
        assert_eq!(admin.get(route).await.status(), 200, "admin: {route}");
        assert_eq!(stranger.get(route).await.status(), 404, "other trainer: {route}");
        assert_eq!(c.learner.get(route).await.status(), 403, "learner: {route}");
        let response = anonymous.get(route).await;
        assert_eq!(response.status(), 303, "anonymous: {route}");
        assert!(crate::helpers::location(&response).starts_with("/login?next=%2Ftrainer%2F"));
    }
    for route in [
        "/trainer/groups/999999/report",
        "/trainer/groups/999999/report.csv",
        "/trainer/groups/999999/report.json",
        "/trainer/groups/999999/xapi.json",
        "/trainer/learners/999999/report",
        "/trainer/learners/999999/report.csv",
        "/trainer/learners/999999/report.json",
    ] {
        assert_eq!(c.trainer.get(route).await.status(), 404, "{route}");
    }
    // A staff account's id is not a learner's report.
    let (_, trainer_id) = app.logged_in(Role::Trainer).await;
    assert_eq!(
        admin
            .get(&format!("/trainer/learners/{trainer_id}/report"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn a_trainer_sees_a_learner_only_in_their_own_courses_and_groups() {
    // Trainer A's learner walks A's course, then joins trainer B's group with its code.
    let app = spawn_app().await;
    let a = build_course(&app, 60.0).await;
    let lesson = a.lessons[0];
    a.learner.get(&format!("/learn/lessons/{lesson}")).await;
    let_time_pass(&app, a.learner_id, lesson, 30).await;
    assert_eq!(
        report(&a.learner, lesson, &[(0.0, 20.0)], 20.0).await.status(),
        200
    );
    let b = build_course(&app, 60.0).await;
    let b_course = entities::course::Entity::find_by_id(b.course_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let b_group = group::Entity::find_by_id(b.group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    post_ok(
        &a.learner,
        "/learn",
        "/learn/join",
        &[("code", &b_group.join_code)],
    )
    .await;
    let b_lesson = b.lessons[0];
    a.learner.get(&format!("/learn/lessons/{b_lesson}")).await;
    let_time_pass(&app, a.learner_id, b_lesson, 30).await;
    assert_eq!(
        report(&a.learner, b_lesson, &[(0.0, 20.0)], 20.0).await.status(),
        200
    );
    // Both courses share a title; tell them apart by the group-scoped ids in the JSON.
    let path = format!("/trainer/learners/{}/report.json", a.learner_id);
    let lessons_seen = |json: &Value| -> Vec<i64> {
        json["report"]["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["lesson_id"].as_i64())
            .collect()
    };
    let courses_seen = |json: &Value| -> Vec<i64> {
        json["report"]["courses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect()
    };
    let for_a: Value = a.trainer.get(&path).await.json().await.unwrap();
    assert!(lessons_seen(&for_a).contains(&lesson));
    assert!(
        !lessons_seen(&for_a).contains(&b_lesson),
        "B's lesson stays private from A"
    );
    assert_eq!(courses_seen(&for_a), vec![a.course_id]);
    // B may look at a member of their group, but only at B's own course.
    let for_b: Value = b.trainer.get(&path).await.json().await.unwrap();
    assert!(lessons_seen(&for_b).contains(&b_lesson));
    assert!(!lessons_seen(&for_b).contains(&lesson));
    assert_eq!(courses_seen(&for_b), vec![b_course.id]);
}
