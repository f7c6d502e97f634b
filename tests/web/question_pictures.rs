//! Pictures on the answers of check questions, and the "Vorlesen" buttons: uploads are
//! stored small, upright and without metadata; bad files are refused and leave nothing;
//! the picture route answers only to those who may see the lesson.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use entities::{choice, question};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, Rgb, RgbImage};
use lernwerk::accounts::Role;
use reqwest::multipart::{Form, Part};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::course_setup::build_course;
use crate::helpers::{csrf_in, location, Browser, TestApp};

/// One answer line: its text and the file chosen for it (name, bytes), if any.
type Line = (&'static str, Option<(&'static str, Vec<u8>)>);

/// Posts the add-question form the way the page does: multipart, a file input per line.
async fn post_question(browser: &Browser, lesson: i64, prompt: &str, lines: Vec<Line>) -> reqwest::Response {
    let page = format!("/trainer/lessons/{lesson}");
    let token = browser.csrf_token(&page).await;
    let mut form = Form::new()
        .text("csrf_token", token)
        .text("prompt", prompt.to_owned())
        .text("kind", "single");
    for (text, file) in lines {
        form = form.text("choice", text);
        let part = match file {
            Some((name, bytes)) => Part::bytes(bytes).file_name(name).mime_str("image/jpeg"),
            // What a browser sends for a file input left empty.
            None => Part::bytes(Vec::new())
                .file_name("")
                .mime_str("application/octet-stream"),
        };
        form = form.part("choice_image", part.unwrap());
    }
    form = form.text("correct", "1");
    browser
        .client
        .post(format!("{}{page}/questions", browser.address))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// 800×600, red above blue, as a phone stores a photo taken upright: sideways pixels
/// plus an EXIF block saying "turn 90° clockwise", with the GPS position of the camera.
fn phone_photo() -> Vec<u8> {
    let pixels = RgbImage::from_fn(800, 600, |_, y| {
        if y < 300 {
            Rgb([220, 30, 30])
        } else {
            Rgb([30, 30, 220])
        }
    });
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&pixels)
        .unwrap();
    let plain = out.into_inner();
    let mut photo = plain[..2].to_vec();
    photo.extend_from_slice(&exif_segment());
    photo.extend_from_slice(&plain[2..]);
    photo
}

/// GPS latitude 52° 31' 12.34" N, longitude 13° 24' 56.78" E, as rationals.
const GPS_RATIONALS: [(u32, u32); 6] = [(52, 1), (31, 1), (1234, 100), (13, 1), (24, 1), (5678, 100)];

/// APP1 "Exif": IFD0 with Orientation = 6 and a pointer to a GPS IFD holding
/// GPSLatitudeRef/GPSLatitude/GPSLongitudeRef/GPSLongitude (TIFF, little-endian).
fn exif_segment() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value);
    };
    tiff.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut tiff, 0x0112, 3, 1, [6, 0, 0, 0]);
    entry(&mut tiff, 0x8825, 4, 1, 38u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), 38);
    tiff.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut tiff, 1, 2, 2, *b"N\0\0\0");
    entry(&mut tiff, 2, 5, 3, 92u32.to_le_bytes());
    entry(&mut tiff, 3, 2, 2, *b"E\0\0\0");
    entry(&mut tiff, 4, 5, 3, 116u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), 92);
    for (n, d) in GPS_RATIONALS {
        tiff.extend_from_slice(&n.to_le_bytes());
        tiff.extend_from_slice(&d.to_le_bytes());
    }
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((8 + tiff.len()) as u16).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// The GPS latitude as it sits in the file: 52/1.
fn gps_bytes() -> Vec<u8> {
    [52u32.to_le_bytes(), 1u32.to_le_bytes()].concat()
}

fn exif_of(jpeg: &[u8]) -> Option<Vec<u8>> {
    image::codecs::jpeg::JpegDecoder::new(Cursor::new(jpeg))
        .unwrap()
        .exif_metadata()
        .unwrap()
}

