//! Who may use an upload: its maker only (404 for everyone else, admins included),
//! learners and visitors without login refused, the CSRF header required for changes;
//! the per-trainer quota, the disk reserve at creation, and expiry with its cleanup.

use std::time::Duration;

use entities::{upload, video};
use lernwerk::accounts::Role;
use reqwest::Method;
use sea_orm::EntityTrait;

use crate::helpers::TestApp;
use crate::tus_client::{header, metadata, pattern, Tus, ENDPOINT};
use crate::tus_protocol::{app_with, part_file, trainer_app};

#[tokio::test]
async fn an_upload_belongs_to_its_maker_alone() {
    let (app, owner) = trainer_app().await;
    let tus = Tus::new(&owner).await;
    let url = tus.create(1000, "meins.mp4").await;
    assert_eq!(tus.patch(&url, 0, pattern(100, 1)).await.status(), 204);

    for role in [Role::Trainer, Role::Admin] {
        let (other, _) = app.logged_in(role).await;
        let theirs = Tus::new(&other).await;
        assert_eq!(theirs.head(&url).await.status(), 404, "{role} HEAD");
        assert_eq!(
            theirs.patch(&url, 100, pattern(100, 2)).await.status(),
            404,
            "{role} PATCH"
        );
        assert_eq!(theirs.delete(&url).await.status(), 404, "{role} DELETE");
        // They may make uploads of their own.
        assert_eq!(theirs.create_raw(10, &metadata("x.mp4", "X")).await.status(), 201);
    }
    let (learner, _) = app.logged_in(Role::Learner).await;
    let anonymous = app.browser();
    for (browser, expected) in [(&learner, 403), (&anonymous, 401)] {
        let tus = Tus::new(browser).await;
        assert_eq!(tus.head(&url).await.status(), expected);
        assert_eq!(tus.patch(&url, 100, pattern(100, 3)).await.status(), expected);
        assert_eq!(tus.delete(&url).await.status(), expected);
        let create = tus.create_raw(10, &metadata("x.mp4", "X")).await;
        assert_eq!(create.status(), expected);
        assert_eq!(header(&create, "tus-resumable").as_deref(), Some("1.0.0"));
    }
    assert_eq!(tus.offset(&url).await, 100, "nobody else changed it");
    assert_eq!(upload::Entity::find().all(&app.db).await.unwrap().len(), 3);
}

