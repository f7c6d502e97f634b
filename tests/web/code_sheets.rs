//! Printed sheets of access codes: several learners at once, new codes for a group.

use lernwerk::accounts::Role;
use lernwerk::courses::groups;
use scraper::{Html, Selector};

use crate::helpers::{spawn_app, Browser, TestApp};

/// The texts of `selector` on a sheet page, in card order.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(selector).unwrap();
    doc.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn codes_on(html: &str) -> Vec<String> {
    texts(html, ".code-cards .access-code")
}

async fn group_of(app: &TestApp, trainer_id: i64, name: &str) -> i64 {
    groups::create(&app.db, trainer_id, name).await.unwrap().id
}

async fn batch(browser: &Browser, fields: &[(&str, &str)]) -> reqwest::Response {
    browser
        .submit("/trainer", "/trainer/learners/batch", fields)
        .await
}

#[tokio::test]
async fn a_sheet_of_learners_logs_in_and_lands_in_the_group() {
    let app = spawn_app().await;
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let group = group_of(&app, trainer_id, "Montagskurs").await;
    let group_field = group.to_string();

    let response = batch(
        &trainer,
        &[
            ("count", "3"),
            ("nickname_prefix", "Montag"),
            ("group", &group_field),
            ("sheet_lang", "ar"),
        ],
    )
    .await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let html = response.text().await.unwrap();
    let codes = codes_on(&html);
    assert_eq!(codes.len(), 3);
    for n in 1..=3 {
        assert!(html.contains(&format!("Montag {n}")), "card {n} is named");
    }
    // The cards speak the chosen language, the page around them the trainer's.
    assert!(html.contains(r#"class="code-cards" lang="ar" dir="rtl""#));
    assert!(html.contains("صالح مرة واحدة"));
    assert!(html.contains("Drucken"));
    // Each card's QR code leads to the login form with its own code filled in.
    let urls = texts(&html, ".code-cards .login-url");
    for (url, code) in urls.iter().zip(&codes) {
        assert!(url.ends_with(&format!("/code?c={code}")), "{url}");
    }
    assert_eq!(
        texts(&html, ".code-cards .qr svg").len(),
        3,
        "one QR code per card"
    );

    let members = groups::members(&app.db, group).await.unwrap();
    assert_eq!(members.len(), 3);
    for code in &codes {
        let phone = app.browser();
        assert_eq!(phone.login_code(code).await.status(), 303, "{code} works");
    }
}

#[tokio::test]
async fn wrong_sheet_fields_are_refused_with_a_message_and_create_nobody() {
    let app = spawn_app().await;
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let long_prefix = "x".repeat(62);
    for (fields, message) in [
        (vec![("count", "0")], "1 bis 40"),
        (vec![("count", "41")], "1 bis 40"),
        (vec![("count", "drei")], "1 bis 40"),
        (vec![("count", "")], "1 bis 40"),
        (vec![("count", "-2")], "1 bis 40"),
        (
            vec![("count", "30"), ("nickname_prefix", long_prefix.as_str())],
            "zu lang",
        ),
    ] {
        let response = batch(&trainer, &fields).await;
        assert_eq!(response.status(), 400, "{fields:?}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{fields:?} says {message}");
        assert!(html.contains(r#"id="sheet-count""#), "the form is shown again");
    }
    let learners = lernwerk::accounts::learners::list_for(&app.db, trainer_id, Role::Trainer)
        .await
        .unwrap();
    assert!(learners.is_empty(), "nothing was created");
}

#[tokio::test]
async fn sheets_are_for_trainers_and_their_own_groups_only() {
    let app = spawn_app().await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let (_, other_id) = app.logged_in(Role::Trainer).await;
    let foreign_group = group_of(&app, other_id, "Fremd").await.to_string();

    let response = batch(&trainer, &[("count", "2"), ("group", &foreign_group)]).await;
    assert_eq!(response.status(), 404, "another trainer's group");
    assert!(groups::members(&app.db, foreign_group.parse().unwrap())
        .await
        .unwrap()
        .is_empty());

    let response = trainer
        .post_form(
            "/trainer/learners/batch",
            &[("count", "2"), ("csrf_token", "forged")],
        )
        .await;
    assert_eq!(response.status(), 403, "no valid CSRF token");

    let (learner, _) = app.logged_in(Role::Learner).await;
    let token = learner.csrf_token("/learn").await;
    let response = learner
        .post_form(
            "/trainer/learners/batch",
            &[("count", "2"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), 403, "a learner");

    let stranger = app.browser();
    let token = stranger.csrf_token("/login").await;
    let response = stranger
        .post_form(
            "/trainer/learners/batch",
            &[("count", "2"), ("csrf_token", &token)],
        )
        .await;
    assert!(
        response.status() == 303 || response.status() == 401,
        "anonymous is sent to log in, got {}",
        response.status()
    );
}

#[tokio::test]
async fn new_codes_for_a_group_replace_the_unused_ones() {
    let app = spawn_app().await;
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let group = group_of(&app, trainer_id, "Dienstag").await;
    let (kim, old_code) = app.create_learner(trainer_id).await;
    groups::add_member(&app.db, group, kim).await.unwrap();
    // Someone else's learner who joined with the group's code gets no new code from us.
    let (_, other_id) = app.logged_in(Role::Trainer).await;
    let (guest, guest_code) = app.create_learner(other_id).await;
    groups::add_member(&app.db, group, guest).await.unwrap();

    let page = format!("/trainer/groups/{group}");
    let response = trainer
        .submit(
            &page,
            &format!("/trainer/groups/{group}/codes"),
            &[("sheet_lang", "tr")],
        )
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let codes = codes_on(&html);
    assert_eq!(codes.len(), 1, "only the trainer's own learner");
    assert!(html.contains("Bir kez geçerli"));

    assert_eq!(
        app.browser().login_code(&old_code).await.status(),
        401,
        "old code is gone"
    );
    assert_eq!(
        app.browser().login_code(&codes[0]).await.status(),
        303,
        "new code works"
    );
    assert_eq!(
        app.browser().login_code(&guest_code).await.status(),
        303,
        "guest's code untouched"
    );

    // Another trainer may not renew this group's codes.
    let (intruder, _) = app.logged_in(Role::Trainer).await;
    let token = intruder.csrf_token("/trainer").await;
    let response = intruder
        .post_form(
            &format!("/trainer/groups/{group}/codes"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn renewing_an_empty_group_says_so() {
    let app = spawn_app().await;
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let group = group_of(&app, trainer_id, "Leer").await;
    let token = trainer.csrf_token("/trainer").await;
    let response = trainer
        .post_form(
            &format!("/trainer/groups/{group}/codes"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("keine Teilnehmenden"));
}