fn encoded(picture: RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(picture)
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flat_map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() {
                files_under(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

async fn questions_of(app: &TestApp, lesson: i64) -> Vec<(question::Model, Vec<choice::Model>)> {
    let questions = question::Entity::find()
        .filter(question::Column::LessonId.eq(lesson))
        .order_by_asc(question::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let mut out = Vec::new();
    for q in questions {
        let choices = choice::Entity::find()
            .filter(choice::Column::QuestionId.eq(q.id))
            .order_by_asc(choice::Column::Position)
            .all(&app.db)
            .await
            .unwrap();
        out.push((q, choices));
    }
    out
}

fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&scraper::Selector::parse(css).unwrap()).collect()
}

#[tokio::test]
async fn a_phone_photo_is_stored_small_upright_and_without_its_metadata() {
    let app = crate::helpers::spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let a = c.lessons[0];
    let photo = phone_photo();
    assert!(
        exif_of(&photo).is_some_and(|exif| exif.windows(8).any(|w| w == gps_bytes())),
        "the test photo really carries EXIF with a GPS position"
    );
    let response = post_question(
        &c.trainer,
        a,
        "Welche Farbe ist oben?",
        vec![("Rot", Some(("IMG_2041.jpg", photo))), ("Blau", None)],
    )
    .await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    assert_eq!(location(&response), format!("/trainer/lessons/{a}#questions"));

    let stored = questions_of(&app, a).await;
    let (q, choices) = &stored[0];
    assert_eq!(choices.len(), 2);
    let with_picture = &choices[0];
    assert_eq!(
        with_picture.image_path.as_deref(),
        Some(format!("questions/{}/{}.jpg", q.id, with_picture.id).as_str())
    );
    assert_eq!(
        (with_picture.image_width, with_picture.image_height),
        (Some(360), Some(480))
    );
    assert_eq!(choices[1].image_path, None);
    assert_eq!(choices[1].image_width, None);

    let file = std::fs::read(app.media_dir().join(with_picture.image_path.as_ref().unwrap())).unwrap();
    assert!(file.starts_with(&[0xFF, 0xD8]), "a JPEG");
    assert!(exif_of(&file).is_none(), "no EXIF block");
    assert!(!file.windows(4).any(|w| w == b"Exif"));
    assert!(!file.windows(8).any(|w| w == gps_bytes()), "no GPS position");
    let back = image::load_from_memory(&file).unwrap().to_rgb8();
    assert_eq!(back.dimensions(), (360, 480), "turned upright, at most 480 px");
    let (right, left) = (back.get_pixel(300, 240).0, back.get_pixel(60, 240).0);
    assert!(
        right[0] > 180 && right[2] < 80,
        "the top of the photo is on the right: {right:?}"
    );
    assert!(left[2] > 180 && left[0] < 80, "{left:?}");

    // The trainer's page shows it; the learner's page shows it inside the answer's label.
    let trainer_page = c
        .trainer
        .get(&format!("/trainer/lessons/{a}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(trainer_page.contains(&format!("src=\"/media/choices/{}\"", with_picture.id)));
    let page = c.learner.get(&format!("/learn/lessons/{a}")).await;
    assert_eq!(page.status(), 200);
    let html = scraper::Html::parse_document(&page.text().await.unwrap());
    let images = select(&html, "label > img.choice-picture");
    assert_eq!(images.len(), 1);
    let img = images[0].value();
    assert_eq!(
        img.attr("src"),
        Some(format!("/media/choices/{}", with_picture.id).as_str())
    );
    assert_eq!(img.attr("alt"), Some("Rot"));
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("360"), Some("480"))
    );
    assert_eq!(img.attr("loading"), Some("lazy"));
    let label = scraper::ElementRef::wrap(images[0].parent().unwrap()).unwrap();
    let input = label
        .select(&scraper::Selector::parse("input").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        input.value().attr("value"),
        Some(with_picture.id.to_string().as_str())
    );

    // "Vorlesen" for the lesson text and the question: hidden until the script finds speech.
    // (The page's own words have a reader of their own, in the interface language.)
    let page_reader = select(&html, "button[data-read-aloud=page]");
    assert_eq!(page_reader.len(), 1);
    assert_eq!(page_reader[0].value().attr("data-lang"), Some("de"));
    let buttons = select(&html, "button[data-read-aloud]:not([data-read-aloud=page])");
    let targets: Vec<_> = buttons
        .iter()
        .map(|b| b.value().attr("data-read-aloud").unwrap())
        .collect();
    assert_eq!(
        targets,
        vec!["lesson-text".to_owned(), format!("question-{}", q.id)]
    );
    for button in &buttons {
        assert_eq!(button.value().attr("type"), Some("button"));
        assert_eq!(
            button.value().attr("data-lang"),
            Some("de"),
            "the course's language"
        );
        assert!(button.value().attr("hidden").is_some());
        assert!(button.text().any(|t| t.contains("Vorlesen")));
    }
    let question_box = select(&html, &format!("#question-{} [data-speak]", q.id));
    let spoken: Vec<String> = question_box.iter().map(|e| e.text().collect()).collect();
    assert_eq!(spoken, vec!["Welche Farbe ist oben?", "Rot", "Blau"]);
    let scripts = select(&html, "script[src]");
    let script = scripts
        .iter()
        .filter_map(|s| s.value().attr("src"))
        .find(|src| src.starts_with("/static/read-aloud."))
        .expect("the read-aloud script is on the page");
    let js = c.learner.get(script).await;
    assert_eq!(js.status(), 200);
    assert!(js.text().await.unwrap().contains("speechSynthesis"));

    let served = c
        .learner
        .get(&format!("/media/choices/{}", with_picture.id))
        .await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(served.bytes().await.unwrap().as_ref(), file.as_slice());

    // Deleting the question takes its pictures along.
    let token = c.trainer.csrf_token(&format!("/trainer/lessons/{a}")).await;
    let deleted = c
        .trainer
        .post_form(
            &format!("/trainer/questions/{}/delete", q.id),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(deleted.status(), 303);
    assert!(files_under(&app.media_dir().join("questions")).is_empty());
    assert!(choice::Entity::find_by_id(with_picture.id)
        .one(&app.db)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn files_that_are_no_usable_picture_are_refused_and_leave_nothing() {
    let app = crate::helpers::spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let a = c.lessons[0];
    let photo = phone_photo();
    let mut six_mb = photo.clone();
    six_mb.resize(6_000_000, 0);
    let cases: Vec<(Line, u16, &str)> = vec![
        (
            ("Brot", Some(("einkauf.jpg", b"Brot, Milch, Eier\n".to_vec()))),
            400,
            "Bild zu Antwort 1: Diese Datei ist kein Bild.",
        ),
        (
            (
                "Brot",
                Some(("abgebrochen.jpg", photo[..photo.len() / 2].to_vec())),
            ),
            400,
            "Bild zu Antwort 1: Das Bild ist beschädigt oder unvollständig.",
        ),
        (
            (
                "Brot",
                Some(("panorama.png", encoded(RgbImage::new(5000, 10), ImageFormat::Png))),
            ),
            400,
            "höchstens 4096 Pixel breit",
        ),
        (
            ("Brot", Some(("riesig.jpg", six_mb))),
            413,
            "Jedes Bild darf höchstens 5 MB haben.",
        ),
        (
            ("", Some(("ohne-text.jpg", photo.clone()))),
            400,
            "Zu jedem Bild gehört ein Antworttext.",
        ),
    ];
    for (first, status, message) in cases {
        // The good picture comes second: a refusal must not keep it either.
        let lines = vec![first, ("Milch", Some(("gut.jpg", photo.clone())))];
        let response = post_question(&c.trainer, a, "Was steht auf der Liste?", lines).await;
        assert_eq!(response.status(), status, "{message}");
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "{message}: {page}");
        assert!(
            page.contains("Was steht auf der Liste?"),
            "the typed question comes back to the form"
        );
        assert!(questions_of(&app, a).await.is_empty(), "{message}: no question");
        assert_eq!(
            files_under(app.media_dir())
                .iter()
                .filter(|p| !is_database(p))
                .count(),
            0,
            "{message}: no file"
        );
    }
    assert_eq!(
        question::Entity::find().count(&app.db).await.unwrap(),
        1,
        "only lesson B's"
    );
}

fn is_database(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("test.db"))
}

