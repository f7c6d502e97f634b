//! The tus 1.0.0 protocol at /api/v1/uploads, request by request: OPTIONS, creation
//! (with and without a first chunk), PATCH, HEAD, termination, checksums, expiry, and
//! every status code the spec gives for a request that is wrong.

use entities::{job, upload, video};
use lernwerk::accounts::Role;
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::{spawn_app_with, Browser, TestApp};
use crate::tus_client::{b64, checksum, header, header_u64, metadata, pattern, token_of, Tus, ENDPOINT};

pub async fn trainer_app() -> (TestApp, Browser) {
    app_with(|_| {}).await
}

pub async fn app_with(adjust: impl FnOnce(&mut lernwerk::config::Settings)) -> (TestApp, Browser) {
    let app = spawn_app_with(|s| {
        // The test machine's disk is shared: no reserve unless a test sets one.
        s.uploads.reserve_bytes = 0;
        adjust(s);
    })
    .await;
    let (browser, _) = app.logged_in(Role::Trainer).await;
    (app, browser)
}

pub fn part_file(app: &TestApp, url: &str) -> std::path::PathBuf {
    app.media_dir()
        .join("uploads")
        .join(format!("{}.part", token_of(url)))
}

pub fn originals(app: &TestApp) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(app.media_dir().join("originals"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

pub async fn videos(app: &TestApp) -> Vec<video::Model> {
    video::Entity::find().all(&app.db).await.unwrap()
}

#[tokio::test]
async fn options_advertises_version_extensions_checksums_and_size() {
    let (app, _) = app_with(|s| s.max_upload_bytes = 123_456_789).await;
    // No login needed: it says nothing about anyone.
    let response = app
        .browser()
        .client
        .request(Method::OPTIONS, format!("{}{ENDPOINT}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(header(&response, "tus-version").as_deref(), Some("1.0.0"));
    let extensions = header(&response, "tus-extension").unwrap();
    for extension in [
        "creation",
        "creation-with-upload",
        "termination",
        "checksum",
        "expiration",
    ] {
        assert!(extensions.split(',').any(|e| e == extension), "{extensions}");
    }
    assert_eq!(
        header(&response, "tus-checksum-algorithm").as_deref(),
        Some("sha1,sha256")
    );
    assert_eq!(header(&response, "tus-max-size").as_deref(), Some("123456789"));
    assert!(
        header(&response, "tus-resumable").is_none(),
        "OPTIONS answers carry no Tus-Resumable"
    );
}

#[tokio::test]
async fn an_upload_in_three_chunks_becomes_a_video_with_its_job() {
    let (app, browser) = trainer_app().await;
    let tus = Tus::new(&browser).await;
    let bytes = pattern(300_000, 7);
    let response = tus
        .create_raw(300_000, &metadata("Prozente_im_Alltag.mp4", "Prozente"))
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(header(&response, "tus-resumable").as_deref(), Some("1.0.0"));
    let url = header(&response, "location").unwrap();
    assert!(url.starts_with(&format!("{}{ENDPOINT}/", app.address)), "{url}");
    let expires = header(&response, "upload-expires").unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc2822(&expires.replace("GMT", "+0000")).is_ok(),
        "{expires}"
    );
    assert_eq!(tus.offset(&url).await, 0);

    for (start, end) in [(0, 100_000), (100_000, 250_000)] {
        let response = tus.patch(&url, start, bytes[start as usize..end].to_vec()).await;
        assert_eq!(response.status(), 204);
        assert_eq!(header_u64(&response, "upload-offset"), end as u64);
        assert!(header(&response, "upload-expires").is_some());
        assert!(header(&response, "lernwerk-video").is_none());
    }
    let head = tus.head(&url).await;
    assert_eq!(header_u64(&head, "upload-offset"), 250_000);
    assert_eq!(header_u64(&head, "upload-length"), 300_000);
    assert_eq!(header(&head, "cache-control").as_deref(), Some("no-store"));
    assert_eq!(
        header(&head, "upload-metadata").unwrap(),
        metadata("Prozente_im_Alltag.mp4", "Prozente")
    );
    assert!(videos(&app).await.is_empty(), "no video before the last byte");

    let last = tus.patch(&url, 250_000, bytes[250_000..].to_vec()).await;
    assert_eq!(last.status(), 204);
    assert_eq!(header_u64(&last, "upload-offset"), 300_000);
    let page = header(&last, "lernwerk-video").expect("the last PATCH names the video page");
    let all = videos(&app).await;
    assert_eq!(all.len(), 1);
    let made = &all[0];
    assert_eq!(page, format!("/trainer/videos/{}", made.id));
    assert_eq!(made.title, "Prozente");
    assert_eq!(made.status, "queued");
    let jobs = job::Entity::find()
        .filter(job::Column::VideoId.eq(made.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(jobs.len(), 1, "the transcode job is queued with it");
    let stored = std::fs::read(app.media_dir().join(&made.original_path)).unwrap();
    assert!(stored == bytes, "the original is the uploaded bytes");
    assert!(
        !part_file(&app, &url).exists(),
        "the part file moved into the originals"
    );

    // HEAD of the finished upload tells the same page; the video page shows it.
    let head = tus.head(&url).await;
    assert_eq!(head.status(), 200);
    assert_eq!(header_u64(&head, "upload-offset"), 300_000);
    assert_eq!(header(&head, "lernwerk-video"), Some(page.clone()));
    assert_eq!(browser.get(&page).await.status(), 200);
    // A repeated last PATCH (a retry whose answer was lost) changes nothing.
    let again = tus.patch(&url, 300_000, Vec::new()).await;
    assert_eq!(again.status(), 204);
    assert_eq!(videos(&app).await.len(), 1);
    let title_only = tus
        .create_raw(10, &format!("filename {}", b64("Brief_schreiben.mov")))
        .await;
    assert_eq!(title_only.status(), 201);
    let row = upload::Entity::find()
        .filter(upload::Column::Title.eq("Brief schreiben"))
        .one(&app.db)
        .await
        .unwrap();
    assert!(
        row.is_some(),
        "without a title the file name gives one, as on the form"
    );
}

#[tokio::test]
async fn creation_with_upload_takes_the_first_chunk_in_the_post() {
    let (app, browser) = trainer_app().await;
    let tus = Tus::new(&browser).await;
    let bytes = pattern(5000, 1);
    let response = tus
        .request(Method::POST, ENDPOINT)
        .header("Upload-Length", "5000")
        .header("Upload-Metadata", metadata("a.mp4", "A"))
        .header("Content-Type", "application/offset+octet-stream")
        .header("Upload-Checksum", checksum("sha256", &bytes[..3000]))
        .body(bytes[..3000].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(header_u64(&response, "upload-offset"), 3000);
    let url = header(&response, "location").unwrap();
    let whole = tus
        .request(Method::POST, ENDPOINT)
        .header("Upload-Length", "2000")
        .header("Upload-Metadata", metadata("b.mp4", "B"))
        .header("Content-Type", "application/offset+octet-stream")
        .body(bytes[..2000].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(whole.status(), 201);
    assert!(
        header(&whole, "lernwerk-video").is_some(),
        "all of it in the POST: done at once"
    );
    // A body of another type is refused before anything is made.
    let wrong = tus
        .request(Method::POST, ENDPOINT)
        .header("Upload-Length", "2000")
        .header("Upload-Metadata", metadata("c.mp4", "C"))
        .header("Content-Type", "video/mp4")
        .body(bytes[..2000].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 415);
    // So is a compressed first chunk.
    let compressed = tus
        .request(Method::POST, ENDPOINT)
        .header("Upload-Length", "2000")
        .header("Upload-Metadata", metadata("d.mp4", "D"))
        .header("Content-Type", "application/offset+octet-stream")
        .header("Content-Encoding", "gzip")
        .body(bytes[..2000].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.status(), 415);
    let json: serde_json::Value = compressed.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-encoding");
    assert_eq!(tus.patch(&url, 3000, bytes[3000..].to_vec()).await.status(), 204);
    assert_eq!(videos(&app).await.len(), 2);
    assert_eq!(upload::Entity::find().all(&app.db).await.unwrap().len(), 2);
}

#[tokio::test]
async fn wrong_requests_get_the_status_codes_of_the_spec() {
    let (app, browser) = app_with(|s| s.max_upload_bytes = 10_000_000).await;
    let tus = Tus::new(&browser).await;
    let url = tus.create(1000, "x.mp4").await;
    let body = pattern(1000, 3);

    // 412: a version we do not speak, or none, on every method but OPTIONS.
    for method in [Method::POST, Method::HEAD, Method::PATCH, Method::DELETE] {
        for version in [Some("0.2.2"), None] {
            let target = if method == Method::POST {
                ENDPOINT.to_owned()
            } else {
                url.clone()
            };
            let mut request = browser
                .client
                .request(
                    method.clone(),
                    format!(
                        "{}{}",
                        if target.starts_with("http") {
                            ""
                        } else {
                            &app.address
                        },
                        target
                    ),
                )
                .header("X-CSRF-Token", &tus.csrf)
                .header("Upload-Length", "10")
                .header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0");
            if let Some(version) = version {
                request = request.header("Tus-Resumable", version);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 412, "{method} with {version:?}");
            assert_eq!(header(&response, "tus-version").as_deref(), Some("1.0.0"));
        }
    }

    // 409: an offset that is not the upload's.
    assert_eq!(tus.patch(&url, 0, body[..100].to_vec()).await.status(), 204);
    let conflict = tus.patch(&url, 50, body[50..200].to_vec()).await;
    assert_eq!(conflict.status(), 409);
    assert_eq!(tus.offset(&url).await, 100, "nothing written on a conflict");
    assert_eq!(tus.patch(&url, 500, body[500..600].to_vec()).await.status(), 409);

    // 415: not application/offset+octet-stream; 415 for compressed bodies.
    let plain = tus
        .request(Method::PATCH, &url)
        .header("Content-Type", "application/octet-stream")
        .header("Upload-Offset", "100")
        .body(body[100..200].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 415);
    for encoding in ["gzip", "br", "deflate", "identity, gzip"] {
        let compressed = tus
            .request(Method::PATCH, &url)
            .header("Content-Type", "application/offset+octet-stream")
            .header("Content-Encoding", encoding)
            .header("Upload-Offset", "100")
            .body(body[100..200].to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.status(), 415, "{encoding}");
        let json: serde_json::Value = compressed.json().await.unwrap();
        assert_eq!(json["error"]["code"], "uploads-error-encoding");
    }
    assert_eq!(tus.offset(&url).await, 100);

    // 400: offsets and lengths that are not numbers, a body longer than the rest.
    for offset in ["-1", "abc", ""] {
        let response = tus
            .request(Method::PATCH, &url)
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", offset)
            .body(Vec::new())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "offset {offset:?}");
    }
    let beyond = tus.patch(&url, 100, pattern(1000, 9)).await;
    assert_eq!(beyond.status(), 400);
    assert_eq!(tus.offset(&url).await, 100);
    for length in ["-5", "ten", ""] {
        let response = tus
            .request(Method::POST, ENDPOINT)
            .header("Upload-Length", length)
            .header("Upload-Metadata", metadata("a.mp4", "A"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "length {length:?}");
    }
    let missing = tus
        .request(Method::POST, ENDPOINT)
        .header("Upload-Metadata", metadata("a.mp4", "A"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    let deferred = tus
        .request(Method::POST, ENDPOINT)
        .header("Upload-Defer-Length", "1")
        .header("Upload-Metadata", metadata("a.mp4", "A"))
        .send()
        .await
        .unwrap();
    assert_eq!(deferred.status(), 400, "creation-defer-length is not offered");

    // 413: over Tus-Max-Size, with the limit in the message.
    let german = tus.create_raw(10_000_001, &metadata("big.mp4", "Groß")).await;
    assert_eq!(german.status(), 413);
    let json: serde_json::Value = german.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-too-large");
    assert!(
        json["error"]["message"].as_str().unwrap().contains("10 MB"),
        "{json}"
    );
    assert_eq!(
        tus.create_raw(10_000_000, &metadata("ok.mp4", "Genau"))
            .await
            .status(),
        201
    );

    // 404 for an upload that never was.
    let unknown = format!("{ENDPOINT}/{}", "A".repeat(43));
    assert_eq!(tus.head(&unknown).await.status(), 404);
    assert_eq!(tus.patch(&unknown, 0, vec![1]).await.status(), 404);
    assert_eq!(tus.delete(&unknown).await.status(), 404);
    assert_eq!(upload::Entity::find().all(&app.db).await.unwrap().len(), 2);
}

#[tokio::test]
async fn checksums_are_verified_and_a_mismatch_discards_the_chunk() {
    let (app, browser) = trainer_app().await;
    let tus = Tus::new(&browser).await;
    let body = pattern(30_000, 5);
    let url = tus.create(30_000, "sum.mp4").await;
    let sha1 = tus
        .patch_with(
            &url,
            0,
            body[..10_000].to_vec(),
            Some(&checksum("sha1", &body[..10_000])),
        )
        .await;
    assert_eq!(sha1.status(), 204);
    let sha256 = tus
        .patch_with(
            &url,
            10_000,
            body[10_000..20_000].to_vec(),
            Some(&checksum("sha256", &body[10_000..20_000])),
        )
        .await;
    assert_eq!(sha256.status(), 204);
    assert_eq!(header_u64(&sha256, "upload-offset"), 20_000);

    // 460: the chunk is discarded, the offset stays.
    let mut damaged = body[20_000..].to_vec();
    damaged[1234] ^= 0xff;
    let mismatch = tus
        .patch_with(&url, 20_000, damaged, Some(&checksum("sha256", &body[20_000..])))
        .await;
    assert_eq!(mismatch.status().as_u16(), 460);
    let json: serde_json::Value = mismatch.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-checksum");
    assert_eq!(tus.offset(&url).await, 20_000);
    assert_eq!(std::fs::metadata(part_file(&app, &url)).unwrap().len(), 20_000);

    // 400: an algorithm we do not offer, a digest that does not read.
    for value in ["md5 1B2M2Y8AsgTpgAmY7PhCfg==", "sha256 kein-base64", "sha256"] {
        let response = tus
            .patch_with(&url, 20_000, body[20_000..].to_vec(), Some(value))
            .await;
        assert_eq!(response.status(), 400, "{value}");
    }
    assert_eq!(tus.offset(&url).await, 20_000);
    let last = tus
        .patch_with(
            &url,
            20_000,
            body[20_000..].to_vec(),
            Some(&checksum("sha1", &body[20_000..])),
        )
        .await;
    assert_eq!(last.status(), 204);
    let made = &videos(&app).await[0];
    assert!(std::fs::read(app.media_dir().join(&made.original_path)).unwrap() == body);
}

#[tokio::test]
async fn termination_removes_the_upload_and_its_bytes() {
    let (app, browser) = trainer_app().await;
    let tus = Tus::new(&browser).await;
    let url = tus.create(1000, "weg.mp4").await;
    assert_eq!(tus.patch(&url, 0, pattern(400, 2)).await.status(), 204);
    assert!(part_file(&app, &url).exists());
    let deleted = tus.delete(&url).await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(header(&deleted, "tus-resumable").as_deref(), Some("1.0.0"));
    assert!(!part_file(&app, &url).exists());
    assert_eq!(tus.head(&url).await.status(), 404);
    assert_eq!(tus.patch(&url, 400, pattern(10, 2)).await.status(), 404);
    assert_eq!(tus.delete(&url).await.status(), 404);
    assert!(upload::Entity::find().all(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn bad_metadata_is_refused_with_a_message_and_stores_nothing() {
    let (app, browser) = trainer_app().await;
    let tus = Tus::new(&browser).await;
    let cases = [
        (String::new(), "uploads-error-no-filename"),
        (
            format!("title {}", b64("Nur ein Titel")),
            "uploads-error-no-filename",
        ),
        ("filename %%%".to_owned(), "uploads-error-metadata"),
        (
            format!("filename {},filename {}", b64("a.mp4"), b64("b.mp4")),
            "uploads-error-metadata",
        ),
        (
            format!("filename {}", b64("zwei\nZeilen.mp4")),
            "uploads-error-filename",
        ),
        (metadata("a.mp4", &"T".repeat(121)), "upload-bad-title"),
        (metadata("a.mp4", "Titel\nmit Umbruch"), "upload-bad-title"),
    ];
    for (meta, key) in cases {
        let response = tus.create_raw(100, &meta).await;
        assert_eq!(response.status(), 400, "{meta}");
        let json: serde_json::Value = response.json().await.unwrap();
        assert_eq!(json["error"]["code"], key, "{meta}");
        assert!(
            json["error"]["message"].as_str().unwrap().len() > 10,
            "a sentence, in German"
        );
    }
    assert!(upload::Entity::find().all(&app.db).await.unwrap().is_empty());
    assert!(
        !app.media_dir().join("uploads").exists()
            || std::fs::read_dir(app.media_dir().join("uploads"))
                .unwrap()
                .count()
                == 0
    );
}
