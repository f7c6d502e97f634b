use lernwerk::accounts::audit;
use lernwerk::accounts::Role;

use crate::helpers::{location, set_cookie, spawn_app, PASSWORD};

#[tokio::test]
async fn trainer_logs_in_and_reaches_their_page() {
    let app = spawn_app().await;
    app.create_staff(Role::Trainer, "Anna.Trainer").await;
    let browser = app.browser();

    // User names are case-insensitive.
    let response = browser.login("anna.trainer", PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/trainer");
    let cookie = set_cookie(&response, "lw_session").unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP must not set Secure: {cookie}"
    );

    let page = browser.get("/trainer").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Teilnehmende"));

    let entries = audit::recent(&app.db, 10).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "login.succeeded"));
}

#[tokio::test]
async fn cookie_is_secure_behind_https_proxy() {
    let app = spawn_app().await;
    app.create_staff(Role::Admin, "root-admin").await;
    let browser = app.browser();
    let token = browser.csrf_token("/login").await;
    let response = browser
        .client
        .post(format!("{}/login", app.address))
        .header("x-forwarded-proto", "https")
        .form(&[
            ("username", "root-admin"),
            ("password", PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert!(set_cookie(&response, "lw_session").unwrap().contains("Secure"));
}

#[tokio::test]
async fn wrong_password_and_unknown_user_are_refused_alike() {
    let app = spawn_app().await;
    app.create_staff(Role::Trainer, "ben").await;
    let browser = app.browser();

    for (name, password) in [("ben", "wrong password!!"), ("nobody", PASSWORD)] {
        let response = browser.login(name, password).await;
        assert_eq!(response.status(), 401);
        assert!(set_cookie(&response, "lw_session").is_none());
        let html = response.text().await.unwrap();
        assert!(html.contains("Benutzername oder Passwort ist falsch."));
    }
    assert_eq!(browser.get("/trainer").await.status(), 303);
    let failed = audit::recent(&app.db, 10).await.unwrap();
    assert_eq!(failed.iter().filter(|e| e.action == "login.failed").count(), 2);
}

#[tokio::test]
async fn learner_codes_do_not_work_as_staff_passwords() {
    let app = spawn_app().await;
    let trainer = app.create_staff(Role::Trainer, "carla").await;
    let (_, code) = app.create_learner(trainer).await;
    let response = app.browser().login("carla", &code).await;
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_page_asked_for_before_logging_in_opens_after_it() {
    let app = spawn_app().await;
    app.create_staff(Role::Trainer, "emil").await;
    let browser = app.browser();
    // A projector's QR code, scanned by a trainer whose phone is not logged in.
    let asked = browser.get("/trainer/room?c=K7H-WQ4").await;
    assert_eq!(location(&asked), "/login?next=%2Ftrainer%2Froom%3Fc%3DK7H%2DWQ4");
    let form = browser.get(&location(&asked)).await.text().await.unwrap();
    assert!(
        form.contains(r#"name="next" value="&#x2F;trainer&#x2F;room?c=K7H-WQ4""#),
        "{form}"
    );
    let token = crate::helpers::csrf_in(&form).unwrap();
    let response = browser
        .post_form(
            "/login",
            &[
                ("username", "emil"),
                ("password", PASSWORD),
                ("next", "/trainer/room?c=K7H-WQ4"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(location(&response), "/trainer/room?c=K7H-WQ4");
    let page = browser.get("/trainer/room?c=K7H-WQ4").await.text().await.unwrap();
    assert!(page.contains(r#"value="K7H-WQ4""#), "the code is filled in");

    // A form sent without a session goes to the login alone: a POST is not repeated.
    let posted = app
        .browser()
        .post_form("/trainer/room", &[("code", "K7H-WQ4")])
        .await;
    assert_eq!(location(&posted), "/login");
}

#[tokio::test]
async fn next_parameter_is_followed_only_inside_the_site() {
    let app = spawn_app().await;
    app.create_staff(Role::Admin, "dora").await;
    let browser = app.browser();
    let token = browser.csrf_token("/login?next=/admin/audit").await;
    let response = browser
        .post_form(
            "/login",
            &[
                ("username", "dora"),
                ("password", PASSWORD),
                ("next", "/admin/audit"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(location(&response), "/admin/audit");

    let other = app.browser();
    let token = other.csrf_token("/login").await;
    let response = other
        .post_form(
            "/login",
            &[
                ("username", "dora"),
                ("password", PASSWORD),
                ("next", "//evil.example/x"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(location(&response), "/admin");

    // A tab is dropped by browsers: "/\t/evil.example" would become "//evil.example".
    let third = app.browser();
    let token = third.csrf_token("/login").await;
    let response = third
        .post_form(
            "/login",
            &[
                ("username", "dora"),
                ("password", PASSWORD),
                ("next", "/\t/evil.example"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(location(&response), "/admin");
    let language = app.browser().get("/lang/en?next=/%09/evil.example").await;
    assert_eq!(location(&language), "/");
}
