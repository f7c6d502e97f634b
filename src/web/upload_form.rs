//! Receiving a video through a plain HTML form: streamed to disk with our own byte count,
//! never held in memory, synced before it counts, and removed again on any failure.

use std::path::{Path, PathBuf};

use actix_multipart::{Field, Multipart};
use actix_web::http::StatusCode;
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

use super::error::AppError;
use super::session::Visitor;
use crate::accounts::random_token;
use crate::app::AppState;
use crate::media::library;
use crate::uploads::{records, space};

pub struct StoredUpload {
    pub title: String,
    /// Relative to the media directory.
    pub relative_path: String,
}

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("no file chosen")]
    NoFile,
    #[error("file is empty")]
    Empty,
    #[error("title too long")]
    BadTitle,
    #[error("file over the size limit")]
    TooLarge,
    #[error("quota of {quota} bytes exceeded ({used} in use)")]
    Quota { used: u64, quota: u64 },
    #[error("the disk is full")]
    DiskFull,
    #[error("the form could not be read")]
    Malformed,
    #[error(transparent)]
    App(#[from] AppError),
}

impl UploadError {
    pub fn message_key_and_status(&self) -> (&'static str, StatusCode) {
        match self {
            UploadError::NoFile => ("upload-no-file", StatusCode::BAD_REQUEST),
            UploadError::Empty => ("upload-empty", StatusCode::BAD_REQUEST),
            UploadError::BadTitle => ("upload-bad-title", StatusCode::BAD_REQUEST),
            UploadError::TooLarge => ("upload-too-large", StatusCode::PAYLOAD_TOO_LARGE),
            UploadError::Quota { .. } => ("uploads-error-quota", StatusCode::PAYLOAD_TOO_LARGE),
            UploadError::DiskFull => ("upload-disk-full", StatusCode::INSUFFICIENT_STORAGE),
            UploadError::Malformed => ("error-bad-form", StatusCode::BAD_REQUEST),
            UploadError::App(_) => ("error-internal", StatusCode::INTERNAL_SERVER_ERROR),
        }
    }

    /// The values the message shows: the quota's, as the tus upload shows them.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match *self {
            UploadError::Quota { used, quota } => {
                crate::uploads::UploadError::Quota { used, quota }.message_args()
            }
            _ => Vec::new(),
        }
    }
}

/// What one form upload may write: the size limit, what is left of the owner's quota,
/// and the disk above the reserve the server keeps (the same rules as for tus uploads,
/// but checked while the bytes arrive, since a form does not announce its length).
struct Allowance<'a> {
    limit: u64,
    quota: Option<(u64, u64)>,
    disk: space::Budget<'a>,
}

