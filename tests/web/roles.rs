//! Every protected route, tried by every role below the one it needs: 403, never 200.

use lernwerk::accounts::audit::Action;
use lernwerk::accounts::Role;

use crate::helpers::{location, spawn_app};

const TRAINER_PAGES: &[&str] = &["/trainer"];
const ADMIN_PAGES: &[&str] = &["/admin", "/admin/audit"];

#[tokio::test]
async fn lower_roles_get_403_on_trainer_and_admin_pages() {
    let app = spawn_app().await;
    let (learner, _) = app.logged_in(Role::Learner).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;

    for path in TRAINER_PAGES.iter().chain(ADMIN_PAGES) {
        assert_eq!(learner.get(path).await.status(), 403, "learner on {path}");
    }
    for path in ADMIN_PAGES {
        assert_eq!(trainer.get(path).await.status(), 403, "trainer on {path}");
    }
}

#[tokio::test]
async fn lower_roles_get_403_on_trainer_and_admin_actions() {
    let app = spawn_app().await;
    let (learner, learner_id) = app.logged_in(Role::Learner).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let learner_token = learner.csrf_token("/account").await;
    let trainer_token = trainer.csrf_token("/trainer").await;

    let code_path = format!("/trainer/learners/{learner_id}/code");
    let revoke_path = format!("/admin/users/{learner_id}/sessions/revoke");
    for path in [
        "/trainer/learners",
        code_path.as_str(),
        "/admin/users",
        revoke_path.as_str(),
    ] {
        let response = learner
            .post_form(path, &[("csrf_token", &learner_token), ("nickname", "x")])
            .await;
        assert_eq!(response.status(), 403, "learner posting {path}");
    }
    for path in ["/admin/users", revoke_path.as_str()] {
        let response = trainer
            .post_form(
                path,
                &[
                    ("csrf_token", &trainer_token),
                    ("username", "sneaky"),
                    ("password", "long enough password"),
                    ("role", "admin"),
                ],
            )
            .await;
        assert_eq!(response.status(), 403, "trainer posting {path}");
    }
    let staff = lernwerk::accounts::staff::find_by_username(&app.db, "sneaky")
        .await
        .unwrap();
    assert!(staff.is_none(), "no account may be created by a trainer");
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_the_right_login() {
    let app = spawn_app().await;
    let browser = app.browser();
    for path in ["/trainer", "/admin", "/admin/audit", "/account"] {
        let response = browser.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        let expected = match path {
            "/account" => "/code".to_owned(),
            _ => format!("/login?next={}", path.replace('/', "%2F")),
        };
        assert_eq!(location(&response), expected);
    }
    assert_eq!(location(&browser.get("/learn").await), "/code");
}

#[tokio::test]
async fn staff_are_not_learners() {
    let app = spawn_app().await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    assert_eq!(trainer.get("/learn").await.status(), 403);
}

#[tokio::test]
async fn admin_reaches_everything_staff_can() {
    let app = spawn_app().await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    for path in ["/admin", "/admin/audit", "/trainer", "/account"] {
        assert_eq!(admin.get(path).await.status(), 200, "{path}");
    }
}

#[tokio::test]
async fn admin_creates_a_trainer_who_can_then_log_in() {
    let app = spawn_app().await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let response = admin
        .submit(
            "/admin",
            "/admin/users",
            &[
                ("username", "neu.trainer"),
                ("password", "a fine passphrase"),
                ("role", "trainer"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let trainer = app.browser();
    assert_eq!(
        location(&trainer.login("neu.trainer", "a fine passphrase").await),
        "/trainer"
    );
    let audit = admin.get("/admin/audit").await.text().await.unwrap();
    assert!(audit.contains("Konto angelegt") && audit.contains("user.created"));
    // Every kind of entry has words, not only its stored name (the i18n tests see that
    // every language has the same keys as German).
    for action in [
        Action::LoginSucceeded,
        Action::LoginFailed,
        Action::CodeLoginSucceeded,
        Action::CodeLoginFailed,
        Action::Logout,
        Action::SessionsRevoked,
        Action::UserCreated,
        Action::LearnerCreated,
        Action::AccessCodeIssued,
        Action::LearnerDataExported,
        Action::LearnerDeleted,
        Action::LearnersPurged,
    ] {
        let key = format!("audit-event-{}", action.as_str().replace(['.', '_'], "-"));
        assert!(
            lernwerk::web::i18n::Lang::default_lang().try_t(&key).is_some(),
            "{key}"
        );
    }
}
