//! Where a job's output lives. The child writes into `media/tmp/job-<job>-<token>`;
//! only a finished package is renamed to `media/packages/<video>`, so nobody ever sees
//! a half-written one. Both sit under the media directory: one file system, so the
//! rename is atomic.

use std::io;
use std::path::{Path, PathBuf};

use sea_orm::ConnectionTrait;

use super::queue;

const TMP_PREFIX: &str = "job-";
const ASIDE_MARK: &str = ".old-";

#[derive(Clone, Debug)]
pub struct Layout {
    media_dir: PathBuf,
}

/// A package now in place, and the one it replaced (to delete once committed).
#[derive(Debug)]
pub struct Published {
    pub old: Option<PathBuf>,
}

impl Layout {
    pub fn new(media_dir: &Path) -> Layout {
        Layout {
            media_dir: media_dir.to_path_buf(),
        }
    }

    pub fn tmp_root(&self) -> PathBuf {
        self.media_dir.join("tmp")
    }

    fn packages_root(&self) -> PathBuf {
        self.media_dir.join("packages")
    }

    /// The child's output directory for one claim; it must not exist before the child.
    pub fn work_dir(&self, job_id: i64, token: i64) -> PathBuf {
        self.tmp_root().join(format!("{TMP_PREFIX}{job_id}-{token}"))
    }

    /// The package of a video, relative to the media directory (stored in the row).
    pub fn package_relative(video_id: i64) -> String {
        format!("packages/{video_id}")
    }

    pub fn package_dir(&self, video_id: i64) -> PathBuf {
        self.media_dir.join(Layout::package_relative(video_id))
    }

    fn aside_dir(&self, video_id: i64, job_id: i64, token: i64) -> PathBuf {
        self.packages_root()
            .join(format!("{video_id}{ASIDE_MARK}{job_id}-{token}"))
    }

    /// Moves a finished package into place. An old package is renamed aside first and
    /// put back if the new one cannot take its place; the caller deletes it after the
    /// database says the new one is current. Call `flush` on `staged` before.
    pub fn publish(&self, staged: &Path, video_id: i64, job_id: i64, token: i64) -> io::Result<Published> {
        require_dir(staged)?;
        std::fs::create_dir_all(self.packages_root())?;
        let target = self.package_dir(video_id);
        let old = if target.exists() {
            let aside = self.aside_dir(video_id, job_id, token);
            std::fs::rename(&target, &aside)?;
            Some(aside)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(staged, &target) {
            if let Some(aside) = &old {
                if let Err(back) = std::fs::rename(aside, &target) {
                    tracing::error!(error = %back, "could not put the old package back");
                }
            }
            return Err(e);
        }
        sync_dir(&self.packages_root());
        Ok(Published { old })
    }

    /// Removes work directories and set-aside packages that no live claim owns: left by
    /// a worker that crashed or was killed. A set-aside package whose replacement never
    /// arrived is put back instead.
    pub async fn sweep(&self, db: &impl ConnectionTrait) -> io::Result<()> {
        for (path, name) in entries(&self.tmp_root())? {
            let Some((job_id, token)) = name.strip_prefix(TMP_PREFIX).and_then(parse_claim) else {
                continue;
            };
            if !is_held(db, job_id, token).await {
                tracing::info!(path = %path.display(), "removing stale job directory");
                remove_dir(&path);
            }
        }
        for (path, name) in entries(&self.packages_root())? {
            let Some((video, claim)) = name.split_once(ASIDE_MARK) else {
                continue;
            };
            let Some((job_id, token)) = parse_claim(claim) else {
                continue;
            };
            if is_held(db, job_id, token).await {
                continue;
            }
            let current = self.packages_root().join(video);
            if current.exists() {
                remove_dir(&path);
            } else {
                tracing::warn!(path = %path.display(), "restoring a package set aside by a crashed worker");
                std::fs::rename(&path, &current)?;
            }
        }
        Ok(())
    }
}

/// Removes the work directories of earlier claims of a job: a newer claim exists, so
/// whoever wrote them crashed or is fenced off and can publish nothing.
pub fn remove_earlier_attempts(layout: &Layout, job_id: i64, token: i64) {
    let Ok(found) = entries(&layout.tmp_root()) else {
        return;
    };
    for (path, name) in found {
        let claim = name.strip_prefix(TMP_PREFIX).and_then(parse_claim);
        if matches!(claim, Some((id, earlier)) if id == job_id && earlier < token) {
            tracing::info!(path = %path.display(), "removing the directory of an earlier attempt");
            remove_dir(&path);
        }
    }
}

/// Writes a staged package's files to disk, so that a power cut after the rename cannot
/// leave empty files in a package that looks complete. Slow: call it before taking
/// any database lock.
pub fn flush(staged: &Path) -> io::Result<()> {
    require_dir(staged)?;
    sync_tree(staged)
}

/// A real directory, not a file or a symbolic link to somewhere else.
fn require_dir(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Ok(()),
        _ => Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("no package directory at {}", path.display()),
        )),
    }
}

