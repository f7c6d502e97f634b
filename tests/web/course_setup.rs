//! Building a course the way a trainer does, through the pages, for the course tests.

use chrono::Utc;
use entities::{lesson, lesson_progress, module, video};
use lernwerk::accounts::Role;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::helpers::{csrf_in, location, Browser, TestApp};

/// A trainer's course: two modules, lessons A and B in the first (B with one question),
/// lesson C in the second, published and assigned to a group with one learner.
pub struct Course {
    pub trainer: Browser,
    pub learner: Browser,
    pub learner_id: i64,
    pub course_id: i64,
    pub modules: Vec<i64>,
    pub lessons: [i64; 3],
    /// The question of lesson B and its (right, wrong) choice ids.
    pub question: (i64, i64, i64),
    pub group_id: i64,
}

/// A video record that is ready to play, `seconds` long, owned by `owner_id`. No package
/// is made: progress only needs the duration.
pub async fn ready_video(app: &TestApp, owner_id: i64, seconds: f64) -> i64 {
    let now = Utc::now();
    video::ActiveModel {
        owner_id: Set(owner_id),
        title: Set("Prozente im Alltag".into()),
        original_path: Set("originals/none.mp4".into()),
        status: Set("ready".into()),
        duration_seconds: Set(Some(seconds)),
        // A package that was never written: pages show the player, files would be 404.
        package_dir: Set(Some("packages/none".into())),
        error_key: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// Posts a form with the CSRF token of `page`, expecting a redirect; returns where to.
pub async fn post_ok(browser: &Browser, page: &str, action: &str, fields: &[(&str, &str)]) -> String {
    let response = browser.submit(page, action, fields).await;
    let status = response.status();
    assert_eq!(status, 303, "{action}: {}", response.text().await.unwrap());
    location(&response)
}

pub async fn lesson_ids_in_order(app: &TestApp, module_id: i64) -> Vec<i64> {
    lesson::Entity::find()
        .filter(lesson::Column::ModuleId.eq(module_id))
        .order_by_asc(lesson::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect()
}

pub async fn build_course(app: &TestApp, video_seconds: f64) -> Course {
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let video_id = ready_video(app, trainer_id, video_seconds).await.to_string();
    let created = post_ok(
        &trainer,
        "/trainer/courses",
        "/trainer/courses",
        &[
            ("title", "Prozente im Alltag"),
            ("summary", "Rabatte und Zinsen verstehen"),
            ("language", "de"),
            ("topic", "numbers"),
            ("level", "1"),
            ("gated", "on"),
        ],
    )
    .await;
    let course_id: i64 = created.rsplit('/').next().unwrap().parse().unwrap();
    let page = format!("/trainer/courses/{course_id}");
    for title in ["Grundlagen", "Im Laden"] {
        post_ok(&trainer, &page, &format!("{page}/modules"), &[("title", title)]).await;
    }
    let modules: Vec<i64> = module::Entity::find()
        .filter(module::Column::CourseId.eq(course_id))
        .order_by_asc(module::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    for (module, title) in [(modules[0], "A"), (modules[0], "B"), (modules[1], "C")] {
        let action = format!("/trainer/modules/{module}/lessons");
        let fields = [
            ("title", title),
            ("video_id", video_id.as_str()),
            ("body", "Kurz erklärt."),
        ];
        post_ok(&trainer, &page, &action, &fields).await;
    }
    let first = lesson_ids_in_order(app, modules[0]).await;
    let second = lesson_ids_in_order(app, modules[1]).await;
    let lessons = [first[0], first[1], second[0]];

    let lesson_page = format!("/trainer/lessons/{}", lessons[1]);
    let action = format!("{lesson_page}/questions");
    let fields = [
        ("prompt", "Wie viel sind 10 % von 50 €?"),
        ("kind", "single"),
        ("choice", "5 €"),
        ("correct", "1"),
        ("choice", "10 €"),
        ("choice", ""),
    ];
    post_ok(&trainer, &lesson_page, &action, &fields).await;
    let question = entities::question::Entity::find()
        .filter(entities::question::Column::LessonId.eq(lessons[1]))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let choices = entities::choice::Entity::find()
        .filter(entities::choice::Column::QuestionId.eq(question.id))
        .order_by_asc(entities::choice::Column::Position)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(choices.len(), 2, "the empty choice line is dropped");
    post_ok(&trainer, &page, &format!("{page}/publish"), &[("published", "1")]).await;

    let group = post_ok(
        &trainer,
        "/trainer/groups",
        "/trainer/groups",
        &[("name", "Dienstag")],
    )
    .await;
    let group_id: i64 = group.rsplit('/').next().unwrap().parse().unwrap();
    let (learner_id, code) = app.create_learner(trainer_id).await;
    let (learner_field, course_field) = (learner_id.to_string(), course_id.to_string());
    post_ok(
        &trainer,
        &group,
        &format!("{group}/members"),
        &[("learner_id", &learner_field)],
    )
    .await;
    post_ok(
        &trainer,
        &group,
        &format!("{group}/courses"),
        &[("course_id", &course_field)],
    )
    .await;

    let learner = app.browser();
    assert_eq!(learner.login_code(&code).await.status(), 303);
    Course {
        trainer,
        learner,
        learner_id,
        course_id,
        modules,
        lessons,
        question: (question.id, choices[0].id, choices[1].id),
        group_id,
    }
}

/// Lets `seconds` of wall-clock time pass for the learner's lesson, as far as the
/// plausibility check of progress reports can tell.
pub async fn let_time_pass(app: &TestApp, learner_id: i64, lesson_id: i64, seconds: i64) {
    let past = Utc::now() - chrono::Duration::seconds(seconds);
    lesson_progress::Entity::update_many()
        .col_expr(lesson_progress::Column::LastReportAt, Expr::value(past))
        .filter(lesson_progress::Column::LearnerId.eq(learner_id))
        .filter(lesson_progress::Column::LessonId.eq(lesson_id))
        .exec(&app.db)
        .await
        .unwrap();
}

/// Sends a progress report as the player does; returns the response.
pub async fn report(
    browser: &Browser,
    lesson_id: i64,
    intervals: &[(f64, f64)],
    position: f64,
) -> reqwest::Response {
    // The token from the start page: opening the lesson again would restart its clock.
    let page = browser.get("/learn").await.text().await.unwrap();
    let csrf = csrf_in(&page).unwrap();
    report_with(browser, lesson_id, &csrf, intervals, position).await
}

pub async fn report_with(
    browser: &Browser,
    lesson_id: i64,
    csrf: &str,
    intervals: &[(f64, f64)],
    position: f64,
) -> reqwest::Response {
    let intervals: Vec<_> = intervals
        .iter()
        .map(|(start, end)| serde_json::json!({ "start": start, "end": end }))
        .collect();
    browser
        .client
        .post(format!("{}/api/v1/progress/{lesson_id}", browser.address))
        .json(&serde_json::json!({ "csrf": csrf, "intervals": intervals, "position": position, "rate": 1.0 }))
        .send()
        .await
        .unwrap()
}

pub async fn progress_of(app: &TestApp, learner_id: i64, lesson_id: i64) -> Option<lesson_progress::Model> {
    lernwerk::courses::progress::find(&app.db, learner_id, lesson_id)
        .await
        .unwrap()
}
