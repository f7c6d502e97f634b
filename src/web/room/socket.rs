//! One WebSocket connection as the room loops use it: JSON out, text in, and keep-alive.
//! Protocol pings go out every few seconds; a peer silent for three of them is gone (a
//! projector whose cable was pulled). Page scripts also send `{"type":"ping"}` and get
//! `{"type":"pong"}`, since browsers cannot see protocol pings and must notice a dead
//! connection themselves to reconnect.

use std::time::{Duration, Instant};

use actix_ws::{Message, MessageStream, Session};
use serde::Serialize;

use super::super::i18n::Lang;
use crate::rooms::messages::MAX_MESSAGE_BYTES;

pub enum Inbound {
    Text(String),
    /// Handled here (a ping, a pong, a refused frame): nothing for the loop to do.
    Handled,
    Closed,
}

pub struct Socket {
    session: Session,
    stream: MessageStream,
    last_heard: Instant,
    ping_every: Duration,
    pub lang: Lang,
}

impl Socket {
    pub fn new(session: Session, stream: MessageStream, ping_every: Duration, lang: Lang) -> Socket {
        Socket {
            session,
            // Room for a message a little over our limit, so that one gets a clear error
            // instead of a closed connection.
            stream: stream.max_frame_size(MAX_MESSAGE_BYTES * 4),
            last_heard: Instant::now(),
            ping_every,
            lang,
        }
    }

    pub fn ping_every(&self) -> Duration {
        self.ping_every
    }

    /// The next message from the peer.
    pub async fn recv(&mut self) -> Inbound {
        let Some(Ok(message)) = self.stream.recv().await else {
            return Inbound::Closed;
        };
        self.last_heard = Instant::now();
        match message {
            Message::Text(text) => Inbound::Text(text.to_string()),
            Message::Ping(bytes) => match self.session.pong(&bytes).await {
                Ok(()) => Inbound::Handled,
                Err(_) => Inbound::Closed,
            },
            Message::Pong(_) | Message::Nop => Inbound::Handled,
            Message::Binary(_) | Message::Continuation(_) => {
                if self.send_error("room-error-message").await {
                    Inbound::Handled
                } else {
                    Inbound::Closed
                }
            }
            Message::Close(_) => Inbound::Closed,
        }
    }

    /// Sends `value` as JSON; false once the connection is gone.
    pub async fn send(&mut self, value: &impl Serialize) -> bool {
        match serde_json::to_string(value) {
            Ok(text) => self.session.text(text).await.is_ok(),
            Err(e) => {
                tracing::error!(error = %e, "room message not serialisable");
                false
            }
        }
    }

    /// `{"type":"error","key":…,"message":…}` in the peer's language.
    pub async fn send_error(&mut self, key: &str) -> bool {
        let message = self.lang.t(key);
        self.send(&serde_json::json!({ "type": "error", "key": key, "message": message }))
            .await
    }

    pub async fn pong(&mut self) -> bool {
        self.send(&serde_json::json!({ "type": "pong" })).await
    }

    /// Called every `ping_every`: false when the peer has been silent too long.
    pub async fn keep_alive(&mut self) -> bool {
        if self.last_heard.elapsed() > self.ping_every * 3 {
            return false;
        }
        self.session.ping(b"").await.is_ok()
    }

    pub async fn close(self) {
        let _ = self.session.close(None).await;
    }
}

/// A ticker for `Socket::keep_alive` whose first tick is one period away.
pub fn ping_ticker(every: Duration) -> tokio::time::Interval {
    let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker
}
