//! Who sends a progress heartbeat. Heartbeats are the one request every watching learner
//! repeats every few seconds, so the session behind the cookie is remembered for a short
//! while instead of being looked up each time. The price, limited to heartbeats: a session
//! revoked elsewhere can still report its own progress for up to `REMEMBER_FOR`. Every
//! page and every other API keeps checking the database on each request.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use subtle::ConstantTimeEq;

use super::error::AppError;
use crate::accounts::{sessions, Role};
use sea_orm::DatabaseConnection;

const REMEMBER_FOR: Duration = Duration::from_secs(5);
/// Beyond this many remembered sessions the memory starts afresh.
const MAX_REMEMBERED: usize = 50_000;

#[derive(Clone)]
struct Known {
    learner_id: Option<i64>,
    csrf_token: String,
    expires_at: DateTime<Utc>,
    checked: Instant,
}

#[derive(Default)]
pub struct HeartbeatSessions {
    known: Mutex<HashMap<String, Known>>,
}

impl HeartbeatSessions {
    /// The learner behind `token` if the session is live, belongs to a learner and
    /// `csrf` is its token. Staff get 403; no session at all, 303 to the code login.
    pub async fn learner(
        &self,
        db: &DatabaseConnection,
        token: Option<&str>,
        csrf: &str,
    ) -> Result<i64, AppError> {
        // Tokens are 43 characters; anything else is a broken cookie, not a lookup.
        let token = token.filter(|t| t.len() == 43).ok_or(AppError::LoginRequired {
            login_path: "/code",
            next: None,
        })?;
        let known = match self.remembered(token) {
            Some(known) => known,
            None => self.look_up(db, token).await?,
        };
        if known.expires_at <= Utc::now() {
            return Err(AppError::LoginRequired {
                login_path: "/code",
                next: None,
            });
        }
        let learner_id = known.learner_id.ok_or(AppError::Forbidden)?;
        if csrf.is_empty() || !bool::from(csrf.as_bytes().ct_eq(known.csrf_token.as_bytes())) {
            return Err(AppError::Csrf);
        }
        Ok(learner_id)
    }

    fn remembered(&self, token: &str) -> Option<Known> {
        let known = self.known.lock().ok()?;
        known
            .get(token)
            .filter(|k| k.checked.elapsed() < REMEMBER_FOR)
            .cloned()
    }

    async fn look_up(&self, db: &DatabaseConnection, token: &str) -> Result<Known, AppError> {
        let (session, user) = sessions::find_live(db, token)
            .await?
            .ok_or(AppError::LoginRequired {
                login_path: "/code",
                next: None,
            })?;
        let known = Known {
            learner_id: (user.role == Role::Learner.as_str()).then_some(user.id),
            csrf_token: session.csrf_token,
            expires_at: session.expires_at,
            checked: Instant::now(),
        };
        if let Ok(mut all) = self.known.lock() {
            if all.len() >= MAX_REMEMBERED {
                all.clear();
            }
            all.insert(token.to_owned(), known.clone());
        }
        Ok(known)
    }
}
