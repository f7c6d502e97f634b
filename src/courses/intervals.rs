//! What part of a video a learner has played, as a union of intervals.
//!
//! The player reports the stretches it actually played. We keep their union, so watching a
//! part twice, seeking back, or a report sent twice never counts twice, and skipping to the
//! end does not count the skipped part at all.

use serde::{Deserialize, Deserializer, Serialize};

/// Gaps shorter than this between two played stretches are treated as watched: players
/// report their position on `timeupdate` (every ~250 ms), so back-to-back reports leave
/// small holes that were really played.
pub const MERGE_GAP_SECONDS: f64 = 0.5;

/// Players overshoot the probed duration a little (rounding, last frame); tolerate that much
/// and clamp it away, but reject anything further out as a broken or forged report.
pub const DURATION_TOLERANCE_SECONDS: f64 = 2.0;

/// One report comes from one heartbeat; a real player produces a handful of intervals.
pub const MAX_INTERVALS_PER_REPORT: usize = 200;

/// Playback rates the player offers are within this range; anything else is not a player.
pub const MIN_RATE: f64 = 0.25;
pub const MAX_RATE: f64 = 4.0;

/// Slack for plausibility: clocks and heartbeats are not exact, and a report may include
/// a little buffered time from before the wall-clock window started. The fixed part is
/// never more than the time that passed, so rapid-fire reports earn nothing.
const PLAUSIBLE_FACTOR: f64 = 1.25;
const PLAUSIBLE_EXTRA_SECONDS: f64 = 5.0;
/// Wall-clock time beyond this since the last report earns nothing more: coming back
/// after a week does not allow claiming a whole video in one report.
pub const PLAUSIBLE_WINDOW_SECONDS: f64 = 120.0;

/// A stretch of media time in seconds, `start <= end`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub start: f64,
    pub end: f64,
}

impl Interval {
    pub fn new(start: f64, end: f64) -> Self {
        Self { start, end }
    }

    pub fn length(&self) -> f64 {
        self.end - self.start
    }
}

/// Why a report was refused. `index` is the position of the interval within the report.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IntervalError {
    #[error("interval {index} is not a finite number")]
    NonFinite { index: usize },
    #[error("interval {index} starts before the beginning of the video ({start} s)")]
    NegativeStart { index: usize, start: f64 },
    #[error("interval {index} ends ({end} s) before it starts ({start} s)")]
    EndBeforeStart { index: usize, start: f64, end: f64 },
    #[error("interval {index} starts at {start} s, beyond the end of the video ({duration} s)")]
    StartBeyondDuration { index: usize, start: f64, duration: f64 },
    #[error("interval {index} ends at {end} s, beyond the end of the video ({duration} s)")]
    EndBeyondDuration { index: usize, end: f64, duration: f64 },
    #[error("a report may hold at most {max} intervals, this one holds {count}")]
    TooManyIntervals { count: usize, max: usize },
    #[error("the report covers {covered} s of video, but at most {allowed} s could have been played")]
    Implausible { covered: f64, allowed: f64 },
    #[error("playback rate {rate} is not between 0.25 and 4")]
    BadRate { rate: f64 },
    #[error("the video duration {duration} s is unknown or not positive")]
    BadDuration { duration: f64 },
}

/// The union of everything played: sorted, disjoint, every gap at least
/// [`MERGE_GAP_SECONDS`], no empty intervals. Stored as a JSON array of intervals.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[serde(transparent)]
pub struct WatchedSet {
    intervals: Vec<Interval>,
}

impl WatchedSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a set from intervals in any order; ones that could not have been played
    /// (not finite, negative, reversed) are dropped.
    pub fn from_intervals(intervals: impl IntoIterator<Item = Interval>) -> Self {
        let mut set = Self::new();
        for interval in intervals {
            set.add(interval);
        }
        set
    }

    pub fn intervals(&self) -> &[Interval] {
        &self.intervals
    }

    pub fn total_seconds(&self) -> f64 {
        self.intervals.iter().map(Interval::length).sum()
    }

    /// Share of the video watched, 0..=1; 0 when the duration is unknown.
    pub fn coverage(&self, duration: f64) -> f64 {
        if !duration.is_finite() || duration <= 0.0 {
            return 0.0;
        }
        (self.total_seconds() / duration).clamp(0.0, 1.0)
    }

    /// Adds one interval and returns the seconds it added that were not watched before
    /// (including gaps it bridged). Intervals that are not finite, start below zero, are
    /// reversed or empty add nothing: validation is `merge_report`'s job, and the set must
    /// stay well-formed whatever is passed here.
    pub fn add(&mut self, interval: Interval) -> f64 {
        if !is_storable(interval) || interval.length() <= 0.0 {
            return 0.0;
        }
        let before = self.total_seconds();
        let mut merged = interval;
        let mut kept = Vec::with_capacity(self.intervals.len() + 1);
        // One pass in order is enough: existing gaps are at least MERGE_GAP_SECONDS wide, so
        // growing `merged` can never make it reach an interval already passed over.
        for existing in self.intervals.drain(..) {
            if close_enough(existing, merged) {
                merged = Interval::new(existing.start.min(merged.start), existing.end.max(merged.end));
            } else {
                kept.push(existing);
            }
        }
        let at = kept.partition_point(|existing| existing.start < merged.start);
        kept.insert(at, merged);
        self.intervals = kept;
        (self.total_seconds() - before).max(0.0)
    }

    /// Validates a whole report against the video's duration and then adds it; returns the
    /// new seconds. Nothing is applied when any interval is bad. Ends up to
    /// [`DURATION_TOLERANCE_SECONDS`] past the duration are clamped to the duration.
    pub fn merge_report(&mut self, report: &[Interval], duration: f64) -> Result<f64, IntervalError> {
        if !duration.is_finite() || duration <= 0.0 {
            return Err(IntervalError::BadDuration { duration });
        }
        check_count(report)?;
        for (index, &interval) in report.iter().enumerate() {
            check_shape(index, interval)?;
            check_within(index, interval, duration)?;
        }
        let added = report
            .iter()
            .map(|interval| {
                self.add(Interval::new(
                    interval.start.min(duration),
                    interval.end.min(duration),
                ))
            })
            .sum::<f64>();
        Ok(added)
    }
}

