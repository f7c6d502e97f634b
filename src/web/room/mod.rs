//! Werkakademie room over HTTP: the projector page and its socket, the trainer's pairing
//! page and remote with theirs, and what a paired projector may fetch. The rules live in
//! `crate::rooms`.

pub mod media;
mod origin;
pub mod projector;
pub mod remote;
mod socket;
mod views;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/room", web::get().to(projector::page))
        .route("/room/socket", web::get().to(projector::socket))
        .route("/room/claim", web::post().to(projector::claim))
        .route("/room/pairing-qr.svg", web::get().to(projector::pairing_qr))
        .route("/room/videos/{id}/top.m3u8", web::get().to(media::top_playlist))
        .route("/trainer/room", web::get().to(remote::pair_page))
        .route("/trainer/room", web::post().to(remote::pair))
        .route("/trainer/room/{id}", web::get().to(remote::page))
        .route("/trainer/room/{id}/catalog", web::get().to(remote::catalog))
        .route("/trainer/room/{id}/socket", web::get().to(remote::socket))
        .route("/trainer/room/{id}/close", web::post().to(remote::close));
}
