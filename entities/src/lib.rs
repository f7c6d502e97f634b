//! Data shapes of Lernwerk's tables. Rules live in the `lernwerk` crate, not here.

pub mod access_code;
pub mod audit_log;
pub mod check_attempt;
pub mod choice;
pub mod course;
pub mod group;
pub mod group_course;
pub mod group_member;
pub mod job;
pub mod learner_setting;
pub mod learning_event;
pub mod lesson;
pub mod lesson_progress;
pub mod module;
pub mod question;
pub mod room_viewing;
pub mod session;
pub mod subtitle_track;
pub mod upload;
pub mod user;
pub mod video;