#[tokio::test]
async fn a_body_larger_than_all_pictures_together_is_refused_with_413() {
    let app = crate::helpers::spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let a = c.lessons[0];
    let big = vec![0u8; 5 * 1024 * 1024];
    let lines: Vec<Line> = vec![
        ("1", Some(("1.jpg", big.clone()))),
        ("2", Some(("2.jpg", big.clone()))),
        ("3", Some(("3.jpg", big.clone()))),
        ("4", Some(("4.jpg", big.clone()))),
        ("5", Some(("5.jpg", big.clone()))),
        ("6", Some(("6.jpg", big.clone()))),
        ("7", Some(("7.jpg", big))),
    ];
    let response = post_question(&c.trainer, a, "Zu groß?", lines).await;
    assert_eq!(response.status(), 413);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Alle Bilder zusammen dürfen höchstens 30 MB haben."));
    assert!(questions_of(&app, a).await.is_empty());
}

#[tokio::test]
async fn the_picture_route_answers_only_to_those_who_may_see_the_lesson() {
    let app = crate::helpers::spawn_app().await;
    let c = build_course(&app, 60.0).await;
    let (a, locked) = (c.lessons[0], c.lessons[2]);
    for lesson in [a, locked] {
        let response = post_question(
            &c.trainer,
            lesson,
            "Welche Farbe ist oben?",
            vec![("Rot", Some(("foto.jpg", phone_photo()))), ("Blau", None)],
        )
        .await;
        assert_eq!(response.status(), 303);
    }
    let picture_of = |stored: &[(question::Model, Vec<choice::Model>)]| {
        (
            format!("/media/choices/{}", stored[0].1[0].id),
            format!("/media/choices/{}", stored[0].1[1].id),
        )
    };
    let (picture, no_picture) = picture_of(&questions_of(&app, a).await);
    let (locked_picture, _) = picture_of(&questions_of(&app, locked).await);

    let (other_trainer, _) = app.logged_in(Role::Trainer).await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let (stranger, _) = app.logged_in(Role::Learner).await;
    assert_eq!(
        c.trainer.get(&picture).await.status(),
        200,
        "the lesson's trainer"
    );
    assert_eq!(admin.get(&picture).await.status(), 200, "an admin");
    assert_eq!(
        c.learner.get(&picture).await.status(),
        200,
        "a learner of the course"
    );
    assert_eq!(other_trainer.get(&picture).await.status(), 404, "another trainer");
    assert_eq!(
        stranger.get(&picture).await.status(),
        404,
        "a learner without the lesson"
    );
    assert_eq!(
        c.learner.get(&locked_picture).await.status(),
        404,
        "a lesson still locked for the learner"
    );
    assert_eq!(c.trainer.get(&locked_picture).await.status(), 200);
    let anonymous = app.browser().get(&picture).await;
    assert_eq!(anonymous.status(), 303, "anonymous: to the login");
    assert_eq!(location(&anonymous), "/code");
    assert_eq!(
        c.trainer.get(&no_picture).await.status(),
        404,
        "a choice without picture"
    );
    assert_eq!(c.trainer.get("/media/choices/999999").await.status(), 404);
    assert_eq!(c.trainer.get("/media/choices/abc").await.status(), 404);

    // A forged form without the page's token stores nothing.
    let page = c
        .trainer
        .get(&format!("/trainer/lessons/{a}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csrf_in(&page).is_some());
    let forged = Form::new()
        .text("prompt", "Gefälscht?")
        .text("kind", "single")
        .part("choice_image", Part::bytes(phone_photo()).file_name("x.jpg"));
    let response = c
        .trainer
        .client
        .post(format!("{}/trainer/lessons/{a}/questions", app.address))
        .multipart(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(questions_of(&app, a).await.len(), 1);
}
