//! What a room shows, and how commands change it. Pure: no I/O, time passed in.
//!
//! The server holds the truth; both ends render it. `seq` grows with every change the
//! projector must act on (a command, the end of a lesson), so a projector that reconnects
//! or reloads compares it with what it applied last and never keeps a stale lesson.
//! Position reports from the projector only move `position` and do not bump `seq`.

use std::time::Instant;

use serde::Serialize;

/// What the projector shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Paired, nothing chosen yet (or the trainer cleared the screen).
    Idle,
    /// A lesson is chosen: its title on a calm screen, the video waiting.
    Ready,
    Playing,
    Paused,
    /// The lesson played to its end: the calm screen again.
    Ended,
}

/// A subtitle track of the lesson's video.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Track {
    pub lang: String,
    pub label: String,
    pub rtl: bool,
    /// The track the trainer marked default for this video.
    pub default: bool,
}

/// The lesson on the projector, with what both ends need to show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonOnAir {
    pub lesson_id: i64,
    pub lesson_title: String,
    pub module_title: String,
    pub course_id: i64,
    pub course_title: String,
    /// The course's language, preferred for subtitles.
    pub course_language: String,
    pub video_id: i64,
    pub duration: f64,
    pub tracks: Vec<Track>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SubtitleSize {
    M,
    L,
    Xl,
}

impl SubtitleSize {
    pub fn parse(s: &str) -> Option<SubtitleSize> {
        match s {
            "m" => Some(SubtitleSize::M),
            "l" => Some(SubtitleSize::L),
            "xl" => Some(SubtitleSize::Xl),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subtitles {
    pub on: bool,
    /// One of the lesson's tracks, or `None` when it has none.
    pub lang: Option<String>,
    pub size: SubtitleSize,
}

/// A lesson that really played on the projector: what presence credit is given for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlayedLesson {
    pub lesson_id: i64,
    pub title: String,
}

/// Why a command changed nothing; each carries the Fluent key the trainer sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no lesson chosen")]
    NoLesson,
    #[error("no subtitle track in that language")]
    NoSuchTrack,
}

impl Refusal {
    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::NoLesson => "room-error-no-lesson",
            Refusal::NoSuchTrack => "room-error-subtitle-language",
        }
    }
}

#[derive(Clone, Debug)]
pub struct RoomState {
    pub seq: u64,
    pub phase: Phase,
    pub lesson: Option<LessonOnAir>,
    /// Video time in seconds as of `position_at`.
    pub position: f64,
    pub position_at: Instant,
    pub subtitles: Subtitles,
    pub played: Vec<PlayedLesson>,
    pub projector_connected: bool,
    /// The projector's browser refused to start sound without a click on it.
    pub autoplay_blocked: bool,
    /// The trainer ended the room (or it was forgotten): every socket closes.
    pub closed: bool,
}

impl RoomState {
    pub fn new(now: Instant) -> RoomState {
        RoomState {
            seq: 1,
            phase: Phase::Idle,
            lesson: None,
            position: 0.0,
            position_at: now,
            subtitles: Subtitles {
                on: true,
                lang: None,
                size: SubtitleSize::L,
            },
            played: Vec::new(),
            projector_connected: false,
            autoplay_blocked: false,
            closed: false,
        }
    }

    /// Where the video is now: while playing, time goes on from the last known position.
    pub fn position_now(&self, now: Instant) -> f64 {
        let since = if self.phase == Phase::Playing {
            now.saturating_duration_since(self.position_at).as_secs_f64()
        } else {
            0.0
        };
        let position = self.position + since;
        match &self.lesson {
            Some(l) if l.duration > 0.0 => position.clamp(0.0, l.duration),
            _ => position.max(0.0),
        }
    }

    fn set_position(&mut self, position: f64, now: Instant) {
        self.position = position.max(0.0);
        self.position_at = now;
    }

    fn changed(&mut self) {
        self.seq += 1;
    }

    /// Puts `lesson` on the screen, waiting to be played. Subtitles keep their language
    /// when the new video has it, else take the course's language, the trainer's default
    /// track or the first one.
    pub fn choose(&mut self, lesson: LessonOnAir, now: Instant) {
        let keep = self
            .subtitles
            .lang
            .as_ref()
            .filter(|lang| lesson.tracks.iter().any(|t| &t.lang == *lang))
            .cloned();
        self.subtitles.lang = keep
            .or_else(|| {
                lesson
                    .tracks
                    .iter()
                    .find(|t| t.lang == lesson.course_language)
                    .or_else(|| lesson.tracks.iter().find(|t| t.default))
                    .map(|t| t.lang.clone())
            })
            .or_else(|| lesson.tracks.first().map(|t| t.lang.clone()));
        self.lesson = Some(lesson);
        self.phase = Phase::Ready;
        self.set_position(0.0, now);
        self.changed();
    }