impl<'de> Deserialize<'de> for WatchedSet {
    /// Stored JSON goes through `add` again, so a hand-edited or old row cannot break the
    /// sorted-and-disjoint invariant the rest of the code relies on.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Interval>::deserialize(deserializer).map(Self::from_intervals)
    }
}

/// Whether a report could have been played in the wall-clock time since the last one at
/// the given playback rate: its intervals together (their union) may cover at most
/// `elapsed × rate × 1.25 + min(5, elapsed)` seconds, with `elapsed` capped at
/// [`PLAUSIBLE_WINDOW_SECONDS`]. An elapsed time that is negative or not finite counts as
/// zero, which allows nothing new.
pub fn check_plausible(
    report: &[Interval],
    elapsed_wall_seconds: f64,
    rate: f64,
) -> Result<(), IntervalError> {
    if !rate.is_finite() || !(MIN_RATE..=MAX_RATE).contains(&rate) {
        return Err(IntervalError::BadRate { rate });
    }
    check_count(report)?;
    for (index, &interval) in report.iter().enumerate() {
        check_shape(index, interval)?;
    }
    check_plausible_seconds(union_seconds(report), elapsed_wall_seconds, rate)
}

/// The same rule for a number of seconds: what a merge actually added.
pub fn check_plausible_seconds(
    covered: f64,
    elapsed_wall_seconds: f64,
    rate: f64,
) -> Result<(), IntervalError> {
    if !rate.is_finite() || !(MIN_RATE..=MAX_RATE).contains(&rate) {
        return Err(IntervalError::BadRate { rate });
    }
    let elapsed = if elapsed_wall_seconds.is_finite() {
        elapsed_wall_seconds.clamp(0.0, PLAUSIBLE_WINDOW_SECONDS)
    } else {
        0.0
    };
    let allowed = elapsed * rate * PLAUSIBLE_FACTOR + PLAUSIBLE_EXTRA_SECONDS.min(elapsed);
    if covered > allowed {
        return Err(IntervalError::Implausible { covered, allowed });
    }
    Ok(())
}

fn is_storable(interval: Interval) -> bool {
    interval.start.is_finite()
        && interval.end.is_finite()
        && interval.start >= 0.0
        && interval.end >= interval.start
}

/// Overlapping, touching, or separated by less than the merge gap.
fn close_enough(a: Interval, b: Interval) -> bool {
    a.start - b.end < MERGE_GAP_SECONDS && b.start - a.end < MERGE_GAP_SECONDS
}

fn check_count(report: &[Interval]) -> Result<(), IntervalError> {
    if report.len() > MAX_INTERVALS_PER_REPORT {
        return Err(IntervalError::TooManyIntervals {
            count: report.len(),
            max: MAX_INTERVALS_PER_REPORT,
        });
    }
    Ok(())
}

fn check_shape(index: usize, Interval { start, end }: Interval) -> Result<(), IntervalError> {
    if !start.is_finite() || !end.is_finite() {
        return Err(IntervalError::NonFinite { index });
    }
    if start < 0.0 {
        return Err(IntervalError::NegativeStart { index, start });
    }
    if end < start {
        return Err(IntervalError::EndBeforeStart { index, start, end });
    }
    Ok(())
}

fn check_within(index: usize, Interval { start, end }: Interval, duration: f64) -> Result<(), IntervalError> {
    let limit = duration + DURATION_TOLERANCE_SECONDS;
    if start > limit {
        return Err(IntervalError::StartBeyondDuration {
            index,
            start,
            duration,
        });
    }
    if end > limit {
        return Err(IntervalError::EndBeyondDuration { index, end, duration });
    }
    Ok(())
}

/// Seconds covered by well-formed intervals, overlaps counted once and no gaps bridged:
/// the plausibility check should not charge a report for time it did not claim.
fn union_seconds(report: &[Interval]) -> f64 {
    let mut sorted = report.to_vec();
    sorted.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut total = 0.0;
    let mut current: Option<Interval> = None;
    for interval in sorted {
        current = match current {
            Some(open) if interval.start <= open.end => {
                Some(Interval::new(open.start, open.end.max(interval.end)))
            }
            Some(open) => {
                total += open.length();
                Some(interval)
            }
            None => Some(interval),
        };
    }
    total + current.map_or(0.0, |open| open.length())
}

#[cfg(test)]
#[path = "intervals_tests.rs"]
mod tests;
