//! Wiring: `Application::build(settings)` binds the listener (port 0 works), opens and
//! migrates the database and returns a server ready to run.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{App, HttpServer};
use sea_orm::DatabaseConnection;
use tera::Tera;

use crate::accounts::rate_limit::LoginLimiter;
use crate::config::Settings;
use crate::db;
use crate::web;

/// Everything handlers share; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub tera: Arc<Tera>,
    pub assets: Arc<web::assets::Assets>,
    pub limits: Arc<LoginLimits>,
    /// Merges progress heartbeats in batches (group commit).
    pub progress: crate::courses::progress_writer::ProgressWriter,
    /// Sessions of heartbeat senders, remembered for a few seconds.
    pub heartbeat_sessions: Arc<web::heartbeat_auth::HeartbeatSessions>,
    /// Werkakademie rooms: waiting projectors, paired rooms and their channels.
    pub rooms: Arc<crate::rooms::Rooms>,
}

pub struct LoginLimits {
    pub per_account: LoginLimiter,
    pub per_address: LoginLimiter,
    pub codes_per_address: LoginLimiter,
}

pub struct Application {
    port: u16,
    server: Server,
    db: DatabaseConnection,
    settings: Arc<Settings>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        std::fs::create_dir_all(&settings.media_dir)?;
        let db = db::connect_for_server(&settings.database_url()).await?;
        db::migrate(&db).await?;
        let state = AppState::new(db.clone(), settings)?;
        let settings = state.settings.clone();
        let listener = TcpListener::bind(&state.settings.bind)?;
        let port = listener.local_addr()?.port();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(actix_web::web::Data::new(state.clone()))
                .configure(|cfg| web::configure(cfg, &state.settings))
                .wrap(web::middleware::error_pages())
                .wrap(web::middleware::security_headers())
                .wrap(tracing_actix_web::TracingLogger::default())
        })
        .listen(listener)?
        .run();
        Ok(Application {
            port,
            server,
            db,
            settings,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until stopped; meanwhile deletes inactive learners every hour (DSGVO
    /// retention) and removes expired uploads, tasks whose failures are logged and never
    /// end the server.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let retention = tokio::spawn(crate::accounts::privacy::purge_periodically(
            self.db.clone(),
            self.settings.learner_retention_days,
        ));
        let uploads = tokio::spawn(crate::uploads::cleanup::sweep_periodically(
            self.db,
            self.settings.media_dir.clone(),
            self.settings.uploads.clone(),
        ));
        let served = self.server.await;
        retention.abort();
        uploads.abort();
        served
    }
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings) -> anyhow::Result<AppState> {
        let assets = Arc::new(web::assets::Assets::load());
        let tera =
            web::render::build_tera(assets.clone()).map_err(|e| anyhow::anyhow!("templates: {e:?}"))?;
        let window = Duration::from_secs(settings.rate_limit.window_minutes * 60);
        let limits = LoginLimits {
            per_account: LoginLimiter::new(settings.rate_limit.per_account, window),
            per_address: LoginLimiter::new(settings.rate_limit.per_address, window),
            codes_per_address: LoginLimiter::new(settings.rate_limit.codes_per_address, window),
        };
        Ok(AppState {
            progress: crate::courses::progress_writer::ProgressWriter::start(db.clone()),
            heartbeat_sessions: Arc::default(),
            rooms: Arc::new(crate::rooms::Rooms::new(settings.room.clone())),
            db,
            settings: Arc::new(settings),
            tera: Arc::new(tera),
            assets,
            limits: Arc::new(limits),
        })
    }
}
