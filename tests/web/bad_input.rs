//! Wrong input gets a clear page or JSON error, never a panic or a 500.

use lernwerk::accounts::Role;

use crate::helpers::{spawn_app, PASSWORD};

#[tokio::test]
async fn empty_login_form_shows_the_form_again_with_a_message() {
    let app = spawn_app().await;
    let browser = app.browser();
    let response = browser
        .submit("/login", "/login", &[("username", ""), ("password", "")])
        .await;
    assert_eq!(response.status(), 400);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Bitte Benutzername und Passwort eingeben."));
    // Fields missing altogether: the same.
    let response = browser.submit("/login", "/login", &[]).await;
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn ten_megabyte_form_body_is_refused_with_413() {
    let app = spawn_app().await;
    let browser = app.browser();
    let token = browser.csrf_token("/login").await;
    let big = "a".repeat(10 * 1024 * 1024);
    let response = browser
        .post_form(
            "/login",
            &[
                ("username", big.as_str()),
                ("password", PASSWORD),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("zu viel auf einmal"));
}

#[tokio::test]
async fn malformed_accept_language_falls_back_to_german() {
    let app = spawn_app().await;
    for header in [";;;q=", "en;q=abc", "*", "ar;q=NaN,,,", "x-klingon-🖖"] {
        let response = app
            .browser()
            .client
            .get(format!("{}/", app.address))
            .header("accept-language", header.as_bytes())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{header}");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"<html lang="de" dir="ltr">"#), "{header}");
    }
}

#[tokio::test]
async fn broken_cookies_mean_anonymous_not_an_error() {
    let app = spawn_app().await;
    for cookie in [
        "lw_session=%%%garbage",
        "lw_session=",
        "lw_csrf=x; lw_lang=zz",
        "=;;=;",
    ] {
        let response = app
            .browser()
            .client
            .get(format!("{}/trainer", app.address))
            .header("cookie", cookie.as_bytes())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{cookie}");
        let home = app
            .browser()
            .client
            .get(format!("{}/", app.address))
            .header("cookie", cookie.as_bytes())
            .send()
            .await
            .unwrap();
        assert_eq!(home.status(), 200, "{cookie}");
    }
}

#[tokio::test]
async fn wrong_form_types_and_paths_get_clear_errors() {
    let app = spawn_app().await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let token = admin.csrf_token("/admin").await;
    let response = admin
        .post_form(
            "/admin/users/not-a-number/sessions/revoke",
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = admin
        .post_form("/admin/users/999999/sessions/revoke", &[("csrf_token", &token)])
        .await;
    assert_eq!(response.status(), 404);

    for (fields, message) in [
        (
            vec![("username", "x"), ("password", PASSWORD), ("role", "trainer")],
            "3 bis 64 Zeichen",
        ),
        (
            vec![
                ("username", "valid.name"),
                ("password", "short"),
                ("role", "trainer"),
            ],
            "mindestens 10 Zeichen",
        ),
        (
            vec![
                ("username", "valid.name"),
                ("password", PASSWORD),
                ("role", "learner"),
            ],
            "Rolle",
        ),
    ] {
        let response = admin.submit("/admin", "/admin/users", &fields).await;
        assert_eq!(response.status(), 400);
        assert!(response.text().await.unwrap().contains(message), "{message}");
    }
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let long = "n".repeat(65);
    let response = trainer
        .submit("/trainer", "/trainer/learners", &[("nickname", long.as_str())])
        .await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("64 Zeichen"));
}

#[tokio::test]
async fn api_clients_get_json_errors() {
    let app = spawn_app().await;
    let response = app.browser().get("/api/v1/nothing").await;
    assert_eq!(response.status(), 404);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["status"], 404);
    assert!(body["error"]["message"].as_str().unwrap().len() > 5);
}
