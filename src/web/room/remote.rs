//! The trainer's phone: "Raum steuern" (type the projector's code), then the remote for
//! that room. Its socket needs the trainer's session and a same-origin `Origin`; every
//! command is checked here and in the course engine before it reaches the projector.

use std::sync::Arc;
use std::time::Instant;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::origin::is_same_origin;
use super::socket::{ping_ticker, Inbound, Socket};
use super::views;
use crate::accounts::{sessions, Role};
use crate::app::AppState;
use crate::rooms::messages::{parse_remote, RemoteMessage};
use crate::rooms::state::{Refusal, SubtitleSize};
use crate::rooms::{catalog, lessons, presence, Room, RoomError};
use crate::web::courses::{see_other, staff};
use crate::web::error::AppError;
use crate::web::render;
use crate::web::session::{client_address, Visitor};

/// A room of the trainer's, as the pairing page lists it.
#[derive(Serialize)]
struct RoomRow {
    id: String,
    paired_at: String,
    lesson: Option<String>,
    projector_connected: bool,
}

#[derive(Deserialize)]
pub struct PairQuery {
    c: Option<String>,
}

pub async fn pair_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    query: web::Query<PairQuery>,
) -> Result<HttpResponse, AppError> {
    staff(&visitor)?;
    let typed: String = query.c.as_deref().unwrap_or("").chars().take(16).collect();
    show_pair_page(&state, &req, &visitor, &typed, None, StatusCode::OK)
}

fn show_pair_page(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    typed: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (staff_id, _) = staff(visitor)?;
    let rooms: Vec<RoomRow> = state
        .rooms
        .of_trainer(staff_id, Instant::now())
        .into_iter()
        .map(|room| {
            let snapshot = room.snapshot();
            RoomRow {
                id: room.id.clone(),
                paired_at: room.paired_at.format("%H:%M").to_string(),
                lesson: snapshot.lesson.map(|l| l.lesson_title),
                projector_connected: snapshot.projector_connected,
            }
        })
        .collect();
    let mut ctx = render::base_context(req, visitor);
    ctx.insert("rooms", &rooms);
    ctx.insert("code", typed);
    if let Some(key) = error {
        ctx.insert("error", &visitor.lang.t(key));
    }
    render::page(state, req, visitor, "room/pair.html", status, &ctx)
}

#[derive(Deserialize)]
pub struct PairForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf_token: String,
}

/// The trainer typed the projector's code.
pub async fn pair(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    form: web::Form<PairForm>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, _) = staff(&visitor)?;
    visitor.check_csrf(&form.csrf_token)?;
    let typed: String = form.code.chars().take(16).collect();
    if typed.trim().is_empty() {
        return show_pair_page(
            &state,
            &req,
            &visitor,
            "",
            Some("room-error-code-missing"),
            StatusCode::BAD_REQUEST,
        );
    }
    let rooms = &state.rooms;
    let (trainer_key, address_key) = (
        format!("trainer:{staff_id}"),
        format!("address:{}", client_address(&req)),
    );
    let wait = rooms
        .wrong_codes_per_trainer
        .blocked_for(&trainer_key)
        .or_else(|| rooms.wrong_codes_per_address.blocked_for(&address_key));
    if let Some(wait) = wait {
        return Err(AppError::TooManyAttempts(wait.as_secs().max(1)));
    }
    match rooms.confirm(&typed, staff_id, Instant::now()) {
        Ok(room) => {
            rooms.wrong_codes_per_trainer.reset(&trainer_key);
            Ok(see_other(format!("/trainer/room/{}", room.id)))
        }
        Err(refusal) => {
            // A typo that cannot be a code tells nothing about the codes: not counted.
            if refusal != crate::rooms::registry::PairingRefusal::Malformed {
                rooms.wrong_codes_per_trainer.record_failure(&trainer_key);
                rooms.wrong_codes_per_address.record_failure(&address_key);
            }
            show_pair_page(
                &state,
                &req,
                &visitor,
                &typed,
                Some(refusal.message_key()),
                StatusCode::UNAUTHORIZED,
            )
        }
    }
}

fn own_room(state: &AppState, visitor: &Visitor, id: &str) -> Result<Arc<Room>, AppError> {
    let (staff_id, _) = staff(visitor)?;
    state
        .rooms
        .for_trainer(id, staff_id, Instant::now())
        .ok_or(AppError::NotFound)
}

pub async fn page(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let room = own_room(&state, &visitor, &id)?;
    let mut ctx = render::base_context(&req, &visitor);
    ctx.insert("room_id", &room.id);
    render::page(&state, &req, &visitor, "room/remote.html", StatusCode::OK, &ctx)
}

/// The trainer's courses, modules, lessons and groups, for the remote's choices.
pub async fn catalog(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    own_room(&state, &visitor, &id)?;
    let (staff_id, role) = staff(&visitor)?;
    let catalog = catalog::of_staff(&state.db, staff_id, role).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(catalog))
}

pub async fn close(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<String>,
    form: web::Form<crate::web::auth::CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let room = own_room(&state, &visitor, &id)?;
    visitor.check_csrf(&form.csrf_token)?;
    state.rooms.close(&room.id, room.trainer_id);
    Ok(see_other("/trainer/room".into()))
}

/// Who steers: checked again on every keep-alive, so a logout ends the remote.
struct Steerer {
    id: i64,
    role: Role,
    session_token: String,
}

