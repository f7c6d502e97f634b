//! Subtitles on a real transcoded package: upload (SRT in Windows-1252, WebVTT with
//! markup), the side-car and segmented files, the master playlist, replace, remove,
//! refusals with line numbers, ownership, and the learner's page with its transcript.

use std::path::Path;
use std::time::Duration;

use entities::{lesson, video};
use lernwerk::accounts::Role;
use reqwest::multipart::{Form, Part};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use crate::course_setup::{build_course, ready_video, Course};
use crate::helpers::{csrf_in, location, spawn_app_with, Browser, TestApp};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/downloaded")
        .join(name);
    std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run scripts/fetch-fixtures", path.display()))
}

pub async fn post_subtitles(
    browser: &Browser,
    video_id: i64,
    csrf: &str,
    language: &str,
    make_default: bool,
    file: (&str, Vec<u8>),
) -> reqwest::Response {
    let mut form = Form::new()
        .text("csrf_token", csrf.to_owned())
        .text("language", language.to_owned());
    if make_default {
        form = form.text("default", "1");
    }
    form = form.part("file", Part::bytes(file.1).file_name(file.0.to_owned()));
    browser
        .client
        .post(format!("{}/trainer/videos/{video_id}/subtitles", browser.address))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn page_token(browser: &Browser, path: &str) -> String {
    csrf_in(&browser.get(path).await.text().await.unwrap()).unwrap()
}

/// Uploads `bbb.mp4` (5.3 s: two 4 s segments) as the course's trainer, lets a real
/// worker transcode it, and gives the course's video that package.
pub async fn real_package(app: &TestApp, course: &Course) -> i64 {
    let trainer = &course.trainer;
    let csrf = page_token(trainer, "/trainer/videos").await;
    let form = Form::new().text("csrf_token", csrf).text("title", "Echt").part(
        "video",
        Part::bytes(fixture("bbb.mp4"))
            .file_name("bbb.mp4")
            .mime_str("video/mp4")
            .unwrap(),
    );
    let response = trainer
        .client
        .post(format!("{}/trainer/videos", app.address))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let real_id: i64 = location(&response).rsplit('/').next().unwrap().parse().unwrap();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let workers = tokio::spawn(lernwerk::jobs::run_workers(
        app.db.clone(),
        app.settings(),
        1,
        stopped,
    ));
    let real = tokio::time::timeout(Duration::from_secs(300), async {
        loop {
            let v = video::Entity::find_by_id(real_id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            if v.status == "ready" || v.status == "failed" {
                return v;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .expect("the video was not ready in time");
    stop.send_replace(true);
    workers.await.unwrap();
    assert_eq!(real.status, "ready");

    let lesson = lesson::Entity::find_by_id(course.lessons[0])
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut course_video = video::Entity::find_by_id(lesson.video_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    course_video.package_dir = Set(real.package_dir.clone());
    course_video.duration_seconds = Set(real.duration_seconds);
    course_video.update(&app.db).await.unwrap();
    lesson.video_id
}

pub fn worker_app_settings(s: &mut lernwerk::config::Settings) {
    s.jobs.poll_seconds = 0.2;
    s.jobs.command = vec![env!("CARGO_BIN_EXE_lernwerk").to_owned(), "transcode".to_owned()];
}

/// `(start, end)` of each `#EXTINF` in a media playlist, with its URI.
fn spans(playlist: &str) -> Vec<(f64, f64, String)> {
    let mut out = Vec::new();
    let mut start = 0.0;
    let mut duration = None;
    for line in playlist.lines() {
        if let Some(d) = line.strip_prefix("#EXTINF:") {
            duration = Some(
                d.trim_end_matches(',')
                    .split(',')
                    .next()
                    .unwrap()
                    .parse::<f64>()
                    .unwrap(),
            );
        } else if !line.starts_with('#') && !line.is_empty() {
            let d = duration.take().unwrap();
            out.push((start, start + d, line.to_owned()));
            start += d;
        }
    }
    out
}

pub const SRT_1252: &[u8] = b"1\r\n00:00:00,500 --> 00:00:02,000\r\nGr\xfc\xdfe aus K\xf6ln\r\n\r\n\
2\r\n00:00:03,000 --> 00:00:04,800\r\n\xdcber die Grenze\r\n\r\n\
3\r\n00:00:04,900 --> 00:00:05,200\r\nZum Schlu\xdf\r\n";

const VTT_MARKUP: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<script>alert(1)</script> <b>fett</b>\n\n\
00:00:03.000 --> 00:00:04.000\n<img src=x onerror=alert(2)> & mehr\n";

#[tokio::test]
async fn subtitles_on_a_real_package_from_upload_to_the_learner() {
    let app = spawn_app_with(worker_app_settings).await;
    let course = build_course(&app, 5.0).await;
    let id = real_package(&app, &course).await;
    let trainer = &course.trainer;
    let page = format!("/trainer/videos/{id}");
    let html = trainer.get(&page).await.text().await.unwrap();
    assert!(
        html.contains("Untertitel") && html.contains("Einfache Sprache"),
        "{html}"
    );

    // SRT in Windows-1252, as the default track.
    let csrf = page_token(trainer, &page).await;
    let response = post_subtitles(trainer, id, &csrf, "de", true, ("de.srt", SRT_1252.to_vec())).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    let side_car = trainer.get(&format!("/media/videos/{id}/subs/de.vtt")).await;
    assert_eq!(side_car.status(), 200);
    assert_eq!(side_car.headers()["content-type"], "text/vtt; charset=utf-8");
    let side_car = side_car.text().await.unwrap();
    assert!(side_car.starts_with("WEBVTT"), "{side_car}");
    assert!(
        side_car.contains("Grüße aus Köln") && side_car.contains("Zum Schluß"),
        "{side_car}"
    );
    assert!(side_car.contains("00:00:03.000 --> 00:00:04.800"), "{side_car}");

    // Segmented: aligned to the video's segments, every cue in each segment it overlaps.
    let video_playlist = trainer
        .get(&format!("/media/videos/{id}/video/240p/index.m3u8"))
        .await;
    let sub_playlist = trainer
        .get(&format!("/media/videos/{id}/subs/de/index.m3u8"))
        .await;
    assert_eq!(sub_playlist.status(), 200);
    assert_eq!(
        sub_playlist.headers()["content-type"],
        "application/vnd.apple.mpegurl"
    );
    let sub_spans = spans(&sub_playlist.text().await.unwrap());
    if video_playlist.status() == 200 {
        let video_spans = spans(&video_playlist.text().await.unwrap());
        assert_eq!(video_spans.len(), sub_spans.len());
    }
    assert!(
        sub_spans.len() >= 2,
        "a 5.3 s video has two 4 s segments: {sub_spans:?}"
    );
    let cues = [
        (0.5, 2.0, "Grüße aus Köln"),
        (3.0, 4.8, "Über die Grenze"),
        (4.9, 5.2, "Zum Schluß"),
    ];
    for (start, end, uri) in &sub_spans {
        let body = trainer
            .get(&format!("/media/videos/{id}/subs/de/{uri}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            body.starts_with("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000"),
            "{body}"
        );
        for (cue_start, cue_end, text) in cues {
            let overlaps = cue_start < *end && cue_end > *start;
            assert_eq!(
                body.contains(text),
                overlaps,
                "{text} in {uri} ({start}–{end}): {body}"
            );
        }
    }

    // The master lists the rendition; every variant refers to the group.
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        master.contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=YES,\
             AUTOSELECT=YES,URI=\"subs/de/index.m3u8\""
        ),
        "{master}"
    );
    let variants: Vec<&str> = master
        .lines()
        .filter(|l| l.starts_with("#EXT-X-STREAM-INF"))
        .collect();
    assert!(!variants.is_empty());
    assert!(
        variants.iter().all(|l| l.contains("SUBTITLES=\"subs\"")),
        "{master}"
    );

    // WebVTT with markup, in Arabic, not default: escaped, never markup.
    let csrf = page_token(trainer, &page).await;
    let response = post_subtitles(trainer, id, &csrf, "ar", false, ("ar.vtt", VTT_MARKUP.into())).await;
    assert_eq!(response.status(), 303);
    let ar = trainer
        .get(&format!("/media/videos/{id}/subs/ar.vtt"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!ar.contains("<script") && !ar.contains("<img"), "{ar}");
    assert!(
        ar.contains("&lt;script&gt;") && ar.contains("<b>fett</b>") && ar.contains("&amp; mehr"),
        "{ar}"
    );
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        master.contains("LANGUAGE=\"ar\",NAME=\"العربية\",DEFAULT=NO"),
        "{master}"
    );
    assert!(
        master.contains("LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=YES"),
        "{master}"
    );

    // A broken file: 400, the line named, the existing track untouched.
    let before = std::fs::read(
        app.media_dir()
            .join(video_package(&app, id).await)
            .join("subs/de.vtt"),
    )
    .unwrap();
    let csrf = page_token(trainer, &page).await;
    let broken =
        b"1\n00:00:01,000 --> 00:00:02,000\nGut\n\n2\n00:00:0X,000 --> 00:00:03,000\nKaputt\n".to_vec();
    let response = post_subtitles(trainer, id, &csrf, "de", true, ("de.srt", broken)).await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("Zeile 6"), "{html}");
    assert!(html.contains("00:00:0X,000"), "{html}");
    let after = std::fs::read(
        app.media_dir()
            .join(video_package(&app, id).await)
            .join("subs/de.vtt"),
    )
    .unwrap();
    assert_eq!(before, after, "a refused file changes nothing");

    // Replacing: German with markup (for the transcript), Arabic now the default.
    let csrf = page_token(trainer, &page).await;
    let replacement =
        "WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHallo <script>x()</script> & tschüss\n".to_owned();
    let response = post_subtitles(trainer, id, &csrf, "de", false, ("de.vtt", replacement.into())).await;
    assert_eq!(response.status(), 303);
    let csrf = page_token(trainer, &page).await;
    let response = post_subtitles(trainer, id, &csrf, "ar", true, ("ar.vtt", VTT_MARKUP.into())).await;
    assert_eq!(response.status(), 303);
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        master.contains("LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=NO"),
        "{master}"
    );
    assert!(
        master.contains("LANGUAGE=\"ar\",NAME=\"العربية\",DEFAULT=YES"),
        "{master}"
    );
    assert_eq!(master.matches("TYPE=SUBTITLES").count(), 2, "{master}");
    let html = trainer.get(&page).await.text().await.unwrap();
    assert!(html.contains("Deutsch") && html.contains("العربية"));

    // The learner: tracks (the course's language shown first) and the transcript, escaped.
    let learner = &course.learner;
    let html = learner
        .get(&format!("/learn/lessons/{}", course.lessons[0]))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&format!(
            "<track kind=\"subtitles\" src=\"/media/videos/{id}/subs/de.vtt\" srclang=\"de\" label=\"Deutsch\" default>"
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<track kind=\"subtitles\" src=\"/media/videos/{id}/subs/ar.vtt\" srclang=\"ar\" label=\"العربية\">"
    )));
    assert!(
        html.contains("Hallo &lt;script&gt;x()&lt;&#x2F;script&gt; &amp; tschüss"),
        "{html}"
    );
    assert!(!html.contains("<script>x()"));
    assert!(html.contains("data-start=\"0.5\""), "{html}");
    let learner_vtt = learner.get(&format!("/media/videos/{id}/subs/de.vtt")).await;
    assert_eq!(learner_vtt.status(), 200);

    // Removing rewrites the master; the last one takes the group away.
    let csrf = page_token(trainer, &page).await;
    let response = trainer
        .post_form(
            &format!("/trainer/videos/{id}/subtitles/ar/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        trainer
            .get(&format!("/media/videos/{id}/subs/ar.vtt"))
            .await
            .status(),
        404
    );
    assert_eq!(
        trainer
            .get(&format!("/media/videos/{id}/subs/ar/index.m3u8"))
            .await
            .status(),
        404
    );
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !master.contains("LANGUAGE=\"ar\"") && master.contains("LANGUAGE=\"de\""),
        "{master}"
    );
    let response = trainer
        .post_form(
            &format!("/trainer/videos/{id}/subtitles/de/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let master = trainer
        .get(&format!("/media/videos/{id}/master.m3u8"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!master.contains("SUBTITLES"), "{master}");
    assert!(master.contains("#EXT-X-STREAM-INF"));
    let response = trainer
        .post_form(
            &format!("/trainer/videos/{id}/subtitles/de/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 404, "already gone");

    // A cue after the end of the video is left out, and the trainer is told which.
    let csrf = page_token(trainer, &page).await;
    let late =
        b"1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:09,000 --> 00:00:10,000\nToo late\n".to_vec();
    let response = post_subtitles(trainer, id, &csrf, "en", false, ("en.srt", late)).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Zeile 6") && html.contains("nach dem Ende des Videos"),
        "{html}"
    );
    let en = trainer
        .get(&format!("/media/videos/{id}/subs/en.vtt"))
        .await
        .text()
        .await
        .unwrap();
    assert!(en.contains("Hello") && !en.contains("Too late"), "{en}");
}

async fn video_package(app: &TestApp, id: i64) -> String {
    video::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .package_dir
        .unwrap()
}

#[tokio::test]
async fn only_the_owner_manages_subtitles_and_only_of_finished_videos() {
    let app = spawn_app_with(|_| {}).await;
    let (owner, owner_id) = app.logged_in(Role::Trainer).await;
    let id = ready_video(&app, owner_id, 5.0).await;
    let srt = ("de.srt", b"1\n00:00:01,000 --> 00:00:02,000\nHallo\n".to_vec());

    let (other, _) = app.logged_in(Role::Trainer).await;
    let csrf = page_token(&other, "/trainer/videos").await;
    let response = post_subtitles(&other, id, &csrf, "de", false, srt.clone()).await;
    assert_eq!(response.status(), 404);
    let response = other
        .post_form(
            &format!("/trainer/videos/{id}/subtitles/de/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 404);

    let (learner, _) = app.logged_in(Role::Learner).await;
    let csrf = page_token(&learner, "/learn").await;
    let response = post_subtitles(&learner, id, &csrf, "de", false, srt.clone()).await;
    assert_eq!(response.status(), 403);

    // Without CSRF nothing is taken.
    let response = post_subtitles(&owner, id, "wrong", "de", false, srt.clone()).await;
    assert_eq!(response.status(), 403);

    // The package of this record was never written: a clear refusal, not a crash.
    let page = format!("/trainer/videos/{id}");
    let csrf = page_token(&owner, &page).await;
    let response = post_subtitles(&owner, id, &csrf, "de", false, srt.clone()).await;
    assert_eq!(response.status(), 409);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("wenn das Video fertig verarbeitet ist"));

    // Too large: 413 before the file is read.
    let huge = ("de.srt", vec![b'a'; 3 * 1024 * 1024]);
    let response = post_subtitles(&owner, id, &csrf, "de", false, huge).await;
    assert_eq!(response.status(), 413);
}
