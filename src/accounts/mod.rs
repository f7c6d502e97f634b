//! Accounts and how people prove who they are: staff passwords, learner access codes,
//! sessions, login rate limits and the audit log. Knows nothing of HTTP.

pub mod access_code;
pub mod audit;
pub mod learners;
pub mod password;
pub mod privacy;
pub mod rate_limit;
pub mod sessions;
pub mod staff;

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// What a person may do. Ordered: an admin may do all a trainer may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Learner,
    Trainer,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Trainer => "trainer",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = AccountError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "learner" => Ok(Role::Learner),
            "trainer" => Ok(Role::Trainer),
            "admin" => Ok(Role::Admin),
            other => Err(AccountError::UnknownRole(other.to_owned())),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("unknown role {0:?}")]
    UnknownRole(String),
    #[error("the user name must be 3 to 64 letters, digits, dots, dashes or underscores")]
    BadUsername,
    #[error("the password must be at least {min} characters long", min = password::MIN_LENGTH)]
    WeakPassword,
    #[error("the nickname may be at most 64 characters")]
    BadNickname,
    #[error("a sheet holds 1 to {max} learners", max = learners::MAX_SHEET_LEARNERS)]
    BadCount,
    #[error("the user name is taken")]
    UsernameTaken,
    #[error("no such account")]
    NotFound,
    #[error("password hashing failed: {0}")]
    Hashing(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// Hex SHA-256 of a secret that is already random enough (session tokens, access codes),
/// so that the database never holds the secret itself.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A random token for cookies and CSRF: 32 bytes, URL-safe base64.
pub fn random_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
