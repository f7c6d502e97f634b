//! Tests of `intervals.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;

fn iv(start: f64, end: f64) -> Interval {
    Interval::new(start, end)
}

fn pairs(set: &WatchedSet) -> Vec<(f64, f64)> {
    set.intervals().iter().map(|i| (i.start, i.end)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn empty_set_has_nothing() {
    let set = WatchedSet::new();
    assert!(set.intervals().is_empty());
    assert_eq!(set.total_seconds(), 0.0);
    assert_eq!(set.coverage(60.0), 0.0);
}

#[test]
fn disjoint_intervals_stay_apart_and_sorted() {
    let mut set = WatchedSet::new();
    assert_eq!(set.add(iv(20.0, 30.0)), 10.0);
    assert_eq!(set.add(iv(0.0, 5.0)), 5.0);
    assert_eq!(pairs(&set), vec![(0.0, 5.0), (20.0, 30.0)]);
    assert_eq!(set.total_seconds(), 15.0);
}

#[test]
fn overlapping_intervals_merge_and_count_once() {
    let mut set = WatchedSet::new();
    set.add(iv(0.0, 10.0));
    assert_eq!(set.add(iv(5.0, 15.0)), 5.0);
    assert_eq!(pairs(&set), vec![(0.0, 15.0)]);
}

#[test]
fn adjacent_intervals_merge() {
    let mut set = WatchedSet::new();
    set.add(iv(0.0, 10.0));
    assert_eq!(set.add(iv(10.0, 20.0)), 10.0);
    assert_eq!(pairs(&set), vec![(0.0, 20.0)]);
}

#[test]
fn small_gaps_are_bridged_and_counted() {
    let mut set = WatchedSet::new();
    set.add(iv(0.0, 10.0));
    let added = set.add(iv(10.25, 20.0));
    assert!(close(added, 10.0), "bridged gap counts as watched: {added}");
    assert_eq!(pairs(&set), vec![(0.0, 20.0)]);
}

#[test]
fn gaps_of_half_a_second_or_more_stay() {
    let mut set = WatchedSet::new();
    set.add(iv(0.0, 10.0));
    set.add(iv(10.5, 20.0));
    assert_eq!(pairs(&set), vec![(0.0, 10.0), (10.5, 20.0)]);
}

#[test]
fn one_interval_can_join_several() {
    let mut set = WatchedSet::from_intervals([iv(0.0, 5.0), iv(10.0, 15.0), iv(20.0, 25.0), iv(40.0, 45.0)]);
    let added = set.add(iv(4.0, 21.0));
    assert!(close(added, 10.0), "filled the two 5 s holes: {added}");
    assert_eq!(pairs(&set), vec![(0.0, 25.0), (40.0, 45.0)]);
}

#[test]
fn out_of_order_input_gives_the_same_set() {
    let forward = WatchedSet::from_intervals([iv(0.0, 10.0), iv(30.0, 40.0), iv(8.0, 12.0), iv(50.0, 55.0)]);
    let backward = WatchedSet::from_intervals([iv(50.0, 55.0), iv(8.0, 12.0), iv(30.0, 40.0), iv(0.0, 10.0)]);
    assert_eq!(forward, backward);
    assert_eq!(pairs(&forward), vec![(0.0, 12.0), (30.0, 40.0), (50.0, 55.0)]);
}

#[test]
fn nested_interval_adds_nothing() {
    let mut set = WatchedSet::new();
    set.add(iv(0.0, 30.0));
    assert_eq!(set.add(iv(10.0, 20.0)), 0.0);
    assert_eq!(pairs(&set), vec![(0.0, 30.0)]);
}

#[test]
fn enclosing_interval_swallows_the_inner_one() {
    let mut set = WatchedSet::new();
    set.add(iv(10.0, 20.0));
    assert_eq!(set.add(iv(0.0, 30.0)), 20.0);
    assert_eq!(pairs(&set), vec![(0.0, 30.0)]);
}

#[test]
fn duplicates_count_once() {
    let mut set = WatchedSet::new();
    assert_eq!(set.add(iv(3.0, 7.0)), 4.0);
    assert_eq!(set.add(iv(3.0, 7.0)), 0.0);
    assert_eq!(set.total_seconds(), 4.0);
}

#[test]
fn zero_length_intervals_add_nothing_and_bridge_nothing() {
    let mut set = WatchedSet::from_intervals([iv(0.0, 10.0), iv(10.8, 20.0)]);
    assert_eq!(set.add(iv(10.4, 10.4)), 0.0);
    assert_eq!(pairs(&set), vec![(0.0, 10.0), (10.8, 20.0)]);
    let added = set.merge_report(&[iv(5.0, 5.0)], 60.0).unwrap();
    assert_eq!(added, 0.0);
}

#[test]
fn add_ignores_what_cannot_be_stored() {
    let mut set = WatchedSet::new();
    for bad in [
        iv(f64::NAN, 1.0),
        iv(0.0, f64::INFINITY),
        iv(-1.0, 2.0),
        iv(5.0, 4.0),
    ] {
        assert_eq!(set.add(bad), 0.0);
    }
    assert!(set.intervals().is_empty());
}

#[test]
fn coverage_is_a_share_of_the_duration() {
    let set = WatchedSet::from_intervals([iv(0.0, 30.0)]);
    assert!(close(set.coverage(60.0), 0.5));
    assert_eq!(set.coverage(0.0), 0.0);
    assert_eq!(set.coverage(-5.0), 0.0);
    assert_eq!(set.coverage(f64::NAN), 0.0);
    assert_eq!(set.coverage(f64::INFINITY), 0.0);
    // A video that became shorter (re-uploaded) never shows more than all of it.
    assert_eq!(set.coverage(20.0), 1.0);
}

#[test]
fn report_merges_and_returns_new_seconds() {
    let mut set = WatchedSet::new();
    let added = set.merge_report(&[iv(0.0, 10.0), iv(20.0, 25.0)], 60.0).unwrap();
    assert!(close(added, 15.0));
    let added = set.merge_report(&[iv(5.0, 22.0)], 60.0).unwrap();
    assert!(close(added, 10.0));
    assert_eq!(pairs(&set), vec![(0.0, 25.0)]);
}

#[test]
fn same_report_twice_changes_nothing() {
    let report = [iv(0.0, 12.5), iv(30.0, 41.0), iv(12.7, 20.0)];
    let mut set = WatchedSet::new();
    let first = set.merge_report(&report, 120.0).unwrap();
    let after_first = set.clone();
    let second = set.merge_report(&report, 120.0).unwrap();
    assert!(first > 0.0);
    assert_eq!(second, 0.0);
    assert_eq!(set, after_first);
    assert_eq!(set.total_seconds(), after_first.total_seconds());
}

#[test]
fn seeking_to_the_end_counts_only_what_was_played() {
    let mut set = WatchedSet::new();
    set.merge_report(&[iv(115.0, 120.0)], 120.0).unwrap();
    assert!(set.coverage(120.0) < 0.05);
}

#[test]
fn overshoot_within_tolerance_is_clamped() {
    let mut set = WatchedSet::new();
    let added = set.merge_report(&[iv(50.0, 61.5)], 60.0).unwrap();
    assert!(close(added, 10.0));
    assert_eq!(pairs(&set), vec![(50.0, 60.0)]);
    // Starting past the end but within tolerance is harmless and adds nothing.
    assert_eq!(set.merge_report(&[iv(61.0, 61.9)], 60.0).unwrap(), 0.0);
}

#[test]
fn overshoot_beyond_tolerance_is_rejected() {
    let mut set = WatchedSet::new();
    assert_eq!(
        set.merge_report(&[iv(50.0, 62.5)], 60.0),
        Err(IntervalError::EndBeyondDuration {
            index: 0,
            end: 62.5,
            duration: 60.0
        })
    );
    assert_eq!(
        set.merge_report(&[iv(0.0, 1.0), iv(63.0, 63.0)], 60.0),
        Err(IntervalError::StartBeyondDuration {
            index: 1,
            start: 63.0,
            duration: 60.0
        })
    );
    assert!(set.intervals().is_empty());
}

#[test]
fn negative_and_reversed_values_are_rejected() {
    let mut set = WatchedSet::new();
    assert_eq!(
        set.merge_report(&[iv(-0.5, 3.0)], 60.0),
        Err(IntervalError::NegativeStart {
            index: 0,
            start: -0.5
        })
    );
    assert_eq!(
        set.merge_report(&[iv(-5.0, -1.0)], 60.0),
        Err(IntervalError::NegativeStart {
            index: 0,
            start: -5.0
        })
    );
    assert_eq!(
        set.merge_report(&[iv(10.0, 9.0)], 60.0),
        Err(IntervalError::EndBeforeStart {
            index: 0,
            start: 10.0,
            end: 9.0
        })
    );
}

#[test]
fn nan_and_infinity_are_rejected() {
    let mut set = WatchedSet::new();
    for bad in [
        iv(f64::NAN, 1.0),
        iv(0.0, f64::NAN),
        iv(0.0, f64::INFINITY),
        iv(f64::NEG_INFINITY, 1.0),
    ] {
        assert_eq!(
            set.merge_report(&[bad], 60.0),
            Err(IntervalError::NonFinite { index: 0 })
        );
    }
}

#[test]
fn one_bad_interval_rejects_the_whole_report() {
    let mut set = WatchedSet::from_intervals([iv(0.0, 5.0)]);
    let before = set.clone();
    let result = set.merge_report(&[iv(10.0, 20.0), iv(30.0, 40.0), iv(f64::NAN, 1.0)], 60.0);
    assert_eq!(result, Err(IntervalError::NonFinite { index: 2 }));
    assert_eq!(set, before);
}

#[test]
fn unknown_duration_is_rejected() {
    let mut set = WatchedSet::new();
    for duration in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            set.merge_report(&[iv(0.0, 1.0)], duration),
            Err(IntervalError::BadDuration { .. })
        ));
    }
}

