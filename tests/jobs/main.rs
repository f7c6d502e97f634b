//! The durable job queue and its workers, against a fresh database each test (SQLite,
//! or PostgreSQL when `TEST_DATABASE_URL` is set), with real child processes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod helpers;

mod cli;
mod demo;
mod queue;
mod worker;
