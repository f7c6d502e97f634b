//! Subtitles attached while the video is still queued: kept, shown as waiting, and
//! written into the package when a real worker publishes it — also after a failed first
//! attempt (a retry), for a second transcode, and when the package is published between
//! the trainer's look and the trainer's commit.

use std::sync::Arc;
use std::time::Duration;

use entities::video;
use lernwerk::accounts::Role;
use lernwerk::config::Settings;
use lernwerk::media::subtitle_tracks;
use reqwest::multipart::{Form, Part};
use sea_orm::EntityTrait;

use crate::helpers::{csrf_in, Browser, TestApp};
use crate::tus_client::Tus;
use crate::tus_protocol::app_with;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/downloaded")
        .join(name);
    std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run scripts/fetch-fixtures", path.display()))
}

const DE: &str = "1\n00:00:00,500 --> 00:00:02,000\nHallo aus dem Upload\n\n2\n00:00:03,000 --> 00:00:09,000\nBis zum Ende\n";
const TR: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:04.500\nMerhaba <b>dünya</b>\n";

async fn attach(browser: &Browser, id: i64, language: &str, default: bool, file: &str) -> reqwest::Response {
    let html = browser
        .get(&format!("/trainer/videos/{id}"))
        .await
        .text()
        .await
        .unwrap();
    let mut form = Form::new()
        .text("csrf_token", csrf_in(&html).unwrap())
        .text("language", language.to_owned());
    if default {
        form = form.text("default", "1");
    }
    form = form.part("file", Part::bytes(file.as_bytes().to_vec()).file_name("t.srt"));
    browser
        .client
        .post(format!("{}/trainer/videos/{id}/subtitles", browser.address))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Uploads `bbb.mp4` with tus in one PATCH; the id of its video.
async fn upload_bbb(browser: &Browser) -> i64 {
    let tus = Tus::new(browser).await;
    let bytes = fixture("bbb.mp4");
    let url = tus.create(bytes.len() as u64, "bbb.mp4").await;
    let done = tus.patch(&url, 0, bytes).await;
    assert_eq!(done.status(), 204);
    let page = crate::tus_client::header(&done, "lernwerk-video").unwrap();
    page.rsplit('/').next().unwrap().parse().unwrap()
}

fn worker_settings(app: &TestApp, command: Vec<String>) -> Arc<Settings> {
    let mut settings = (*app.settings()).clone();
    settings.jobs.poll_seconds = 0.1;
    settings.jobs.backoff_base_seconds = 0.1;
    settings.jobs.command = command;
    Arc::new(settings)
}

fn real_command() -> Vec<String> {
    vec![env!("CARGO_BIN_EXE_lernwerk").to_owned(), "transcode".to_owned()]
}

/// Runs one worker until `done` says so about the video.
async fn work_until(
    app: &TestApp,
    settings: Arc<Settings>,
    id: i64,
    done: impl Fn(&video::Model) -> bool,
) -> video::Model {
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let workers = tokio::spawn(lernwerk::jobs::run_workers(app.db.clone(), settings, 1, stopped));
    let found = tokio::time::timeout(Duration::from_secs(300), async {
        loop {
            let v = video::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
            if done(&v) {
                return v;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await
    .expect("the worker did not get there in time");
    stop.send_replace(true);
    workers.await.unwrap();
    found
}

#[tokio::test]
async fn subtitles_attached_while_processing_go_into_the_package_and_survive_a_retry() {
    let (app, _) = app_with(|_| {}).await;
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    let id = upload_bbb(&trainer).await;
    assert_eq!(attach(&trainer, id, "de", true, DE).await.status(), 303);
    assert_eq!(attach(&trainer, id, "tr", false, TR).await.status(), 303);
    let html = trainer
        .get(&format!("/trainer/videos/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("wartet auf das Video"), "{html}");
    assert!(html.contains("Sie können schon jetzt Untertitel hinzufügen"));
    assert_eq!(
        trainer
            .get(&format!("/media/videos/{id}/subs/de.vtt"))
            .await
            .status(),
        404
    );
    // A bad file is refused as for a finished video.
    let bad = attach(&trainer, id, "ar", false, "1\n00:00:99,000 --> xx\nKaputt\n").await;
    assert_eq!(bad.status(), 400);

    // The first attempt fails (a child that exits 1), the retry succeeds.
    let failing = worker_settings(&app, vec!["false".to_owned()]);
    let retried = work_until(&app, failing, id, |v| {
        v.status == "queued" && v.error_key.is_none()
    })
    .await;
    assert!(retried.package_dir.is_none());
    let ready = work_until(&app, worker_settings(&app, real_command()), id, |v| {
        v.status == "ready"
    })
    .await;
    assert!(ready.package_dir.is_some());

    let de = trainer.get(&format!("/media/videos/{id}/subs/de.vtt")).await;
    assert_eq!(de.status(), 200);
    let de = de.text().await.unwrap();
    assert!(de.contains("Hallo aus dem Upload"), "{de}");
    let duration = ready.duration_seconds.unwrap();
    assert!(duration < 9.0, "bbb is about 5 s");
    assert!(
        !de.contains("00:00:09.000"),
        "cut to the video's length once it was known: {de}"
    );
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        master.contains("TYPE=SUBTITLES")
            && master.contains("LANGUAGE=\"de\"")
            && master.contains("LANGUAGE=\"tr\""),
        "{master}"
    );
    assert!(
        master.contains("LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=YES"),
        "{master}"
    );
    let segmented = trainer
        .get(&format!("/media/videos/{id}/subs/tr/index.m3u8"))
        .await;
    assert_eq!(segmented.status(), 200);
    let html = trainer
        .get(&format!("/trainer/videos/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("wartet auf das Video") && html.contains("subs/tr.vtt"));

    // A second transcode of the video brings its tracks along.
    lernwerk::jobs::queue::enqueue(&app.db, id, &app.settings().jobs)
        .await
        .unwrap();
    let before = ready.updated_at;
    work_until(&app, worker_settings(&app, real_command()), id, |v| {
        v.status == "ready" && v.updated_at > before
    })
    .await;
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(master.contains("LANGUAGE=\"tr\""), "{master}");
    assert_eq!(
        trainer
            .get(&format!("/media/videos/{id}/subs/de.vtt"))
            .await
            .status(),
        200
    );

    // Attached by someone who saw the video still processing, committed after the
    // package was published: the track still goes in.
    let mut stale = video::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    stale.status = "processing".into();
    stale.package_dir = None;
    let uk = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nПривіт\n";
    subtitle_tracks::attach(
        &app.db,
        app.media_dir(),
        &Default::default(),
        &stale,
        "uk",
        uk.as_bytes().to_vec(),
        false,
    )
    .await
    .unwrap();
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(master.contains("LANGUAGE=\"uk\""), "{master}");
    assert!(trainer
        .get(&format!("/media/videos/{id}/subs/uk.vtt"))
        .await
        .text()
        .await
        .unwrap()
        .contains("Привіт"));
}
