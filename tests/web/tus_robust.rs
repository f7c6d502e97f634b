//! Uploads when things go wrong: two PATCHes at once, a body that ends early or stalls,
//! a failure while the video is being made, and a crash between moving the file and
//! recording it.

use std::time::Duration;

use entities::{job, upload, video};
use lernwerk::accounts::Role;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, Set};

use crate::helpers::TestApp;
use crate::tus_client::{header, pattern, wait_for_offset, RawPatch, Session, Tus};
use crate::tus_protocol::{app_with, originals, part_file, videos};

async fn session_app(adjust: impl FnOnce(&mut lernwerk::config::Settings)) -> (TestApp, Session) {
    let (app, _) = app_with(adjust).await;
    let (session, _) = Session::new(&app, Role::Trainer).await;
    (app, session)
}

#[tokio::test]
async fn a_second_patch_meanwhile_gets_423_and_nothing_interleaves() {
    let (app, session) = session_app(|_| {}).await;
    let tus = Tus::new(&session.browser).await;
    let bytes = pattern(200_000, 8);
    let url = tus.create(200_000, "zwei.mp4").await;
    let mut first = RawPatch::start(&tus, &session.cookie_header(), &url, 0, 200_000, "").await;
    first.send(&bytes[..50_000]).await;
    // Give the server time to take the lock.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let second = tus.patch(&url, 0, pattern(200_000, 99)).await;
    assert_eq!(second.status(), 423);
    assert_eq!(header(&second, "retry-after").as_deref(), Some("1"));
    let json: serde_json::Value = second.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-locked");
    assert_eq!(
        tus.delete(&url).await.status(),
        423,
        "nor can it be deleted meanwhile"
    );
    first.send(&bytes[50_000..]).await;
    assert_eq!(first.status().await, 204);
    let made = &videos(&app).await[0];
    let stored = std::fs::read(app.media_dir().join(&made.original_path)).unwrap();
    assert!(stored == bytes, "only the first PATCH's bytes, in order");
}

#[tokio::test]
async fn a_body_that_ends_early_keeps_what_arrived() {
    let (app, session) = session_app(|_| {}).await;
    let tus = Tus::new(&session.browser).await;
    let bytes = pattern(100_000, 6);
    let url = tus.create(100_000, "abbruch.mp4").await;
    let mut cut = RawPatch::start(&tus, &session.cookie_header(), &url, 0, 100_000, "").await;
    cut.send(&bytes[..37_000]).await;
    drop(cut); // the connection is gone mid-body
    assert_eq!(wait_for_offset(&tus, &url, 37_000).await, 37_000);
    assert_eq!(std::fs::metadata(part_file(&app, &url)).unwrap().len(), 37_000);
    // Resumed from there, the file is whole.
    assert_eq!(
        tus.patch_when_free(&url, 37_000, bytes[37_000..].to_vec(), None)
            .await
            .status(),
        204
    );
    let made = &videos(&app).await[0];
    assert!(std::fs::read(app.media_dir().join(&made.original_path)).unwrap() == bytes);
}

#[tokio::test]
async fn a_checksummed_body_that_ends_early_is_discarded() {
    let (app, session) = session_app(|_| {}).await;
    let tus = Tus::new(&session.browser).await;
    let bytes = pattern(100_000, 2);
    let url = tus.create(100_000, "summe.mp4").await;
    assert_eq!(tus.patch(&url, 0, bytes[..10_000].to_vec()).await.status(), 204);
    let sum = crate::tus_client::checksum("sha1", &bytes[10_000..]);
    let mut cut = RawPatch::start(
        &tus,
        &session.cookie_header(),
        &url,
        10_000,
        90_000,
        &format!("Upload-Checksum: {sum}\r\n"),
    )
    .await;
    cut.send(&bytes[10_000..60_000]).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    // While it is unverified, the offset is where the chunk began.
    assert_eq!(tus.offset(&url).await, 10_000);
    drop(cut);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        wait_for_offset(&tus, &url, 10_000).await,
        10_000,
        "an unverifiable chunk is not kept"
    );
    let response = tus
        .patch_when_free(&url, 10_000, bytes[10_000..].to_vec(), Some(&sum))
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(videos(&app).await.len(), 1);
}

