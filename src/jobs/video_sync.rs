//! Keeps `videos.status` in step with its job. Always called inside the transaction
//! that changes the job, so the two rows never disagree.

use chrono::{DateTime, Utc};
use entities::video;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::states::{error_key, video as status};

/// What happened to the video's job.
pub enum VideoChange<'a> {
    /// Queued again or being processed: `status::QUEUED` or `status::PROCESSING`.
    Active(&'static str),
    /// A new package is in place.
    Ready {
        package_dir: &'a str,
        duration_seconds: Option<f64>,
    },
    /// Failed for good with a Fluent key.
    Failed(&'a str),
    Cancelled,
}

pub async fn apply(
    db: &impl ConnectionTrait,
    video_id: i64,
    change: VideoChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let update = video::Entity::update_many()
        .col_expr(video::Column::UpdatedAt, Expr::value(now))
        .filter(video::Column::Id.eq(video_id));
    let has_package = video::Column::PackageDir.is_not_null();
    let update = match change {
        // A video that already has a package stays watchable while it is redone.
        VideoChange::Active(active) => update
            .col_expr(video::Column::Status, Expr::value(active))
            .col_expr(video::Column::ErrorKey, Expr::value(Option::<String>::None))
            .filter(video::Column::PackageDir.is_null()),
        VideoChange::Ready {
            package_dir,
            duration_seconds,
        } => {
            let update = update
                .col_expr(video::Column::Status, Expr::value(status::READY))
                .col_expr(video::Column::PackageDir, Expr::value(package_dir))
                .col_expr(video::Column::ErrorKey, Expr::value(Option::<String>::None));
            match duration_seconds {
                Some(seconds) => update.col_expr(video::Column::DurationSeconds, Expr::value(seconds)),
                None => update,
            }
        }
        // The reason is kept even when an old package stays in use, so that the trainer
        // learns why the new version did not arrive.
        VideoChange::Failed(key) => update
            .col_expr(
                video::Column::Status,
                Expr::case(has_package, status::READY)
                    .finally(status::FAILED)
                    .into(),
            )
            .col_expr(video::Column::ErrorKey, Expr::value(key)),
        VideoChange::Cancelled => update
            .col_expr(video::Column::Status, Expr::value(status::FAILED))
            .col_expr(video::Column::ErrorKey, Expr::value(error_key::CANCELLED))
            .filter(video::Column::PackageDir.is_null()),
    };
    update.exec(db).await?;
    Ok(())
}
