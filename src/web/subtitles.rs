//! Subtitle tracks on the trainer's video page: upload (multipart: language, default
//! mark, the .srt/.vtt file) and removal. Problems with a file are shown on the page in
//! the trainer's language, each with its line.

use actix_multipart::{Field, Multipart};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use entities::video;
use futures_util::StreamExt;
use serde::Serialize;

use super::auth::CsrfOnly;
use super::courses::see_other;
use super::error::AppError;
use super::i18n::Lang;
use super::session::Visitor;
use super::videos::{managed, video_page};
use crate::app::AppState;
use crate::media::subtitle_tracks::{self, languages, TrackError, SUBTITLE_LANGUAGES};
use crate::media::subtitles::{SubtitleErrors, SubtitleLimits};

/// Room for the form's text fields around the file.
const FORM_OVERHEAD: usize = 64 * 1024;

/// A track as the trainer's page lists it.
#[derive(Serialize)]
struct TrackRow {
    language: String,
    label: String,
    rtl: bool,
    is_default: bool,
    cue_count: i32,
}

/// The tracks and the languages to choose from, for `trainer/video.html`.
pub(super) async fn add_to_context(
    state: &AppState,
    video: &video::Model,
    ctx: &mut tera::Context,
) -> Result<(), AppError> {
    let rows: Vec<TrackRow> = subtitle_tracks::list(&state.db, video.id)
        .await?
        .into_iter()
        .map(|t| {
            let language = languages::find(&t.language);
            TrackRow {
                label: language.map_or_else(|| t.language.clone(), |l| l.label.to_owned()),
                rtl: language.is_some_and(|l| l.rtl),
                language: t.language,
                is_default: t.is_default,
                cue_count: t.cue_count,
            }
        })
        .collect();
    ctx.insert("subtitle_tracks", &rows);
    ctx.insert("subtitle_languages", &SUBTITLE_LANGUAGES);
    ctx.insert("subtitle_max_kb", &(limits(state).max_bytes / 1024));
    Ok(())
}

fn limits(state: &AppState) -> SubtitleLimits {
    state.settings.subtitle_limits.clone()
}

/// One message for the trainer, with the line it is about when there is one.
#[derive(Serialize)]
struct Problem {
    line: Option<usize>,
    text: String,
}

fn problems(errors: &SubtitleErrors, lang: Lang) -> Vec<Problem> {
    let mut out: Vec<Problem> = errors
        .errors
        .iter()
        .map(|e| Problem {
            line: e.line(),
            text: lang.t_args(e.message_key(), &e.message_args()),
        })
        .collect();
    if errors.truncated {
        out.push(Problem {
            line: None,
            text: lang.t("subtitle-error-more"),
        });
    }
    out
}

struct UploadForm {
    language: String,
    make_default: bool,
    file: Option<Vec<u8>>,
}

enum FormProblem {
    Refused(&'static str, StatusCode),
    App(AppError),
}

impl From<AppError> for FormProblem {
    fn from(e: AppError) -> Self {
        FormProblem::App(e)
    }
}

fn bad_form() -> FormProblem {
    FormProblem::Refused("error-bad-form", StatusCode::BAD_REQUEST)
}

fn too_large() -> FormProblem {
    FormProblem::Refused("subtitle-upload-too-large", StatusCode::PAYLOAD_TOO_LARGE)
}

/// Reads the form: `csrf_token` first (no byte of a forged upload is kept), `language`,
/// `default`, `file`. Every byte counts against the limit.
async fn read_form(
    req: &HttpRequest,
    payload: web::Payload,
    visitor: &Visitor,
    max_file: usize,
) -> Result<UploadForm, FormProblem> {
    let budget = max_file + FORM_OVERHEAD;
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|length| length > budget) {
        return Err(too_large());
    }
    let mut parts = Multipart::new(req.headers(), payload);
    let mut used = 0usize;
    let mut csrf_ok = false;
    let mut form = UploadForm {
        language: String::new(),
        make_default: false,
        file: None,
    };
    while let Some(field) = parts.next().await {
        let mut field = field.map_err(|_| bad_form())?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "csrf_token" => {
                let token = read_field(&mut field, &mut used, 1024).await?;
                visitor.check_csrf(&String::from_utf8_lossy(&token))?;
                csrf_ok = true;
            }
            "file" if !csrf_ok => return Err(AppError::Csrf.into()),
            "file" => {
                let bytes = read_field(&mut field, &mut used, max_file).await?;
                form.file = (!bytes.is_empty()).then_some(bytes);
            }
            "language" => {
                let bytes = read_field(&mut field, &mut used, 64).await?;
                form.language = String::from_utf8(bytes).map_err(|_| bad_form())?;
            }
            "default" => {
                read_field(&mut field, &mut used, 64).await?;
                form.make_default = true;
            }
            _ => {
                read_field(&mut field, &mut used, 1024).await?;
            }
        }
        if used > budget {
            return Err(too_large());
        }
    }
    if !csrf_ok {
        return Err(AppError::Csrf.into());
    }
    Ok(form)
}

