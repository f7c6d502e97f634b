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
