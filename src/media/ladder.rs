//! Which renditions a source becomes: the rung plan.
//!
//! The ladder is measured on the shorter side so portrait phone recordings get the same
//! treatment as landscape ones. Never upscale; above 1080p, bring down to 1080p; a source
//! between standard rungs keeps its own size as the top rung.

use serde::Serialize;

/// Standard rungs: short side, maxrate and bufsize in kbit/s.
const STANDARD: [(u32, u32, u32); 5] = [
    (240, 300, 600),
    (360, 600, 1200),
    (480, 1000, 2000),
    (720, 2000, 4000),
    (1080, 3500, 7000),
];

/// Frame rate caps: rungs up to 480p need no more than 30 fps on a phone.
const LOW_RUNG_FPS_CAP: f64 = 30.0;
const HIGH_RUNG_FPS_CAP: f64 = 60.0;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rung {
    /// "720p": the short side, as people name it.
    pub name: String,
    pub width: u32,
    pub height: u32,
    /// Output frame rate as a fraction (num, den).
    pub fps: (i32, i32),
    pub maxrate_kbps: u32,
    pub bufsize_kbps: u32,
    /// H.264 level × 10 (31 = level 3.1).
    pub level: u32,
}

impl Rung {
    pub fn short_side(&self) -> u32 {
        self.width.min(self.height)
    }

    pub fn fps_f64(&self) -> f64 {
        f64::from(self.fps.0) / f64::from(self.fps.1)
    }
}

/// The rungs for a source of `width`×`height` (as displayed, rotation applied) at
/// `fps` = num/den, smallest first.
pub fn plan(width: u32, height: u32, fps: (i32, i32)) -> Vec<Rung> {
    let short = width.min(height).max(2);
    let top = short.min(1080);
    let mut sides: Vec<u32> = STANDARD.iter().map(|r| r.0).filter(|s| *s <= top).collect();
    if sides.last() != Some(&top) {
        sides.push(even(top));
    }
    sides
        .into_iter()
        .map(|side| {
            let (long, short_px) = (scale_to_even(width.max(height), side, short), side);
            let (w, h) = if width >= height {
                (long, short_px)
            } else {
                (short_px, long)
            };
            let cap = if side <= 480 {
                LOW_RUNG_FPS_CAP
            } else {
                HIGH_RUNG_FPS_CAP
            };
            let fps = capped_fps(fps, cap);
            let (maxrate_kbps, bufsize_kbps) = rates_for(side);
            Rung {
                name: format!("{side}p"),
                width: w,
                height: h,
                fps,
                maxrate_kbps,
                bufsize_kbps,
                level: level_for(w, h, f64::from(fps.0) / f64::from(fps.1)),
            }
        })
        .collect()
}

fn even(n: u32) -> u32 {
    (n / 2 * 2).max(2)
}

/// `long` scaled as `short` becomes `side`, rounded to the nearest even number (as
/// FFmpeg's `scale=-2:side` does), since 4:2:0 video needs even sizes.
fn scale_to_even(long: u32, side: u32, short: u32) -> u32 {
    let (long, side, short) = (u64::from(long), u64::from(side), u64::from(short.max(1)));
    let halves = (long * side + short) / (2 * short);
    (halves * 2).max(2) as u32
}

/// Rates of the standard rung, or interpolated by height between its neighbours.
fn rates_for(side: u32) -> (u32, u32) {
    if let Some(&(_, max, buf)) = STANDARD.iter().find(|r| r.0 == side) {
        return (max, buf);
    }
    let upper = STANDARD
        .iter()
        .position(|r| r.0 > side)
        .unwrap_or(STANDARD.len() - 1);
    if upper == 0 {
        let (s, max, buf) = STANDARD[0];
        return (max * side / s, buf * side / s);
    }
    let (lo, hi) = (STANDARD[upper - 1], STANDARD[upper]);
    let t = f64::from(side - lo.0) / f64::from(hi.0 - lo.0);
    let lerp = |a: u32, b: u32| (f64::from(a) + t * f64::from(b - a)).round() as u32;
    (lerp(lo.1, hi.1), lerp(lo.2, hi.2))
}

