//! The learner's phone: the data saver (remembered, enforced by the master playlist every
//! player gets), offline progress judged by the stretch it was played in, the service
//! worker and web app manifest, compression, and who may use any of it.

use chrono::{Duration, Utc};
use entities::learning_event;
use lernwerk::accounts::{learners, Role};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::course_setup::{build_course, progress_of, report, Course};
use crate::helpers::{csrf_in, location, spawn_app, spawn_app_with, Browser, TestApp};
use crate::subtitles::{post_subtitles, real_package, worker_app_settings, SRT_1252};

/// The data-saver choice checked on the data saver page.
async fn checked_choice(browser: &Browser) -> Option<String> {
    let html = browser.get("/learn/data-saver").await.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("input[name=mode][checked]").unwrap();
    doc.select(&selector)
        .next()
        .and_then(|i| i.value().attr("value").map(str::to_owned))
}

async fn choose(browser: &Browser, mode: &str, next: &str) -> reqwest::Response {
    browser
        .submit(
            "/learn/data-saver",
            "/learn/data-saver",
            &[("mode", mode), ("next", next)],
        )
        .await
}

/// The same learner on a second phone: a new code, a new login.
async fn log_in_again(app: &TestApp, learner_id: i64) -> Browser {
    let code = learners::issue_code(&app.db, learner_id, Duration::days(1))
        .await
        .unwrap();
    let browser = app.browser();
    assert_eq!(browser.login_code(&code).await.status(), 303);
    browser
}

#[tokio::test]
async fn the_data_saver_choice_is_remembered_and_bad_choices_are_refused() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    assert_eq!(checked_choice(&c.learner).await.as_deref(), Some("auto"));

    let response = choose(&c.learner, "low", "").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/learn/data-saver?saved=1");
    let page = c
        .learner
        .get("/learn/data-saver?saved=1")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Gespeichert. Das gilt jetzt für alle Videos."));
    assert_eq!(checked_choice(&c.learner).await.as_deref(), Some("low"));

    // Back to the lesson the form was on; never to another site.
    let lesson = format!("/learn/lessons/{}", c.lessons[0]);
    assert_eq!(location(&choose(&c.learner, "audio", &lesson).await), lesson);
    let lesson_page = c.learner.get(&lesson).await.text().await.unwrap();
    assert!(
        lesson_page.contains(r#"data-data-saver="audio""#),
        "{lesson_page}"
    );
    assert!(lesson_page.contains("Nur Ton: Das Bild wird nicht geladen."));
    for foreign in ["https://evil.example/", "//evil.example", "/trainer"] {
        assert_eq!(
            location(&choose(&c.learner, "audio", foreign).await),
            "/learn/data-saver?saved=1",
            "{foreign}"
        );
    }

    // Bad values: 400 with the sentence, and the stored choice stays.
    for bad in ["", "hd", "LOW", "1080p", "auto'--"] {
        let response = choose(&c.learner, bad, &lesson).await;
        assert_eq!(response.status(), 400, "{bad}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("Bitte wählen Sie eine der drei Möglichkeiten."),
            "{html}"
        );
    }
    let missing = c
        .learner
        .post_form(
            "/learn/data-saver",
            &[("csrf_token", &c.learner.csrf_token("/learn/data-saver").await)],
        )
        .await;
    assert_eq!(missing.status(), 400);
    assert_eq!(
        c.learner
            .post_form("/learn/data-saver", &[("mode", "low")])
            .await
            .status(),
        403,
        "no CSRF token"
    );
    assert_eq!(checked_choice(&c.learner).await.as_deref(), Some("audio"));

    // The next login (another phone) has it too.
    let again = log_in_again(&app, c.learner_id).await;
    assert_eq!(checked_choice(&again).await.as_deref(), Some("audio"));

    // Staff have no data saver; anonymous visitors go to the code login.
    assert_eq!(c.trainer.get("/learn/data-saver").await.status(), 403);
    let token = c.trainer.csrf_token("/trainer").await;
    let staff_post = c
        .trainer
        .post_form("/learn/data-saver", &[("mode", "low"), ("csrf_token", &token)])
        .await;
    assert_eq!(staff_post.status(), 403);
    let anonymous = app.browser().get("/learn/data-saver").await;
    assert_eq!(anonymous.status(), 303);
    assert_eq!(location(&anonymous), "/code");

    // Gone with the account, and in the learner's data download.
    let export: serde_json::Value = c.learner.get("/learn/my-data.json").await.json().await.unwrap();
    assert_eq!(export["settings"]["data_saver"], "audio", "{export}");
    let rows = entities::learner_setting::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].data_saver, "audio");
}