    pub fn play(&mut self, now: Instant) -> Result<(), Refusal> {
        if self.lesson.is_none() {
            return Err(Refusal::NoLesson);
        }
        match self.phase {
            Phase::Playing => return Ok(()),
            // Playing an ended lesson starts it again.
            Phase::Ended => self.set_position(0.0, now),
            _ => self.set_position(self.position_now(now), now),
        }
        self.phase = Phase::Playing;
        self.changed();
        Ok(())
    }

    pub fn pause(&mut self, now: Instant) -> Result<(), Refusal> {
        if self.lesson.is_none() {
            return Err(Refusal::NoLesson);
        }
        if self.phase == Phase::Playing {
            self.set_position(self.position_now(now), now);
            self.phase = Phase::Paused;
            self.changed();
        }
        Ok(())
    }

    /// Jumps back `seconds` (not before the start); an ended lesson shows again, paused.
    pub fn back(&mut self, seconds: f64, now: Instant) -> Result<(), Refusal> {
        if self.lesson.is_none() {
            return Err(Refusal::NoLesson);
        }
        let target = (self.position_now(now) - seconds).max(0.0);
        self.set_position(target, now);
        if self.phase == Phase::Ended {
            self.phase = Phase::Paused;
        }
        self.changed();
        Ok(())
    }

    /// Clears the screen: the idle screen, no lesson.
    pub fn clear(&mut self, now: Instant) {
        self.lesson = None;
        self.phase = Phase::Idle;
        self.set_position(0.0, now);
        self.changed();
    }

    pub fn set_subtitles(
        &mut self,
        on: Option<bool>,
        lang: Option<&str>,
        size: Option<SubtitleSize>,
    ) -> Result<(), Refusal> {
        if let Some(lang) = lang {
            let known = self
                .lesson
                .as_ref()
                .is_some_and(|l| l.tracks.iter().any(|t| t.lang == lang));
            if !known {
                return Err(Refusal::NoSuchTrack);
            }
            self.subtitles.lang = Some(lang.to_owned());
        }
        if let Some(on) = on {
            self.subtitles.on = on;
        }
        if let Some(size) = size {
            self.subtitles.size = size;
        }
        self.changed();
        Ok(())
    }

    /// What the projector says it is doing. Reports about another lesson, or sent before
    /// the projector applied the latest command, are stale and change nothing.
    pub fn projector_report(&mut self, lesson_id: i64, applied_seq: u64, position: f64, now: Instant) {
        if !self.reports_on(lesson_id, applied_seq) || !position.is_finite() {
            return;
        }
        let position = match &self.lesson {
            Some(l) if l.duration > 0.0 => position.clamp(0.0, l.duration),
            _ => position.max(0.0),
        };
        self.set_position(position, now);
        if self.phase == Phase::Playing && position > 0.0 {
            self.mark_played();
        }
    }

    /// The projector's video reached its end: the calm screen.
    pub fn projector_ended(&mut self, lesson_id: i64, applied_seq: u64, now: Instant) {
        if !self.reports_on(lesson_id, applied_seq) || self.phase != Phase::Playing {
            return;
        }
        let end = self.lesson.as_ref().map_or(0.0, |l| l.duration);
        self.set_position(end, now);
        self.mark_played();
        self.phase = Phase::Ended;
        self.changed();
    }

    fn reports_on(&self, lesson_id: i64, applied_seq: u64) -> bool {
        applied_seq == self.seq && self.lesson.as_ref().is_some_and(|l| l.lesson_id == lesson_id)
    }

