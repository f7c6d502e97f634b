//! What the course engine refuses: reports and answers that are wrong or not the
//! learner's, forms that are wrong, and every route for the wrong role.

use entities::{course, lesson_progress, question};
use lernwerk::accounts::Role;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::course_setup::{build_course, let_time_pass, report, report_with};
use crate::helpers::{csrf_in, spawn_app};

#[tokio::test]
async fn bad_progress_reports_get_a_clear_4xx_and_change_nothing() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let a = c.lessons[0];
    assert_eq!(c.learner.get(&format!("/learn/lessons/{a}")).await.status(), 200);
    let_time_pass(&app, c.learner_id, a, 600).await;
    let before = crate::course_setup::progress_of(&app, c.learner_id, a)
        .await
        .unwrap();

    for (intervals, what) in [
        (vec![(-5.0, 10.0)], "negative start"),
        (vec![(10.0, 5.0)], "end before start"),
        (vec![(70.0, 80.0)], "beyond the video"),
    ] {
        let response = report(&c.learner, a, &intervals, 0.0).await;
        assert_eq!(response.status(), 400, "{what}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "progress-error-report", "{what}");
    }
    let csrf = csrf_in(&c.learner.get("/learn").await.text().await.unwrap()).unwrap();
    let url = format!("{}/api/v1/progress/{a}", app.address);
    let raw = |body: String| {
        c.learner
            .client
            .post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    // NaN cannot be written in JSON; a string where a number belongs is the nearest thing.
    let nan = raw(format!(
        r#"{{"csrf":"{csrf}","intervals":[{{"start":"NaN","end":3}}],"position":0}}"#
    ));
    assert_eq!(nan.await.unwrap().status(), 400);
    assert_eq!(raw("not json".into()).await.unwrap().status(), 400);
    let million = (0..1_000_000)
        .map(|i| format!(r#"{{"start":{i},"end":{i}.5}}"#))
        .collect::<Vec<_>>()
        .join(",");
    let huge = raw(format!(
        r#"{{"csrf":"{csrf}","intervals":[{million}],"position":0}}"#
    ));
    assert_eq!(huge.await.unwrap().status(), 413);
    let many: Vec<(f64, f64)> = (0..201).map(|i| (i as f64 * 0.2, i as f64 * 0.2 + 0.1)).collect();
    assert_eq!(
        report(&c.learner, a, &many, 0.0).await.status(),
        400,
        "over 200 intervals"
    );
    assert_eq!(
        report_with(&c.learner, a, "wrong", &[(0.0, 5.0)], 5.0)
            .await
            .status(),
        403,
        "CSRF"
    );

    // Another learner's lesson, a lesson that does not exist, a locked one.
    let (stranger, _) = app.logged_in(Role::Learner).await;
    assert_eq!(report(&stranger, a, &[(0.0, 5.0)], 5.0).await.status(), 404);
    assert_eq!(
        report(&c.learner, 999_999, &[(0.0, 5.0)], 5.0).await.status(),
        404
    );
    // Locked: never opened, so no report is taken (and nothing is revealed).
    let locked = report(&c.learner, c.lessons[2], &[(0.0, 5.0)], 5.0).await;
    assert_eq!(locked.status(), 404);
    // Staff do not report progress.
    // Without a session, or with a broken cookie: sent to the code login, nothing stored.
    let anonymous = app.browser();
    assert_eq!(
        report_with(&anonymous, a, &csrf, &[(0.0, 5.0)], 5.0)
            .await
            .status(),
        303
    );
    let broken = anonymous
        .client
        .post(format!("{}/api/v1/progress/{a}", app.address))
        .header("cookie", "lw_session=%%%")
        .json(&serde_json::json!({ "csrf": csrf, "intervals": [], "position": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status(), 303);
    let staff_csrf = csrf_in(&c.trainer.get("/trainer").await.text().await.unwrap()).unwrap();
    let by_staff = report_with(&c.trainer, a, &staff_csrf, &[(0.0, 5.0)], 5.0).await;
    assert_eq!(by_staff.status(), 403);

    let after = crate::course_setup::progress_of(&app, c.learner_id, a)
        .await
        .unwrap();
    assert_eq!(after.watched, before.watched);
    assert_eq!(after.coverage, before.coverage);
    assert_eq!(lesson_progress::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn answers_that_do_not_fit_the_questions_are_refused() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let b = c.lessons[1];
    let page = format!("/learn/lessons/{b}");
    let action = format!("{page}/answers");
    let (question, right, wrong) = c.question;
    let field = format!("q{question}");
    // B is open only after A; complete A quickly with a short wait.
    let a = c.lessons[0];
    c.learner.get(&format!("/learn/lessons/{a}")).await;
    let_time_pass(&app, c.learner_id, a, 120).await;
    assert_eq!(report(&c.learner, a, &[(0.0, 60.0)], 60.0).await.status(), 200);

    for (fields, what) in [
        (
            vec![(field.clone(), "999999".to_owned())],
            "a choice of no question",
        ),
        (
            vec![("q999999".to_owned(), right.to_string())],
            "an unknown question",
        ),
        (
            vec![
                (field.clone(), right.to_string()),
                (field.clone(), wrong.to_string()),
            ],
            "two answers to a single-choice question",
        ),
        (vec![(field.clone(), "x".to_owned())], "not a number"),
    ] {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let response = c.learner.submit(&page, &action, &borrowed).await;
        assert_eq!(response.status(), 400, "{what}");
    }
    assert_eq!(
        entities::check_attempt::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    let no_csrf = c
        .learner
        .post_form(&action, &[(&field, &right.to_string())])
        .await;
    assert_eq!(no_csrf.status(), 403);
}

#[tokio::test]
async fn wrong_course_forms_get_a_clear_message_and_store_nothing() {
    let app = spawn_app().await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let good = [
        ("title", "Lesen"),
        ("language", "de"),
        ("topic", "reading"),
        ("level", "1"),
    ];
    let cases: [(&str, &str, &str); 6] = [
        ("title", "", "Der Titel muss eine Zeile sein"),
        ("title", "zwei\nZeilen", "Der Titel muss eine Zeile sein"),
        ("language", "xx", "Bitte wählen Sie eine Sprache"),
        ("topic", "cooking", "Bitte wählen Sie ein Thema"),
        ("level", "9", "Stufe von 1 bis 4"),
        ("level", "eins", "Stufe von 1 bis 4"),
    ];
    for (name, value, message) in cases {
        let fields: Vec<(&str, &str)> = good
            .iter()
            .map(|(k, v)| if *k == name { (*k, value) } else { (*k, *v) })
            .collect();
        let response = trainer
            .submit("/trainer/courses", "/trainer/courses", &fields)
            .await;
        assert_eq!(response.status(), 400, "{name}={value}");
        assert!(response.text().await.unwrap().contains(message), "{name}={value}");
    }
    assert_eq!(course::Entity::find().count(&app.db).await.unwrap(), 0);

    // A course without lessons cannot be published.
    let created = crate::course_setup::post_ok(&trainer, "/trainer/courses", "/trainer/courses", &good).await;
    let publish = trainer
        .submit(&created, &format!("{created}/publish"), &[("published", "1")])
        .await;
    assert_eq!(publish.status(), 400);
    assert!(publish.text().await.unwrap().contains("ohne Lektionen"));
}

#[tokio::test]
async fn unanswerable_questions_are_refused() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let page = format!("/trainer/lessons/{}", c.lessons[0]);
    let action = format!("{page}/questions");
    let cases: [&[(&str, &str)]; 4] = [
        &[
            ("prompt", "Frage?"),
            ("kind", "single"),
            ("choice", "Ja"),
            ("choice", "Nein"),
        ],
        &[
            ("prompt", "Frage?"),
            ("kind", "single"),
            ("choice", "Ja"),
            ("correct", "1"),
        ],
        &[
            ("prompt", ""),
            ("kind", "single"),
            ("choice", "Ja"),
            ("choice", "Nein"),
            ("correct", "1"),
        ],
        &[
            ("prompt", "Frage?"),
            ("kind", "single"),
            ("choice", "Ja"),
            ("choice", "Nein"),
            ("correct", "7"),
        ],
    ];
    for fields in cases {
        assert_eq!(
            c.trainer.submit(&page, &action, fields).await.status(),
            400,
            "{fields:?}"
        );
    }
    assert_eq!(
        question::Entity::find().count(&app.db).await.unwrap(),
        1,
        "only lesson B's question"
    );
}

#[tokio::test]
async fn course_routes_check_roles_and_ownership() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let (other_trainer, _) = app.logged_in(Role::Trainer).await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let course_page = format!("/trainer/courses/{}", c.course_id);
    let lesson_page = format!("/trainer/lessons/{}", c.lessons[0]);
    let group_page = format!("/trainer/groups/{}", c.group_id);

    for path in [
        "/trainer/courses",
        "/trainer/groups",
        &course_page,
        &lesson_page,
        &group_page,
    ] {
        assert_eq!(c.learner.get(path).await.status(), 403, "learner on {path}");
        assert_eq!(app.browser().get(path).await.status(), 303, "anonymous on {path}");
    }
    for path in [&course_page, &lesson_page, &group_page] {
        assert_eq!(
            other_trainer.get(path).await.status(),
            404,
            "other trainer on {path}"
        );
        assert_eq!(admin.get(path).await.status(), 200, "admin on {path}");
    }
    // Writing to someone else's course: 404, and nothing changes.
    let token = csrf_in(&other_trainer.get("/trainer/courses").await.text().await.unwrap()).unwrap();
    let steal = other_trainer
        .post_form(
            &format!("{course_page}/publish"),
            &[("published", "0"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(steal.status(), 404);
    let move_it = other_trainer
        .post_form(
            &format!("/trainer/lessons/{}/move", c.lessons[1]),
            &[("direction", "up"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(move_it.status(), 404);
    assert!(
        course::Entity::find_by_id(c.course_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .published
    );
    // Someone else's learner cannot be put into one's group.
    let (own_group, _) = (
        crate::course_setup::post_ok(
            &other_trainer,
            "/trainer/groups",
            "/trainer/groups",
            &[("name", "Mittwoch")],
        )
        .await,
        (),
    );
    let add = other_trainer
        .submit(
            &own_group,
            &format!("{own_group}/members"),
            &[("learner_id", &c.learner_id.to_string())],
        )
        .await;
    assert_eq!(add.status(), 400);
    // The learner's course view stays the learner's own.
    assert_eq!(
        other_trainer
            .get(&format!("/learn/lessons/{}", c.lessons[0]))
            .await
            .status(),
        403
    );
}
