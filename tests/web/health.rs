use lernwerk::db::Migrator;
use sea_orm_migration::MigratorTrait;

use crate::helpers::spawn_app;

#[tokio::test]
async fn liveness_answers() {
    let app = spawn_app().await;
    let response = app.browser().get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn ready_when_migrated_and_not_when_a_migration_is_pending() {
    let app = spawn_app().await;
    let browser = app.browser();
    let response = browser.get("/readyz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.json::<serde_json::Value>().await.unwrap()["status"],
        "ready"
    );

    Migrator::down(&app.db, Some(1)).await.unwrap();
    assert_eq!(browser.get("/readyz").await.status(), 503);
}

#[tokio::test]
async fn database_failure_gives_a_translated_500_page() {
    let app = spawn_app().await;
    // Without any table, looking up the session fails inside the request.
    Migrator::down(&app.db, None).await.unwrap();
    let session_cookie = format!("lw_session={}", "a".repeat(43));
    for (language, message) in [("de", "Etwas ist schiefgelaufen"), ("en", "Something went wrong")] {
        let response = app
            .browser_with_language(language)
            .client
            .get(format!("{}/trainer", app.address))
            .header("cookie", &session_cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
        let csp = response.headers()["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'"),
            "security headers on a 500 too"
        );
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{language}: {html}");
        assert!(!html.contains("sessions"), "no internals on the page");
    }
}