/// Deletes a directory tree, logging rather than failing: leftovers are swept later.
pub fn remove_dir(path: &Path) {
    match std::fs::remove_dir_all(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(path = %path.display(), error = %e, "could not remove directory"),
    }
}

async fn is_held(db: &impl ConnectionTrait, job_id: i64, token: i64) -> bool {
    // When in doubt, keep the files: a wrong delete could hit a running job.
    queue::is_held(db, job_id, token).await.unwrap_or(true)
}

/// `"<job>-<token>"` → `(job, token)`.
fn parse_claim(text: &str) -> Option<(i64, i64)> {
    let (job, token) = text.split_once('-')?;
    Some((job.parse().ok()?, token.parse().ok()?))
}

/// Subdirectories of `dir` with their names; nothing when `dir` does not exist yet.
fn entries(dir: &Path) -> io::Result<Vec<(PathBuf, String)>> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in read {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            found.push((entry.path(), entry.file_name().to_string_lossy().into_owned()));
        }
    }
    Ok(found)
}

fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            sync_tree(&entry.path())?;
        } else if kind.is_file() {
            std::fs::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_dir(dir);
    Ok(())
}

/// Flushes a directory's entries; best effort, as not every file system allows it.
fn sync_dir(dir: &Path) {
    if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
        tracing::debug!(path = %dir.display(), error = %e, "directory sync failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_read_back_from_names() {
        assert_eq!(parse_claim("12-3"), Some((12, 3)));
        assert_eq!(parse_claim("12"), None);
        assert_eq!(parse_claim("a-3"), None);
    }

    #[test]
    fn publishing_swaps_the_old_package_aside() {
        let media = tempfile::tempdir().unwrap();
        let layout = Layout::new(media.path());
        for (token, content) in [(1, "first"), (2, "second")] {
            let staged = layout.work_dir(7, token);
            std::fs::create_dir_all(&staged).unwrap();
            std::fs::write(staged.join("master.m3u8"), content).unwrap();
            flush(&staged).unwrap();
            let published = layout.publish(&staged, 3, 7, token).unwrap();
            assert!(!staged.exists());
            assert_eq!(published.old.is_some(), token == 2);
            if let Some(old) = published.old {
                assert_eq!(std::fs::read_to_string(old.join("master.m3u8")).unwrap(), "first");
                remove_dir(&old);
            }
        }
        let current = layout.package_dir(3);
        assert_eq!(
            std::fs::read_to_string(current.join("master.m3u8")).unwrap(),
            "second"
        );
        assert!(
            layout.publish(&layout.work_dir(7, 9), 3, 7, 9).is_err(),
            "no output, no swap"
        );
        assert!(current.join("master.m3u8").exists());
    }
}
