//! A whole course walked through over HTTP: the trainer builds it, a learner watches,
//! seeks, answers, and the engine unlocks and counts honestly.

use sea_orm::EntityTrait;

use crate::course_setup::{build_course, let_time_pass, post_ok, progress_of, report};
use crate::helpers::spawn_app;

/// The href of the "Weiter lernen" button on the learner's start page.
async fn continue_link(browser: &crate::helpers::Browser) -> Option<String> {
    let html = browser.get("/learn").await.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("a.big-button").unwrap();
    doc.select(&selector)
        .next()
        .and_then(|a| a.value().attr("href").map(str::to_owned))
}

#[tokio::test]
async fn a_learner_walks_a_course_and_progress_means_something() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let [a, b, lesson_c] = c.lessons;
    let learner = &c.learner;

    assert_eq!(continue_link(learner).await, Some(format!("/learn/lessons/{a}")));
    assert_eq!(
        learner.get(&format!("/learn/lessons/{lesson_c}")).await.status(),
        403,
        "module 2 is locked"
    );
    assert_eq!(learner.get(&format!("/learn/lessons/{a}")).await.status(), 200);

    // A third watched: in progress.
    let_time_pass(&app, c.learner_id, a, 25).await;
    let first: serde_json::Value = report(learner, a, &[(0.0, 20.0)], 20.0)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["video_complete"], false);
    assert!((first["coverage"].as_f64().unwrap() - 1.0 / 3.0).abs() < 0.01);
    // The same report again (a retry) changes nothing.
    let again: serde_json::Value = report(learner, a, &[(0.0, 20.0)], 20.0)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["coverage"], first["coverage"]);
    // Reopening resumes where the learner stopped.
    let reopened = learner
        .get(&format!("/learn/lessons/{a}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(reopened.contains(r#"data-resume="20"#), "resumes at 20 s");

    // Seeking to the end and watching the last ten seconds does not complete the lesson.
    let_time_pass(&app, c.learner_id, a, 15).await;
    let seek: serde_json::Value = report(learner, a, &[(50.0, 60.0)], 60.0)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seek["video_complete"], false);
    assert_eq!(continue_link(learner).await, Some(format!("/learn/lessons/{a}")));

    // Claiming the middle thirty seconds right away is more than could have been played.
    let too_fast = report(learner, a, &[(20.0, 50.0)], 50.0).await;
    assert_eq!(too_fast.status(), 400);
    let stored = progress_of(&app, c.learner_id, a).await.unwrap();
    assert!(
        (stored.watched_seconds - 30.0).abs() < 0.01,
        "a refused report changes nothing"
    );

    // Watching the gap after enough time completes the video: coverage 100 %.
    let_time_pass(&app, c.learner_id, a, 35).await;
    let done: serde_json::Value = report(learner, a, &[(20.0, 50.0)], 50.0)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(done["video_complete"], true);
    assert_eq!(done["lesson_complete"], true);
    assert_eq!(continue_link(learner).await, Some(format!("/learn/lessons/{b}")));

    // The trainer moves B before A in between: A stays complete, B is still next.
    let course_page = format!("/trainer/courses/{}", c.course_id);
    post_ok(
        &c.trainer,
        &course_page,
        &format!("/trainer/lessons/{b}/move"),
        &[("direction", "up")],
    )
    .await;
    assert_eq!(
        crate::course_setup::lesson_ids_in_order(&app, c.modules[0]).await,
        vec![b, a]
    );
    assert!(progress_of(&app, c.learner_id, a)
        .await
        .unwrap()
        .completed_at
        .is_some());
    assert_eq!(continue_link(learner).await, Some(format!("/learn/lessons/{b}")));

    // Lesson B: the whole video, then a wrong answer, then the right one.
    assert_eq!(learner.get(&format!("/learn/lessons/{b}")).await.status(), 200);
    let_time_pass(&app, c.learner_id, b, 60).await;
    let watched: serde_json::Value = report(learner, b, &[(0.0, 60.0)], 60.0)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(watched["video_complete"], true);
    assert_eq!(watched["lesson_complete"], false, "the questions are still open");

    let (question, right, wrong) = c.question;
    let lesson_b = format!("/learn/lessons/{b}");
    let answer_action = format!("{lesson_b}/answers");
    let field = format!("q{question}");
    post_ok(
        learner,
        &lesson_b,
        &answer_action,
        &[(&field, &wrong.to_string())],
    )
    .await;
    let page = learner.get(&lesson_b).await.text().await.unwrap();
    assert!(page.contains("0 von 1"), "the failed attempt is shown");
    assert_eq!(
        learner.get(&format!("/learn/lessons/{lesson_c}")).await.status(),
        403
    );
    let home = learner.get("/learn").await.text().await.unwrap();
    assert!(home.contains("Fragen noch einmal versuchen"));

    post_ok(
        learner,
        &lesson_b,
        &answer_action,
        &[(&field, &right.to_string())],
    )
    .await;
    assert!(progress_of(&app, c.learner_id, b)
        .await
        .unwrap()
        .completed_at
        .is_some());
    assert_eq!(
        learner.get(&format!("/learn/lessons/{lesson_c}")).await.status(),
        200,
        "module 2 opened"
    );
    assert_eq!(
        continue_link(learner).await,
        Some(format!("/learn/lessons/{lesson_c}"))
    );
    let attempts = entities::check_attempt::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        attempts.iter().map(|a| a.passed).collect::<Vec<_>>(),
        vec![false, true]
    );
}

