//! Integration tests against the real server over HTTP.

mod helpers;

mod access_codes;
mod bad_input;
mod health;
mod i18n;
mod roles;
mod security;
mod sessions;
mod staff_login;
