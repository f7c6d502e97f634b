//! Trainer videos over HTTP: the plain upload form, ownership, cancel, and a real worker
//! turning the upload into a package that the pages then serve.

use std::path::Path;

use entities::{job, video};
use lernwerk::accounts::Role;
use reqwest::multipart::{Form, Part};
use sea_orm::EntityTrait;

use crate::helpers::{csrf_in, location, spawn_app_with, Browser, TestApp};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/downloaded")
        .join(name);
    std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run scripts/fetch-fixtures", path.display()))
}

async fn upload(
    browser: &Browser,
    csrf: Option<&str>,
    title: &str,
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let mut form = Form::new();
    if let Some(token) = csrf {
        form = form.text("csrf_token", token.to_owned());
    }
    form = form.text("title", title.to_owned());
    if let Some((name, bytes)) = file {
        form = form.part(
            "video",
            Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("video/mp4")
                .unwrap(),
        );
    }
    browser
        .client
        .post(format!("{}/trainer/videos", browser.address))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn token(browser: &Browser) -> String {
    csrf_in(&browser.get("/trainer/videos").await.text().await.unwrap()).unwrap()
}

fn stored_originals(app: &TestApp) -> usize {
    std::fs::read_dir(app.media_dir().join("originals"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[tokio::test]
async fn upload_creates_the_video_and_its_job_together() {
    let app = spawn_app_with(|_| {}).await;
    let (trainer, trainer_id) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;
    let response = upload(
        &trainer,
        Some(&csrf),
        "",
        Some(("Brief_schreiben.mp4", fixture("no-audio.mp4"))),
    )
    .await;
    assert_eq!(response.status(), 303);
    let page_path = location(&response);

    let videos = video::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(videos.len(), 1);
    assert_eq!(videos[0].title, "Brief schreiben");
    assert_eq!(videos[0].owner_id, trainer_id);
    let stored = std::fs::read(app.media_dir().join(&videos[0].original_path)).unwrap();
    assert_eq!(stored, fixture("no-audio.mp4"), "stored byte for byte");
    let jobs = job::Entity::find().all(&app.db).await.unwrap();
    assert_eq!((jobs.len(), jobs[0].state.as_str()), (1, "queued"));

    let page = trainer.get(&page_path).await.text().await.unwrap();
    assert!(page.contains("Brief schreiben") && page.contains("Wartet auf Bearbeitung"));
    let list = trainer.get("/trainer/videos").await.text().await.unwrap();
    assert!(list.contains(&page_path));
}

#[tokio::test]
async fn bad_uploads_get_a_message_and_store_nothing() {
    let app = spawn_app_with(|s| s.max_upload_bytes = 50_000).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;

    let response = upload(&trainer, None, "x", Some(("a.mp4", fixture("no-audio.mp4")))).await;
    assert_eq!(response.status(), 403, "no CSRF token");
    let response = upload(
        &trainer,
        Some("wrong"),
        "x",
        Some(("a.mp4", fixture("no-audio.mp4"))),
    )
    .await;
    assert_eq!(response.status(), 403, "wrong CSRF token");

    let response = upload(&trainer, Some(&csrf), "x", None).await;
    assert_eq!(response.status(), 400);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Bitte wählen Sie eine Videodatei aus."));
    let response = upload(&trainer, Some(&csrf), "x", Some(("empty.mp4", Vec::new()))).await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("Die Datei ist leer."));
    let response = upload(&trainer, Some(&csrf), "x", Some(("big.mp4", vec![7u8; 60_000]))).await;
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("zu groß"));
    let long_title = "T".repeat(121);
    let response = upload(&trainer, Some(&csrf), &long_title, Some(("a.mp4", vec![1u8; 10]))).await;
    assert_eq!(response.status(), 400);

    // Two files in one form, or a bad title after the file: refused, and the file that
    // was already written goes again.
    let part = |name: &str| {
        Part::bytes(vec![5u8; 1000])
            .file_name(name.to_owned())
            .mime_str("video/mp4")
            .unwrap()
    };
    let forms = [
        Form::new()
            .text("csrf_token", csrf.clone())
            .part("video", part("a.mp4"))
            .part("video", part("b.mp4")),
        Form::new()
            .text("csrf_token", csrf.clone())
            .part("video", part("a.mp4"))
            .text("title", "T".repeat(1000)),
    ];
    for form in forms {
        let response = trainer
            .client
            .post(format!("{}/trainer/videos", trainer.address))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
    }

    assert_eq!(stored_originals(&app), 0, "nothing may stay on disk");
    assert!(video::Entity::find().all(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn form_uploads_keep_to_the_quota_and_the_disk_reserve() {
    let app = spawn_app_with(|s| s.uploads.quota_bytes = 100_000).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;
    let first = upload(&trainer, Some(&csrf), "a", Some(("a.mp4", vec![1u8; 70_000]))).await;
    assert_eq!(first.status(), 303);

    let over = upload(&trainer, Some(&csrf), "b", Some(("b.mp4", vec![2u8; 40_000]))).await;
    assert_eq!(over.status(), 413, "70 000 in use + 40 000 is over the quota");
    let page = over.text().await.unwrap();
    assert!(page.contains("Ihr Speicherplatz reicht nicht"), "{page}");
    assert_eq!(stored_originals(&app), 1, "only the first upload stays");

    // Another trainer has a quota of their own.
    let (other, _) = app.logged_in(Role::Trainer).await;
    let other_csrf = token(&other).await;
    let theirs = upload(&other, Some(&other_csrf), "c", Some(("c.mp4", vec![3u8; 40_000]))).await;
    assert_eq!(theirs.status(), 303);

    let app = spawn_app_with(|s| s.uploads.reserve_bytes = u64::MAX / 4).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;
    let full = upload(&trainer, Some(&csrf), "d", Some(("d.mp4", vec![4u8; 10_000]))).await;
    assert_eq!(full.status(), 507, "the reserve the server keeps is never used");
    assert!(full
        .text()
        .await
        .unwrap()
        .contains("Speicher des Servers ist voll"));
    assert_eq!(stored_originals(&app), 0);
    assert!(video::Entity::find().all(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn videos_belong_to_their_trainer() {
    let app = spawn_app_with(|_| {}).await;
    let (owner, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&owner).await;
    let page = location(
        &upload(
            &owner,
            Some(&csrf),
            "Mine",
            Some(("a.mp4", fixture("no-audio.mp4"))),
        )
        .await,
    );
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();

    let (other, _) = app.logged_in(Role::Trainer).await;
    for path in [
        page.clone(),
        format!("{page}/events"),
        format!("/media/videos/{id}/master.m3u8"),
    ] {
        assert_eq!(other.get(&path).await.status(), 404, "{path}");
    }
    let other_csrf = token(&other).await;
    let response = other
        .post_form(&format!("{page}/cancel"), &[("csrf_token", &other_csrf)])
        .await;
    assert_eq!(response.status(), 404);
    assert!(!other
        .get("/trainer/videos")
        .await
        .text()
        .await
        .unwrap()
        .contains("Mine"));

    let (learner, _) = app.logged_in(Role::Learner).await;
    assert_eq!(learner.get("/trainer/videos").await.status(), 403);
    assert_eq!(learner.get(&page).await.status(), 403);
    let (admin, _) = app.logged_in(Role::Admin).await;
    assert_eq!(admin.get(&page).await.status(), 200);
}

/// The next event of a server-sent event stream, as JSON.
async fn next_event(stream: &mut reqwest::Response, buffered: &mut String) -> serde_json::Value {
    loop {
        if let Some(end) = buffered.find("\n\n") {
            let event: String = buffered.drain(..end + 2).collect();
            let data = event.trim().strip_prefix("data: ").expect("a data line");
            return serde_json::from_str(data).unwrap();
        }
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), stream.chunk())
            .await
            .expect("no event within 10 s")
            .unwrap()
            .expect("the stream ended");
        buffered.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

#[tokio::test]
async fn the_live_status_pushes_each_stage_and_percent_in_the_trainers_language() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = spawn_app_with(|_| {}).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;
    let page = location(&upload(&trainer, Some(&csrf), "Live", Some(("a.mp4", vec![1u8; 100]))).await);
    let mut stream = trainer
        .client
        .get(format!("{}{page}/events", trainer.address))
        .send()
        .await
        .unwrap();
    let mut buffered = String::new();
    let first = next_event(&mut stream, &mut buffered).await;
    assert_eq!(
        (first["status"].as_str(), first["stage_label"].as_str()),
        (Some("queued"), Some("Wartet"))
    );

    // What a worker writes as it goes (no worker runs here, so each step is ours to set).
    let job = job::Entity::find().one(&app.db).await.unwrap().unwrap();
    let video_row = video::Entity::find().one(&app.db).await.unwrap().unwrap();
    let mut video_row: video::ActiveModel = video_row.into();
    video_row.status = Set("processing".into());
    video_row.update(&app.db).await.unwrap();
    for (stage, percent, label) in [
        ("encode", 42.0, "Video wird umgewandelt"),
        ("package", 97.0, "Dateien werden abgelegt"),
    ] {
        let mut row: job::ActiveModel = job::Entity::find_by_id(job.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        row.state = Set("running".into());
        row.stage = Set(stage.into());
        row.progress_percent = Set(percent);
        row.update(&app.db).await.unwrap();
        let event = next_event(&mut stream, &mut buffered).await;
        assert_eq!(event["status"], "processing");
        assert_eq!(event["stage"], stage);
        assert_eq!(event["stage_label"], label);
        assert_eq!(event["percent"], percent);
    }
    // The page itself shows the same words before the first event arrives.
    let html = trainer.get(&page).await.text().await.unwrap();
    assert!(html.contains(r#"<span class="stage-text">Dateien werden abgelegt</span>"#));
}

#[tokio::test]
async fn a_queued_video_can_be_cancelled() {
    let app = spawn_app_with(|_| {}).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;
    let page = location(
        &upload(
            &trainer,
            Some(&csrf),
            "Weg",
            Some(("a.mp4", fixture("no-audio.mp4"))),
        )
        .await,
    );
    let html = trainer.get(&page).await.text().await.unwrap();
    assert!(html.contains("Bearbeitung abbrechen"));
    let response = trainer
        .post_form(&format!("{page}/cancel"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(response.status(), 303);
    let jobs = job::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(jobs[0].state, "cancelled");
    assert!(trainer
        .get(&page)
        .await
        .text()
        .await
        .unwrap()
        .contains("Abgebrochen"));
}

#[tokio::test]
async fn a_worker_turns_the_upload_into_a_package_the_pages_serve() {
    let app = spawn_app_with(|s| {
        s.jobs.poll_seconds = 0.2;
        s.jobs.command = vec![env!("CARGO_BIN_EXE_lernwerk").to_owned(), "transcode".to_owned()];
    })
    .await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let csrf = token(&trainer).await;
    let page = location(
        &upload(
            &trainer,
            Some(&csrf),
            "Echt",
            Some(("a.mp4", fixture("portrait.mp4"))),
        )
        .await,
    );
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();

    // The live status stream pushes each change and ends when the package is ready.
    let events = trainer.client.get(format!("{}{page}/events", app.address));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let workers = tokio::spawn(lernwerk::jobs::run_workers(
        app.db.clone(),
        app.settings(),
        1,
        stopped,
    ));
    let body = tokio::time::timeout(std::time::Duration::from_secs(240), async {
        events.send().await.unwrap().text().await.unwrap()
    })
    .await
    .expect("the video was not ready in time");
    stop.send_replace(true);
    workers.await.unwrap();
    assert!(body.contains("\"status\":\"ready\""), "{body}");
    assert!(
        body.matches("data: ").count() >= 2,
        "more than one state was pushed: {body}"
    );

    let html = trainer.get(&page).await.text().await.unwrap();
    assert!(html.contains("Fertig") && html.contains("offline.mp4"));
    let master = trainer.get(&format!("/media/videos/{id}/master.m3u8")).await;
    assert_eq!(master.status(), 200);
    assert_eq!(master.headers()["content-type"], "application/vnd.apple.mpegurl");
    assert!(master.text().await.unwrap().contains("#EXT-X-STREAM-INF"));
    let part = trainer
        .client
        .get(format!("{}/media/videos/{id}/offline.mp4", app.address))
        .header("range", "bytes=0-99")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), 206, "seeking in the offline file needs ranges");
    assert_eq!(part.bytes().await.unwrap().len(), 100);
    assert_eq!(
        trainer
            .get(&format!("/media/videos/{id}/../../lernwerk.db"))
            .await
            .status(),
        404
    );
}