#[test]
fn too_many_intervals_are_rejected() {
    let report: Vec<Interval> = (0..=MAX_INTERVALS_PER_REPORT)
        .map(|i| iv(i as f64, i as f64 + 0.1))
        .collect();
    let mut set = WatchedSet::new();
    assert_eq!(
        set.merge_report(&report, 1000.0),
        Err(IntervalError::TooManyIntervals { count: 201, max: 200 })
    );
    assert!(set.intervals().is_empty());
    assert!(set
        .merge_report(&report[..MAX_INTERVALS_PER_REPORT], 1000.0)
        .is_ok());
    assert_eq!(
        check_plausible(&report, 1000.0, 1.0),
        Err(IntervalError::TooManyIntervals { count: 201, max: 200 })
    );
}

#[test]
fn plausible_at_normal_speed() {
    // 10 s of wall time at 1x allows 10 × 1.25 + 5 = 17.5 s.
    assert!(check_plausible(&[iv(0.0, 10.0)], 10.0, 1.0).is_ok());
    assert!(check_plausible(&[iv(0.0, 17.5)], 10.0, 1.0).is_ok());
    assert!(matches!(
        check_plausible(&[iv(0.0, 18.0)], 10.0, 1.0),
        Err(IntervalError::Implausible { .. })
    ));
}

