//! Integration tests against the real server over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod helpers;

mod access_codes;
mod bad_input;
mod cli;
mod code_sheets;
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
mod room_commands;
mod room_credit;
mod room_media;
mod room_pairing;
mod room_setup;
mod security;
mod sessions;
mod staff_login;
mod subtitles;
mod subtitles_pending;
mod tus_access;
mod tus_client;
mod tus_disk;
mod tus_interop;
mod tus_protocol;
mod tus_robust;
mod videos;
