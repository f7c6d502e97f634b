//! The projector: `/room` needs no login and shows nothing personal. Its socket shows a
//! pairing code until a trainer confirms it, then trades the claim it receives for the
//! room's secret (an HttpOnly cookie) and from then on follows the room's state.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::origin::is_same_origin;
use super::socket::{ping_ticker, Inbound, Socket};
use super::views;
use crate::app::AppState;
use crate::rooms::messages::{parse_projector, ProjectorMessage};
use crate::rooms::pairing_code;
use crate::rooms::{Room, Rooms};
use crate::web::error::AppError;
use crate::web::qr;
use crate::web::render;
use crate::web::session::{client_address, Visitor};

/// The projector's secret: binds this browser to its room.
pub const ROOM_COOKIE: &str = "lw_room";
/// As long as a room can live.
const COOKIE_HOURS: i64 = 14;

/// The room a request's projector cookie binds it to.
pub fn room_of_request(state: &AppState, req: &HttpRequest) -> Option<Arc<Room>> {
    let secret = req.cookie(ROOM_COOKIE)?;
    // Secrets are 43 characters; anything else is not worth a lookup.
    (secret.value().len() == 43)
        .then(|| state.rooms.for_projector(secret.value(), Instant::now()))
        .flatten()
}

pub async fn page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let mut ctx = render::base_context(&req, &visitor);
    let info = req.connection_info();
    ctx.insert("remote_url", &format!("{}/trainer/room", info.host()));
    ctx.insert("paired", &room_of_request(&state, &req).is_some());
    render::page(
        &state,
        &req,
        &visitor,
        "room/projector.html",
        StatusCode::OK,
        &ctx,
    )
}

#[derive(Deserialize)]
pub struct QrQuery {
    c: Option<String>,
}

/// A pairing code as a QR code that opens the trainer's pairing page with the code filled
/// in: scanning it saves typing. It shows only what the screen shows anyway.
pub async fn pairing_qr(req: HttpRequest, query: web::Query<QrQuery>) -> Result<HttpResponse, AppError> {
    let code = query
        .c
        .as_deref()
        .and_then(pairing_code::normalize)
        .ok_or(AppError::NotFound)?;
    let info = req.connection_info();
    let url = format!("{}://{}/trainer/room?c={code}", info.scheme(), info.host());
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((header::CACHE_CONTROL, "private, max-age=600"))
        .body(qr::svg(&url, 320)?))
}

pub async fn socket(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    body: web::Payload,
) -> Result<HttpResponse, AppError> {
    if !is_same_origin(&req) {
        return Err(AppError::Forbidden);
    }
    let room = room_of_request(&state, &req);
    let (response, session, stream) =
        actix_ws::handle(&req, body).map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let every = std::time::Duration::from_secs(state.rooms.settings.ping_seconds.max(1));
    let socket = Socket::new(session, stream, every, visitor.lang);
    match room {
        Some(room) => actix_web::rt::spawn(follow_room(room, socket)),
        None => actix_web::rt::spawn(wait_for_pairing(
            state.rooms.clone(),
            client_address(&req),
            socket,
        )),
    };
    Ok(response)
}

