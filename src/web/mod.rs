//! HTTP: thin handlers per area that parse, call the domain modules and render.

pub mod account;
pub mod admin;
pub mod assets;
pub mod auth;
pub mod error;
pub mod health;
pub mod home;
pub mod i18n;
pub mod learner;
pub mod media_files;
pub mod middleware;
pub mod render;
pub mod session;
pub mod trainer;
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
    .route("/learn", web::get().to(learner::home))
    .route("/trainer", web::get().to(trainer::home))
    .route("/trainer/learners", web::post().to(trainer::create_learner))
    .route("/trainer/learners/{id}/code", web::post().to(trainer::new_code))
    .route("/trainer/videos", web::get().to(videos::list))
    .route("/trainer/videos", web::post().to(videos::upload))
    .route("/trainer/videos/{id}", web::get().to(videos::show))
    .route("/trainer/videos/{id}/cancel", web::post().to(videos::cancel))
    .route("/trainer/videos/{id}/events", web::get().to(videos::events))
    .route(
        "/media/videos/{id}/{file:.*}",
        web::get().to(media_files::package_file),
    )
    .route("/admin", web::get().to(admin::home))
    .route("/admin/users", web::post().to(admin::create_user))
    .route(
        "/admin/users/{id}/sessions/revoke",
        web::post().to(admin::revoke_sessions),
    )
    .route("/admin/audit", web::get().to(admin::audit))
    .default_service(web::to(|| async {
        Err::<actix_web::HttpResponse, _>(AppError::NotFound)
    }));
}
