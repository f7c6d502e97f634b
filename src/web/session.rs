//! Who is asking: the `Visitor` extractor reads the session cookie, and carries the CSRF
//! token every form of theirs must send back.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{web, FromRequest, HttpRequest, HttpResponseBuilder};
use entities::user;
use subtle::ConstantTimeEq;

use super::error::AppError;
use super::i18n::Lang;
use crate::accounts::{random_token, sessions, Role};
use crate::app::AppState;

pub const SESSION_COOKIE: &str = "lw_session";
pub const CSRF_COOKIE: &str = "lw_csrf";

pub struct Visitor {
    pub user: Option<user::Model>,
    pub lang: Lang,
    /// The session cookie's token, when a live session matched it.
    pub session_token: Option<String>,
    session_csrf: Option<String>,
    /// Anonymous double-submit token: from the cookie, or new (then `anon_csrf_is_new`).
    anon_csrf: String,
    anon_csrf_is_new: bool,
    /// The page a GET asked for, to come back to after the staff login.
    asked_for: Option<String>,
}

impl Visitor {
    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().and_then(|u| u.role.parse().ok())
    }

    /// The token this visitor's forms carry: the session's, or the anonymous cookie's.
    pub fn csrf_token(&self) -> &str {
        self.session_csrf.as_deref().unwrap_or(&self.anon_csrf)
    }

    /// A token that the response must set as cookie, if this visitor has none yet.
    pub fn new_anonymous_csrf(&self) -> Option<&str> {
        (self.session_csrf.is_none() && self.anon_csrf_is_new).then_some(self.anon_csrf.as_str())
    }

    /// Accepts a form post only with the token this visitor was given.
    pub fn check_csrf(&self, sent: &str) -> Result<(), AppError> {
        let expected = match &self.session_csrf {
            Some(token) => token.as_str(),
            None if !self.anon_csrf_is_new => self.anon_csrf.as_str(),
            None => return Err(AppError::Csrf),
        };
        if !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes())) {
            Ok(())
        } else {
            Err(AppError::Csrf)
        }
    }

    /// The logged-in user if their role is at least `role`. Anonymous visitors are sent
    /// to the login page that fits the role; logged-in ones with a lower role get 403.
    pub fn require(&self, role: Role) -> Result<&user::Model, AppError> {
        let Some(user) = &self.user else {
            // Learners log in with a code and always start at their home page.
            return Err(match role {
                Role::Learner => AppError::LoginRequired {
                    login_path: "/code",
                    next: None,
                },
                _ => AppError::LoginRequired {
                    login_path: "/login",
                    next: self.asked_for.clone(),
                },
            });
        };
        match self.role() {
            Some(have) if have >= role => Ok(user),
            _ => Err(AppError::Forbidden),
        }
    }
}

impl FromRequest for Visitor {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::Internal("no app state".into()))?;
            let token = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
            let live = match token.as_deref() {
                // Tokens are 43 characters; anything else is a broken cookie, not a lookup.
                Some(t) if t.len() == 43 => sessions::find_live(&state.db, t).await?,
                _ => None,
            };
            let (session_token, session_csrf, user) = match live {
                Some((session, user)) => (token, Some(session.csrf_token), Some(user)),
                None => (None, None, None),
            };
            let cookie_csrf = req
                .cookie(CSRF_COOKIE)
                .map(|c| c.value().to_owned())
                .filter(|v| v.len() == 43);
            let anon_csrf_is_new = cookie_csrf.is_none();
            Ok(Visitor {
                user,
                lang: Lang::of_request(&req),
                session_token,
                session_csrf,
                anon_csrf: cookie_csrf.unwrap_or_else(random_token),
                anon_csrf_is_new,
                asked_for: (req.method() == actix_web::http::Method::GET)
                    .then(|| req.uri().path_and_query().map(|pq| pq.as_str().to_owned()))
                    .flatten(),
            })
        })
    }
}

fn is_https(req: &HttpRequest) -> bool {
    req.connection_info().scheme() == "https"
}

/// Sets the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS.
pub fn set_session_cookie(
    response: &mut HttpResponseBuilder,
    req: &HttpRequest,
    token: &str,
    lifetime: chrono::Duration,
) {
    response.cookie(
        Cookie::build(SESSION_COOKIE, token.to_owned())
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(is_https(req))
            .max_age(time::Duration::seconds(lifetime.num_seconds()))
            .finish(),
    );
    // The anonymous CSRF token is spent: the session carries its own from now on.
    response.cookie(expired(CSRF_COOKIE));
}

pub fn clear_session_cookie(response: &mut HttpResponseBuilder) {
    response.cookie(expired(SESSION_COOKIE));
}

fn expired(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build(name, "").path("/").finish();
    cookie.make_removal();
    cookie
}

/// The peer address, for throttles. Proxies' forwarding headers are not trusted: anyone
/// can send them.
pub fn client_address(req: &HttpRequest) -> IpAddr {
    req.peer_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// A path inside this site to return to after login; anything else becomes `None`.
/// Browsers drop tabs and line breaks from addresses and read `\` as `/`, so a path
/// with any control character or backslash could turn into `//other.site`: refused.
pub fn local_path(next: Option<&str>) -> Option<String> {
    let next = next?.trim();
    let is_local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains(|c: char| c.is_control() || c == '\\');
    is_local.then(|| next.to_owned())
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/trainer")).as_deref(), Some("/trainer"));
        assert_eq!(local_path(Some("//evil.example")), None);
        assert_eq!(local_path(Some("/\\evil.example")), None);
        assert_eq!(local_path(Some("https://evil.example")), None);
        for sneaky in [
            "/\t/evil.example",
            "/\t\\evil.example",
            "/\n/evil.example",
            "/\u{7f}/x",
            "/a\\b",
        ] {
            assert_eq!(local_path(Some(sneaky)), None, "{sneaky:?}");
        }
        assert_eq!(
            local_path(Some("/trainer/room?c=K7H-WQ4")).as_deref(),
            Some("/trainer/room?c=K7H-WQ4")
        );
        assert_eq!(local_path(None), None);
    }
}