    fn mark_played(&mut self) {
        if let Some(l) = &self.lesson {
            if !self.played.iter().any(|p| p.lesson_id == l.lesson_id) {
                self.played.push(PlayedLesson {
                    lesson_id: l.lesson_id,
                    title: l.lesson_title.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn lesson(id: i64, tracks: &[&str]) -> LessonOnAir {
        LessonOnAir {
            lesson_id: id,
            lesson_title: format!("Lektion {id}"),
            module_title: "Modul".into(),
            course_id: 1,
            course_title: "Kurs".into(),
            course_language: "de".into(),
            video_id: 10 + id,
            duration: 60.0,
            tracks: tracks
                .iter()
                .map(|l| Track {
                    lang: (*l).into(),
                    label: (*l).into(),
                    rtl: false,
                    default: false,
                })
                .collect(),
        }
    }

    #[test]
    fn commands_need_a_lesson_and_bump_seq() {
        let t0 = Instant::now();
        let mut s = RoomState::new(t0);
        assert_eq!(s.play(t0), Err(Refusal::NoLesson));
        assert_eq!(s.back(10.0, t0), Err(Refusal::NoLesson));
        let before = s.seq;
        s.choose(lesson(1, &["tr", "de"]), t0);
        assert_eq!((s.phase, s.seq), (Phase::Ready, before + 1));
        assert_eq!(
            s.subtitles.lang.as_deref(),
            Some("de"),
            "the course's language first"
        );
        s.play(t0).unwrap();
        assert_eq!(s.phase, Phase::Playing);
        let seq = s.seq;
        s.play(t0).unwrap();
        assert_eq!(s.seq, seq, "playing while playing changes nothing");
    }

    #[test]
    fn position_runs_while_playing_and_back_is_relative_to_now() {
        let t0 = Instant::now();
        let mut s = RoomState::new(t0);
        s.choose(lesson(1, &[]), t0);
        s.play(t0).unwrap();
        let t25 = t0 + Duration::from_secs(25);
        assert!((s.position_now(t25) - 25.0).abs() < 1e-9);
        s.back(10.0, t25).unwrap();
        assert!((s.position_now(t25) - 15.0).abs() < 1e-9);
        s.pause(t25 + Duration::from_secs(5)).unwrap();
        let later = t25 + Duration::from_secs(100);
        assert!((s.position_now(later) - 20.0).abs() < 1e-9, "paused: time stands");
        s.back(30.0, later).unwrap();
        assert_eq!(s.position_now(later), 0.0, "not before the start");
        assert!(
            (s.position_now(t0 + Duration::from_secs(1000)) - 0.0).abs() < 1e-9,
            "still paused"
        );
        s.play(later).unwrap();
        assert_eq!(
            s.position_now(later + Duration::from_secs(500)),
            60.0,
            "not past the end"
        );
    }

    #[test]
    fn stale_reports_change_nothing_and_played_lessons_are_remembered_once() {
        let t0 = Instant::now();
        let mut s = RoomState::new(t0);
        s.choose(lesson(1, &[]), t0);
        s.play(t0).unwrap();
        let seq = s.seq;
        s.projector_report(1, seq - 1, 40.0, t0);
        s.projector_report(2, seq, 40.0, t0);
        assert_eq!(s.position_now(t0), 0.0);
        assert!(s.played.is_empty());
        s.projector_report(1, seq, 3.0, t0);
        s.projector_report(1, seq, 4.0, t0);
        assert_eq!(s.position_now(t0), 4.0);
        assert_eq!(s.played.len(), 1);
        assert_eq!(s.seq, seq, "reports do not count as changes");
        s.projector_ended(1, seq, t0);
        assert_eq!((s.phase, s.seq), (Phase::Ended, seq + 1));
        assert_eq!(s.played.len(), 1);
        s.play(t0).unwrap();
        assert_eq!(s.position_now(t0), 0.0, "an ended lesson starts again");
    }

    #[test]
    fn subtitles_only_in_languages_the_video_has() {
        let t0 = Instant::now();
        let mut s = RoomState::new(t0);
        assert_eq!(s.set_subtitles(None, Some("de"), None), Err(Refusal::NoSuchTrack));
        s.choose(lesson(1, &["de", "ar"]), t0);
        s.set_subtitles(Some(false), Some("ar"), Some(SubtitleSize::Xl))
            .unwrap();
        assert_eq!(
            s.subtitles,
            Subtitles {
                on: false,
                lang: Some("ar".into()),
                size: SubtitleSize::Xl
            }
        );
        assert_eq!(s.set_subtitles(None, Some("uk"), None), Err(Refusal::NoSuchTrack));
        s.choose(lesson(2, &["de"]), t0);
        assert_eq!(
            s.subtitles.lang.as_deref(),
            Some("de"),
            "ar is not there: the course's"
        );
        s.choose(lesson(3, &[]), t0);
        assert_eq!(s.subtitles.lang, None);
        assert_eq!(SubtitleSize::parse("xxl"), None);
    }
}
