//! When a video counts as watched, what state a lesson is in, and where to resume.

use serde::{Deserialize, Serialize};

/// Short clips may be skimmed a little more; long ones need nearly all of it watched.
const BASE_THRESHOLD: f64 = 0.70;
const THRESHOLD_RANGE: f64 = 0.25;
const FULL_THRESHOLD_AFTER_SECONDS: f64 = 600.0;

/// Bounds a trainer may set for one lesson: below 5 % "watched" would mean nothing.
pub const MIN_THRESHOLD: f64 = 0.05;
pub const MAX_THRESHOLD: f64 = 1.0;

/// Float sums of intervals land a hair below the exact value (0.95 vs 0.9499999…).
const COVERAGE_EPSILON: f64 = 1e-9;

/// Near the end, resuming would show only the credits: start again instead.
const RESTART_WITHIN_LAST_SECONDS: f64 = 10.0;
const RESTART_WITHIN_LAST_SHARE: f64 = 0.05;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThresholdError {
    #[error("the share to watch must be between 5 % and 100 %, not {value}")]
    OutOfRange { value: f64 },
}

/// Share of a video that must be watched when the trainer set nothing:
/// 0.70 + 0.25 × min(duration, 600) / 600, so 60 s → 0.725 and 10 min or more → 0.95.
/// An unknown (non-finite or negative) duration gets the lowest threshold.
pub fn default_threshold(duration_seconds: f64) -> f64 {
    if !duration_seconds.is_finite() || duration_seconds < 0.0 {
        return BASE_THRESHOLD;
    }
    BASE_THRESHOLD
        + THRESHOLD_RANGE * duration_seconds.min(FULL_THRESHOLD_AFTER_SECONDS) / FULL_THRESHOLD_AFTER_SECONDS
}

/// Checks a trainer's threshold (a share, 0.05..=1.0) before it is stored; forms call this
/// so a bad value gets a message instead of being silently replaced.
pub fn validate_threshold(value: f64) -> Result<f64, ThresholdError> {
    if value.is_finite() && (MIN_THRESHOLD..=MAX_THRESHOLD).contains(&value) {
        Ok(value)
    } else {
        Err(ThresholdError::OutOfRange { value })
    }
}

/// The threshold that applies: the trainer's override when it is valid, else the default.
/// A stored override that is out of range (older data, manual edits) is ignored rather
/// than locking learners out.
pub fn effective_threshold(duration_seconds: f64, threshold_override: Option<f64>) -> f64 {
    threshold_override
        .and_then(|value| validate_threshold(value).ok())
        .unwrap_or_else(|| default_threshold(duration_seconds))
}

/// Whether enough of the video has been watched. Coverage that is not finite never is.
pub fn video_complete(coverage: f64, duration_seconds: f64, threshold_override: Option<f64>) -> bool {
    coverage.is_finite()
        && coverage + COVERAGE_EPSILON >= effective_threshold(duration_seconds, threshold_override)
}

/// What a learner and a trainer see for one lesson.
///
/// `percent` in `InProgress` is the share of the video watched, 1..=99: a started lesson
/// never shows 0 % and an unfinished one never 100 %. When the video is done and only the
/// questions remain, it shows 99.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LessonState {
    NotStarted,
    InProgress { percent: u8 },
    ChecksFailed,
    Complete,
}

/// The state of a lesson. `checks_passed` is the last attempt at its questions (None: not
/// attempted) and is ignored for a lesson without questions.
///
/// - Complete: video complete, and the checks passed if there are any.
/// - ChecksFailed: the last attempt failed, whatever the video — retrying is what to do next.
/// - NotStarted: nothing watched and nothing attempted.
/// - InProgress: everything else, including "video done, questions still open" and
///   "questions passed, video not yet watched enough".
pub fn lesson_state(
    coverage: f64,
    video_complete: bool,
    has_questions: bool,
    checks_passed: Option<bool>,
) -> LessonState {
    // Results left over from questions that were since deleted do not count.
    let checks_passed = if has_questions { checks_passed } else { None };
    let checks_done = !has_questions || checks_passed == Some(true);
    if checks_passed == Some(false) {
        return LessonState::ChecksFailed;
    }
    if video_complete {
        return if checks_done {
            LessonState::Complete
        } else {
            LessonState::InProgress { percent: 99 }
        };
    }
    let coverage = if coverage.is_finite() {
        coverage.clamp(0.0, 1.0)
    } else {
        0.0
    };
    if coverage == 0.0 && checks_passed.is_none() {
        return LessonState::NotStarted;
    }
    // Clamped to 1..=99 first, so the cast cannot truncate.
    LessonState::InProgress {
        percent: (coverage * 100.0).floor().clamp(1.0, 99.0) as u8,
    }
}

