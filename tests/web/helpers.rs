//! The real server on a random port with a fresh database and media directory per test.
//! SQLite by default; a fresh PostgreSQL database when `TEST_DATABASE_URL` is set.

use chrono::Duration;
use lernwerk::accounts::{learners, staff, Role};
use lernwerk::app::Application;
use lernwerk::config::Settings;
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{redirect, Client, Response};
use sea_orm::{ConnectionTrait, DatabaseConnection};

pub const PASSWORD: &str = "long enough password";

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    settings: Settings,
    _media: tempfile::TempDir,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let media = tempfile::tempdir().unwrap();
    let mut settings = Settings {
        bind: "127.0.0.1:0".into(),
        media_dir: media.path().to_path_buf(),
        database_url: fresh_database_url(&media).await,
        ..Settings::default()
    };
    adjust(&mut settings);
    let app = Application::build(settings.clone()).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let db = lernwerk::db::connect(&settings.database_url()).await.unwrap();
    TestApp {
        address,
        db,
        settings,
        _media: media,
    }
}

/// A new, empty database: a SQLite file in the test's media directory, or a new
/// database on the PostgreSQL server named by `TEST_DATABASE_URL`.
pub async fn fresh_database_url(media: &tempfile::TempDir) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server_url) if !server_url.is_empty() => {
            let name = format!(
                "lw_test_{}",
                lernwerk::accounts::random_token()[..12]
                    .to_lowercase()
                    .replace('-', "_")
            );
            let admin = lernwerk::db::connect(&server_url).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            let (base, _) = server_url.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", media.path().join("test.db").display()),
    }
}

impl TestApp {
    pub fn media_dir(&self) -> &std::path::Path {
        &self.settings.media_dir
    }

    pub fn settings(&self) -> std::sync::Arc<Settings> {
        std::sync::Arc::new(self.settings.clone())
    }

    /// A browser of its own: its own cookie jar, redirects not followed.
    pub fn browser(&self) -> Browser {
        self.browser_with_headers(HeaderMap::new())
    }

    pub fn browser_with_language(&self, accept_language: &str) -> Browser {
        let mut headers = HeaderMap::new();
        headers.insert("accept-language", HeaderValue::from_str(accept_language).unwrap());
        self.browser_with_headers(headers)
    }

    /// A browser on another machine: its requests come from `ip` (any 127.x address
    /// reaches the server on Linux's loopback).
    pub fn browser_from(&self, ip: [u8; 4]) -> Browser {
        let client = client_builder()
            .cookie_store(true)
            .local_address(std::net::IpAddr::from(ip))
            .build()
            .unwrap();
        Browser {
            client,
            address: self.address.clone(),
        }
    }

    fn browser_with_headers(&self, headers: HeaderMap) -> Browser {
        let client = client_builder()
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .unwrap();
        Browser {
            client,
            address: self.address.clone(),
        }
    }

    pub async fn create_staff(&self, role: Role, name: &str) -> i64 {
        staff::create(&self.db, role, name, PASSWORD, None)
            .await
            .unwrap()
            .id
    }

    /// A learner of `trainer_id` and their access code.
    pub async fn create_learner(&self, trainer_id: i64) -> (i64, String) {
        let (learner, code) = learners::create(&self.db, Some(trainer_id), Some("Kim"), Duration::days(14))
            .await
            .unwrap();
        (learner.id, code)
    }

    /// A browser logged in as a new account of `role`.
    pub async fn logged_in(&self, role: Role) -> (Browser, i64) {
        let browser = self.browser();
        match role {
            Role::Learner => {
                let trainer = self.create_staff(Role::Trainer, &unique_name("trainer")).await;
                let (id, code) = self.create_learner(trainer).await;
                let response = browser.login_code(&code).await;
                assert_eq!(response.status(), 303);
                (browser, id)
            }
            staff_role => {
                let name = unique_name(staff_role.as_str());
                let id = self.create_staff(staff_role, &name).await;
                let response = browser.login(&name, PASSWORD).await;
                assert_eq!(response.status(), 303);
                (browser, id)
            }
        }
    }
}

pub fn unique_name(prefix: &str) -> String {
    format!(
        "{prefix}-{}",
        lernwerk::accounts::random_token()[..8]
            .to_lowercase()
            .replace(['-', '_'], "x")
    )
}

/// A client as the tests' browsers use it: redirects are the test's to follow, and an
/// idle connection is dropped before the server's 5 s keep-alive ends it (hyper, unlike a
/// browser, does not retry a request that met a connection closing under it).
pub fn client_builder() -> reqwest::ClientBuilder {
    Client::builder()
        .redirect(redirect::Policy::none())
        .pool_idle_timeout(std::time::Duration::from_secs(2))
}

pub struct Browser {
    pub client: Client,
    pub address: String,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap()
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{path}", self.address))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// The CSRF token of the form on `path`.
    pub async fn csrf_token(&self, path: &str) -> String {
        let html = self.get(path).await.text().await.unwrap();
        csrf_in(&html).unwrap_or_else(|| panic!("no CSRF token on {path}"))
    }

    /// Posts a form the way a browser does: with the token the page gave.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf_token(page).await;
        let mut all = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_form(action, &all).await
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.submit(
            "/login",
            "/login",
            &[("username", username), ("password", password)],
        )
        .await
    }

    pub async fn login_code(&self, code: &str) -> Response {
        self.submit("/code", "/code", &[("code", code)]).await
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("input[name=csrf_token]").unwrap();
    doc.select(&selector)
        .next()?
        .value()
        .attr("value")
        .map(str::to_owned)
}

pub fn location(response: &Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The value of a `Set-Cookie` for `name`, with its attributes.
pub fn set_cookie(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}
