//! WebVTT cue settings ("parse the WebVTT cue settings"): the valid ones are kept, in a
//! fixed order, each at most once (the last one written wins, as in the parser);
//! invalid ones and `region` (we drop REGION blocks) are left out.

const NAMES: [&str; 5] = ["vertical", "line", "position", "size", "align"];

/// The valid settings of `input` (the rest of a timing line), written back with single
/// spaces; empty when there are none.
pub(super) fn normalise(input: &str) -> String {
    let mut kept: [Option<&str>; 5] = [None; 5];
    for setting in input.split(|c: char| c.is_ascii_whitespace()) {
        let Some((name, value)) = setting.split_once(':') else {
            continue;
        };
        if name.is_empty() || value.is_empty() {
            continue;
        }
        let valid = match name {
            "vertical" => matches!(value, "rl" | "lr"),
            "line" => valid_line(value),
            "position" => valid_position(value),
            "size" => percentage(value).is_some(),
            "align" => matches!(value, "start" | "center" | "end" | "left" | "right"),
            _ => false,
        };
        if let Some(slot) = NAMES.iter().position(|n| *n == name).filter(|_| valid) {
            kept[slot] = Some(setting);
        }
    }
    kept.iter().flatten().copied().collect::<Vec<_>>().join(" ")
}

/// `line:` a percentage or a line number, optionally `,start|center|end`.
fn valid_line(value: &str) -> bool {
    let (position, align) = match value.split_once(',') {
        Some((p, a)) => (p, Some(a)),
        None => (value, None),
    };
    if align.is_some_and(|a| !matches!(a, "start" | "center" | "end")) {
        return false;
    }
    if !position.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if position.ends_with('%') {
        return percentage(position).is_some();
    }
    line_number(position)
}

/// A line number: digits with an optional leading `-` and at most one `.` between digits.
fn line_number(value: &str) -> bool {
    let unsigned = value.strip_prefix('-').unwrap_or(value);
    if !unsigned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return false;
    }
    let mut parts = unsigned.split('.');
    let whole = parts.next().unwrap_or("");
    match (parts.next(), parts.next()) {
        (None, _) => !whole.is_empty(),
        (Some(fraction), None) => !whole.is_empty() && !fraction.is_empty(),
        (Some(_), Some(_)) => false,
    }
}

/// `position:` a percentage, optionally `,line-left|center|line-right`.
fn valid_position(value: &str) -> bool {
    let (position, align) = match value.split_once(',') {
        Some((p, a)) => (p, Some(a)),
        None => (value, None),
    };
    percentage(position).is_some() && align.is_none_or(|a| matches!(a, "line-left" | "center" | "line-right"))
}

/// A WebVTT percentage: digits, optionally `.` and digits, then `%`; 0 to 100.
fn percentage(value: &str) -> Option<f64> {
    let number = value.strip_suffix('%')?;
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    number.parse::<f64>().ok().filter(|p| (0.0..=100.0).contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_valid_settings_in_order() {
        assert_eq!(
            normalise(" align:start   size:80% position:10%,line-left line:-1 vertical:rl"),
            "vertical:rl line:-1 position:10%,line-left size:80% align:start"
        );
        assert_eq!(normalise("line:50%,center"), "line:50%,center");
        assert_eq!(normalise("line:0\tposition:100%"), "line:0 position:100%");
        assert_eq!(normalise("line:1.5 align:right"), "line:1.5 align:right");
    }

    #[test]
    fn drops_invalid_settings() {
        for bad in [
            "vertical:up",
            "line:abc",
            "line:1-2",
            "line:--1",
            "line:1.",
            "line:.5",
            "line:1..2",
            "line:5,top",
            "line:101%",
            "line:%",
            "position:50",
            "position:50%,left",
            "position:-1%",
            "size:120%",
            "size:1e2%",
            "size:.5%",
            "align:middle",
            "region:r1",
            "colour:red",
            ":x",
            "line:",
            "align",
            "Align:start",
        ] {
            assert_eq!(normalise(bad), "", "{bad}");
        }
    }

    #[test]
    fn last_of_a_kind_wins() {
        assert_eq!(normalise("align:start align:bogus align:end"), "align:end");
    }
}
