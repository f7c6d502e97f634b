//! Integration tests against the real server over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod helpers;

mod access_codes;
mod bad_input;
mod cli;
mod course_flow;
mod course_refusals;
mod course_reports;
mod course_setup;
mod health;
mod i18n;
mod learner_phone;
mod privacy;
mod question_pictures;
mod roles;
mod security;
mod sessions;
mod staff_login;
mod subtitles;
mod videos;
