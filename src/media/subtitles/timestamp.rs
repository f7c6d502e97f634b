//! Timestamps: reading them the way the WebVTT parser does, and writing them the one way
//! every player reads (`hh:mm:ss.mmm`).

/// Reads a WebVTT timestamp at the start of `input` ("collect a WebVTT timestamp"):
/// `mm:ss.ttt` or `h…h:mm:ss.ttt`, minutes and seconds below 60, exactly three digits
/// of milliseconds. Returns the seconds and how many bytes were read.
pub(super) fn collect_webvtt(input: &str) -> Option<(f64, usize)> {
    let bytes = input.as_bytes();
    let mut pos = 0;
    let (first, first_len) = digits(bytes, &mut pos)?;
    let hours_form = first_len != 2 || first > 59;
    if bytes.get(pos) != Some(&b':') {
        return None;
    }
    pos += 1;
    let (second, second_len) = digits(bytes, &mut pos)?;
    if second_len != 2 {
        return None;
    }
    let (hours, minutes, seconds) = if hours_form || bytes.get(pos) == Some(&b':') {
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos += 1;
        let (third, third_len) = digits(bytes, &mut pos)?;
        if third_len != 2 {
            return None;
        }
        (first, second, third)
    } else {
        (0, first, second)
    };
    if bytes.get(pos) != Some(&b'.') {
        return None;
    }
    pos += 1;
    let (millis, millis_len) = digits(bytes, &mut pos)?;
    if millis_len != 3 || minutes > 59 || seconds > 59 {
        return None;
    }
    Some((seconds_of(hours, minutes, seconds, millis), pos))
}

/// `hours:minutes:seconds` plus milliseconds, in seconds.
pub(super) fn seconds_of(hours: u64, minutes: u64, seconds: u64, millis: u64) -> f64 {
    // Whole milliseconds first: exact in f64 for any realistic length.
    let total_ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    total_ms as f64 / 1000.0
}

/// A run of ASCII digits at `pos` (at least one), its value and length. Values that do
/// not fit are refused rather than wrapped.
fn digits(bytes: &[u8], pos: &mut usize) -> Option<(u64, usize)> {
    let start = *pos;
    let mut value: u64 = 0;
    while let Some(&b) = bytes.get(*pos) {
        if !b.is_ascii_digit() {
            break;
        }
        value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        *pos += 1;
    }
    let len = *pos - start;
    // Ten digits of hours is already more than a million years.
    (len > 0 && len <= 10).then_some((value, len))
}

/// `hh:mm:ss.mmm`, rounded to the millisecond; negative or non-finite input counts as 0.
pub fn format(seconds: f64) -> String {
    let ms = if seconds.is_finite() && seconds > 0.0 {
        (seconds * 1000.0).round() as u64
    } else {
        0
    };
    let (hours, rest) = (ms / 3_600_000, ms % 3_600_000);
    let (minutes, rest) = (rest / 60_000, rest % 60_000);
    let (secs, millis) = (rest / 1000, rest % 1000);
    format!("{hours:02}:{minutes:02}:{secs:02}.{millis:03}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(input: &str) -> Option<f64> {
        collect_webvtt(input)
            .filter(|(_, len)| *len == input.len())
            .map(|(s, _)| s)
    }

    #[test]
    fn reads_both_webvtt_forms() {
        assert_eq!(whole("01:02.500"), Some(62.5));
        assert_eq!(whole("00:01:02.500"), Some(62.5));
        assert_eq!(whole("1:00:00.000"), Some(3600.0));
        assert_eq!(whole("100:00:00.001"), Some(360_000.001));
    }

    #[test]
    fn refuses_malformed_timestamps() {
        for bad in [
            "",
            "1:02.500",
            "00:60.000",
            "00:00:60.000",
            "00:61:00.000",
            "00:01.5",
            "00:01,500",
            "00:01.5000",
            "a0:01.500",
            "00:1.500",
            "99999999999:00:00.000",
        ] {
            assert_eq!(whole(bad), None, "{bad:?}");
        }
        // Two-digit first part above 59 can only be hours, which then need seconds.
        assert_eq!(whole("60:00.000"), None);
        assert_eq!(whole("60:00:00.000"), Some(216_000.0));
    }

    #[test]
    fn reports_how_much_it_read() {
        assert_eq!(collect_webvtt("00:01.000 --> x"), Some((1.0, 9)));
    }

    #[test]
    fn formats_with_hours_and_rounding() {
        assert_eq!(format(0.0), "00:00:00.000");
        assert_eq!(format(62.5), "00:01:02.500");
        assert_eq!(format(3600.0 * 123.0 + 0.0004), "123:00:00.000");
        assert_eq!(format(1.0005), "00:00:01.001");
        assert_eq!(format(f64::NAN), "00:00:00.000");
        assert_eq!(format(-3.0), "00:00:00.000");
    }
}
