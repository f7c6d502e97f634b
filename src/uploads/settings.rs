//! How resumable uploads behave. Times are seconds; fractions are allowed so that tests
//! can use short expiries.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UploadSettings {
    /// Bytes one staff member may keep: the originals of their videos plus their
    /// unfinished uploads. 0 means no quota.
    pub quota_bytes: u64,
    /// Free bytes the server always leaves on the disk of the media directory: an
    /// upload that would need them is refused (507), one that reaches them stops and
    /// can resume once there is room again. Keeps room for the database and packages.
    pub reserve_bytes: u64,
    /// An unfinished upload is removed this long after its last accepted chunk.
    pub expiry_seconds: f64,
    /// How often the server removes expired uploads.
    pub cleanup_interval_seconds: f64,
    /// A PATCH whose body sends nothing for this long is ended; what arrived is kept.
    /// Until then a connection that died silently holds the upload (others get 423);
    /// the tus spec suggests 30 s.
    pub idle_timeout_seconds: f64,
}

impl Default for UploadSettings {
    fn default() -> Self {
        UploadSettings {
            quota_bytes: 50_000_000_000,
            reserve_bytes: 1_000_000_000,
            expiry_seconds: 24.0 * 3600.0,
            cleanup_interval_seconds: 600.0,
            idle_timeout_seconds: 30.0,
        }
    }
}

impl UploadSettings {
    pub fn expiry(&self) -> chrono::Duration {
        chrono::Duration::milliseconds((self.expiry_seconds.max(0.0) * 1000.0) as i64)
    }

    pub fn cleanup_interval(&self) -> Duration {
        Duration::from_secs_f64(self.cleanup_interval_seconds.max(0.05))
    }

    pub fn idle_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.idle_timeout_seconds.max(0.05))
    }
}
