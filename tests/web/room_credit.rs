//! "Who was there" from the remote: the course engine's room credit for the lessons that
//! really played, once per learner and lesson, only for the trainer's own group members.

use entities::room_viewing;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::spawn_app;
use crate::room_setup::{next_of, paired_projector, remote, room_course, send, state_after};

#[tokio::test]
async fn marking_learners_present_credits_the_lessons_played() {
    let app = spawn_app().await;
    let rc = room_course(&app).await;
    let [a, _, c] = rc.course.lessons;
    let group = rc.course.group_id;
    let learner = rc.course.learner_id;
    let mut projector = paired_projector(&app, &rc.trainer).await;
    let (mut ws, _) = remote(&rc.trainer, &projector.room_id).await;
    let present = |ids: &str| format!(r#"{{"type":"present","group_id":{group},"learner_ids":[{ids}]}}"#);

    send(&mut ws, &present(&learner.to_string())).await;
    assert_eq!(
        next_of(&mut ws, "error").await["key"],
        "room-error-nothing-played"
    );

    // Chosen but not played is no viewing; played (the projector reports time) is.
    send(&mut ws, &format!(r#"{{"type":"choose","lesson_id":{a}}}"#)).await;
    let ready = next_of(&mut projector.ws, "state").await;
    send(&mut ws, &present(&learner.to_string())).await;
    assert_eq!(
        next_of(&mut ws, "error").await["key"],
        "room-error-nothing-played"
    );
    send(&mut ws, r#"{"type":"play"}"#).await;
    let playing = state_after(&mut projector.ws, ready["seq"].as_u64().unwrap()).await;
    let seq = playing["seq"].as_u64().unwrap();
    // A report of an older state is ignored; one of the current state counts.
    send(
        &mut projector.ws,
        &format!(
            r#"{{"type":"position","lesson_id":{a},"seq":{},"position":3.0}}"#,
            seq - 1
        ),
    )
    .await;
    send(
        &mut projector.ws,
        &format!(r#"{{"type":"position","lesson_id":{a},"seq":{seq},"position":4.5}}"#),
    )
    .await;
    let reported = loop {
        let s = next_of(&mut ws, "state").await;
        if !s["played"].as_array().unwrap().is_empty() {
            break s;
        }
    };
    assert_eq!(reported["played"][0]["lesson_id"], a);
    assert!(reported["position"].as_f64().unwrap() >= 4.5);

    // Refusals: nobody ticked, a stranger, another trainer's group.
    send(&mut ws, &present("")).await;
    assert_eq!(next_of(&mut ws, "error").await["key"], "room-error-nobody");
    let (stranger, _) = app.create_learner(rc.trainer_id).await;
    send(&mut ws, &present(&format!("{learner},{stranger}"))).await;
    assert_eq!(next_of(&mut ws, "error").await["key"], "group-error-learner");
    let other = room_course(&app).await;
    send(
        &mut ws,
        &format!(
            r#"{{"type":"present","group_id":{},"learner_ids":[{}]}}"#,
            other.course.group_id, other.course.learner_id
        ),
    )
    .await;
    assert_eq!(next_of(&mut ws, "error").await["key"], "room-error-group");
    assert_eq!(
        room_viewing::Entity::find().count(&app.db).await.unwrap(),
        0,
        "nothing written"
    );

    send(&mut ws, &present(&learner.to_string())).await;
    let credited = next_of(&mut ws, "credited").await;
    assert_eq!(
        (credited["learners"].as_u64(), credited["lessons"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(credited["message"].as_str().unwrap().contains("Gespeichert"));
    let rows = room_viewing::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].learner_id, rows[0].lesson_id, rows[0].group_id),
        (learner, a, group)
    );
    assert_eq!(rows[0].trainer_id, rc.trainer_id);

    // Saving again adds nothing; a lesson played later is credited on the next save.
    send(&mut ws, &present(&learner.to_string())).await;
    assert_eq!(next_of(&mut ws, "credited").await["learners"], 0);
    send(&mut ws, &format!(r#"{{"type":"choose","lesson_id":{c}}}"#)).await;
    send(&mut ws, r#"{"type":"play"}"#).await;
    let playing_c = loop {
        let s = next_of(&mut projector.ws, "state").await;
        if s["phase"] == "playing" && s["lesson"]["lesson_id"] == c {
            break s;
        }
    };
    send(
        &mut projector.ws,
        &format!(
            r#"{{"type":"ended","lesson_id":{c},"seq":{}}}"#,
            playing_c["seq"].as_u64().unwrap()
        ),
    )
    .await;
    assert_eq!(next_of(&mut projector.ws, "state").await["phase"], "ended");
    send(&mut ws, &present(&learner.to_string())).await;
    let second = next_of(&mut ws, "credited").await;
    assert_eq!(
        (second["learners"].as_u64(), second["lessons"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(room_viewing::Entity::find().count(&app.db).await.unwrap(), 2);

    // The group report shows it as watched together.
    let report = rc
        .course
        .trainer
        .get(&format!("/trainer/groups/{group}/report"))
        .await
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&report);
    let cell = scraper::Selector::parse(&format!("td[data-lesson=\"{c}\"] [data-together]")).unwrap();
    assert!(doc.select(&cell).next().is_some(), "room credit in the report");
}
