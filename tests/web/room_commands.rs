//! The room's sockets: who may open them, and every command checked on the server. Bad
//! messages get a clear error and the connection stays usable.

use chrono::Utc;
use futures_util::SinkExt;
use lernwerk::accounts::Role;
use sea_orm::{ActiveModelTrait, Set};
use tokio_tungstenite::tungstenite::Message;

use crate::course_setup::ready_video;
use crate::helpers::spawn_app;
use crate::room_setup::{
    next_of, other_staff, paired_projector, refused_status, remote, room_course, send, state_after, Agent,
};

#[tokio::test]
async fn only_the_pairing_trainer_opens_the_remote_from_our_own_pages() {
    let app = spawn_app().await;
    let (trainer, _) = other_staff(&app, Role::Trainer).await;
    let projector = paired_projector(&app, &trainer).await;
    let path = format!("/trainer/room/{}/socket", projector.room_id);
    let origin = trainer.origin();

    let anonymous = Agent::new(&app);
    assert_eq!(
        refused_status(anonymous.socket_from(&path, Some(&origin)).await),
        303,
        "no session: sent to the login"
    );
    let (learner, _) = learner_agent(&app).await;
    assert_eq!(
        refused_status(learner.socket_from(&path, Some(&origin)).await),
        403
    );
    let (other, _) = other_staff(&app, Role::Trainer).await;
    assert_eq!(refused_status(other.socket_from(&path, Some(&origin)).await), 404);
    let (admin, _) = other_staff(&app, Role::Admin).await;
    assert_eq!(
        refused_status(admin.socket_from(&path, Some(&origin)).await),
        404,
        "a room belongs to the trainer who paired it"
    );
    for bad_origin in [Some("http://evil.example"), Some("null"), None] {
        assert_eq!(
            refused_status(trainer.socket_from(&path, bad_origin).await),
            403,
            "{bad_origin:?}"
        );
    }
    assert_eq!(
        refused_status(
            trainer
                .socket_from("/trainer/room/no-such-room/socket", Some(&origin))
                .await
        ),
        404
    );
    assert_eq!(
        refused_status(
            anonymous
                .socket_from("/room/socket", Some("http://evil.example"))
                .await
        ),
        403,
        "the projector's socket checks the origin too"
    );
    assert!(trainer.socket_from(&path, Some(&origin)).await.is_ok());
}

async fn learner_agent(app: &crate::helpers::TestApp) -> (Agent, i64) {
    let trainer = app
        .create_staff(Role::Trainer, &crate::helpers::unique_name("t"))
        .await;
    let (id, code) = app.create_learner(trainer).await;
    let agent = Agent::new(app);
    assert_eq!(agent.browser.login_code(&code).await.status(), 303);
    (agent, id)
}

/// Sends `json` and expects an error with `key`; then checks the connection still works.
async fn refused(ws: &mut crate::room_setup::Ws, json: &str, key: &str) {
    send(ws, json).await;
    let reply = next_of(ws, "error").await;
    assert_eq!(reply["key"], key, "{json} → {reply}");
    assert!(!reply["message"].as_str().unwrap().is_empty());
    send(ws, r#"{"type":"ping"}"#).await;
    loop {
        let next = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            futures_util::StreamExt::next(ws),
        )
        .await
        .unwrap()
        .unwrap()
        .unwrap();
        if let Message::Text(text) = next {
            if text.as_str().contains(r#""pong""#) {
                break;
            }
        }
    }
}

