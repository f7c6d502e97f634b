//! Where the bytes of unfinished uploads live: `media/uploads/<token>.part`, plus
//! `<token>.verify` while a checksummed chunk is being written (see the module notes in
//! `uploads`). File work runs on blocking threads; the part file is locked (`flock`)
//! while one request writes to it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use futures_util::{Stream, StreamExt};

use super::checksum::{Expected, Hasher};
use super::space::Budget;
use super::{is_disk_full, UploadError};

/// Bytes gathered from the body before one write: bounded memory per request, few
/// system calls.
pub const BATCH_BYTES: usize = 1 << 20;

const PART: &str = "part";
const MARKER: &str = "verify";

#[derive(Clone, Debug)]
pub struct Layout {
    dir: PathBuf,
}

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> io::Result<T> + Send + 'static) -> io::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(io::Error::other)?
}

impl Layout {
    pub fn new(media_dir: &Path) -> Layout {
        Layout {
            dir: media_dir.join("uploads"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn part(&self, token: &str) -> PathBuf {
        self.dir.join(format!("{token}.{PART}"))
    }

    fn marker(&self, token: &str) -> PathBuf {
        self.dir.join(format!("{token}.{MARKER}"))
    }

    /// The tokens of every file in the directory, with the file's path, for sweeping.
    pub fn files(&self) -> io::Result<Vec<(String, PathBuf)>> {
        let read = match std::fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut found = Vec::new();
        for entry in read {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some((token, ext)) = name.rsplit_once('.') {
                if ext == PART || ext == MARKER {
                    found.push((token.to_owned(), entry.path()));
                }
            }
        }
        Ok(found)
    }

    /// A new, empty part file (never an existing one).
    pub async fn create(&self, token: &str) -> io::Result<()> {
        let dir = self.dir.clone();
        let part = self.part(token);
        blocking(move || {
            std::fs::create_dir_all(&dir)?;
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&part)?
                .sync_all()?;
            sync_dir(&dir);
            Ok(())
        })
        .await
    }

    /// The offset as it is on disk now, without waiting for a writer: the part file's
    /// length, or the marker's offset while a checksummed chunk is unverified. `None`
    /// when there is no part file.
    pub async fn offset(&self, token: &str) -> io::Result<Option<u64>> {
        let (part, marker) = (self.part(token), self.marker(token));
        blocking(move || {
            let length = match std::fs::metadata(&part) {
                Ok(meta) => meta.len(),
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(e),
            };
            Ok(Some(match read_marker(&marker)? {
                Some(verified) => verified.min(length),
                None => length,
            }))
        })
        .await
    }

    /// Locks the part file for writing; `Locked` when another request holds it. An
    /// unverified chunk left by an earlier request is cut off first.
    pub async fn lock(&self, token: &str) -> Result<LockedPart, UploadError> {
        let (path, marker) = (self.part(token), self.marker(token));
        let dir = self.dir.clone();
        let locked = tokio::task::spawn_blocking(move || {
            let file = match OpenOptions::new().read(true).write(true).open(&path) {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(UploadError::NotFound),
                Err(e) => return Err(e.into()),
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(UploadError::Locked),
                Err(TryLockError::Error(e)) => return Err(e.into()),
            }
            if let Some(verified) = read_marker(&marker)? {
                if file.metadata()?.len() > verified {
                    file.set_len(verified)?;
                    file.sync_all()?;
                }
                remove_if_there(&marker)?;
            }
            let offset = file.metadata()?.len();
            // Writes go at the end; the cursor of a fresh handle is at the start.
            (&file).seek(io::SeekFrom::Start(offset))?;
            Ok(LockedPart {
                file: Arc::new(file),
                path,
                marker,
                dir,
                offset,
            })
        })
        .await
        .map_err(|e| UploadError::Io(io::Error::other(e)))??;
        Ok(locked)
    }

    /// Removes the part file and its marker; files already gone are no error.
    pub async fn remove(&self, token: &str) -> io::Result<()> {
        let (part, marker) = (self.part(token), self.marker(token));
        blocking(move || {
            remove_if_there(&part)?;
            remove_if_there(&marker)
        })
        .await
    }
}

fn read_marker(marker: &Path) -> io::Result<Option<u64>> {
    match std::fs::read_to_string(marker) {
        // A marker that does not read means nothing after it was verified: offset 0.
        Ok(text) => Ok(Some(text.trim().parse().unwrap_or(0))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub(crate) fn remove_if_there(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Flushes a directory's entries; best effort, as not every file system allows it.
pub(crate) fn sync_dir(dir: &Path) {
    if let Err(e) = File::open(dir).and_then(|d| d.sync_all()) {
        tracing::debug!(path = %dir.display(), error = %e, "directory sync failed");
    }
}

/// A part file this request may write to; the lock goes with it when dropped.
pub struct LockedPart {
    file: Arc<File>,
    path: PathBuf,
    marker: PathBuf,
    dir: PathBuf,
    offset: u64,
}

/// How far a body got when it could not be taken whole.
#[derive(Debug)]
pub struct Stopped {
    /// The offset now (what was kept, fsynced).
    pub offset: u64,
    pub error: UploadError,
}

/// What [`LockedPart::append`] needs besides the body.
pub struct AppendRules {
    /// Bytes the upload still lacks; a body may not bring more.
    pub remaining: u64,
    pub checksum: Option<Expected>,
    /// Free bytes the disk keeps.
    pub reserve: u64,
    pub idle: Duration,
}

impl LockedPart {
    pub fn offset(&self) -> u64 {
        self.offset
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `body` at the end of the file and syncs it; returns the new offset. With
    /// a checksum the chunk is kept only when it arrived whole and matches; without one,
    /// whatever arrived is kept, also when the body ends early or the disk fills up.
    pub async fn append<S, E>(&mut self, body: S, rules: AppendRules) -> Result<u64, Stopped>
    where
        S: Stream<Item = Result<bytes::Bytes, E>> + Unpin,
    {
        let start = self.offset;
        if rules.checksum.is_some() {
            let (marker, dir) = (self.marker.clone(), self.dir.clone());
            let written = blocking(move || {
                let mut f = File::create(&marker)?;
                f.write_all(start.to_string().as_bytes())?;
                f.sync_all()?;
                sync_dir(&dir);
                Ok(())
            })
            .await;
            if let Err(e) = written {
                return Err(Stopped {
                    offset: start,
                    error: io_error(e),
                });
            }
        }
        let ended = self.receive(body, &rules).await;
        let synced = {
            let file = self.file.clone();
            blocking(move || {
                file.sync_all()?;
                Ok(file.metadata()?.len())
            })
            .await
        };
        let mut result = match synced {
            Ok(length) => ended.map(|()| length).map_err(|error| Stopped {
                offset: length,
                error,
            }),
            // Not on disk for sure: go back to what the last request acknowledged.
            Err(e) => Err(Stopped {
                offset: start,
                error: io_error(e),
            }),
        };
        if rules.checksum.is_some() {
            result = self.settle_checksummed(start, result).await;
        }
        self.offset = match &result {
            Ok(offset) => *offset,
            Err(stopped) => stopped.offset,
        };
        result
    }

    /// Reads the body into the file in batches; `Err` says why it stopped early.
    async fn receive<S, E>(&self, mut body: S, rules: &AppendRules) -> Result<(), UploadError>
    where
        S: Stream<Item = Result<bytes::Bytes, E>> + Unpin,
    {
        let mut hasher = rules.checksum.as_ref().map(|c| Hasher::new(c.algorithm));
        let dir = self.dir.clone();
        let mut budget = Budget::measure(&dir, rules.reserve).map_err(io_error)?;
        let mut batch: Vec<u8> = Vec::with_capacity(BATCH_BYTES);
        let mut received = 0u64;
        let mut outcome = Ok(());
        loop {
            let chunk = match tokio::time::timeout(rules.idle, body.next()).await {
                Err(_) => break outcome = Err(UploadError::Idle),
                Ok(None) => break,
                Ok(Some(Err(_))) => break outcome = Err(UploadError::BodyEnded),
                Ok(Some(Ok(chunk))) => chunk,
            };
            let fits = usize::try_from(rules.remaining - received).unwrap_or(usize::MAX);
            let taken = &chunk[..chunk.len().min(fits)];
            if let Some(h) = hasher.as_mut() {
                h.update(taken);
            }
            received += taken.len() as u64;
            batch.extend_from_slice(taken);
            if taken.len() < chunk.len() {
                break outcome = Err(UploadError::BeyondLength);
            }
            if batch.len() >= BATCH_BYTES {
                batch = self.write(batch, &mut budget).await?;
            }
        }
        // What arrived is kept even when the body broke off.
        self.write(batch, &mut budget).await?;
        if let (Ok(()), Some(hasher), Some(expected)) = (&outcome, hasher, &rules.checksum) {
            if !hasher.matches(expected) {
                return Err(UploadError::ChecksumMismatch);
            }
        }
        outcome
    }

    /// Writes one batch as far as the disk budget allows; gives the emptied buffer back.
    async fn write(&self, batch: Vec<u8>, budget: &mut Budget<'_>) -> Result<Vec<u8>, UploadError> {
        if batch.is_empty() {
            return Ok(batch);
        }
        let granted = budget.grant(batch.len() as u64).map_err(io_error)? as usize;
        let file = self.file.clone();
        let (result, mut batch) = tokio::task::spawn_blocking(move || {
            let result = (&*file).write_all(&batch[..granted]);
            (result, batch)
        })
        .await
        .map_err(|e| UploadError::Io(io::Error::other(e)))?;
        result.map_err(io_error)?;
        if granted < batch.len() {
            return Err(UploadError::DiskFull);
        }
        batch.clear();
        Ok(batch)
    }

    /// A checksummed chunk: kept when it arrived whole and matched, cut off otherwise;
    /// then its marker goes.
    async fn settle_checksummed(&mut self, start: u64, result: Result<u64, Stopped>) -> Result<u64, Stopped> {
        let outcome = match result {
            Ok(offset) => Ok(offset),
            Err(stopped) => match self.truncate(start).await {
                Ok(()) => Err(Stopped {
                    offset: start,
                    error: stopped.error,
                }),
                // The marker stays, so the next request cuts the chunk off.
                Err(e) => {
                    return Err(Stopped {
                        offset: start,
                        error: io_error(e),
                    })
                }
            },
        };
        let marker = self.marker.clone();
        if let Err(e) = blocking(move || remove_if_there(&marker)).await {
            // The marker stays: the chunk counts as unverified until the next request.
            return Err(Stopped {
                offset: start,
                error: io_error(e),
            });
        }
        outcome
    }

    async fn truncate(&self, length: u64) -> io::Result<()> {
        let file = self.file.clone();
        blocking(move || {
            file.set_len(length)?;
            file.sync_all()
        })
        .await
    }
}

fn io_error(e: io::Error) -> UploadError {
    if is_disk_full(&e) {
        UploadError::DiskFull
    } else {
        UploadError::Io(e)
    }
}
