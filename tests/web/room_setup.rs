//! Werkakademie room helpers: browsers whose cookies a WebSocket client can carry, a
//! projector paired the way the page does it, and reading JSON messages with a timeout.

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::cookie::{CookieStore, Jar};
use reqwest::Url;
use serde_json::Value;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::course_setup::{build_course, Course};
use crate::helpers::{location, Browser, TestApp, PASSWORD};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A browser whose cookie jar the test can read, to hand its cookies to a socket.
pub struct Agent {
    pub browser: Browser,
    jar: Arc<Jar>,
}

impl Agent {
    pub fn new(app: &TestApp) -> Agent {
        let jar = Arc::new(Jar::default());
        let client = crate::helpers::client_builder()
            .cookie_provider(jar.clone())
            .build()
            .unwrap();
        Agent {
            browser: Browser {
                client,
                address: app.address.clone(),
            },
            jar,
        }
    }

    /// Logged in as the staff member `username` (password `PASSWORD`).
    pub async fn staff(app: &TestApp, username: &str) -> Agent {
        let agent = Agent::new(app);
        assert_eq!(agent.browser.login(username, PASSWORD).await.status(), 303);
        agent
    }

    pub fn origin(&self) -> String {
        self.browser.address.clone()
    }

    fn cookies(&self) -> Option<HeaderValue> {
        let url = Url::parse(&self.browser.address).unwrap();
        self.jar
            .cookies(&url)
            .and_then(|v| HeaderValue::from_bytes(v.as_bytes()).ok())
    }

    /// Opens the socket at `path` with this browser's cookies and the given `Origin`.
    pub async fn socket_from(&self, path: &str, origin: Option<&str>) -> Result<Ws, WsError> {
        let url = format!("{}{path}", self.browser.address.replace("http://", "ws://"));
        let mut request = url.into_client_request().unwrap();
        if let Some(cookies) = self.cookies() {
            request.headers_mut().insert("cookie", cookies);
        }
        if let Some(origin) = origin {
            request
                .headers_mut()
                .insert("origin", HeaderValue::from_str(origin).unwrap());
        }
        tokio_tungstenite::connect_async(request).await.map(|(ws, _)| ws)
    }

    /// The socket at `path`, opened the way this server's own pages open it.
    pub async fn socket(&self, path: &str) -> Ws {
        self.socket_from(path, Some(&self.origin())).await.unwrap()
    }
}

/// The HTTP status a refused socket upgrade answered with.
pub fn refused_status(result: Result<Ws, WsError>) -> u16 {
    match result {
        Err(WsError::Http(response)) => response.status().as_u16(),
        Err(other) => panic!("expected an HTTP refusal, got {other}"),
        Ok(_) => panic!("the socket was opened"),
    }
}

/// The next JSON message that is not a pong; panics after 5 s.
pub async fn next_message(ws: &mut Ws) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .expect("a message within 5 s")
            .expect("the socket is open")
            .expect("a readable message");
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(text.as_str()).unwrap();
            if value["type"] != "pong" {
                return value;
            }
        }
    }
}

/// The next message of `kind`, skipping others (state updates from position reports).
pub async fn next_of(ws: &mut Ws, kind: &str) -> Value {
    loop {
        let message = next_message(ws).await;
        if message["type"] == kind {
            return message;
        }
    }
}

/// The next state message whose `seq` is above `seq`.
pub async fn state_after(ws: &mut Ws, seq: u64) -> Value {
    loop {
        let state = next_of(ws, "state").await;
        if state["seq"].as_u64().unwrap() > seq {
            return state;
        }
    }
}

pub async fn send(ws: &mut Ws, json: &str) {
    ws.send(Message::text(json.to_owned())).await.unwrap();
}

/// True when the server closes the socket within 5 s.
pub async fn closes(ws: &mut Ws) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        match tokio::time::timeout_at(deadline, ws.next()).await {
            Err(_) => return false,
            Ok(None | Some(Err(_)) | Some(Ok(Message::Close(_)))) => return true,
            Ok(Some(Ok(_))) => {}
        }
    }
}

/// A projector waiting on `/room`: its browser, socket and the code it shows.
pub struct WaitingProjector {
    pub agent: Agent,
    pub ws: Ws,
    pub code: String,
}

pub async fn waiting_projector(app: &TestApp) -> WaitingProjector {
    let agent = Agent::new(app);
    assert_eq!(agent.browser.get("/room").await.status(), 200);
    let mut ws = agent.socket("/room/socket").await;
    let shown = next_message(&mut ws).await;
    assert_eq!(shown["type"], "code", "{shown}");
    let code = shown["code"].as_str().unwrap().to_owned();
    WaitingProjector { agent, ws, code }
}

/// The trainer types `code` on the pairing page; returns the response.
pub async fn type_code(trainer: &Agent, code: &str) -> reqwest::Response {
    trainer
        .browser
        .submit("/trainer/room", "/trainer/room", &[("code", code)])
        .await
}

/// A paired projector: its browser (with the room cookie) and its room socket.
pub struct PairedProjector {
    pub agent: Agent,
    pub ws: Ws,
    pub room_id: String,
}

pub async fn claim(agent: &Agent, claim: &str) -> reqwest::Response {
    agent
        .browser
        .client
        .post(format!("{}/room/claim", agent.browser.address))
        .header("origin", agent.origin())
        .json(&serde_json::json!({ "claim": claim }))
        .send()
        .await
        .unwrap()
}

/// Pairs a new projector with `trainer`, the way the pages do it.
pub async fn paired_projector(app: &TestApp, trainer: &Agent) -> PairedProjector {
    let mut waiting = waiting_projector(app).await;
    let response = type_code(trainer, &waiting.code).await;
    assert_eq!(response.status(), 303);
    let room_id = location(&response)
        .strip_prefix("/trainer/room/")
        .unwrap()
        .to_owned();
    let paired = next_message(&mut waiting.ws).await;
    assert_eq!(paired["type"], "paired", "{paired}");
    assert_eq!(
        claim(&waiting.agent, paired["claim"].as_str().unwrap())
            .await
            .status(),
        204
    );
    let mut ws = waiting.agent.socket("/room/socket").await;
    let first = next_of(&mut ws, "state").await;
    assert_eq!(first["phase"], "idle");
    PairedProjector {
        agent: waiting.agent,
        ws,
        room_id,
    }
}

/// The course of `course_setup` and its trainer logged in a second time with a readable
/// cookie jar.
pub struct RoomCourse {
    pub course: Course,
    pub trainer: Agent,
    pub trainer_id: i64,
}

pub async fn room_course(app: &TestApp) -> RoomCourse {
    use sea_orm::EntityTrait;
    let course = build_course(app, 60.0).await;
    let owner = entities::course::Entity::find_by_id(course.course_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .owner_id;
    let username = entities::user::Entity::find_by_id(owner)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .username
        .unwrap();
    let trainer = Agent::staff(app, &username).await;
    RoomCourse {
        course,
        trainer,
        trainer_id: owner,
    }
}

/// A remote socket of `trainer` for `room_id`, past its first state message.
pub async fn remote(trainer: &Agent, room_id: &str) -> (Ws, Value) {
    let mut ws = trainer.socket(&format!("/trainer/room/{room_id}/socket")).await;
    let first = next_of(&mut ws, "state").await;
    (ws, first)
}

/// A staff member of `role` logged in with a readable jar.
pub async fn other_staff(app: &TestApp, role: lernwerk::accounts::Role) -> (Agent, i64) {
    let name = crate::helpers::unique_name("other");
    let id = app.create_staff(role, &name).await;
    (Agent::staff(app, &name).await, id)
}
