//! HTTP: thin handlers per area that parse, call the domain modules and render.

pub mod account;
pub mod admin;
pub mod assets;
pub mod auth;
pub mod choice_pictures;
pub mod code_sheets;
pub mod courses;
pub mod error;
pub mod groups;
pub mod health;
pub mod heartbeat_auth;
pub mod home;
pub mod i18n;
pub mod learner;
pub mod learner_data_saver;
pub mod learner_offline;
pub mod media_files;
pub mod middleware;
pub mod privacy;
pub mod progress_api;
pub mod qr;
pub mod question_form;
pub mod questions;
pub mod render;
pub mod reports;
pub mod room;
pub mod session;
pub mod subtitles;
pub mod trainer;
pub mod tus;
pub mod upload_form;
pub mod videos;

use actix_web::web;

use crate::config::Settings;
use error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig, settings: &Settings) {
    cfg.app_data(
        web::FormConfig::default()
            .limit(settings.max_form_bytes)
            .error_handler(|err, _req| match err {
                actix_web::error::UrlencodedError::Overflow { .. } => AppError::TooLarge.into(),
                _ => AppError::BadRequest("error-bad-form").into(),
            }),
    )
    .app_data(
        // Progress reports are small; anything near this limit is not from our player.
        web::JsonConfig::default()
            .limit(64 * 1024)
            .error_handler(|err, _req| match err {
                actix_web::error::JsonPayloadError::Overflow { .. }
                | actix_web::error::JsonPayloadError::OverflowKnownLength { .. } => AppError::TooLarge.into(),
                _ => AppError::BadRequest("error-bad-request").into(),
            }),
    )
    .app_data(web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()))
    .app_data(
        web::QueryConfig::default().error_handler(|_, _| AppError::BadRequest("error-bad-request").into()),
    )
    .route("/healthz", web::get().to(health::liveness))
    .route("/readyz", web::get().to(health::readiness))
    .route("/static/{file:.*}", web::get().to(assets::serve))
    .route("/", web::get().to(home::index))
    .route("/lang/{code}", web::get().to(home::switch_language))
    .route("/login", web::get().to(auth::staff_form))
    .route("/login", web::post().to(auth::staff_login))
    .route("/code", web::get().to(auth::code_form))
    .route("/code", web::post().to(auth::code_login))
    .route("/logout", web::post().to(auth::logout))
    .route("/account", web::get().to(account::show))
    .route("/account/sessions/revoke", web::post().to(account::revoke_all))
    .route("/api/v1/progress/{lesson}", web::post().to(progress_api::report))
    // Resumable uploads (tus 1.0.0).
    .configure(tus::routes)
    // The learner's phone: every page under /learn, and offline progress.
    .configure(learner::routes)
    .route("/trainer", web::get().to(trainer::home))
    .route("/trainer/learners", web::post().to(trainer::create_learner))
    .route("/trainer/learners/{id}/code", web::post().to(trainer::new_code))
    .route(
        "/trainer/learners/batch",
        web::post().to(code_sheets::create_batch),
    )
    .route(
        "/trainer/groups/{id}/codes",
        web::post().to(code_sheets::renew_group),
    )
    .route("/trainer/courses", web::get().to(courses::list))
    .route("/trainer/courses", web::post().to(courses::create))
    .route("/trainer/courses/{id}", web::get().to(courses::show))
    .route("/trainer/courses/{id}", web::post().to(courses::update))
    .route("/trainer/courses/{id}/publish", web::post().to(courses::publish))
    .route(
        "/trainer/courses/{id}/modules",
        web::post().to(courses::add_module),
    )
    .route("/trainer/modules/{id}", web::post().to(courses::rename_module))
    .route("/trainer/modules/{id}/move", web::post().to(courses::move_module))
    .route(
        "/trainer/courses/{id}/order",
        web::post().to(courses::order_modules),
    )
    .route(
        "/trainer/modules/{id}/order",
        web::post().to(courses::order_lessons),
    )
    .route(
        "/trainer/modules/{id}/lessons",
        web::post().to(courses::add_lesson),
    )
    .route("/trainer/lessons/{id}", web::get().to(courses::show_lesson))
    .route("/trainer/lessons/{id}", web::post().to(courses::update_lesson))
    .route("/trainer/lessons/{id}/move", web::post().to(courses::move_lesson))
    .route(
        "/trainer/lessons/{id}/preview",
        web::get().to(courses::preview_lesson),
    )
    .route(
        "/trainer/lessons/{id}/module",
        web::post().to(courses::change_module),
    )
    .route("/trainer/lessons/{id}/questions", web::post().to(questions::add))
    .route(
        "/trainer/questions/{id}/delete",
        web::post().to(questions::delete),
    )
    .route("/trainer/groups", web::get().to(groups::list))
    .route("/trainer/groups", web::post().to(groups::create))
    .route("/trainer/groups/{id}", web::get().to(groups::show))
    .route("/trainer/groups/{id}/members", web::post().to(groups::add_member))
    .route(
        "/trainer/groups/{id}/members/{learner}/remove",
        web::post().to(groups::remove_member),
    )
    .route(
        "/trainer/groups/{id}/courses",
        web::post().to(groups::assign_course),
    )
    .route(
        "/trainer/groups/{id}/room-viewing",
        web::post().to(groups::room_viewing),
    )
    // Reports: group matrix, learner timeline, CSV/JSON/xAPI exports.
    .route("/trainer/groups/{id}/report", web::get().to(reports::group_page))
    .route(
        "/trainer/groups/{id}/report.csv",
        web::get().to(reports::group_csv),
    )
    .route(
        "/trainer/groups/{id}/report.json",
        web::get().to(reports::group_json),
    )
    .route(
        "/trainer/groups/{id}/xapi.json",
        web::get().to(reports::group_xapi),
    )
    .route(
        "/trainer/learners/{id}/report",
        web::get().to(reports::learner_page),
    )
    .route(
        "/trainer/learners/{id}/report.csv",
        web::get().to(reports::learner_csv),
    )
    .route(
        "/trainer/learners/{id}/report.json",
        web::get().to(reports::learner_json),
    )
    .route(
        "/trainer/groups/{id}/courses/{course}/remove",
        web::post().to(groups::unassign_course),
    )
    .route("/trainer/videos", web::get().to(videos::list))
    .route("/trainer/videos", web::post().to(videos::upload))
    .route("/trainer/videos/{id}", web::get().to(videos::show))
    .route("/trainer/videos/{id}/cancel", web::post().to(videos::cancel))
    .route("/trainer/videos/{id}/events", web::get().to(videos::events))
    .route(
        "/trainer/videos/{id}/subtitles",
        web::post().to(subtitles::upload),
    )
    .route(
        "/trainer/videos/{id}/subtitles/{lang}/delete",
        web::post().to(subtitles::delete),
    )
    .route(
        "/media/videos/{id}/{file:.*}",
        web::get().to(media_files::package_file),
    )
    .route("/media/choices/{id}", web::get().to(choice_pictures::picture))
    .route("/admin", web::get().to(admin::home))
    .route("/admin/users", web::post().to(admin::create_user))
    .route(
        "/admin/users/{id}/sessions/revoke",
        web::post().to(admin::revoke_sessions),
    )
    .route("/admin/audit", web::get().to(admin::audit))
    // Werkakademie room: projector, pairing, remote (see web::room).
    .configure(room::routes)
    // Privacy (DSGVO): data downloads, deleting learners.
    .route(
        "/trainer/learners/{id}/data.json",
        web::get().to(privacy::learner_data),
    )
    .route("/admin/learners", web::get().to(privacy::admin_learners))
    .route(
        "/admin/learners/{id}/delete",
        web::post().to(privacy::delete_learner),
    )
    .default_service(web::to(|| async {
        Err::<actix_web::HttpResponse, _>(AppError::NotFound)
    }));
}
