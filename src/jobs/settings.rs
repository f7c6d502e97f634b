//! How the job queue and its workers behave. Times are seconds; fractions are allowed
//! so that tests can use short leases.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JobSettings {
    /// Workers that `serve` and `worker` start; each runs one job at a time, and one
    /// transcode already keeps every core busy.
    pub workers: usize,
    /// How long a claim lasts without a heartbeat before another worker may take over.
    pub lease_seconds: f64,
    /// How often a running job renews its lease and stores its progress (at most a
    /// third of the lease, so that one missed beat does not lose the job).
    pub heartbeat_seconds: f64,
    /// How long an idle worker waits before looking for work again.
    pub poll_seconds: f64,
    /// Claims a job gets before it fails for good.
    pub max_attempts: i32,
    /// Wait before retry n: `backoff_base_seconds × 2^(n-1)`.
    pub backoff_base_seconds: f64,
    /// Wall-clock limit of one attempt; the child is killed after it.
    pub timeout_seconds: f64,
    /// Address-space limit of the child process (`prlimit --as`); 0 means none.
    pub memory_limit_bytes: u64,
    /// CPU-time limit of the child process (`prlimit --cpu`); 0 means the timeout times
    /// the number of cores.
    pub cpu_limit_seconds: u64,
    /// Program and leading arguments of the child; the worker appends
    /// `INPUT --out DIR --progress`. Empty means this binary's `transcode` command.
    pub command: Vec<String>,
}

impl Default for JobSettings {
    fn default() -> Self {
        JobSettings {
            workers: 1,
            lease_seconds: 30.0,
            heartbeat_seconds: 5.0,
            poll_seconds: 2.0,
            max_attempts: 3,
            backoff_base_seconds: 30.0,
            timeout_seconds: 2.0 * 3600.0,
            // x264 and glibc reserve far more address space than they touch: 4 GiB of
            // address space is about 1–2 GiB of real memory for a 1080p ladder.
            memory_limit_bytes: 4 << 30,
            cpu_limit_seconds: 0,
            command: Vec::new(),
        }
    }
}

impl JobSettings {
    pub fn lease(&self) -> Duration {
        seconds(self.lease_seconds)
    }

    pub fn heartbeat(&self) -> Duration {
        seconds(self.heartbeat_seconds).min(self.lease() / 3)
    }

    pub fn poll(&self) -> Duration {
        seconds(self.poll_seconds)
    }

    pub fn timeout(&self) -> Duration {
        seconds(self.timeout_seconds)
    }

    /// The wait before the retry that follows failed attempt number `attempt` (1-based).
    pub fn backoff(&self, attempt: i32) -> Duration {
        let exponent = attempt.saturating_sub(1).clamp(0, 20);
        seconds(self.backoff_base_seconds).saturating_mul(1 << exponent)
    }

    pub fn cpu_limit(&self) -> u64 {
        if self.cpu_limit_seconds > 0 {
            return self.cpu_limit_seconds;
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        (self.timeout().as_secs_f64() * cores as f64).ceil().max(1.0) as u64
    }
}

/// Seconds from a setting; negative or nonsense values mean zero rather than a panic.
fn seconds(value: f64) -> Duration {
    Duration::try_from_secs_f64(value).unwrap_or(Duration::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_the_base() {
        let settings = JobSettings::default();
        assert_eq!(settings.backoff(1), Duration::from_secs(30));
        assert_eq!(settings.backoff(2), Duration::from_secs(60));
        assert_eq!(settings.backoff(3), Duration::from_secs(120));
        assert_eq!(settings.backoff(0), Duration::from_secs(30));
        assert!(settings.backoff(i32::MAX) >= settings.backoff(21));
    }

    #[test]
    fn heartbeat_stays_well_inside_the_lease() {
        let settings = JobSettings {
            lease_seconds: 3.0,
            heartbeat_seconds: 10.0,
            ..JobSettings::default()
        };
        assert_eq!(settings.heartbeat(), Duration::from_secs(1));
        let nonsense = JobSettings {
            lease_seconds: -1.0,
            ..JobSettings::default()
        };
        assert_eq!(nonsense.lease(), Duration::ZERO);
    }
}
