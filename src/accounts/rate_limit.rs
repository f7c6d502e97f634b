//! Counting failed logins per account and per address in a sliding window.
//!
//! Kept in memory: a restart forgets the counts, which costs an attacker nothing they
//! could not get by waiting out the window, and keeps failed logins off the database.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginLimiter {
    limit: u32,
    window: Duration,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        LoginLimiter {
            limit,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// `Some(wait)` when `key` has used up its failures in the window.
    pub fn blocked_for(&self, key: &str) -> Option<Duration> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let times = map.get_mut(key)?;
        prune(times, now, self.window);
        if times.len() < self.limit as usize {
            return None;
        }
        times
            .front()
            .map(|oldest| self.window.saturating_sub(now - *oldest))
    }

    pub fn record_failure(&self, key: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory under a flood of distinct keys: drop entries whose window passed.
        if map.len() > 100_000 {
            map.retain(|_, times| {
                prune(times, now, self.window);
                !times.is_empty()
            });
        }
        let times = map.entry(key.to_owned()).or_default();
        prune(times, now, self.window);
        times.push_back(now);
    }

    pub fn reset(&self, key: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(key);
    }
}

fn prune(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times.front().is_some_and(|t| now.duration_since(*t) >= window) {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_limit_and_reset_clears() {
        let limiter = LoginLimiter::new(3, Duration::from_secs(60));
        for _ in 0..2 {
            limiter.record_failure("a");
            assert!(limiter.blocked_for("a").is_none());
        }
        limiter.record_failure("a");
        let wait = limiter.blocked_for("a").unwrap();
        assert!(wait <= Duration::from_secs(60) && wait > Duration::from_secs(50));
        assert!(limiter.blocked_for("b").is_none());
        limiter.reset("a");
        assert!(limiter.blocked_for("a").is_none());
    }

    #[test]
    fn failures_expire_with_the_window() {
        let limiter = LoginLimiter::new(1, Duration::from_millis(30));
        limiter.record_failure("a");
        assert!(limiter.blocked_for("a").is_some());
        std::thread::sleep(Duration::from_millis(40));
        assert!(limiter.blocked_for("a").is_none());
    }
}
