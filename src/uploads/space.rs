//! Free disk space where uploads are written, and the reserve the server keeps.

use std::path::Path;

/// Bytes an unprivileged process may still write on the file system of `path`.
pub fn available(path: &Path) -> std::io::Result<u64> {
    let stats = rustix::fs::statvfs(path).map_err(std::io::Error::from)?;
    Ok(stats.f_bavail.saturating_mul(stats.f_frsize))
}

/// Bytes that may be written above the reserve, now.
pub fn above_reserve(path: &Path, reserve: u64) -> std::io::Result<u64> {
    Ok(available(path)?.saturating_sub(reserve))
}

/// How much may still be written, re-measured after every [`RECHECK_BYTES`] so that
/// other writers on the disk are noticed without a system call per chunk.
pub struct Budget<'a> {
    dir: &'a Path,
    reserve: u64,
    left: u64,
    since_check: u64,
}

/// Written bytes after which the free space is measured again.
pub const RECHECK_BYTES: u64 = 8 << 20;

impl<'a> Budget<'a> {
    pub fn measure(dir: &'a Path, reserve: u64) -> std::io::Result<Budget<'a>> {
        Ok(Budget {
            dir,
            reserve,
            left: above_reserve(dir, reserve)?,
            since_check: 0,
        })
    }

    /// How many of `wanted` bytes may be written now (all of them, or fewer when the
    /// reserve is near).
    pub fn grant(&mut self, wanted: u64) -> std::io::Result<u64> {
        if self.since_check >= RECHECK_BYTES || wanted > self.left {
            self.left = above_reserve(self.dir, self.reserve)?;
            self.since_check = 0;
        }
        let granted = wanted.min(self.left);
        self.left -= granted;
        self.since_check += granted;
        Ok(granted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reserve_larger_than_the_disk_grants_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(available(dir.path()).unwrap() > 0);
        let mut none = Budget::measure(dir.path(), u64::MAX).unwrap();
        assert_eq!(none.grant(10).unwrap(), 0);
        let mut all = Budget::measure(dir.path(), 0).unwrap();
        assert_eq!(all.grant(10).unwrap(), 10);
    }
}