/// Where to resume playback: the stored position, clamped to the video, unless it is in
/// the last 10 s or the last 5 % (then from the start: the learner had finished, or very
/// nearly). Positions that are negative or not finite, and unknown durations, give 0.
/// Clips of 10 s or less therefore always start from the beginning.
pub fn resume_position(position: f64, duration: f64) -> f64 {
    if !position.is_finite() || position < 0.0 || !duration.is_finite() || duration <= 0.0 {
        return 0.0;
    }
    let position = position.min(duration);
    let near_end = position >= duration - RESTART_WITHIN_LAST_SECONDS
        || position >= duration * (1.0 - RESTART_WITHIN_LAST_SHARE);
    if near_end {
        0.0
    } else {
        position
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn default_threshold_grows_with_duration() {
        assert!(close(default_threshold(0.0), 0.70));
        assert!(close(default_threshold(60.0), 0.725));
        assert!(close(default_threshold(300.0), 0.825));
        assert!(close(default_threshold(600.0), 0.95));
        assert!(close(default_threshold(3600.0), 0.95));
    }

    #[test]
    fn default_threshold_for_unknown_durations() {
        for duration in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(close(default_threshold(duration), 0.70), "duration {duration}");
        }
    }

    #[test]
    fn validate_threshold_accepts_the_range() {
        assert_eq!(validate_threshold(0.05), Ok(0.05));
        assert_eq!(validate_threshold(0.8), Ok(0.8));
        assert_eq!(validate_threshold(1.0), Ok(1.0));
    }

    #[test]
    fn validate_threshold_rejects_the_rest() {
        for value in [0.0, 0.04, 1.01, 80.0, -0.5, f64::NAN, f64::INFINITY] {
            assert!(validate_threshold(value).is_err(), "value {value}");
        }
        assert_eq!(
            validate_threshold(80.0).unwrap_err().to_string(),
            "the share to watch must be between 5 % and 100 %, not 80"
        );
    }

    #[test]
    fn video_complete_uses_the_default() {
        assert!(!video_complete(0.72, 60.0, None));
        assert!(video_complete(0.725, 60.0, None));
        assert!(!video_complete(0.94, 900.0, None));
        assert!(video_complete(0.95, 900.0, None));
        assert!(video_complete(1.0, 900.0, None));
    }

    #[test]
    fn video_complete_uses_a_valid_override() {
        assert!(video_complete(0.5, 600.0, Some(0.5)));
        assert!(!video_complete(0.98, 60.0, Some(1.0)));
        assert!(video_complete(1.0, 60.0, Some(1.0)));
    }

    #[test]
    fn invalid_override_falls_back_to_the_default() {
        // 0.01 would let almost nothing count; it is ignored, the 60 s default (0.725) applies.
        assert!(!video_complete(0.5, 60.0, Some(0.01)));
        assert!(video_complete(0.73, 60.0, Some(0.01)));
        assert!(video_complete(0.73, 60.0, Some(f64::NAN)));
        assert!(video_complete(0.73, 60.0, Some(95.0)));
    }

    #[test]
    fn video_complete_tolerates_float_noise_but_not_nan() {
        let coverage = 0.95 - 1e-12; // what summing intervals can give for "all of 95 %"
        assert!(video_complete(coverage, 600.0, None));
        assert!(!video_complete(f64::NAN, 60.0, None));
        assert!(!video_complete(f64::NAN, 60.0, Some(0.05)));
    }

    #[test]
    fn lesson_without_questions() {
        assert_eq!(lesson_state(0.0, false, false, None), LessonState::NotStarted);
        assert_eq!(
            lesson_state(0.42, false, false, None),
            LessonState::InProgress { percent: 42 }
        );
        assert_eq!(lesson_state(0.8, true, false, None), LessonState::Complete);
        // Check results of a lesson that has no questions (any more) do not matter.
        assert_eq!(lesson_state(0.8, true, false, Some(false)), LessonState::Complete);
    }

    #[test]
    fn lesson_with_questions() {
        assert_eq!(lesson_state(0.0, false, true, None), LessonState::NotStarted);
        assert_eq!(
            lesson_state(0.3, false, true, None),
            LessonState::InProgress { percent: 30 }
        );
        assert_eq!(
            lesson_state(0.8, true, true, None),
            LessonState::InProgress { percent: 99 }
        );
        assert_eq!(
            lesson_state(0.8, true, true, Some(false)),
            LessonState::ChecksFailed
        );
        assert_eq!(lesson_state(0.8, true, true, Some(true)), LessonState::Complete);
    }

    #[test]
    fn checks_without_enough_video() {
        assert_eq!(
            lesson_state(0.3, false, true, Some(true)),
            LessonState::InProgress { percent: 30 }
        );
        assert_eq!(
            lesson_state(0.0, false, true, Some(true)),
            LessonState::InProgress { percent: 1 }
        );
        assert_eq!(
            lesson_state(0.3, false, true, Some(false)),
            LessonState::ChecksFailed
        );
    }

    #[test]
    fn percent_stays_between_1_and_99() {
        assert_eq!(
            lesson_state(0.001, false, false, None),
            LessonState::InProgress { percent: 1 }
        );
        assert_eq!(
            lesson_state(0.999, false, false, None),
            LessonState::InProgress { percent: 99 }
        );
        assert_eq!(
            lesson_state(1.0, false, false, None),
            LessonState::InProgress { percent: 99 }
        );
        assert_eq!(
            lesson_state(7.0, false, false, None),
            LessonState::InProgress { percent: 99 }
        );
        assert_eq!(lesson_state(-1.0, false, false, None), LessonState::NotStarted);
        assert_eq!(
            lesson_state(f64::NAN, false, false, None),
            LessonState::NotStarted
        );
    }

    #[test]
    fn lesson_state_serializes_with_a_tag() {
        let json = serde_json::to_string(&LessonState::InProgress { percent: 40 }).unwrap();
        assert_eq!(json, r#"{"state":"in_progress","percent":40}"#);
        assert_eq!(
            serde_json::to_string(&LessonState::NotStarted).unwrap(),
            r#"{"state":"not_started"}"#
        );
        assert_eq!(
            serde_json::to_string(&LessonState::ChecksFailed).unwrap(),
            r#"{"state":"checks_failed"}"#
        );
        let back: LessonState = serde_json::from_str(r#"{"state":"complete"}"#).unwrap();
        assert_eq!(back, LessonState::Complete);
    }

    #[test]
    fn resume_from_the_stored_position() {
        assert_eq!(resume_position(42.5, 300.0), 42.5);
        assert_eq!(resume_position(0.0, 300.0), 0.0);
    }

    #[test]
    fn restart_near_the_end() {
        // 300 s: last 10 s from 290, last 5 % from 285 — the larger window wins.
        assert_eq!(resume_position(284.0, 300.0), 284.0);
        assert_eq!(resume_position(285.0, 300.0), 0.0);
        assert_eq!(resume_position(295.0, 300.0), 0.0);
        // 60 s: last 5 % is 3 s, last 10 s from 50.
        assert_eq!(resume_position(49.0, 60.0), 49.0);
        assert_eq!(resume_position(50.0, 60.0), 0.0);
    }

    #[test]
    fn positions_past_the_end_restart() {
        assert_eq!(resume_position(500.0, 300.0), 0.0);
    }

    #[test]
    fn short_clips_always_restart() {
        assert_eq!(resume_position(3.0, 8.0), 0.0);
    }

    #[test]
    fn odd_positions_and_durations_give_zero() {
        assert_eq!(resume_position(-3.0, 300.0), 0.0);
        assert_eq!(resume_position(f64::NAN, 300.0), 0.0);
        assert_eq!(resume_position(f64::INFINITY, 300.0), 0.0);
        assert_eq!(resume_position(30.0, 0.0), 0.0);
        assert_eq!(resume_position(30.0, f64::NAN), 0.0);
        assert_eq!(resume_position(30.0, f64::INFINITY), 0.0);
    }
}