/// A field's bytes; over `limit` is "too large" for the file, a bad form otherwise.
async fn read_field(field: &mut Field, used: &mut usize, limit: usize) -> Result<Vec<u8>, FormProblem> {
    let is_file = field.name() == Some("file");
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| bad_form())?;
        *used += chunk.len();
        if bytes.len() + chunk.len() > limit {
            return Err(if is_file { too_large() } else { bad_form() });
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// `POST /trainer/videos/{id}/subtitles`
pub async fn upload(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let video = managed(&state, &visitor, *id).await?;
    let limits = limits(&state);
    let lang = visitor.lang;
    let refused = |key: &'static str, status: StatusCode, list: Vec<Problem>| {
        let mut extra = tera::Context::new();
        extra.insert("subtitle_error", &lang.t(key));
        extra.insert("subtitle_problems", &list);
        (extra, status)
    };
    let form = match read_form(&req, payload, &visitor, limits.max_bytes).await {
        Ok(form) => form,
        Err(FormProblem::App(e)) => return Err(e),
        Err(FormProblem::Refused(key, status)) => {
            let (extra, status) = refused(key, status, Vec::new());
            return video_page(&state, &req, &visitor, &video, status, extra).await;
        }
    };
    let Some(bytes) = form.file else {
        let (extra, status) = refused("subtitle-no-file", StatusCode::BAD_REQUEST, Vec::new());
        return video_page(&state, &req, &visitor, &video, status, extra).await;
    };
    let attached = subtitle_tracks::attach(
        &state.db,
        &state.settings.media_dir,
        &limits,
        &video,
        &form.language,
        bytes,
        form.make_default,
    )
    .await;
    match attached {
        Ok(done) if done.warnings.is_empty() => {
            Ok(see_other(format!("/trainer/videos/{}#subtitles", video.id)))
        }
        Ok(done) => {
            // Taken, but the trainer should know what was left out.
            let warnings: Vec<Problem> = done
                .warnings
                .iter()
                .map(|w| Problem {
                    line: None,
                    text: lang.t_args(w.message_key(), &w.message_args()),
                })
                .collect();
            let mut extra = tera::Context::new();
            extra.insert("subtitle_saved", &true);
            extra.insert("subtitle_warnings", &warnings);
            video_page(&state, &req, &visitor, &video, StatusCode::OK, extra).await
        }
        Err(TrackError::Invalid(errors)) => {
            let (extra, status) = refused(
                "subtitle-refused",
                StatusCode::BAD_REQUEST,
                problems(&errors, lang),
            );
            video_page(&state, &req, &visitor, &video, status, extra).await
        }
        Err(e @ (TrackError::NotReady | TrackError::UnknownLanguage(_))) => {
            let status = if matches!(e, TrackError::NotReady) {
                StatusCode::CONFLICT
            } else {
                StatusCode::BAD_REQUEST
            };
            let (extra, status) = refused(e.message_key(), status, Vec::new());
            video_page(&state, &req, &visitor, &video, status, extra).await
        }
        Err(e) => Err(AppError::Internal(format!("attaching subtitles: {e}"))),
    }
}

/// `POST /trainer/videos/{id}/subtitles/{lang}/delete`
pub async fn delete(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(i64, String)>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (id, lang) = path.into_inner();
    let video = managed(&state, &visitor, id).await?;
    visitor.check_csrf(&form.csrf_token)?;
    match subtitle_tracks::detach(&state.db, &state.settings.media_dir, &video, &lang).await {
        Ok(()) => Ok(see_other(format!("/trainer/videos/{}#subtitles", video.id))),
        Err(TrackError::NoSuchTrack | TrackError::UnknownLanguage(_)) => Err(AppError::NotFound),
        Err(TrackError::NotReady) => Err(AppError::BadRequest("subtitle-not-ready")),
        Err(e) => Err(AppError::Internal(format!("removing subtitles: {e}"))),
    }
}

/// A `<track>` on the lesson page.
#[derive(Serialize)]
struct PlayerTrack {
    language: String,
    label: String,
    default: bool,
}

/// One line of the transcript: plain text (autoescaped by the template).
#[derive(Serialize)]
struct TranscriptLine {
    start: f64,
    end: f64,
    clock: String,
    text: String,
}

/// `m:ss` (or `h:mm:ss`) for a transcript line.
fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0).floor() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The video's tracks for the player and the transcript of the one shown first: the first
/// language of `preferred` that has a track (for a learner: their own language, then the
/// course's), else the track the trainer marked default (also for the trainer's preview,
/// which prefers nothing); no such track: subtitles start off.
pub(super) async fn add_player_tracks(
    state: &AppState,
    video: &video::Model,
    preferred: &[&str],
    ctx: &mut tera::Context,
) -> Result<(), AppError> {
    let tracks = subtitle_tracks::list(&state.db, video.id).await?;
    let chosen = preferred
        .iter()
        .find_map(|code| tracks.iter().find(|t| t.language == *code))
        .or_else(|| tracks.iter().find(|t| t.is_default))
        .map(|t| t.language.clone());
    let rows: Vec<PlayerTrack> = tracks
        .iter()
        .map(|t| PlayerTrack {
            label: languages::find(&t.language).map_or_else(|| t.language.clone(), |l| l.label.to_owned()),
            language: t.language.clone(),
            default: chosen.as_deref() == Some(t.language.as_str()),
        })
        .collect();
    ctx.insert("subtitle_tracks", &rows);
    let transcript_lang = chosen.or_else(|| tracks.first().map(|t| t.language.clone()));
    if let Some(lang) = transcript_lang {
        match subtitle_tracks::read_cues(&state.settings.media_dir, video, &lang).await {
            Ok(track) => {
                let lines: Vec<TranscriptLine> = track
                    .cues
                    .iter()
                    .map(|c| TranscriptLine {
                        start: c.start,
                        end: c.end,
                        clock: clock(c.start),
                        text: c.text.plain_text(),
                    })
                    .collect();
                let rtl = languages::find(&lang).is_some_and(|l| l.rtl);
                ctx.insert("transcript", &lines);
                ctx.insert("transcript_lang", &lang);
                ctx.insert("transcript_dir", if rtl { "rtl" } else { "ltr" });
            }
            // The page still works without it; the cause goes to the log.
            Err(e) => tracing::warn!(video = video.id, %lang, error = %e, "transcript not readable"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn transcript_clock() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(65.9), "1:05");
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
