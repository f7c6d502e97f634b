//! `lernwerk transcode`: the pipeline standalone, and the child process of a worker.
//!
//! With `--progress`, stdout carries one JSON object per line — `progress` while it runs,
//! then `report`, or `rejected` with exit code 2 when the input is refused (no retry can
//! help). Without it, the report is printed as pretty JSON at the end.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use crate::config::Settings;
use crate::media::transcode::{transcode, TranscodeError};
use crate::web::i18n::Lang;

/// Exit code for input that will never transcode.
pub const EXIT_REJECTED: i32 = 2;

pub async fn run(
    settings: Settings,
    input: PathBuf,
    out: PathBuf,
    progress_lines: bool,
    subtitle_args: &[String],
) -> anyhow::Result<()> {
    // Bad subtitle files end the command before anything is written.
    let requested = super::subtitles::check(subtitle_args, &settings.subtitle_limits)?;
    let limits = settings.subtitle_limits.clone();
    let package = out.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut report_progress = |p: crate::media::transcode::Progress| {
            if progress_lines {
                emit(&json!({ "type": "progress", "stage": p.stage, "percent": (p.percent * 10.0).round() / 10.0 }));
            }
        };
        transcode(&input, &out, &settings.transcode, &settings.media_limits, &mut report_progress)
    })
    .await?;
    let result = match result {
        Ok(report) => Ok(with_subtitles(report, package, requested, limits).await?),
        Err(e) => Err(e),
    };
    match result {
        Ok(report) if progress_lines => emit(&json!({ "type": "report", "report": report })),
        Ok(report) => println!("{}", serde_json::to_string_pretty(&report)?),
        Err(TranscodeError::Rejected(rejected)) => {
            let message = Lang::find("en")
                .unwrap_or_else(Lang::default_lang)
                .t(rejected.message_key());
            if progress_lines {
                emit(
                    &json!({ "type": "rejected", "key": rejected.message_key(), "detail": rejected.to_string() }),
                );
            }
            eprintln!("error: {message} ({rejected})");
            std::process::exit(EXIT_REJECTED);
        }
        Err(other) => return Err(other.into()),
    }
    Ok(())
}

/// The report as JSON, with the subtitle tracks written into the package. If they
/// cannot be written the package is removed again: nothing half-written stays.
async fn with_subtitles(
    report: impl serde::Serialize,
    out: PathBuf,
    requested: Vec<super::subtitles::Requested>,
    limits: crate::media::subtitles::SubtitleLimits,
) -> anyhow::Result<serde_json::Value> {
    let mut report = serde_json::to_value(report)?;
    if requested.is_empty() {
        return Ok(report);
    }
    let duration = crate::jobs::protocol::report_duration(&report);
    let written = tokio::task::spawn_blocking(move || {
        let written = super::subtitles::write(&out, &requested, &limits, duration);
        if written.is_err() {
            crate::jobs::package::remove_dir(&out);
        }
        written
    })
    .await??;
    if let Some(fields) = report.as_object_mut() {
        fields.insert("subtitles".into(), serde_json::to_value(written)?);
    }
    Ok(report)
}

fn emit(value: &serde_json::Value) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe means the worker is gone; the transcode itself still decides the exit.
    let _ = writeln!(stdout, "{value}").and_then(|_| stdout.flush());
}