#[tokio::test]
async fn without_gating_every_module_is_open() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let page = format!("/trainer/courses/{}", c.course_id);
    let fields = [
        ("title", "Prozente im Alltag"),
        ("summary", ""),
        ("language", "de"),
        ("topic", "numbers"),
        ("level", "2"),
    ];
    post_ok(&c.trainer, &page, &page, &fields).await;
    assert_eq!(
        c.learner
            .get(&format!("/learn/lessons/{}", c.lessons[2]))
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_learner_joins_a_group_with_its_code_typed_sloppily() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let group = entities::group::Entity::find_by_id(c.group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let (other, _) = app.logged_in(lernwerk::accounts::Role::Learner).await;
    assert_eq!(
        other
            .get(&format!("/learn/lessons/{}", c.lessons[0]))
            .await
            .status(),
        404
    );
    let typed = group.join_code.to_lowercase().replace('-', " ");
    post_ok(&other, "/learn", "/learn/join", &[("code", &typed)]).await;
    assert_eq!(
        other
            .get(&format!("/learn/lessons/{}", c.lessons[0]))
            .await
            .status(),
        200
    );

    let wrong = other
        .submit("/learn", "/learn/join", &[("code", "AAAA-AAAA")])
        .await;
    assert_eq!(wrong.status(), 400);
    assert!(wrong.text().await.unwrap().contains("Gruppen-Code gibt es nicht"));
}

#[tokio::test]
async fn the_trainer_credits_who_watched_together_in_the_room() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let page = format!("/trainer/groups/{}", c.group_id);
    let action = format!("{page}/room-viewing");
    let (lesson, learner) = (c.lessons[0].to_string(), c.learner_id.to_string());
    post_ok(
        &c.trainer,
        &page,
        &action,
        &[("lesson_id", &lesson), ("present", &learner)],
    )
    .await;
    let credits = entities::room_viewing::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(credits.len(), 1);
    assert_eq!(
        (credits[0].learner_id, credits[0].lesson_id),
        (c.learner_id, c.lessons[0])
    );
    // Own viewing stays untouched: room credit is shown apart, never as coverage.
    assert!(progress_of(&app, c.learner_id, c.lessons[0]).await.is_none());

    // Someone outside the group, or a lesson from another course: refused, nothing stored.
    let (_, stranger) = app.logged_in(lernwerk::accounts::Role::Learner).await;
    let stranger = stranger.to_string();
    let outsider = c
        .trainer
        .submit(&page, &action, &[("lesson_id", &lesson), ("present", &stranger)])
        .await;
    assert_eq!(outsider.status(), 400);
    let foreign = c
        .trainer
        .submit(&page, &action, &[("lesson_id", "999999"), ("present", &learner)])
        .await;
    assert_eq!(foreign.status(), 400);
    assert_eq!(
        entities::room_viewing::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn drag_and_drop_orders_are_whole_and_keep_progress() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let [a, b, _] = c.lessons;
    c.learner.get(&format!("/learn/lessons/{a}")).await;
    let page = format!("/trainer/courses/{}", c.course_id);
    let lessons = format!("/trainer/modules/{}/order", c.modules[0]);
    post_ok(&c.trainer, &page, &lessons, &[("order", &format!("{b},{a}"))]).await;
    assert_eq!(
        crate::course_setup::lesson_ids_in_order(&app, c.modules[0]).await,
        vec![b, a]
    );
    assert!(
        progress_of(&app, c.learner_id, a).await.is_some(),
        "progress stays with the lesson"
    );

    let modules = format!("{page}/order");
    let (m1, m2) = (c.modules[0], c.modules[1]);
    post_ok(&c.trainer, &page, &modules, &[("order", &format!("{m2},{m1}"))]).await;
    let html = c.trainer.get(&page).await.text().await.unwrap();
    assert!(html.find("Im Laden").unwrap() < html.find("Grundlagen").unwrap());

    // An order that leaves out, repeats or smuggles in an item changes nothing.
    for bad in [
        format!("{a}"),
        format!("{a},{a}"),
        format!("{a},{b},{}", c.lessons[2]),
        "x".into(),
    ] {
        let response = c.trainer.submit(&page, &lessons, &[("order", &bad)]).await;
        assert_eq!(response.status(), 400, "{bad}");
    }
    assert_eq!(
        crate::course_setup::lesson_ids_in_order(&app, c.modules[0]).await,
        vec![b, a]
    );
}

#[tokio::test]
async fn the_trainer_previews_a_lesson_without_recording_anything() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let lesson_page = format!("/trainer/lessons/{}", c.lessons[1]);
    let lesson = entities::lesson::Entity::find_by_id(c.lessons[1])
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let video = lesson.video_id.to_string();
    let fields = [
        ("title", "B"),
        ("video_id", video.as_str()),
        ("body", "Erste Zeile.\r\nZweite <Zeile>."),
    ];
    post_ok(&c.trainer, &lesson_page, &lesson_page, &fields).await;
    let preview = c
        .trainer
        .get(&format!("/trainer/lessons/{}/preview", c.lessons[1]))
        .await;
    assert_eq!(preview.status(), 200);
    let html = preview.text().await.unwrap();
    assert!(
        html.contains("Wie viel sind 10 % von 50 €?"),
        "the questions are shown"
    );
    assert!(
        html.contains("Erste Zeile.\nZweite &lt;Zeile&gt;."),
        "lines kept, text escaped"
    );
    assert!(!html.contains("&lt;br"), "no markup shows as text");
    assert!(!html.contains("/answers"), "but cannot be sent");
    assert!(entities::lesson_progress::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .is_empty());
    let learner_tries = c
        .learner
        .get(&format!("/trainer/lessons/{}/preview", c.lessons[1]))
        .await;
    assert_eq!(learner_tries.status(), 403);
}

