//! What a paired projector may fetch: the package files of the lesson on air, and
//! nothing else; without pairing, the media route's usual rules.

use std::fs;

use lernwerk::accounts::Role;

use crate::course_setup::ready_video;
use crate::helpers::{spawn_app, TestApp};
use crate::room_setup::{next_of, paired_projector, remote, room_course, send, Agent};

const MASTER: &str = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n\
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"Audio\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/index.m3u8\"\n\n\
#EXT-X-STREAM-INF:BANDWIDTH=637117,AVERAGE-BANDWIDTH=637117,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,AUDIO=\"audio\"\n\
video/360p/index.m3u8\n\n\
#EXT-X-STREAM-INF:BANDWIDTH=1628559,AVERAGE-BANDWIDTH=1618438,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,AUDIO=\"audio\"\n\
video/720p/index.m3u8\n";

/// Writes a package's playlists and a segment where the video record says it is.
fn write_package(app: &TestApp, dir: &str) {
    let root = app.media_dir().join(dir);
    fs::create_dir_all(root.join("video/720p")).unwrap();
    fs::write(root.join("master.m3u8"), MASTER).unwrap();
    fs::write(root.join("video/720p/seg_00000.m4s"), b"segment bytes").unwrap();
}

async fn status(agent: &Agent, path: &str) -> u16 {
    agent.browser.get(path).await.status().as_u16()
}

#[tokio::test]
async fn the_projector_gets_the_video_on_air_and_nothing_else() {
    let app = spawn_app().await;
    let rc = room_course(&app).await;
    // Every lesson of the test course shows this one video ("packages/none").
    write_package(&app, "packages/none");
    let on_air: i64 = {
        use sea_orm::EntityTrait;
        entities::lesson::Entity::find_by_id(rc.course.lessons[0])
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .video_id
    };
    let other_video = ready_video(&app, rc.trainer_id, 20.0).await;
    let mut projector = paired_projector(&app, &rc.trainer).await;
    let (mut ws, _) = remote(&rc.trainer, &projector.room_id).await;
    let master = format!("/media/videos/{on_air}/master.m3u8");
    let segment = format!("/media/videos/{on_air}/video/720p/seg_00000.m4s");

    assert_eq!(status(&projector.agent, &master).await, 404, "nothing sent yet");
    send(
        &mut ws,
        &format!(r#"{{"type":"choose","lesson_id":{}}}"#, rc.course.lessons[0]),
    )
    .await;
    assert_eq!(next_of(&mut projector.ws, "state").await["phase"], "ready");

    let response = projector.agent.browser.get(&master).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), MASTER);
    let bytes = projector.agent.browser.get(&segment).await.bytes().await.unwrap();
    assert_eq!(&bytes[..], b"segment bytes");
    assert_eq!(
        status(
            &projector.agent,
            &format!("/media/videos/{other_video}/master.m3u8")
        )
        .await,
        404,
        "a video the trainer did not send"
    );
    assert_eq!(
        status(
            &projector.agent,
            &format!("/media/videos/{on_air}/../none/master.m3u8")
        )
        .await,
        404
    );

    // Native HLS gets the top rung only, with URIs under the media route.
    let top = projector
        .agent
        .browser
        .get(&format!("/room/videos/{on_air}/top.m3u8"))
        .await;
    assert_eq!(top.status(), 200);
    assert_eq!(
        top.headers()["content-type"].to_str().unwrap(),
        "application/vnd.apple.mpegurl"
    );
    let text = top.text().await.unwrap();
    assert!(text.contains(&format!("/media/videos/{on_air}/video/720p/index.m3u8")));
    assert!(!text.contains("360p"), "{text}");
    assert_eq!(
        status(&projector.agent, &format!("/room/videos/{other_video}/top.m3u8")).await,
        404
    );

    // Without the room's cookie: the usual rules (login first); a stranger's cookie is nothing.
    let unpaired = Agent::new(&app);
    assert_eq!(status(&unpaired, &master).await, 303);
    assert_eq!(
        status(&unpaired, &format!("/room/videos/{on_air}/top.m3u8")).await,
        404
    );
    let (learner_browser, _) = app.logged_in(Role::Learner).await;
    assert_eq!(
        learner_browser.get(&master).await.status(),
        404,
        "not in their courses"
    );

    // Off the air again: refused again.
    send(&mut ws, r#"{"type":"clear"}"#).await;
    assert_eq!(next_of(&mut projector.ws, "state").await["phase"], "idle");
    assert_eq!(status(&projector.agent, &master).await, 404);
    assert_eq!(status(&projector.agent, &segment).await, 404);
    // The trainer still reaches their own video as before.
    assert_eq!(rc.trainer.browser.get(&master).await.status(), 200);
}
