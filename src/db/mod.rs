//! Opening the database and keeping its schema current.

mod migrations;

use std::str::FromStr;
use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqlxSqliteConnector, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use migrations::Migrator;

/// Opens `url`. SQLite gets WAL, `synchronous=NORMAL`, a busy timeout and foreign keys on
/// every pooled connection; `postgres://` URLs go through sea-orm's own pool.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    open(url, true).await
}

/// Like `connect`, for the long-running server: SQLite's write-ahead log is checkpointed
/// by a background task every second instead of inside whichever commit crosses the
/// threshold, so no request waits behind a checkpoint.
pub async fn connect_for_server(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = open(url, false).await?;
    if url.starts_with("sqlite:") {
        let checkpointing = db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tick.tick().await;
                if let Err(e) = checkpointing
                    .execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)")
                    .await
                {
                    tracing::warn!(error = %e, "WAL checkpoint failed");
                }
            }
        });
    }
    Ok(db)
}

async fn open(url: &str, auto_checkpoint: bool) -> Result<DatabaseConnection, DbErr> {
    if url.starts_with("sqlite:") {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| DbErr::Custom(format!("bad SQLite URL: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true)
            .pragma("wal_autocheckpoint", if auto_checkpoint { "1000" } else { "0" });
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::Internal(e.to_string())))?;
        Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
    } else {
        let mut options = ConnectOptions::new(url);
        options
            .max_connections(16)
            .connect_timeout(Duration::from_secs(5))
            .sqlx_logging(false);
        Database::connect(options).await
    }
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// True when the database answers and no migration is pending.
pub async fn is_ready(db: &DatabaseConnection) -> bool {
    if db.ping().await.is_err() {
        return false;
    }
    matches!(Migrator::get_pending_migrations(db).await, Ok(pending) if pending.is_empty())
}

/// A transaction that writes before it reads. SQLite (WAL) cannot upgrade a transaction
/// that has read to a writing one once another connection has committed — it fails at
/// once instead of waiting — so transactions that read, then write, start with a write
/// that changes nothing and takes the write lock (waiting politely under `busy_timeout`).
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let txn = db.begin().await?;
    txn.execute_unprepared("UPDATE users SET disabled = disabled WHERE id = -1")
        .await?;
    Ok(txn)
}