#[tokio::test]
async fn m_of_n_right_answers_can_be_enough() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let [a, b, lesson_c] = c.lessons;
    let lesson_page = format!("/trainer/lessons/{b}");
    let second = [
        ("prompt", "Wie viel sind 50 % von 10 €?"),
        ("kind", "single"),
        ("choice", "5 €"),
        ("correct", "1"),
        ("choice", "2 €"),
    ];
    post_ok(
        &c.trainer,
        &lesson_page,
        &format!("{lesson_page}/questions"),
        &second,
    )
    .await;
    let video = entities::lesson::Entity::find_by_id(b)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .video_id;
    let video = video.to_string();
    let one_of_two = [
        ("title", "B"),
        ("video_id", video.as_str()),
        ("pass_required", "1"),
    ];
    post_ok(&c.trainer, &lesson_page, &lesson_page, &one_of_two).await;
    let out_of_range = [
        ("title", "B"),
        ("video_id", video.as_str()),
        ("pass_required", "0"),
    ];
    assert_eq!(
        c.trainer
            .submit(&lesson_page, &lesson_page, &out_of_range)
            .await
            .status(),
        400
    );

    for lesson in [a, b] {
        c.learner.get(&format!("/learn/lessons/{lesson}")).await;
        let_time_pass(&app, c.learner_id, lesson, 60).await;
        assert_eq!(
            report(&c.learner, lesson, &[(0.0, 60.0)], 60.0).await.status(),
            200
        );
    }
    let questions = entities::question::Entity::find().all(&app.db).await.unwrap();
    let mut fields = Vec::new();
    for q in &questions {
        let choices = entities::choice::Entity::find().all(&app.db).await.unwrap();
        let wrong = choices
            .iter()
            .find(|ch| ch.question_id == q.id && !ch.correct)
            .unwrap();
        let right = choices
            .iter()
            .find(|ch| ch.question_id == q.id && ch.correct)
            .unwrap();
        // The first question right, the second wrong: one of two.
        let pick = if q.id == c.question.0 { right.id } else { wrong.id };
        fields.push((format!("q{}", q.id), pick.to_string()));
    }
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let page = format!("/learn/lessons/{b}");
    post_ok(&c.learner, &page, &format!("{page}/answers"), &fields).await;
    let attempt = entities::check_attempt::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((attempt.correct, attempt.total, attempt.passed), (1, 2, true));
    assert_eq!(
        c.learner
            .get(&format!("/learn/lessons/{lesson_c}"))
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn changing_the_course_never_locks_a_learner_out_of_where_they_were() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let [a, b, lesson_c] = c.lessons;
    for lesson in [a, b] {
        c.learner.get(&format!("/learn/lessons/{lesson}")).await;
        let_time_pass(&app, c.learner_id, lesson, 60).await;
        assert_eq!(
            report(&c.learner, lesson, &[(0.0, 60.0)], 60.0).await.status(),
            200
        );
    }
    let (question, right, _) = c.question;
    let page = format!("/learn/lessons/{b}");
    let answer = [(format!("q{question}"), right.to_string())];
    let answer: Vec<(&str, &str)> = answer.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    post_ok(&c.learner, &page, &format!("{page}/answers"), &answer).await;
    assert_eq!(
        c.learner
            .get(&format!("/learn/lessons/{lesson_c}"))
            .await
            .status(),
        200
    );

    // A new lesson in the first module makes it incomplete again; module 2 stays open for
    // the learner who already started there, and its files stay reachable.
    let video = entities::lesson::Entity::find_by_id(a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .video_id;
    let course_page = format!("/trainer/courses/{}", c.course_id);
    let add = format!("/trainer/modules/{}/lessons", c.modules[0]);
    post_ok(
        &c.trainer,
        &course_page,
        &add,
        &[("title", "Neu"), ("video_id", &video.to_string())],
    )
    .await;
    assert_eq!(
        c.learner
            .get(&format!("/learn/lessons/{lesson_c}"))
            .await
            .status(),
        200
    );
}
