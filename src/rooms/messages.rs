//! What the two ends may send over their sockets, as JSON with a `type`. Anything else
//! is answered with an error and the connection stays open.

use serde::Deserialize;

/// The longest message either end sends is a presence list; more is not from our pages.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

/// From the trainer's phone.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RemoteMessage {
    Ping,
    /// Put this lesson on the projector (waiting to be played).
    Choose {
        lesson_id: i64,
    },
    Play,
    Pause,
    /// Jump back; 10 s unless told otherwise (1 to 60).
    Back {
        seconds: Option<f64>,
    },
    /// The next lesson of the course.
    Next,
    /// The idle screen, no lesson.
    Clear,
    Subtitles {
        on: Option<bool>,
        lang: Option<String>,
        size: Option<String>,
    },
    /// These learners of the group were in the room: credit for the lessons played.
    Present {
        group_id: i64,
        learner_ids: Vec<i64>,
    },
}

/// From the projector.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProjectorMessage {
    Ping,
    /// Where the video is; `seq` is the last state the projector applied.
    Position {
        lesson_id: i64,
        seq: u64,
        position: f64,
    },
    Ended {
        lesson_id: i64,
        seq: u64,
    },
    /// The browser refused to start playback without a click (or allows it again).
    Autoplay {
        blocked: bool,
    },
}

/// Why a message was not understood; the key is what the sender is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error("not a message we understand")]
    Malformed,
    #[error("message too long")]
    TooLong,
    #[error("back needs 1 to 60 seconds")]
    BadSeconds,
}

impl MessageError {
    pub fn message_key(self) -> &'static str {
        match self {
            MessageError::Malformed => "room-error-message",
            MessageError::TooLong => "room-error-message-long",
            MessageError::BadSeconds => "room-error-seconds",
        }
    }
}

fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, MessageError> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(MessageError::TooLong);
    }
    serde_json::from_str(text).map_err(|_| MessageError::Malformed)
}

pub fn parse_remote(text: &str) -> Result<RemoteMessage, MessageError> {
    let message: RemoteMessage = parse(text)?;
    if let RemoteMessage::Back { seconds: Some(s) } = &message {
        if !(1.0..=60.0).contains(s) {
            return Err(MessageError::BadSeconds);
        }
    }
    Ok(message)
}

pub fn parse_projector(text: &str) -> Result<ProjectorMessage, MessageError> {
    parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_messages_parse_and_bad_ones_are_told_apart() {
        assert_eq!(parse_remote(r#"{"type":"play"}"#), Ok(RemoteMessage::Play));
        assert_eq!(
            parse_remote(r#"{"type":"choose","lesson_id":4}"#),
            Ok(RemoteMessage::Choose { lesson_id: 4 })
        );
        assert_eq!(
            parse_remote(r#"{"type":"back"}"#),
            Ok(RemoteMessage::Back { seconds: None })
        );
        for bad in [
            "",
            "play",
            "{}",
            r#"{"type":"fly"}"#,
            r#"{"type":"choose","lesson_id":"4"}"#,
            r#"{"type":"choose"}"#,
            r#"{"type":"present","group_id":1,"learner_ids":[1,"x"]}"#,
            r#"[{"type":"play"}]"#,
        ] {
            assert_eq!(parse_remote(bad), Err(MessageError::Malformed), "{bad}");
        }
        assert_eq!(
            parse_remote(r#"{"type":"back","seconds":600}"#),
            Err(MessageError::BadSeconds)
        );
        let long = format!(r#"{{"type":"ping","pad":"{}"}}"#, "x".repeat(MAX_MESSAGE_BYTES));
        assert_eq!(parse_remote(&long), Err(MessageError::TooLong));
    }

    #[test]
    fn projector_messages_parse() {
        assert_eq!(
            parse_projector(r#"{"type":"position","lesson_id":1,"seq":3,"position":12.5}"#),
            Ok(ProjectorMessage::Position {
                lesson_id: 1,
                seq: 3,
                position: 12.5
            })
        );
        assert_eq!(
            parse_projector(r#"{"type":"play"}"#),
            Err(MessageError::Malformed),
            "the projector gives no commands"
        );
    }
}