/// Shows codes (a new one whenever the last expires) until a trainer confirms one, then
/// hands over the claim and ends: the page claims its secret and reconnects.
async fn wait_for_pairing(rooms: Arc<Rooms>, address: IpAddr, mut socket: Socket) {
    let mut screen = match rooms.open_screen(address, Instant::now()) {
        Ok(screen) => screen,
        Err(refusal) => {
            socket.send_error(refusal.message_key()).await;
            socket.close().await;
            return;
        }
    };
    let mut ticker = ping_ticker(socket.ping_every());
    'codes: loop {
        let Some((code, expires)) = rooms.new_code(screen.id, Instant::now()) else {
            // Paired just as the code was due for renewal: the claim is waiting.
            if let Ok(claim) = screen.paired.try_recv() {
                socket
                    .send(&serde_json::json!({ "type": "paired", "claim": claim }))
                    .await;
            }
            break;
        };
        let seconds = expires.saturating_duration_since(Instant::now()).as_secs();
        let shown = serde_json::json!({ "type": "code", "code": code, "seconds": seconds });
        if !socket.send(&shown).await {
            break;
        }
        let renew = tokio::time::sleep_until(tokio::time::Instant::from_std(expires));
        tokio::pin!(renew);
        loop {
            tokio::select! {
                biased;
                claim = &mut screen.paired => {
                    if let Ok(claim) = claim {
                        socket.send(&serde_json::json!({ "type": "paired", "claim": claim })).await;
                    }
                    break 'codes;
                }
                () = &mut renew => continue 'codes,
                inbound = socket.recv() => match inbound {
                    Inbound::Text(text) => match parse_projector(&text) {
                        Ok(ProjectorMessage::Ping) => {
                            if !socket.pong().await {
                                break 'codes;
                            }
                        }
                        // Reports before pairing have nothing to report on.
                        Ok(_) => {}
                        Err(e) => {
                            if !socket.send_error(e.message_key()).await {
                                break 'codes;
                            }
                        }
                    },
                    Inbound::Handled => {}
                    Inbound::Closed => break 'codes,
                },
                _ = ticker.tick() => {
                    if !socket.keep_alive().await {
                        break 'codes;
                    }
                }
            }
        }
    }
    rooms.close_screen(screen.id);
    socket.close().await;
}

/// Sends the room's state whenever it changes in a way the projector acts on, and takes
/// its reports on playback.
async fn follow_room(room: Arc<Room>, mut socket: Socket) {
    let _attendance = room.attend(true, Instant::now());
    let mut changes = room.subscribe();
    let mut sent_seq = 0;
    let mut ticker = ping_ticker(socket.ping_every());
    loop {
        tokio::select! {
            changed = changes.changed() => {
                if changed.is_err() {
                    break;
                }
                let state = changes.borrow_and_update().clone();
                if state.closed {
                    socket.send(&serde_json::json!({ "type": "closed" })).await;
                    break;
                }
                // Position reports and who is connected are for the remote only.
                if state.seq != sent_seq {
                    sent_seq = state.seq;
                    if !socket.send(&views::projector(&state, Instant::now())).await {
                        break;
                    }
                }
            }
            inbound = socket.recv() => match inbound {
                Inbound::Text(text) => {
                    if !take_report(&room, &mut socket, &text).await {
                        break;
                    }
                }
                Inbound::Handled => {}
                Inbound::Closed => break,
            },
            _ = ticker.tick() => {
                if !socket.keep_alive().await {
                    break;
                }
            }
        }
    }
    socket.close().await;
}

/// False when the connection is gone.
async fn take_report(room: &Room, socket: &mut Socket, text: &str) -> bool {
    let now = Instant::now();
    match parse_projector(text) {
        Ok(ProjectorMessage::Ping) => socket.pong().await,
        Ok(ProjectorMessage::Position {
            lesson_id,
            seq,
            position,
        }) => {
            room.update(|s| {
                s.projector_report(lesson_id, seq, position, now);
                (true, ())
            });
            true
        }
        Ok(ProjectorMessage::Ended { lesson_id, seq }) => {
            room.update(|s| {
                s.projector_ended(lesson_id, seq, now);
                (true, ())
            });
            true
        }
        Ok(ProjectorMessage::Autoplay { blocked }) => {
            room.update(|s| {
                let changed = s.autoplay_blocked != blocked;
                s.autoplay_blocked = blocked;
                (changed, ())
            });
            true
        }
        Err(e) => socket.send_error(e.message_key()).await,
    }
}

#[derive(Deserialize)]
pub struct ClaimBody {
    #[serde(default)]
    claim: String,
}

/// Trades the claim the socket delivered for the room's secret, as an HttpOnly cookie.
pub async fn claim(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<ClaimBody>,
) -> Result<HttpResponse, AppError> {
    if !is_same_origin(&req) {
        return Err(AppError::Forbidden);
    }
    let (_, secret) = state
        .rooms
        .claim(&body.claim, Instant::now())
        .ok_or(AppError::NotFound)?;
    let cookie = Cookie::build(ROOM_COOKIE, secret)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(req.connection_info().scheme() == "https")
        .max_age(time::Duration::hours(COOKIE_HOURS))
        .finish();
    Ok(HttpResponse::NoContent().cookie(cookie).finish())
}