impl<'a> Allowance<'a> {
    async fn of(state: &'a AppState, owner_id: i64) -> Result<Allowance<'a>, UploadError> {
        let settings = &state.settings;
        let quota = records::quota_in_use(&state.db, settings, owner_id)
            .await
            .map_err(AppError::from)?;
        if let Some((used, quota)) = quota.filter(|(used, quota)| used >= quota) {
            return Err(UploadError::Quota { used, quota });
        }
        let disk = space::Budget::measure(&settings.media_dir, settings.uploads.reserve_bytes)
            .map_err(io_problem)?;
        Ok(Allowance {
            limit: settings.max_upload_bytes,
            quota,
            disk,
        })
    }

    /// Whether `chunk` more bytes, after `written`, are still allowed.
    fn admit(&mut self, written: u64, chunk: u64) -> Result<(), UploadError> {
        let total = written + chunk;
        if total > self.limit {
            return Err(UploadError::TooLarge);
        }
        if let Some((used, quota)) = self.quota {
            if used + total > quota {
                return Err(UploadError::Quota { used, quota });
            }
        }
        if self.disk.grant(chunk).map_err(io_problem)? < chunk {
            tracing::warn!(written, "form upload stopped at the disk reserve");
            return Err(UploadError::DiskFull);
        }
        Ok(())
    }
}

/// Reads the form: `csrf_token` (which must come first, so that no byte of a forged
/// upload touches the disk), `title`, then one `video` file. On any problem the file
/// written so far is removed again: nothing would ever refer to it.
pub async fn receive(
    state: &AppState,
    visitor: &Visitor,
    owner_id: i64,
    form: Multipart,
) -> Result<StoredUpload, UploadError> {
    let mut stored: Option<(PathBuf, String)> = None;
    let result = read_form(state, visitor, owner_id, form, &mut stored).await;
    if result.is_err() {
        if let Some((path, _)) = stored {
            let _ = tokio::fs::remove_file(&path).await;
        }
    }
    result
}

async fn read_form(
    state: &AppState,
    visitor: &Visitor,
    owner_id: i64,
    mut form: Multipart,
    stored: &mut Option<(PathBuf, String)>,
) -> Result<StoredUpload, UploadError> {
    let mut csrf_ok = false;
    let mut title = String::new();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| UploadError::Malformed)?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "csrf_token" => {
                let token = small_text(&mut field, 128).await?;
                visitor.check_csrf(&token)?;
                csrf_ok = true;
            }
            "title" => title = small_text(&mut field, 4 * library::MAX_TITLE_CHARS).await?,
            "video" if csrf_ok => {
                let file_name = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or("")
                    .to_owned();
                if file_name.is_empty() {
                    continue;
                }
                if stored.is_some() {
                    // One video per upload: a second file would get round the limits.
                    return Err(UploadError::Malformed);
                }
                let allowance = Allowance::of(state, owner_id).await?;
                let path = store(state, allowance, &mut field).await?;
                *stored = Some((path, file_name));
            }
            "video" => return Err(AppError::Csrf.into()),
            _ => drain(&mut field).await?,
        }
    }
    if !csrf_ok {
        return Err(AppError::Csrf.into());
    }
    let (path, file_name) = stored.as_ref().ok_or(UploadError::NoFile)?;
    let title = if title.trim().is_empty() {
        title_from(file_name)
    } else {
        title
    };
    let title = library::clean_title(&title).ok_or(UploadError::BadTitle)?;
    let relative = path
        .strip_prefix(&state.settings.media_dir)
        .map(|p| p.to_string_lossy().into_owned())
        .map_err(|_| AppError::Internal("upload outside the media dir".into()))?;
    Ok(StoredUpload {
        title,
        relative_path: relative,
    })
}

/// Streams the file into `originals/`, counting bytes against the allowance.
async fn store(
    state: &AppState,
    allowance: Allowance<'_>,
    field: &mut Field,
) -> Result<PathBuf, UploadError> {
    let dir = state.settings.media_dir.join("originals");
    tokio::fs::create_dir_all(&dir).await.map_err(io_problem)?;
    let path = dir.join(format!("{}.upload", random_token()));
    let result = write_file(&path, field, allowance).await;
    match result {
        Ok(0) => {
            let _ = tokio::fs::remove_file(&path).await;
            Err(UploadError::Empty)
        }
        Ok(_) => Ok(path),
        Err(e) => {
            // Never keep half a file that nothing refers to.
            let _ = tokio::fs::remove_file(&path).await;
            Err(e)
        }
    }
}

async fn write_file(
    path: &Path,
    field: &mut Field,
    mut allowance: Allowance<'_>,
) -> Result<u64, UploadError> {
    let mut file = tokio::fs::File::create(path).await.map_err(io_problem)?;
    let mut written = 0u64;
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| UploadError::Malformed)?;
        allowance.admit(written, chunk.len() as u64)?;
        written += chunk.len() as u64;
        file.write_all(&chunk).await.map_err(io_problem)?;
    }
    file.sync_all().await.map_err(io_problem)?;
    Ok(written)
}

fn io_problem(e: std::io::Error) -> UploadError {
    if crate::uploads::is_disk_full(&e) {
        UploadError::DiskFull
    } else {
        AppError::Internal(format!("storing upload: {e}")).into()
    }
}

async fn small_text(field: &mut Field, limit: usize) -> Result<String, UploadError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        bytes.extend_from_slice(&chunk.map_err(|_| UploadError::Malformed)?);
        if bytes.len() > limit {
            return Err(UploadError::BadTitle);
        }
    }
    String::from_utf8(bytes).map_err(|_| UploadError::Malformed)
}

async fn drain(field: &mut Field) -> Result<(), UploadError> {
    while let Some(chunk) = field.next().await {
        chunk.map_err(|_| UploadError::Malformed)?;
    }
    Ok(())
}

fn title_from(file_name: &str) -> String {
    library::title_from_file_name(file_name)
}

#[cfg(test)]
mod tests {
    use super::title_from;

    #[test]
    fn titles_come_from_file_names() {
        assert_eq!(title_from("Prozente_im_Alltag.mp4"), "Prozente im Alltag");
        assert_eq!(title_from("C:\\Users\\x\\Brief schreiben.mov"), "Brief schreiben");
        assert_eq!(title_from("noext"), "noext");
    }
}