#[tokio::test]
async fn commands_are_checked_and_bad_messages_keep_the_connection() {
    let app = spawn_app().await;
    let rc = room_course(&app).await;
    let [a, b, c] = rc.course.lessons;
    let mut projector = paired_projector(&app, &rc.trainer).await;
    let (mut ws, first) = remote(&rc.trainer, &projector.room_id).await;
    let seq = first["seq"].as_u64().unwrap();

    for (bad, key) in [
        ("not json", "room-error-message"),
        (r#"{"type":"fly"}"#, "room-error-message"),
        (r#"{"type":"choose","lesson_id":"x"}"#, "room-error-message"),
        (r#"{"lesson_id":1}"#, "room-error-message"),
        (r#"{"type":"back","seconds":600}"#, "room-error-seconds"),
        (r#"{"type":"play"}"#, "room-error-no-lesson"),
        (r#"{"type":"next"}"#, "room-error-no-lesson"),
        (r#"{"type":"choose","lesson_id":999999}"#, "room-error-lesson"),
    ] {
        refused(&mut ws, bad, key).await;
    }
    let long = format!(r#"{{"type":"ping","pad":"{}"}}"#, "x".repeat(20_000));
    refused(&mut ws, &long, "room-error-message-long").await;
    ws.send(Message::binary(vec![1, 2, 3])).await.unwrap();
    assert_eq!(next_of(&mut ws, "error").await["key"], "room-error-message");

    // Another trainer's lesson is refused like one that does not exist.
    let other = room_course(&app).await;
    let theirs = other.course.lessons[0];
    refused(
        &mut ws,
        &format!(r#"{{"type":"choose","lesson_id":{theirs}}}"#),
        "room-error-lesson",
    )
    .await;

    // Nothing refused reached the projector: it still shows the idle screen.
    send(&mut ws, &format!(r#"{{"type":"choose","lesson_id":{a}}}"#)).await;
    let chosen = state_after(&mut projector.ws, seq).await;
    assert_eq!(chosen["phase"], "ready");
    assert_eq!(chosen["lesson"]["lesson_id"], a);
    assert_eq!(chosen["lesson"]["lesson_title"], "A");
    assert!(chosen["lesson"]["hls"]
        .as_str()
        .unwrap()
        .ends_with("/master.m3u8"));
    assert!(
        chosen.get("played").is_none(),
        "the projector gets nothing it does not show"
    );
    let remote_view = state_after(&mut ws, seq).await;
    assert_eq!(remote_view["lesson"]["course_title"], "Prozente im Alltag");

    refused(
        &mut ws,
        r#"{"type":"subtitles","lang":"uk"}"#,
        "room-error-subtitle-language",
    )
    .await;
    refused(
        &mut ws,
        r#"{"type":"subtitles","size":"huge"}"#,
        "room-error-subtitle-size",
    )
    .await;
    send(&mut ws, r#"{"type":"subtitles","on":false,"size":"xl"}"#).await;
    let subs = state_after(&mut projector.ws, chosen["seq"].as_u64().unwrap()).await;
    assert_eq!(subs["subtitles"]["on"], false);
    assert_eq!(subs["subtitles"]["size"], "xl");

    send(&mut ws, r#"{"type":"play"}"#).await;
    let playing = state_after(&mut projector.ws, subs["seq"].as_u64().unwrap()).await;
    assert_eq!(playing["phase"], "playing");
    send(&mut ws, r#"{"type":"pause"}"#).await;
    let paused = state_after(&mut projector.ws, playing["seq"].as_u64().unwrap()).await;
    assert_eq!(paused["phase"], "paused");

    // Next goes through the course in order, across modules, and stops at the end.
    send(&mut ws, r#"{"type":"next"}"#).await;
    let next = state_after(&mut projector.ws, paused["seq"].as_u64().unwrap()).await;
    assert_eq!(
        (next["lesson"]["lesson_id"].as_i64(), next["phase"].as_str()),
        (Some(b), Some("ready"))
    );
    send(&mut ws, r#"{"type":"next"}"#).await;
    let last = state_after(&mut projector.ws, next["seq"].as_u64().unwrap()).await;
    assert_eq!(last["lesson"]["lesson_id"], c);
    refused(&mut ws, r#"{"type":"next"}"#, "room-error-last-lesson").await;

    // A lesson whose video is not transcoded yet cannot be shown.
    let pending = ready_video(&app, rc.trainer_id, 30.0).await;
    let mut video: entities::video::ActiveModel =
        <entities::video::Entity as sea_orm::EntityTrait>::find_by_id(pending)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    video.status = Set("processing".into());
    video.package_dir = Set(None);
    video.update(&app.db).await.unwrap();
    let module = rc.course.modules[1];
    let page = format!("/trainer/courses/{}", rc.course.course_id);
    crate::course_setup::post_ok(
        &rc.course.trainer,
        &page,
        &format!("/trainer/modules/{module}/lessons"),
        &[("title", "D"), ("video_id", &pending.to_string()), ("body", "")],
    )
    .await;
    let d = *crate::course_setup::lesson_ids_in_order(&app, module)
        .await
        .last()
        .unwrap();
    refused(
        &mut ws,
        &format!(r#"{{"type":"choose","lesson_id":{d}}}"#),
        "room-error-not-ready",
    )
    .await;

    // Subtitle tracks on the video, none in the course's language: the trainer's default
    // (Arabic) is shown, though English comes first in the list.
    for (language, is_default) in [("ar", true), ("en", false)] {
        entities::subtitle_track::ActiveModel {
            video_id: Set(last["lesson"]["video_id"].as_i64().unwrap()),
            language: Set(language.into()),
            is_default: Set(is_default),
            cue_count: Set(3),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    send(&mut ws, &format!(r#"{{"type":"choose","lesson_id":{a}}}"#)).await;
    let with_track = state_after(&mut projector.ws, last["seq"].as_u64().unwrap()).await;
    let tracks = with_track["lesson"]["tracks"].as_array().unwrap();
    assert_eq!(tracks[0]["lang"], "en");
    let arabic = &tracks[1];
    assert_eq!((&arabic["lang"], &arabic["rtl"]), (&"ar".into(), &true.into()));
    assert!(arabic["url"].as_str().unwrap().ends_with("/subs/ar.vtt"));
    assert_eq!(
        with_track["subtitles"]["lang"], "ar",
        "the trainer's default is chosen"
    );

    // The projector reports; it cannot command.
    send(&mut projector.ws, r#"{"type":"play"}"#).await;
    assert_eq!(
        next_of(&mut projector.ws, "error").await["key"],
        "room-error-message"
    );
    send(&mut projector.ws, "{").await;
    assert_eq!(
        next_of(&mut projector.ws, "error").await["key"],
        "room-error-message"
    );
    send(&mut projector.ws, r#"{"type":"ping"}"#).await;
    assert_eq!(next_message_or_pong(&mut projector.ws).await, "pong");
}

/// The type of the next message, pongs included.
async fn next_message_or_pong(ws: &mut crate::room_setup::Ws) -> String {
    loop {
        let next = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            futures_util::StreamExt::next(ws),
        )
        .await
        .unwrap()
        .unwrap()
        .unwrap();
        if let Message::Text(text) = next {
            let value: serde_json::Value = serde_json::from_str(text.as_str()).unwrap();
            return value["type"].as_str().unwrap().to_owned();
        }
    }
}

#[tokio::test]
async fn a_projector_that_reconnects_gets_the_current_state() {
    let app = spawn_app().await;
    let rc = room_course(&app).await;
    let [a, b, _] = rc.course.lessons;
    let projector = paired_projector(&app, &rc.trainer).await;
    let (mut ws, _) = remote(&rc.trainer, &projector.room_id).await;
    send(&mut ws, &format!(r#"{{"type":"choose","lesson_id":{a}}}"#)).await;
    send(&mut ws, r#"{"type":"play"}"#).await;
    let playing = loop {
        let s = next_of(&mut ws, "state").await;
        if s["phase"] == "playing" {
            break s;
        }
    };
    // The projector goes away; meanwhile the trainer moves on.
    let crate::room_setup::PairedProjector { agent, ws: old, .. } = projector;
    drop(old);
    let offline = loop {
        let s = next_of(&mut ws, "state").await;
        if s["projector_connected"] == false {
            break s;
        }
    };
    assert_eq!(offline["seq"], playing["seq"]);
    send(&mut ws, r#"{"type":"next"}"#).await;
    send(&mut ws, r#"{"type":"subtitles","size":"m"}"#).await;
    let current = loop {
        let s = next_of(&mut ws, "state").await;
        if s["subtitles"]["size"] == "m" {
            break s;
        }
    };
    let mut back = agent.socket("/room/socket").await;
    let first = next_of(&mut back, "state").await;
    assert_eq!(first["seq"], current["seq"], "the latest state, first thing");
    assert_eq!(first["lesson"]["lesson_id"], b, "not the lesson it had");
    assert_eq!(first["phase"], "ready");
    assert_eq!(first["subtitles"]["size"], "m");
    let again = next_of(&mut ws, "state").await;
    assert_eq!(again["projector_connected"], true);
}
