//! The lines a transcode child prints on stdout, one JSON object each:
//! `{"type":"progress","stage":"encode","percent":37.5}` while it works; on success
//! finally `{"type":"report", …}` (the report's fields beside "type", or inside a
//! "report" object); or `{"type":"rejected","key":"media-error-…","detail":"…"}`
//! before exiting with code 2 when the input is refused.

use serde_json::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum ChildMessage {
    Progress { stage: String, percent: f64 },
    Report(Value),
    Rejected { key: String, detail: String },
}

/// The message on one line, or `None` for anything else (a stray log line).
pub fn parse_line(line: &str) -> Option<ChildMessage> {
    let value: Value = serde_json::from_str(line.trim()).ok()?;
    let text = |field: &str| value.get(field).and_then(Value::as_str).map(str::to_owned);
    match value.get("type")?.as_str()? {
        "progress" => Some(ChildMessage::Progress {
            stage: text("stage").unwrap_or_default(),
            percent: value.get("percent").and_then(Value::as_f64).unwrap_or(0.0),
        }),
        // The report's fields may sit beside "type" or inside a "report" object.
        "report" => Some(ChildMessage::Report(match value.get("report") {
            Some(inner) if inner.is_object() => inner.clone(),
            _ => value,
        })),
        "rejected" => Some(ChildMessage::Rejected {
            key: text("key").unwrap_or_default(),
            detail: text("detail").unwrap_or_default(),
        }),
        _ => None,
    }
}

/// The source duration a report gives, if any.
pub fn report_duration(report: &Value) -> Option<f64> {
    report
        .get("duration_seconds")
        .or_else(|| report.get("source")?.get("duration_seconds"))
        .and_then(Value::as_f64)
        .filter(|d| d.is_finite() && *d >= 0.0)
}

/// True for something shaped like a Fluent message id; a child's rejection key is only
/// stored when it is one, so a confused child cannot put arbitrary text there.
pub fn is_fluent_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 100
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_kind_of_line() {
        assert_eq!(
            parse_line(r#"{"type":"progress","stage":"encode","percent":37.5}"#),
            Some(ChildMessage::Progress {
                stage: "encode".into(),
                percent: 37.5
            })
        );
        assert_eq!(
            parse_line(r#"{"type":"rejected","key":"media-error-too-long","detail":"10 h"}"#),
            Some(ChildMessage::Rejected {
                key: "media-error-too-long".into(),
                detail: "10 h".into()
            })
        );
        let Some(ChildMessage::Report(report)) =
            parse_line(r#"{"type":"report","duration_seconds":12.5,"rungs":[]}"#)
        else {
            panic!("not a report");
        };
        assert_eq!(report_duration(&report), Some(12.5));
    }

    #[test]
    fn ignores_what_is_not_a_message() {
        for line in [
            "",
            "plain text",
            "{}",
            r#"{"type":"other"}"#,
            "[1,2]",
            r#"{"type":3}"#,
        ] {
            assert_eq!(parse_line(line), None, "{line}");
        }
    }

    #[test]
    fn a_nested_report_is_unwrapped() {
        let line = r#"{"type":"report","report":{"duration_seconds":4.0,"source":{}}}"#;
        let Some(ChildMessage::Report(report)) = parse_line(line) else {
            panic!("not a report");
        };
        assert_eq!(report_duration(&report), Some(4.0));
    }

    #[test]
    fn duration_may_come_from_the_probe() {
        let report = serde_json::json!({"source": {"duration_seconds": 3.0}});
        assert_eq!(report_duration(&report), Some(3.0));
        assert_eq!(report_duration(&serde_json::json!({})), None);
    }

    #[test]
    fn only_fluent_shaped_keys_pass() {
        assert!(is_fluent_key("media-error-too-long"));
        assert!(!is_fluent_key("Media Error"));
        assert!(!is_fluent_key("-x"));
        assert!(!is_fluent_key(""));
        assert!(!is_fluent_key(&"a".repeat(101)));
    }
}
