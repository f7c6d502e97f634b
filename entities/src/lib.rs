//! Data shapes of Lernwerk's tables. Rules live in the `lernwerk` crate, not here.

pub mod access_code;
pub mod audit_log;
pub mod job;
pub mod session;
pub mod user;
pub mod video;
