//! Small helpers shared by the queue's statements.

use chrono::{DateTime, Utc};
use entities::job;
use sea_orm::sea_query::UpdateStatement;
use sea_orm::{
    ConnectionTrait, DbErr, EntityTrait, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

/// A transaction that will write. On SQLite it takes the write lock at `BEGIN`, so a
/// read inside it can never be upgraded into a "database is locked" failure.
pub async fn begin_write<C>(db: &C) -> Result<C::Transaction, DbErr>
where
    C: TransactionTrait,
{
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// Runs `UPDATE jobs … RETURNING *` and gives back the changed rows. Built by hand
/// because sea-orm's own `exec_with_returning` is switched off for SQLite here.
pub async fn update_jobs_returning(
    db: &impl ConnectionTrait,
    mut update: UpdateStatement,
) -> Result<Vec<job::Model>, DbErr> {
    update.returning_all();
    let statement = db.get_database_backend().build(&update);
    job::Entity::find().from_raw_sql(statement).all(db).await
}

/// `now + duration`, saturating instead of overflowing on absurd settings.
pub fn later(now: DateTime<Utc>, duration: std::time::Duration) -> DateTime<Utc> {
    chrono::Duration::from_std(duration)
        .ok()
        .and_then(|d| now.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}