#[test]
fn double_speed_allows_double_the_media_time() {
    assert!(check_plausible(&[iv(0.0, 20.0)], 10.0, 2.0).is_ok());
    assert_eq!(
        check_plausible(&[iv(0.0, 60.0)], 10.0, 2.0),
        Err(IntervalError::Implausible {
            covered: 60.0,
            allowed: 30.0
        })
    );
}

#[test]
fn slow_speed_allows_less() {
    // 16 s is fine at 1x (17.5 allowed) but not at 0.75x (14.375 allowed).
    assert!(check_plausible(&[iv(0.0, 16.0)], 10.0, 1.0).is_ok());
    assert!(check_plausible(&[iv(0.0, 16.0)], 10.0, 0.75).is_err());
    assert!(check_plausible(&[iv(0.0, 10.0)], 10.0, 0.75).is_ok());
}

#[test]
fn plausibility_counts_overlaps_once_and_sums_separate_parts() {
    // The same 10 s reported three times is still 10 s.
    assert!(check_plausible(&[iv(0.0, 10.0), iv(0.0, 10.0), iv(2.0, 8.0)], 10.0, 1.0).is_ok());
    // Separate stretches add up: 3 × 8 s = 24 s > 17.5 s.
    assert!(check_plausible(&[iv(0.0, 8.0), iv(20.0, 28.0), iv(40.0, 48.0)], 10.0, 1.0).is_err());
}

