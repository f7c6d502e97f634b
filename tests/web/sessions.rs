use lernwerk::accounts::Role;

use crate::helpers::{location, set_cookie, spawn_app, PASSWORD};

#[tokio::test]
async fn csrf_token_is_required_on_every_form_post() {
    let app = spawn_app().await;
    app.create_staff(Role::Trainer, "eva").await;
    let browser = app.browser();
    browser.get("/login").await;

    let no_token = browser
        .post_form("/login", &[("username", "eva"), ("password", PASSWORD)])
        .await;
    assert_eq!(no_token.status(), 403);
    let wrong = browser
        .post_form(
            "/login",
            &[
                ("username", "eva"),
                ("password", PASSWORD),
                ("csrf_token", "x".repeat(43).as_str()),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 403);
    assert!(wrong.text().await.unwrap().contains("Formular ist abgelaufen"));

    // A token from another browser does not fit this one.
    let other_token = app.browser().csrf_token("/login").await;
    let foreign = browser
        .post_form(
            "/login",
            &[
                ("username", "eva"),
                ("password", PASSWORD),
                ("csrf_token", &other_token),
            ],
        )
        .await;
    assert_eq!(foreign.status(), 403);
}

#[tokio::test]
async fn logged_in_forms_need_the_session_token_not_the_anonymous_one() {
    let app = spawn_app().await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let anonymous_token = app.browser().csrf_token("/login").await;
    let response = trainer
        .post_form("/trainer/learners", &[("csrf_token", &anonymous_token)])
        .await;
    assert_eq!(response.status(), 403);
    let response = trainer.submit("/trainer", "/trainer/learners", &[]).await;
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn login_rotates_the_session() {
    let app = spawn_app().await;
    app.create_staff(Role::Trainer, "finn").await;
    let browser = app.browser();
    let first = set_cookie(&browser.login("finn", PASSWORD).await, "lw_session").unwrap();
    let second = set_cookie(&browser.login("finn", PASSWORD).await, "lw_session").unwrap();
    assert_ne!(first, second);
    let old_token = first.split(';').next().unwrap().to_owned();
    let replay = app
        .browser()
        .client
        .get(format!("{}/trainer", app.address))
        .header("cookie", old_token)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303, "the session before login must be revoked");
}

#[tokio::test]
async fn logout_ends_the_session_for_good() {
    let app = spawn_app().await;
    app.create_staff(Role::Trainer, "gina").await;
    let browser = app.browser();
    let cookie = set_cookie(&browser.login("gina", PASSWORD).await, "lw_session").unwrap();
    let response = browser.submit("/trainer", "/logout", &[]).await;
    assert_eq!(location(&response), "/");
    let replay = app
        .browser()
        .client
        .get(format!("{}/trainer", app.address))
        .header("cookie", cookie.split(';').next().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
}

#[tokio::test]
async fn admin_revokes_every_session_of_a_trainer() {
    let app = spawn_app().await;
    let trainer_id = app.create_staff(Role::Trainer, "hans").await;
    let office = app.browser();
    let tablet = app.browser();
    office.login("hans", PASSWORD).await;
    tablet.login("hans", PASSWORD).await;
    assert_eq!(office.get("/trainer").await.status(), 200);

    let (admin, _) = app.logged_in(Role::Admin).await;
    let response = admin
        .submit(
            "/admin",
            &format!("/admin/users/{trainer_id}/sessions/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(office.get("/trainer").await.status(), 303);
    assert_eq!(tablet.get("/trainer").await.status(), 303);
    assert_eq!(
        admin.get("/admin").await.status(),
        200,
        "the admin's own session stays"
    );
}

#[tokio::test]
async fn learner_logs_out_on_all_devices() {
    let app = spawn_app().await;
    let trainer = app.create_staff(Role::Trainer, "ida").await;
    let (learner_id, code) = app.create_learner(trainer).await;
    let phone = app.browser();
    phone.login_code(&code).await;
    let code2 = lernwerk::accounts::learners::issue_code(&app.db, learner_id, chrono::Duration::days(1))
        .await
        .unwrap();
    let tablet = app.browser();
    tablet.login_code(&code2).await;
    assert!(phone
        .get("/account")
        .await
        .text()
        .await
        .unwrap()
        .contains("2 Geräten"));

    phone.submit("/account", "/account/sessions/revoke", &[]).await;
    assert_eq!(tablet.get("/learn").await.status(), 303);
    assert_eq!(phone.get("/learn").await.status(), 303);
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_account_and_per_address() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.rate_limit.per_account = 3;
        s.rate_limit.per_address = 6;
        s.rate_limit.codes_per_address = 3;
    })
    .await;
    app.create_staff(Role::Trainer, "jan").await;
    let browser = app.browser();
    for _ in 0..3 {
        assert_eq!(browser.login("jan", "wrong password!!").await.status(), 401);
    }
    let blocked = browser.login("jan", PASSWORD).await;
    assert_eq!(blocked.status(), 429, "even the right password waits");
    let wait: u64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0 && wait <= 15 * 60);
    assert!(blocked.headers().contains_key("content-security-policy"));
    assert!(blocked.text().await.unwrap().contains("Zu viele Versuche"));
    // The limit is on jan's account: another trainer at the same desk still gets in.
    app.create_staff(Role::Trainer, "eva").await;
    assert_eq!(app.browser().login("eva", PASSWORD).await.status(), 303);
    // And only from that address: guessing elsewhere does not lock jan out of his desk.
    let desk = app.browser_from([127, 0, 0, 2]);
    assert_eq!(desk.login("jan", PASSWORD).await.status(), 303);

    // Guessing codes from one address runs into the address's code limit, which is
    // separate from the staff logins' (a room of learners shares one address).
    let room = app.browser_from([127, 0, 0, 3]);
    for _ in 0..3 {
        assert_eq!(room.login_code("ACDE-FHJK-MNPQ").await.status(), 401);
    }
    assert_eq!(room.login_code("ACDE-FHJK-MNPQ").await.status(), 429);
    app.create_staff(Role::Trainer, "ole").await;
    assert_eq!(room.login("ole", PASSWORD).await.status(), 303);
}
