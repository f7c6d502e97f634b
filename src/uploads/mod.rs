//! Resumable uploads (tus 1.0.0) as domain code, free of HTTP: creating an upload for a
//! staff member, appending a body to it, and turning a complete one into a video with
//! its transcode job. `web::tus` speaks the protocol and calls into this module.
//!
//! Decisions:
//! - The offset is the length of `media/uploads/<token>.part` on disk, never a column:
//!   after a crash it is still right. A chunk that carries a checksum is written behind
//!   a marker (`<token>.verify`, holding the offset before it); until the chunk is
//!   verified the offset is the marker's, and a marker found later (a crash, a dropped
//!   connection) cuts the file back to it.
//! - Bodies are streamed to disk in batches of at most [`store::BATCH_BYTES`], counted
//!   by us against the announced length; each PATCH is fsynced before its offset is
//!   acknowledged. A body that ends early keeps what arrived (unless it carried a
//!   checksum, which then cannot be verified).
//! - One PATCH at a time per upload: the part file is locked (`flock`), and a second
//!   PATCH (or DELETE) meanwhile gets `423 Locked` at once rather than waiting. Waiting
//!   would tie up a connection behind one that may be dead; tus-js-client and tuspy
//!   both retry a 423 after asking for the offset again. The lock is the kernel's, so it
//!   also holds between several server processes on one media directory.
//! - The disk keeps `reserve_bytes` free: creation needs the whole upload to fit above
//!   the reserve, and writing stops (507, bytes kept) where it would dip into it. A real
//!   ENOSPC is treated the same way.
//! - On completion the file is renamed into the originals store, then the video and its
//!   job are created in one transaction with the upload's row; if that fails the file
//!   is renamed back, so there is neither a video nor an orphan, and the next HEAD or
//!   PATCH tries again. The planned name is stored first, so a crash between rename and
//!   commit is undone on the next access.

pub mod checksum;
pub mod cleanup;
pub mod complete;
pub mod metadata;
pub mod records;
pub mod service;
pub mod settings;
pub mod space;
pub mod store;

use sea_orm::DbErr;

use crate::jobs::queue::QueueError;

/// Everything that can refuse or stop an upload; `web::tus` maps each to its status.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("no such upload")]
    NotFound,
    #[error("the upload expired")]
    Gone,
    #[error("another request is writing to this upload")]
    Locked,
    #[error("offset {sent} does not match the upload's offset {actual}")]
    OffsetMismatch { sent: u64, actual: u64 },
    #[error("the chunk does not match its checksum")]
    ChecksumMismatch,
    #[error("bad request: {0}")]
    Bad(&'static str),
    #[error("over the size limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the body brings more bytes than the upload lacks")]
    BeyondLength,
    #[error("quota of {quota} bytes exceeded ({used} in use)")]
    Quota { used: u64, quota: u64 },
    #[error("not enough free disk space")]
    DiskFull,
    #[error("the body ended before its announced length")]
    BodyEnded,
    #[error("the body sent nothing for too long")]
    Idle,
    #[error("storing upload: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("creating the video: {0}")]
    Queue(#[from] QueueError),
}

impl UploadError {
    /// The Fluent key of the sentence the trainer sees.
    pub fn message_key(&self) -> &'static str {
        match self {
            UploadError::NotFound => "uploads-error-not-found",
            UploadError::Gone => "uploads-error-expired",
            UploadError::Locked => "uploads-error-locked",
            UploadError::OffsetMismatch { .. } => "uploads-error-offset",
            UploadError::ChecksumMismatch => "uploads-error-checksum",
            UploadError::Bad(key) => key,
            UploadError::TooLarge { .. } => "uploads-error-too-large",
            UploadError::BeyondLength => "uploads-error-beyond-length",
            UploadError::Quota { .. } => "uploads-error-quota",
            UploadError::DiskFull => "uploads-error-disk-full",
            UploadError::BodyEnded | UploadError::Idle => "uploads-error-interrupted",
            UploadError::Io(_) | UploadError::Db(_) | UploadError::Queue(_) => "error-internal",
        }
    }
}

impl UploadError {
    /// The values the message shows (sizes in whole megabytes).
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        let mb = |bytes: u64| (bytes / 1_000_000).to_string();
        match self {
            UploadError::TooLarge { limit } => vec![("limit", mb(*limit))],
            UploadError::Quota { used, quota } => vec![("used", mb(*used)), ("quota", mb(*quota))],
            _ => Vec::new(),
        }
    }
}

/// ENOSPC and EDQUOT: the disk (or the file system quota) is full.
pub(crate) fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(28) | Some(122))
}