/// The source rate, divided by the smallest whole number that brings it under `cap`,
/// so 50 fps becomes 25 (every other frame) rather than an uneven 30.
fn capped_fps((num, den): (i32, i32), cap: f64) -> (i32, i32) {
    let (num, den) = if num <= 0 || den <= 0 { (25, 1) } else { (num, den) };
    let rate = f64::from(num) / f64::from(den);
    let divisor = (rate / cap).ceil().max(1.0) as i32;
    (num, den * divisor)
}

/// The lowest H.264 level (≤ 4.2) whose frame size and macroblock rate fit.
pub fn level_for(width: u32, height: u32, fps: f64) -> u32 {
    // (level×10, max macroblocks per frame, max macroblocks per second), ITU-T H.264 Table A-1.
    const LEVELS: [(u32, f64, f64); 7] = [
        (30, 1620.0, 40500.0),
        (31, 3600.0, 108000.0),
        (32, 5120.0, 216000.0),
        (40, 8192.0, 245760.0),
        (41, 8192.0, 245760.0),
        (42, 8704.0, 522240.0),
        (42, f64::MAX, f64::MAX),
    ];
    let mbs = f64::from(width.div_ceil(16) * height.div_ceil(16));
    LEVELS
        .iter()
        .find(|(_, frame, rate)| mbs <= *frame && mbs * fps <= *rate)
        .map_or(42, |l| l.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(rungs: &[Rung]) -> Vec<String> {
        rungs
            .iter()
            .map(|r| format!("{}x{}", r.width, r.height))
            .collect()
    }

    #[test]
    fn full_hd_gets_all_five_rungs() {
        let rungs = plan(1920, 1080, (25, 1));
        assert_eq!(
            names(&rungs),
            ["426x240", "640x360", "854x480", "1280x720", "1920x1080"]
        );
        assert_eq!(rungs[4].maxrate_kbps, 3500);
        assert_eq!(rungs[0].bufsize_kbps, 600);
        assert_eq!(rungs[4].level, 40);
        assert_eq!(rungs[3].level, 31);
    }

    #[test]
    fn never_upscales_and_keeps_an_in_between_size_on_top() {
        assert_eq!(
            names(&plan(1280, 720, (30, 1))),
            ["426x240", "640x360", "854x480", "1280x720"]
        );
        let rungs = plan(1066, 600, (30, 1));
        assert_eq!(names(&rungs), ["426x240", "640x360", "852x480", "1066x600"]);
        assert_eq!(rungs[3].name, "600p");
        assert!(rungs[3].maxrate_kbps > 1000 && rungs[3].maxrate_kbps < 2000);
        assert_eq!(names(&plan(320, 180, (30, 1))), ["320x180"]);
    }

    #[test]
    fn above_1080_comes_down_to_1080() {
        assert_eq!(
            plan(3840, 2160, (30, 1)).last().map(|r| (r.width, r.height)),
            Some((1920, 1080))
        );
    }

    #[test]
    fn portrait_videos_use_the_short_side() {
        let rungs = plan(1080, 1920, (30, 1));
        assert_eq!(rungs.last().map(|r| (r.width, r.height)), Some((1080, 1920)));
        assert_eq!(rungs[0].name, "240p");
        assert_eq!((rungs[0].width, rungs[0].height), (240, 426));
    }

    #[test]
    fn frame_rate_is_capped_by_whole_divisors() {
        let rungs = plan(1920, 1080, (60, 1));
        assert_eq!(rungs[0].fps, (60, 2));
        assert_eq!(rungs[4].fps, (60, 1));
        assert_eq!(rungs[4].level, 42);
        assert_eq!(plan(1280, 720, (50, 1))[2].fps_f64(), 25.0);
        assert_eq!(plan(1280, 720, (30000, 1001))[0].fps, (30000, 1001));
        assert_eq!(plan(640, 360, (0, 0))[0].fps, (25, 1));
    }
}
