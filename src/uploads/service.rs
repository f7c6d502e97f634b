//! The operations of the protocol, for one staff member: create, status, append,
//! terminate. Each checks ownership and expiry first; the web layer only translates.

use std::path::Path;

use chrono::{DateTime, Utc};
use entities::upload;
use futures_util::Stream;
use sea_orm::DatabaseConnection;

use super::checksum::Expected;
use super::complete;
use super::metadata::Described;
use super::records;
use super::space;
use super::store::{AppendRules, Layout, LockedPart};
use super::UploadError;
use crate::accounts::random_token;
use crate::config::Settings;

/// The uploads of a server: its database, media directory and settings.
pub struct Uploads<'a> {
    pub db: &'a DatabaseConnection,
    pub settings: &'a Settings,
}

/// Where an upload stands.
#[derive(Debug)]
pub struct Status {
    pub token: String,
    pub offset: u64,
    pub length: u64,
    pub described: Described,
    /// Set once the upload is complete and its video exists.
    pub video_id: Option<i64>,
    /// `None` once complete: a finished upload does not expire for the client.
    pub expires_at: Option<DateTime<Utc>>,
}

/// Why a request was not (wholly) taken, and the offset after it when bytes were kept.
#[derive(Debug)]
pub struct Refusal {
    pub error: UploadError,
    pub offset: Option<u64>,
}

impl From<UploadError> for Refusal {
    fn from(error: UploadError) -> Self {
        Refusal { error, offset: None }
    }
}

impl From<sea_orm::DbErr> for Refusal {
    fn from(e: sea_orm::DbErr) -> Self {
        UploadError::Db(e).into()
    }
}

fn length_of(row: &upload::Model) -> u64 {
    u64::try_from(row.length).unwrap_or(0)
}

fn described(row: &upload::Model) -> Described {
    Described {
        filename: row.filename.clone(),
        title: row.title.clone(),
    }
}

