use chrono::{Duration, Utc};
use entities::access_code;
use lernwerk::accounts::Role;
use sea_orm::sea_query::Expr;
use sea_orm::EntityTrait;

use crate::helpers::{location, spawn_app};

#[tokio::test]
async fn valid_code_logs_the_learner_in_once() {
    let app = spawn_app().await;
    let trainer = app.create_staff(Role::Trainer, "tina").await;
    let (learner_id, code) = app.create_learner(trainer).await;

    let phone = app.browser();
    let response = phone.login_code(&code.to_lowercase().replace('-', " ")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/learn");
    let seen = entities::user::Entity::find_by_id(learner_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        seen.last_seen_at
            .is_some_and(|t| Utc::now() - t < Duration::minutes(1)),
        "login counts as seen"
    );
    let page = phone.get("/learn").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Kim"));

    // One-time: a second phone with the same code is turned away.
    let response = app.browser().login_code(&code).await;
    assert_eq!(response.status(), 401);
    assert!(response.text().await.unwrap().contains("schon benutzt"));
}

#[tokio::test]
async fn wrong_and_malformed_codes_are_refused_with_a_plain_message() {
    let app = spawn_app().await;
    let browser = app.browser();

    let response = browser.login_code("ACDE-FHJK-MNPQ").await;
    assert_eq!(response.status(), 401);
    assert!(response.text().await.unwrap().contains("Dieser Code passt nicht"));

    let response = browser.login_code("123").await;
    assert_eq!(response.status(), 401);
    assert!(response.text().await.unwrap().contains("12 Zeichen"));

    let response = browser.login_code("   ").await;
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn expired_code_is_refused() {
    let app = spawn_app().await;
    let trainer = app.create_staff(Role::Trainer, "udo").await;
    let (_, code) = app.create_learner(trainer).await;
    access_code::Entity::update_many()
        .col_expr(
            access_code::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let response = app.browser().login_code(&code).await;
    assert_eq!(response.status(), 401);
    assert!(response.text().await.unwrap().contains("abgelaufen"));
}

#[tokio::test]
async fn trainer_creates_learner_and_the_printed_code_works() {
    let app = spawn_app().await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let response = trainer
        .submit("/trainer", "/trainer/learners", &[("nickname", "Sam")])
        .await;
    assert_eq!(response.status(), 201);
    let html = response.text().await.unwrap();
    assert!(html.contains("<svg"), "QR code missing");
    let doc = scraper::Html::parse_document(&html);
    let code: String = doc
        .select(&scraper::Selector::parse(".access-code").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    let link: String = doc
        .select(&scraper::Selector::parse(".login-url").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(link.ends_with(&format!("/code?c={code}")), "{link}");

    let phone = app.browser();
    let form = phone.get(&format!("/code?c={code}")).await.text().await.unwrap();
    assert!(
        form.contains(&format!("value=\"{code}\"")),
        "QR link pre-fills the code"
    );
    assert_eq!(phone.login_code(&code).await.status(), 303);
}

#[tokio::test]
async fn new_code_replaces_the_old_one() {
    let app = spawn_app().await;
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let (learner_id, old_code) = app.create_learner(trainer_id).await;
    let response = trainer
        .submit("/trainer", &format!("/trainer/learners/{learner_id}/code"), &[])
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(app.browser().login_code(&old_code).await.status(), 401);
    let rows = access_code::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 2);
}

#[tokio::test]
async fn trainers_cannot_issue_codes_for_other_trainers_learners() {
    let app = spawn_app().await;
    let (_, owner_id) = app.logged_in(Role::Trainer).await;
    let (learner_id, code) = app.create_learner(owner_id).await;
    let (intruder, _) = app.logged_in(Role::Trainer).await;
    let response = intruder
        .submit("/trainer", &format!("/trainer/learners/{learner_id}/code"), &[])
        .await;
    assert_eq!(response.status(), 404);
    // The learner's code still works: nothing was changed.
    assert_eq!(app.browser().login_code(&code).await.status(), 303);
    let list = intruder.get("/trainer").await.text().await.unwrap();
    assert!(!list.contains("Kim"));
}