#[tokio::test]
async fn changes_need_the_csrf_token_in_a_header() {
    let (app, browser) = trainer_app().await;
    let good = Tus::new(&browser).await;
    let url = good.create(1000, "a.mp4").await;
    for token in ["", "wrong-token-wrong-token-wrong-token-wrong-t"] {
        let forged = Tus {
            browser: &browser,
            csrf: token.to_owned(),
        };
        let create = forged.create_raw(10, &metadata("b.mp4", "B")).await;
        assert_eq!(create.status(), 403, "{token:?}");
        let json: serde_json::Value = create.json().await.unwrap();
        assert_eq!(json["error"]["code"], "error-csrf");
        assert_eq!(forged.patch(&url, 0, pattern(10, 1)).await.status(), 403);
        assert_eq!(forged.delete(&url).await.status(), 403);
        // Reading the offset changes nothing and needs no token.
        assert_eq!(forged.head(&url).await.status(), 200);
    }
    // No header at all.
    let bare = browser
        .client
        .request(Method::POST, format!("{}{ENDPOINT}", app.address))
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "10")
        .header("Upload-Metadata", metadata("c.mp4", "C"))
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), 403);
    assert_eq!(good.offset(&url).await, 0);
    assert_eq!(upload::Entity::find().all(&app.db).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_quota_counts_unfinished_uploads_and_originals() {
    let (app, browser) = app_with(|s| s.uploads.quota_bytes = 1_000_000).await;
    let tus = Tus::new(&browser).await;
    let url = tus.create(600_000, "eins.mp4").await;
    let over = tus.create_raw(500_000, &metadata("zwei.mp4", "Zwei")).await;
    assert_eq!(over.status(), 413);
    let json: serde_json::Value = over.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-quota");
    let message = json["error"]["message"].as_str().unwrap();
    assert!(message.contains("0 MB von 1 MB"), "{message}");
    // Finished, the file still counts: now as an original.
    assert_eq!(tus.patch(&url, 0, pattern(600_000, 4)).await.status(), 204);
    assert_eq!(
        tus.create_raw(500_000, &metadata("zwei.mp4", "Zwei"))
            .await
            .status(),
        413
    );
    assert_eq!(
        tus.create_raw(400_000, &metadata("drei.mp4", "Drei"))
            .await
            .status(),
        201
    );
    // Another trainer has a quota of their own.
    let (other, _) = app.logged_in(Role::Trainer).await;
    assert_eq!(
        Tus::new(&other)
            .await
            .create_raw(900_000, &metadata("x.mp4", "X"))
            .await
            .status(),
        201
    );
}

#[tokio::test]
async fn creation_is_refused_when_the_disk_has_no_room_above_the_reserve() {
    let (app, browser) = app_with(|s| s.uploads.reserve_bytes = u64::MAX / 4).await;
    let tus = Tus::new(&browser).await;
    let response = tus.create_raw(1000, &metadata("a.mp4", "A")).await;
    assert_eq!(response.status(), 507);
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-disk-full");
    assert!(json["error"]["message"].as_str().unwrap().contains("Verwaltung"));
    assert!(upload::Entity::find().all(&app.db).await.unwrap().is_empty());
}

async fn rows(app: &TestApp) -> usize {
    upload::Entity::find().all(&app.db).await.unwrap().len()
}

#[tokio::test]
async fn expired_uploads_answer_410_until_the_sweep_removes_them() {
    let (app, browser) = app_with(|s| {
        s.uploads.expiry_seconds = 1.0;
        s.uploads.cleanup_interval_seconds = 3600.0;
    })
    .await;
    let tus = Tus::new(&browser).await;
    let url = tus.create(1000, "alt.mp4").await;
    let done = tus.create(10, "fertig.mp4").await;
    assert_eq!(tus.patch(&done, 0, pattern(10, 1)).await.status(), 204);
    assert_eq!(tus.patch(&url, 0, pattern(100, 1)).await.status(), 204);
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(tus.head(&url).await.status(), 410);
    assert_eq!(tus.patch(&url, 100, pattern(100, 1)).await.status(), 410);

    // In the originals store: a file that a form upload left when the server died (old),
    // and one being written right now.
    let orphan = app.media_dir().join("originals/verwaist.upload");
    let arriving = app.media_dir().join("originals/kommt-gerade.upload");
    for file in [&orphan, &arriving] {
        std::fs::write(file, b"x").unwrap();
    }
    std::fs::File::options()
        .write(true)
        .open(&orphan)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();

    let settings = app.settings();
    let swept =
        lernwerk::uploads::cleanup::sweep(&app.db, app.media_dir(), &settings.uploads, chrono::Utc::now())
            .await
            .unwrap();
    assert_eq!((swept.unfinished, swept.finished), (1, 1));
    assert_eq!(swept.stray_originals, 1);
    assert!(!orphan.exists() && arriving.exists());
    let finished_video = &video::Entity::find().all(&app.db).await.unwrap()[0];
    assert!(
        app.media_dir().join(&finished_video.original_path).exists(),
        "a video's original stays, however old"
    );
    assert!(!part_file(&app, &url).exists(), "the bytes are gone");
    assert_eq!(tus.head(&url).await.status(), 404);
    assert_eq!(tus.head(&done).await.status(), 404);
    assert_eq!(rows(&app).await, 0);
    assert_eq!(
        video::Entity::find().all(&app.db).await.unwrap().len(),
        1,
        "the finished one's video stays"
    );
}

#[tokio::test]
async fn the_server_sweeps_expired_uploads_by_itself_and_a_chunk_moves_the_expiry() {
    let (app, browser) = app_with(|s| {
        s.uploads.expiry_seconds = 1.5;
        s.uploads.cleanup_interval_seconds = 0.2;
    })
    .await;
    let tus = Tus::new(&browser).await;
    let abandoned = tus.create(1000, "weg.mp4").await;
    let active = tus.create(1000, "aktiv.mp4").await;
    // A stray part file without a row (a crash between file and row), old enough.
    let stray = app.media_dir().join("uploads/ohne-zeile.part");
    std::fs::write(&stray, b"x").unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stray)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let before = header(&tus.head(&active).await, "upload-expires").unwrap();
    for i in 0..4u64 {
        tokio::time::sleep(Duration::from_millis(600)).await;
        let response = tus.patch(&active, i * 10, pattern(10, 2)).await;
        assert_eq!(response.status(), 204);
    }
    let after = header(&tus.head(&active).await, "upload-expires").unwrap();
    assert_ne!(before, after, "each chunk moves the expiry on");
    assert_eq!(
        tus.head(&abandoned).await.status(),
        404,
        "removed by the server's own sweep"
    );
    assert!(!part_file(&app, &abandoned).exists());
    assert!(!stray.exists(), "files without a row go too");
    assert_eq!(tus.offset(&active).await, 40);
    assert_eq!(rows(&app).await, 1);
}