/// (URI, stream-inf line) of every variant of a master playlist.
fn variants(master: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = master.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("#EXT-X-STREAM-INF:"))
        .map(|(i, l)| (lines[i + 1].to_owned(), (*l).to_owned()))
        .collect()
}

fn height(stream_inf: &str) -> Option<u32> {
    stream_inf
        .split("RESOLUTION=")
        .nth(1)?
        .split([',', 'x'])
        .nth(1)?
        .parse()
        .ok()
}

#[tokio::test]
async fn the_master_playlist_a_learner_gets_follows_their_choice() {
    let app = spawn_app_with(worker_app_settings).await;
    let c: Course = build_course(&app, 5.0).await;
    let video = real_package(&app, &c).await;
    let master = format!("/media/videos/{video}/master.m3u8");

    // A subtitle track: the trainer's playlist lists it, the learner's does not (the page
    // brings it as a side-car track).
    let page = format!("/trainer/videos/{video}");
    let csrf = csrf_in(&c.trainer.get(&page).await.text().await.unwrap()).unwrap();
    let upload = post_subtitles(
        &c.trainer,
        video,
        &csrf,
        "de",
        true,
        ("de.srt", SRT_1252.to_vec()),
    )
    .await;
    assert_eq!(upload.status(), 303);
    let original = c.trainer.get(&master).await.text().await.unwrap();
    assert!(original.contains("TYPE=SUBTITLES"), "{original}");
    let original_variants = variants(&original);
    assert!(original_variants.iter().any(|(u, _)| u == "audio/index.m3u8"));
    assert!(
        original_variants
            .iter()
            .any(|(_, l)| height(l).is_some_and(|h| h > 360)),
        "{original}"
    );

    let learner = &c.learner;
    assert_eq!(
        learner
            .get(&format!("/learn/lessons/{}", c.lessons[0]))
            .await
            .status(),
        200
    );
    let auto = learner.get(&master).await;
    assert_eq!(auto.status(), 200);
    assert_eq!(auto.headers()["content-type"], "application/vnd.apple.mpegurl");
    assert_eq!(auto.headers()["cache-control"], "private, no-cache");
    let auto = auto.text().await.unwrap();
    assert!(!auto.contains("SUBTITLES"), "{auto}");
    let auto_variants = variants(&auto);
    assert_eq!(
        auto_variants.len(),
        original_variants.len() - 1,
        "every video rung, no audio-only variant:\n{auto}"
    );
    assert!(auto_variants.iter().all(|(_, l)| height(l).is_some()));

    assert_eq!(choose(learner, "low", "").await.status(), 303);
    let low = learner.get(&master).await.text().await.unwrap();
    let low_variants = variants(&low);
    assert!(!low_variants.is_empty(), "{low}");
    for (uri, line) in &low_variants {
        let h = height(line).unwrap();
        assert!(h <= 360, "{uri} is {h} lines high:\n{low}");
        // And the rung it names is really there for the player.
        let rung = learner.get(&format!("/media/videos/{video}/{uri}")).await;
        assert_eq!(rung.status(), 200, "{uri}");
    }
    assert!(low.contains("TYPE=AUDIO"), "the picture keeps its sound");

    assert_eq!(choose(learner, "audio", "").await.status(), 303);
    let audio = learner.get(&master).await.text().await.unwrap();
    let audio_variants = variants(&audio);
    assert_eq!(audio_variants.len(), 1, "{audio}");
    assert_eq!(audio_variants[0].0, "audio/index.m3u8");
    assert!(audio_variants[0].1.contains(r#"CODECS="mp4a.40.2""#), "{audio}");
    assert!(
        !audio.contains("TYPE=AUDIO") && !audio.contains("video/"),
        "{audio}"
    );

    // The trainer still gets the whole playlist; a learner without the lesson gets nothing.
    assert_eq!(c.trainer.get(&master).await.text().await.unwrap(), original);
    let (stranger, _) = app.logged_in(Role::Learner).await;
    assert_eq!(stranger.get(&master).await.status(), 404);

    // The lesson page shows what each choice costs, from the package's measured sizes.
    let manifest: serde_json::Value = serde_json::from_str(
        &c.trainer
            .get(&format!("/media/videos/{video}/manifest.json"))
            .await
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    let audio_bytes = manifest["audio"]["bytes"].as_u64().unwrap();
    let html = learner
        .get(&format!("/learn/lessons/{}", c.lessons[0]))
        .await
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&html);
    let size = |mode: &str| {
        let selector = scraper::Selector::parse(&format!("[data-size={mode}]")).unwrap();
        doc.select(&selector).next().map(|e| e.text().collect::<String>())
    };
    let expected_audio = format!(
        "Etwa {} MB",
        lernwerk::media::lesson_size::megabytes(audio_bytes, true)
    );
    assert_eq!(size("audio").as_deref(), Some(expected_audio.as_str()), "{html}");
    assert!(size("low").is_some_and(|s| s.starts_with("Etwa ")));
    assert!(size("auto").is_some_and(|s| s.starts_with("Bis zu ")));
    assert!(html.contains("Für offline speichern"));
}

#[tokio::test]
async fn subtitles_start_in_the_learners_language_else_the_courses_else_the_default() {
    let app = spawn_app_with(worker_app_settings).await;
    let c = build_course(&app, 5.0).await;
    let video = real_package(&app, &c).await;
    let page = format!("/trainer/videos/{video}");
    for (lang, default) in [("de", false), ("tr", true)] {
        let csrf = csrf_in(&c.trainer.get(&page).await.text().await.unwrap()).unwrap();
        let srt = ("x.srt", SRT_1252.to_vec());
        assert_eq!(
            post_subtitles(&c.trainer, video, &csrf, lang, default, srt)
                .await
                .status(),
            303
        );
    }
    let lesson = format!("/learn/lessons/{}", c.lessons[0]);
    let default_track = |html: &str| {
        let doc = scraper::Html::parse_document(html);
        let selector = scraper::Selector::parse("track[default]").unwrap();
        let found: Vec<String> = doc
            .select(&selector)
            .filter_map(|t| t.value().attr("srclang").map(str::to_owned))
            .collect();
        found
    };
    // German interface, German course: German (not the trainer's default, Turkish).
    let html = c.learner.get(&lesson).await.text().await.unwrap();
    assert_eq!(default_track(&html), ["de"]);
    // Turkish interface: Turkish.
    c.learner.get("/lang/tr").await;
    assert_eq!(
        default_track(&c.learner.get(&lesson).await.text().await.unwrap()),
        ["tr"]
    );
    // English interface, no English track: the course's language.
    c.learner.get("/lang/en").await;
    assert_eq!(
        default_track(&c.learner.get(&lesson).await.text().await.unwrap()),
        ["de"]
    );
    // Without a German track either: the one the trainer marked default.
    let csrf = csrf_in(&c.trainer.get(&page).await.text().await.unwrap()).unwrap();
    let removed = c
        .trainer
        .post_form(&format!("{page}/subtitles/de/delete"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(removed.status(), 303);
    assert_eq!(
        default_track(&c.learner.get(&lesson).await.text().await.unwrap()),
        ["tr"]
    );
}

/// Moves the learner's first opening of the lesson back by `seconds`.
async fn opened_ago(app: &TestApp, learner_id: i64, lesson_id: i64, seconds: i64) {
    learning_event::Entity::update_many()
        .col_expr(
            learning_event::Column::At,
            Expr::value(Utc::now() - Duration::seconds(seconds)),
        )
        .filter(learning_event::Column::LearnerId.eq(learner_id))
        .filter(learning_event::Column::LessonId.eq(lesson_id))
        .filter(learning_event::Column::Kind.eq("opened"))
        .exec(&app.db)
        .await
        .unwrap();
}

/// Reports of 10 s of video each, played in 10 s stretches starting `started_ago` seconds
/// ago, on a phone clock `skew` seconds off; `(start, end)` of the video for each.
fn offline_body(csrf: &str, parts: &[(f64, f64)], started_ago: i64, skew: i64) -> serde_json::Value {
    let now = Utc::now() + Duration::seconds(skew);
    let reports: Vec<serde_json::Value> = parts
        .iter()
        .enumerate()
        .map(|(i, (start, end))| {
            let from = now - Duration::seconds(started_ago) + Duration::seconds(10 * i as i64);
            serde_json::json!({
                "intervals": [{ "start": start, "end": end }],
                "position": end,
                "rate": 1.0,
                "from": from.timestamp_millis(),
                "until": (from + Duration::seconds(10)).timestamp_millis(),
            })
        })
        .collect();
    serde_json::json!({ "csrf": csrf, "sent_at": now.timestamp_millis(), "reports": reports })
}

async fn send_offline(browser: &Browser, lesson: i64, body: &serde_json::Value) -> reqwest::Response {
    browser
        .client
        .post(format!("{}/api/v1/progress/{lesson}/offline", browser.address))
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn progress_played_offline_counts_when_it_arrives_an_hour_later() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let a = c.lessons[0];
    assert_eq!(c.learner.get(&format!("/learn/lessons/{a}")).await.status(), 200);
    opened_ago(&app, c.learner_id, a, 3700).await;
    let csrf = csrf_in(&c.learner.get("/learn").await.text().await.unwrap()).unwrap();
    let minute: Vec<(f64, f64)> = (0..6)
        .map(|i| (i as f64 * 10.0, i as f64 * 10.0 + 10.0))
        .collect();

    // The online heartbeat refuses a whole minute at once (the rule stays as it was) …
    let online = report(&c.learner, a, &[(0.0, 60.0)], 60.0).await;
    assert_eq!(online.status(), 400);

    // … the offline queue, played an hour ago on a phone whose clock is five hours off, is taken.
    let skew = -5 * 3600;
    let response = send_offline(&c.learner, a, &offline_body(&csrf, &minute, 3600, skew)).await;
    assert_eq!(response.status(), 200);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert_eq!(answer["video_complete"], true, "{answer}");
    assert_eq!(answer["lesson_complete"], true, "{answer}");
    let outcomes = answer["outcomes"].as_array().unwrap();
    assert_eq!(outcomes.len(), 6);
    assert!(outcomes.iter().all(|o| o["outcome"] == "accepted"), "{answer}");
    let row = progress_of(&app, c.learner_id, a).await.unwrap();
    assert!((row.watched_seconds - 60.0).abs() < 0.01);
    assert!(row.offline_until.is_some());
    let completed = row.completed_at.unwrap();
    assert!(
        completed < Utc::now() - Duration::seconds(3500),
        "completed when it was played"
    );

    // Sent twice (the answer got lost on the way): refused as time already counted, harmless.
    let again: serde_json::Value = send_offline(&c.learner, a, &offline_body(&csrf, &minute, 3600, skew))
        .await
        .json()
        .await
        .unwrap();
    assert!(again["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["outcome"] == "refused"));
    assert_eq!(
        progress_of(&app, c.learner_id, a).await.unwrap().watched,
        row.watched
    );

    // The events in the timeline say "offline" and when it was played.
    let played = learning_event::Entity::find()
        .filter(learning_event::Column::LearnerId.eq(c.learner_id))
        .filter(learning_event::Column::Kind.eq("played"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(played.len(), 6);
    assert!(played.iter().all(|e| e.detail.contains(r#""offline":true"#)));
}

#[tokio::test]
async fn offline_progress_has_limits() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let [a, b, locked] = c.lessons;
    assert_eq!(c.learner.get(&format!("/learn/lessons/{a}")).await.status(), 200);
    opened_ago(&app, c.learner_id, a, 600).await;
    let csrf = csrf_in(&c.learner.get("/learn").await.text().await.unwrap()).unwrap();

    // More video than the stretch could play: that report refused, the others taken.
    let parts = [(0.0, 10.0), (10.0, 50.0), (50.0, 60.0)];
    let answer: serde_json::Value = send_offline(&c.learner, a, &offline_body(&csrf, &parts, 300, 0))
        .await
        .json()
        .await
        .unwrap();
    let kinds: Vec<&str> = answer["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["accepted", "refused", "accepted"], "{answer}");
    assert!((progress_of(&app, c.learner_id, a).await.unwrap().watched_seconds - 20.0).abs() < 0.01);

    // Played before the lesson was first opened: refused.
    let early: serde_json::Value =
        send_offline(&c.learner, a, &offline_body(&csrf, &[(20.0, 30.0)], 3600, 0))
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(early["outcomes"][0]["outcome"], "refused", "{early}");

    // Too many reports in one batch, a broken body, a wrong token.
    let many: Vec<(f64, f64)> = (0..101).map(|_| (0.0, 1.0)).collect();
    assert_eq!(
        send_offline(&c.learner, a, &offline_body(&csrf, &many, 5000, 0))
            .await
            .status(),
        400
    );
    let mut no_clock = offline_body(&csrf, &[(0.0, 10.0)], 100, 0);
    no_clock.as_object_mut().unwrap().remove("sent_at");
    assert_eq!(send_offline(&c.learner, a, &no_clock).await.status(), 400);
    let mut bad_until = offline_body(&csrf, &[(0.0, 10.0)], 100, 0);
    bad_until["reports"][0]["until"] = serde_json::json!("soon");
    assert_eq!(send_offline(&c.learner, a, &bad_until).await.status(), 400);
    assert_eq!(
        send_offline(&c.learner, a, &offline_body("wrong", &[(20.0, 30.0)], 100, 0))
            .await
            .status(),
        403
    );

    // Not opened, locked, another learner's: 404. Staff: 403. Nobody: to the code login.
    assert_eq!(
        send_offline(&c.learner, b, &offline_body(&csrf, &[(0.0, 10.0)], 100, 0))
            .await
            .status(),
        404
    );
    assert_eq!(
        send_offline(&c.learner, locked, &offline_body(&csrf, &[(0.0, 10.0)], 100, 0))
            .await
            .status(),
        404
    );
    let (stranger, _) = app.logged_in(Role::Learner).await;
    let stranger_csrf = csrf_in(&stranger.get("/learn").await.text().await.unwrap()).unwrap();
    assert_eq!(
        send_offline(
            &stranger,
            a,
            &offline_body(&stranger_csrf, &[(0.0, 10.0)], 100, 0)
        )
        .await
        .status(),
        404
    );
    assert_eq!(stranger.get(&format!("/learn/lessons/{a}")).await.status(), 404);
    let trainer_csrf = c.trainer.csrf_token("/trainer").await;
    assert_eq!(
        send_offline(
            &c.trainer,
            a,
            &offline_body(&trainer_csrf, &[(0.0, 10.0)], 100, 0)
        )
        .await
        .status(),
        403
    );
    let anonymous = send_offline(&app.browser(), a, &offline_body(&csrf, &[(0.0, 10.0)], 100, 0)).await;
    assert_eq!(anonymous.status(), 303);
    assert!((progress_of(&app, c.learner_id, a).await.unwrap().watched_seconds - 20.0).abs() < 0.01);
}

#[tokio::test]
async fn service_worker_manifest_and_offline_page() {
    let app = spawn_app().await;
    let browser = app.browser();
    let sw = browser.get("/learn/sw.js").await;
    assert_eq!(sw.status(), 200);
    let headers = sw.headers().clone();
    assert_eq!(headers["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(headers["service-worker-allowed"], "/learn");
    assert_eq!(headers["cache-control"], "no-cache");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let body = sw.text().await.unwrap();
    assert!(body.contains("addEventListener(\"fetch\""), "it is the worker");
    let etag = headers["etag"].to_str().unwrap().to_owned();
    let unchanged = browser
        .client
        .get(format!("{}/learn/sw.js", app.address))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), 304);

    let manifest = browser.get("/learn/manifest.webmanifest").await;
    assert_eq!(manifest.status(), 200);
    assert_eq!(manifest.headers()["content-type"], "application/manifest+json");
    assert!(manifest.headers().contains_key("content-security-policy"));
    let manifest: serde_json::Value = manifest.json().await.unwrap();
    assert_eq!(manifest["start_url"], "/learn");
    assert_eq!(manifest["scope"], "/learn");
    let icon = manifest["icons"][0]["src"].as_str().unwrap();
    assert!(icon.starts_with("/static/icon."), "{icon}");
    assert_eq!(browser.get(icon).await.status(), 200);

    // The list of saved lessons: learners only.
    let (learner, _) = app.logged_in(Role::Learner).await;
    let page = learner.get("/learn/offline").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Offline gespeichert") && html.contains("data-offline-list"));
    assert!(html.contains(r#"<link rel="manifest" href="/learn/manifest.webmanifest">"#));
    let (trainer, _) = app.logged_in(Role::Trainer).await;
    assert_eq!(trainer.get("/learn/offline").await.status(), 403);
    assert_eq!(location(&browser.get("/learn/offline").await), "/code");
}

#[tokio::test]
async fn learner_pages_and_static_files_travel_gzipped() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let gzip_get = |path: String| {
        let client = c.learner.client.clone();
        let url = format!("{}{path}", app.address);
        async move {
            client
                .get(url)
                .header("accept-encoding", "gzip")
                .send()
                .await
                .unwrap()
        }
    };
    for path in ["/learn".to_owned(), format!("/learn/lessons/{}", c.lessons[0])] {
        let response = gzip_get(path.clone()).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-encoding"], "gzip", "{path}");
        let bytes = response.bytes().await.unwrap();
        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "{path} is gzip");
        let mut html = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut html).unwrap();
        assert!(
            html.contains("Weiter lernen") || html.contains("data-lesson-player"),
            "{path}"
        );
    }
    // Static files: gzipped when asked for, plain otherwise.
    let html = c.learner.get("/learn").await.text().await.unwrap();
    let css = html
        .split("href=\"")
        .find_map(|p| p.split('"').next().filter(|u| u.ends_with(".css")))
        .unwrap()
        .to_owned();
    let zipped = gzip_get(css.clone()).await;
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    assert_eq!(zipped.headers()["vary"], "Accept-Encoding");
    let plain = c.learner.get(&css).await;
    assert!(!plain.headers().contains_key("content-encoding"));
    assert!(plain.text().await.unwrap().contains("=== learner ==="));
}