#[test]
fn bad_rates_are_rejected() {
    for rate in [0.0, 0.2, 4.5, -1.0, f64::NAN, f64::INFINITY] {
        assert!(
            matches!(
                check_plausible(&[iv(0.0, 1.0)], 10.0, rate),
                Err(IntervalError::BadRate { .. })
            ),
            "rate {rate}"
        );
    }
    assert!(check_plausible(&[iv(0.0, 1.0)], 10.0, 0.25).is_ok());
    assert!(check_plausible(&[iv(0.0, 1.0)], 10.0, 4.0).is_ok());
}

#[test]
fn odd_elapsed_times_allow_nothing_new() {
    for elapsed in [-10.0, f64::NAN, f64::INFINITY, 0.0] {
        assert!(check_plausible(&[iv(3.0, 3.0)], elapsed, 1.0).is_ok());
        assert!(
            check_plausible(&[iv(0.0, 0.5)], elapsed, 1.0).is_err(),
            "elapsed {elapsed}"
        );
    }
}

#[test]
fn rapid_fire_reports_earn_no_fixed_slack() {
    // 0.1 s after the last report, 5 s of new video cannot have been played.
    assert!(check_plausible(&[iv(0.0, 5.0)], 0.1, 4.0).is_err());
    assert!(check_plausible(&[iv(0.0, 0.5)], 0.1, 4.0).is_ok());
}

#[test]
fn a_long_absence_earns_at_most_the_window() {
    let allowed = PLAUSIBLE_WINDOW_SECONDS * 1.25 + 5.0;
    assert!(check_plausible(&[iv(0.0, allowed - 1.0)], 7.0 * 86_400.0, 1.0).is_ok());
    assert!(check_plausible(&[iv(0.0, allowed + 1.0)], 7.0 * 86_400.0, 1.0).is_err());
}

#[test]
fn plausibility_checks_the_intervals_too() {
    assert_eq!(
        check_plausible(&[iv(f64::NAN, 1.0)], 10.0, 1.0),
        Err(IntervalError::NonFinite { index: 0 })
    );
    assert!(matches!(
        check_plausible(&[iv(5.0, 1.0)], 10.0, 1.0),
        Err(IntervalError::EndBeforeStart { .. })
    ));
    assert!(check_plausible(&[], 0.0, 1.0).is_ok());
}

#[test]
fn stores_as_a_json_array() {
    let set = WatchedSet::from_intervals([iv(0.0, 1.5), iv(3.0, 4.0)]);
    let json = serde_json::to_string(&set).unwrap();
    assert_eq!(json, r#"[{"start":0.0,"end":1.5},{"start":3.0,"end":4.0}]"#);
    let back: WatchedSet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, set);
}

#[test]
fn loading_untidy_json_restores_the_invariant() {
    let json = r#"[{"start":5,"end":9},{"start":0,"end":6},{"start":-3,"end":1},{"start":20,"end":20}]"#;
    let set: WatchedSet = serde_json::from_str(json).unwrap();
    assert_eq!(pairs(&set), vec![(0.0, 9.0)]);
}

#[test]
fn error_messages_read_well() {
    let message = IntervalError::EndBeyondDuration {
        index: 1,
        end: 70.0,
        duration: 60.0,
    }
    .to_string();
    assert_eq!(
        message,
        "interval 1 ends at 70 s, beyond the end of the video (60 s)"
    );
}
