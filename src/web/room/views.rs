//! The room state as each end receives it. The projector gets what it shows and nothing
//! personal; the remote gets everything the trainer's phone displays.

use std::time::Instant;

use serde::Serialize;

use crate::rooms::state::{Phase, PlayedLesson, RoomState, Subtitles};

#[derive(Serialize)]
pub struct ProjectorTrack<'a> {
    lang: &'a str,
    label: &'a str,
    rtl: bool,
    url: String,
}

#[derive(Serialize)]
pub struct ProjectorLesson<'a> {
    lesson_id: i64,
    lesson_title: &'a str,
    module_title: &'a str,
    course_title: &'a str,
    video_id: i64,
    /// For hls.js: the whole ladder, started at its top rung.
    hls: String,
    /// For browsers that play HLS themselves: only the top rung (they would start low).
    native_hls: String,
    tracks: Vec<ProjectorTrack<'a>>,
}

#[derive(Serialize)]
pub struct ProjectorView<'a> {
    r#type: &'static str,
    seq: u64,
    phase: Phase,
    lesson: Option<ProjectorLesson<'a>>,
    position: f64,
    subtitles: &'a Subtitles,
}

pub fn projector(state: &RoomState, now: Instant) -> ProjectorView<'_> {
    let lesson = state.lesson.as_ref().map(|l| ProjectorLesson {
        lesson_id: l.lesson_id,
        lesson_title: &l.lesson_title,
        module_title: &l.module_title,
        course_title: &l.course_title,
        video_id: l.video_id,
        hls: format!("/media/videos/{}/master.m3u8", l.video_id),
        native_hls: format!("/room/videos/{}/top.m3u8", l.video_id),
        tracks: l
            .tracks
            .iter()
            .map(|t| ProjectorTrack {
                lang: &t.lang,
                label: &t.label,
                rtl: t.rtl,
                url: format!("/media/videos/{}/subs/{}.vtt", l.video_id, t.lang),
            })
            .collect(),
    });
    ProjectorView {
        r#type: "state",
        seq: state.seq,
        phase: state.phase,
        lesson,
        position: state.position_now(now),
        subtitles: &state.subtitles,
    }
}

#[derive(Serialize)]
pub struct RemoteView<'a> {
    r#type: &'static str,
    seq: u64,
    phase: Phase,
    lesson: Option<&'a crate::rooms::state::LessonOnAir>,
    position: f64,
    subtitles: &'a Subtitles,
    played: &'a [PlayedLesson],
    projector_connected: bool,
    autoplay_blocked: bool,
}

pub fn remote(state: &RoomState, now: Instant) -> RemoteView<'_> {
    RemoteView {
        r#type: "state",
        seq: state.seq,
        phase: state.phase,
        lesson: state.lesson.as_ref(),
        position: state.position_now(now),
        subtitles: &state.subtitles,
        played: &state.played,
        projector_connected: state.projector_connected,
        autoplay_blocked: state.autoplay_blocked,
    }
}