impl Uploads<'_> {
    fn media_dir(&self) -> &Path {
        &self.settings.media_dir
    }

    fn layout(&self) -> Layout {
        Layout::new(self.media_dir())
    }

    fn expires_from_now(&self) -> DateTime<Utc> {
        Utc::now() + self.settings.uploads.expiry()
    }

    /// A new, empty upload of `length` bytes, if it fits the size limit, the owner's
    /// quota and the disk above its reserve.
    pub async fn create(
        &self,
        owner_id: i64,
        length: u64,
        described: &Described,
    ) -> Result<Status, UploadError> {
        let limit = self.settings.max_upload_bytes;
        if length > limit {
            return Err(UploadError::TooLarge { limit });
        }
        if let Some((used, quota)) = records::quota_in_use(self.db, self.settings, owner_id).await? {
            if used.saturating_add(length) > quota {
                return Err(UploadError::Quota { used, quota });
            }
        }
        let free = space::above_reserve(self.media_dir(), self.settings.uploads.reserve_bytes)?;
        if length > free {
            tracing::warn!(
                length,
                free,
                "upload refused: not enough disk space above the reserve"
            );
            return Err(UploadError::DiskFull);
        }
        let token = random_token();
        let row = records::create(
            self.db,
            &token,
            owner_id,
            length,
            described,
            self.expires_from_now(),
        )
        .await?;
        if let Err(e) = self.layout().create(&token).await {
            records::delete(self.db, row.id).await?;
            return Err(if super::is_disk_full(&e) {
                UploadError::DiskFull
            } else {
                e.into()
            });
        }
        tracing::info!(upload = row.id, owner_id, length, "upload created");
        Ok(Status {
            token,
            offset: 0,
            length,
            described: described.clone(),
            video_id: None,
            expires_at: Some(row.expires_at),
        })
    }

    /// The row of an unfinished or finished upload of `owner_id`; expired is `Gone`.
    async fn owned(&self, owner_id: i64, token: &str) -> Result<upload::Model, UploadError> {
        let row = records::find_owned(self.db, token, owner_id)
            .await?
            .ok_or(UploadError::NotFound)?;
        if row.completed_at.is_none() && row.expires_at < Utc::now() {
            return Err(UploadError::Gone);
        }
        Ok(row)
    }

    fn finished(row: &upload::Model) -> Status {
        Status {
            token: row.token.clone(),
            offset: length_of(row),
            length: length_of(row),
            described: described(row),
            video_id: row.video_id,
            expires_at: None,
        }
    }

    /// The offset (what HEAD answers). A complete upload whose video could not be made
    /// before is finished now, unless a request is writing to it.
    pub async fn status(&self, owner_id: i64, token: &str) -> Result<Status, UploadError> {
        let row = self.owned(owner_id, token).await?;
        if row.completed_at.is_some() {
            return Ok(Self::finished(&row));
        }
        // From here on the stored token names the files, never the one from the URL.
        let token = row.token.as_str();
        let layout = self.layout();
        let mut offset = layout.offset(token).await?;
        if offset.is_none() && complete::restore_interrupted(&layout, self.media_dir(), &row).await {
            offset = layout.offset(token).await?;
        }
        let offset = offset.ok_or(UploadError::NotFound)?;
        let mut video_id = None;
        if offset == length_of(&row) {
            match layout.lock(token).await {
                Ok(part) if part.offset() == offset => video_id = Some(self.finish(&row, &part).await?),
                Ok(_) | Err(UploadError::Locked) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Status {
            token: row.token.clone(),
            offset,
            length: length_of(&row),
            described: described(&row),
            video_id,
            expires_at: video_id.is_none().then_some(row.expires_at),
        })
    }

    async fn finish(&self, row: &upload::Model, part: &LockedPart) -> Result<i64, UploadError> {
        let settings = self.settings;
        complete::finish(
            self.db,
            &settings.media_dir,
            &settings.jobs,
            settings.uploads.expiry(),
            row,
            part,
        )
        .await
    }

    /// Appends a PATCH (or creation) body at `sent_offset`.
    pub async fn append<S, E>(
        &self,
        owner_id: i64,
        token: &str,
        sent_offset: u64,
        announced: Option<u64>,
        checksum: Option<Expected>,
        body: S,
    ) -> Result<Status, Refusal>
    where
        S: Stream<Item = Result<bytes::Bytes, E>> + Unpin,
    {
        let row = self.owned(owner_id, token).await?;
        let length = length_of(&row);
        if row.completed_at.is_some() {
            return if sent_offset == length && announced.unwrap_or(0) == 0 {
                Ok(Self::finished(&row))
            } else {
                Err(UploadError::OffsetMismatch {
                    sent: sent_offset,
                    actual: length,
                }
                .into())
            };
        }
        let mut part = complete::lock(&self.layout(), self.media_dir(), &row).await?;
        if part.offset() != sent_offset {
            return Err(UploadError::OffsetMismatch {
                sent: sent_offset,
                actual: part.offset(),
            }
            .into());
        }
        let remaining = length - part.offset().min(length);
        if announced.is_some_and(|n| n > remaining) {
            return Err(UploadError::BeyondLength.into());
        }
        let before = part.offset();
        let rules = AppendRules {
            remaining,
            checksum,
            reserve: self.settings.uploads.reserve_bytes,
            idle: self.settings.uploads.idle_timeout(),
        };
        let appended = part.append(body, rules).await;
        let expires_at = self.expires_from_now();
        if part.offset() > before {
            records::extend(self.db, row.id, expires_at).await?;
        }
        let offset = match appended {
            Ok(offset) => offset,
            Err(stopped) => {
                tracing::info!(upload = row.id, offset = stopped.offset, error = %stopped.error, "upload chunk stopped");
                return Err(Refusal {
                    error: stopped.error,
                    offset: Some(stopped.offset),
                });
            }
        };
        let video_id = if offset == length {
            Some(self.finish(&row, &part).await.map_err(|error| Refusal {
                error,
                offset: Some(offset),
            })?)
        } else {
            None
        };
        Ok(Status {
            token: row.token.clone(),
            offset,
            length,
            described: described(&row),
            video_id,
            expires_at: video_id.is_none().then_some(expires_at),
        })
    }

    /// Termination: the upload and its bytes go; a finished one only loses its URL.
    pub async fn terminate(&self, owner_id: i64, token: &str) -> Result<(), UploadError> {
        let row = records::find_owned(self.db, token, owner_id)
            .await?
            .ok_or(UploadError::NotFound)?;
        if row.completed_at.is_none() {
            let layout = self.layout();
            let part = match complete::lock(&layout, self.media_dir(), &row).await {
                Ok(part) => Some(part),
                Err(UploadError::NotFound) => None,
                Err(e) => return Err(e),
            };
            layout.remove(&row.token).await?;
            drop(part);
        }
        records::delete(self.db, row.id).await?;
        tracing::info!(upload = row.id, "upload terminated");
        Ok(())
    }
}