pub async fn socket(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<String>,
    body: web::Payload,
) -> Result<HttpResponse, AppError> {
    let (staff_id, role) = staff(&visitor)?;
    if !is_same_origin(&req) {
        return Err(AppError::Forbidden);
    }
    let room = own_room(&state, &visitor, &id)?;
    let session_token = visitor.session_token.clone().ok_or(AppError::Forbidden)?;
    let (response, session, stream) =
        actix_ws::handle(&req, body).map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let every = std::time::Duration::from_secs(state.rooms.settings.ping_seconds.max(1));
    let socket = Socket::new(session, stream, every, visitor.lang);
    let steerer = Steerer {
        id: staff_id,
        role,
        session_token,
    };
    actix_web::rt::spawn(steer(state.into_inner(), room, steerer, socket));
    Ok(response)
}

async fn steer(state: Arc<AppState>, room: Arc<Room>, steerer: Steerer, mut socket: Socket) {
    let _attendance = room.attend(false, Instant::now());
    let mut changes = room.subscribe();
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
                if !socket.send(&views::remote(&state, Instant::now())).await {
                    break;
                }
            }
            inbound = socket.recv() => match inbound {
                Inbound::Text(text) => {
                    if !command(&state, &room, &steerer, &mut socket, &text).await {
                        break;
                    }
                }
                Inbound::Handled => {}
                Inbound::Closed => break,
            },
            _ = ticker.tick() => {
                if !socket.keep_alive().await || !still_allowed(&state, &steerer).await {
                    break;
                }
            }
        }
    }
    socket.close().await;
}

async fn still_allowed(state: &AppState, steerer: &Steerer) -> bool {
    match sessions::find_live(&state.db, &steerer.session_token).await {
        Ok(Some((_, user))) => {
            user.id == steerer.id && user.role.parse::<Role>().is_ok_and(|r| r >= Role::Trainer)
        }
        Ok(None) => false,
        // The database hiccuped: keep the remote, check again next time.
        Err(e) => {
            tracing::warn!(error = %e, "room: session check failed");
            true
        }
    }
}

/// Applies one message from the remote; false when the connection is gone.
async fn command(state: &AppState, room: &Room, steerer: &Steerer, socket: &mut Socket, text: &str) -> bool {
    let now = Instant::now();
    let message = match parse_remote(text) {
        Ok(message) => message,
        Err(e) => return socket.send_error(e.message_key()).await,
    };
    let outcome: Result<(), RoomError> = match message {
        RemoteMessage::Ping => return socket.pong().await,
        RemoteMessage::Choose { lesson_id } => {
            lessons::on_air(&state.db, steerer.id, steerer.role, lesson_id)
                .await
                .map(|lesson| room.update(|s| (true, s.choose(lesson, now))))
        }
        RemoteMessage::Next => match room.snapshot().lesson {
            None => Err(RoomError::Refused(Refusal::NoLesson.message_key())),
            Some(current) => lessons::next(&state.db, steerer.id, steerer.role, &current)
                .await
                .map(|lesson| room.update(|s| (true, s.choose(lesson, now)))),
        },
        RemoteMessage::Play => refused_or_done(room.update(|s| changed(s.play(now)))),
        RemoteMessage::Pause => refused_or_done(room.update(|s| changed(s.pause(now)))),
        RemoteMessage::Back { seconds } => {
            refused_or_done(room.update(|s| changed(s.back(seconds.unwrap_or(10.0), now))))
        }
        RemoteMessage::Clear => {
            room.update(|s| (true, s.clear(now)));
            Ok(())
        }
        RemoteMessage::Subtitles { on, lang, size } => match size.as_deref().map(SubtitleSize::parse) {
            Some(None) => Err(RoomError::Refused("room-error-subtitle-size")),
            size => refused_or_done(
                room.update(|s| changed(s.set_subtitles(on, lang.as_deref(), size.flatten()))),
            ),
        },
        RemoteMessage::Present {
            group_id,
            learner_ids,
        } => {
            match presence::credit(&state.db, room, steerer.id, steerer.role, group_id, &learner_ids).await {
                Ok(credit) => {
                    let message = socket.lang.t_args(
                        "room-credited",
                        &[
                            ("learners", credit.learners.to_string()),
                            ("lessons", credit.lessons.to_string()),
                        ],
                    );
                    let reply = serde_json::json!({
                        "type": "credited",
                        "learners": credit.learners,
                        "lessons": credit.lessons,
                        "outside_group": credit.outside_group,
                        "message": message,
                    });
                    return socket.send(&reply).await;
                }
                Err(e) => Err(e),
            }
        }
    };
    match outcome {
        Ok(()) => true,
        Err(e) => {
            if matches!(e, RoomError::Db(_)) || e.message_key() == "error-internal" {
                tracing::error!(error = %e, "room command failed");
            }
            socket.send_error(e.message_key()).await
        }
    }
}

/// For `Room::update`: notify only when the command changed something.
fn changed(result: Result<(), Refusal>) -> (bool, Option<Refusal>) {
    match result {
        Ok(()) => (true, None),
        Err(refusal) => (false, Some(refusal)),
    }
}

fn refused_or_done(refusal: Option<Refusal>) -> Result<(), RoomError> {
    match refusal {
        None => Ok(()),
        Some(r) => Err(RoomError::Refused(r.message_key())),
    }
}