#[tokio::test]
async fn a_stalled_body_is_ended_and_the_upload_is_free_again() {
    let (_app, session) = session_app(|s| s.uploads.idle_timeout_seconds = 0.5).await;
    let tus = Tus::new(&session.browser).await;
    let bytes = pattern(10_000, 4);
    let url = tus.create(10_000, "stau.mp4").await;
    let mut stalled = RawPatch::start(&tus, &session.cookie_header(), &url, 0, 10_000, "").await;
    stalled.send(&bytes[..3000]).await;
    // The connection stays open and sends nothing more.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(tus.offset(&url).await, 3000);
    assert_eq!(
        tus.patch_when_free(&url, 3000, bytes[3000..].to_vec(), None)
            .await
            .status(),
        204
    );
    drop(stalled);
}

/// Makes every insert into `jobs` fail, on SQLite or PostgreSQL.
async fn break_job_inserts(app: &TestApp) {
    let sql = match app.db.get_database_backend() {
        DbBackend::Sqlite => vec![
            "CREATE TRIGGER fail_jobs BEFORE INSERT ON jobs BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
        ],
        _ => vec![
            "CREATE FUNCTION fail_jobs() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER fail_jobs BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION fail_jobs()",
        ],
    };
    for statement in sql {
        app.db.execute_unprepared(statement).await.unwrap();
    }
}

async fn mend_job_inserts(app: &TestApp) {
    let statement = match app.db.get_database_backend() {
        DbBackend::Sqlite => "DROP TRIGGER fail_jobs",
        _ => "DROP TRIGGER fail_jobs ON jobs",
    };
    app.db.execute_unprepared(statement).await.unwrap();
}

#[tokio::test]
async fn a_failure_while_the_video_is_made_leaves_neither_video_nor_orphan() {
    let (app, session) = session_app(|_| {}).await;
    let tus = Tus::new(&session.browser).await;
    let bytes = pattern(50_000, 3);
    let url = tus.create(50_000, "scheitert.mp4").await;
    break_job_inserts(&app).await;
    let last = tus.patch(&url, 0, bytes.clone()).await;
    assert_eq!(last.status(), 500);
    assert!(videos(&app).await.is_empty(), "the video went with its job");
    assert!(originals(&app).is_empty(), "no orphan in the originals");
    assert_eq!(
        std::fs::metadata(part_file(&app, &url)).unwrap().len(),
        50_000,
        "the bytes are kept"
    );
    assert_eq!(
        tus.head(&url).await.status(),
        500,
        "HEAD tries again, and fails again"
    );
    assert!(videos(&app).await.is_empty() && originals(&app).is_empty());

    mend_job_inserts(&app).await;
    let head = tus.head(&url).await;
    assert_eq!(head.status(), 200);
    let page = header(&head, "lernwerk-video").expect("finished on the next HEAD");
    let made = videos(&app).await;
    assert_eq!(made.len(), 1);
    assert_eq!(page, format!("/trainer/videos/{}", made[0].id));
    assert_eq!(job::Entity::find().all(&app.db).await.unwrap().len(), 1);
    assert_eq!(originals(&app).len(), 1);
    assert!(std::fs::read(app.media_dir().join(&made[0].original_path)).unwrap() == bytes);
}

#[tokio::test]
async fn a_crash_between_move_and_commit_is_undone_on_the_next_request() {
    let (app, session) = session_app(|_| {}).await;
    let tus = Tus::new(&session.browser).await;
    let bytes = pattern(20_000, 5);
    let url = tus.create(20_000, "absturz.mp4").await;
    assert_eq!(tus.patch(&url, 0, bytes[..19_000].to_vec()).await.status(), 204);
    // What a crash after the rename leaves: the name planned in the row, the file there.
    let row = upload::Entity::find().one(&app.db).await.unwrap().unwrap();
    let planned = "originals/planned-by-a-crashed-server.upload";
    std::fs::create_dir_all(app.media_dir().join("originals")).unwrap();
    std::fs::rename(part_file(&app, &url), app.media_dir().join(planned)).unwrap();
    let mut active = row.into_active_model();
    active.original_path = Set(Some(planned.to_owned()));
    active.update(&app.db).await.unwrap();

    assert_eq!(tus.offset(&url).await, 19_000, "moved back on the next HEAD");
    assert!(part_file(&app, &url).exists() && originals(&app).is_empty());
    assert_eq!(
        tus.patch(&url, 19_000, bytes[19_000..].to_vec()).await.status(),
        204
    );
    let made = video::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(made.original_path, planned);
    assert!(std::fs::read(app.media_dir().join(planned)).unwrap() == bytes);
}
