//! The words stored in `jobs.state`, `videos.status` and the error columns.

pub mod job {
    pub const QUEUED: &str = "queued";
    pub const RUNNING: &str = "running";
    pub const SUCCEEDED: &str = "succeeded";
    pub const FAILED: &str = "failed";
    pub const CANCELLED: &str = "cancelled";

    pub const KIND_TRANSCODE: &str = "transcode";
}

/// A video with a package stays "ready" while it is processed again: learners keep the
/// old package until a new one replaces it. The job row tells what is going on.
pub mod video {
    pub const QUEUED: &str = "queued";
    pub const PROCESSING: &str = "processing";
    pub const READY: &str = "ready";
    pub const FAILED: &str = "failed";
}

/// Fluent keys a trainer reads; the technical detail goes to `error_detail`.
pub mod error_key {
    /// The last attempt failed (crash, error exit, broken output).
    pub const FAILED: &str = "job-error-failed";
    /// The last attempt ran longer than the timeout.
    pub const TIMEOUT: &str = "job-error-timeout";
    /// The child went over its CPU-time limit.
    pub const RESOURCES: &str = "job-error-resources";
    /// The worker stopped answering during the last attempt.
    pub const LOST: &str = "job-error-lost";
    /// Someone cancelled the job.
    pub const CANCELLED: &str = "job-error-cancelled";
    /// The uploaded original is gone.
    pub const MISSING_ORIGINAL: &str = "job-error-missing-original";
}
