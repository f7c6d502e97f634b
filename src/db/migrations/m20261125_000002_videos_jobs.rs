//! Videos and the durable job queue that processes them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Videos {
    Table,
    Id,
    OwnerId,
    Title,
    OriginalPath,
    Status,
    DurationSeconds,
    PackageDir,
    ErrorKey,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    VideoId,
    Kind,
    State,
    Attempts,
    MaxAttempts,
    RunAfter,
    LeaseOwner,
    LeaseUntil,
    FencingToken,
    CancelRequested,
    ProgressPercent,
    Stage,
    ErrorKey,
    ErrorDetail,
    CreatedAt,
    UpdatedAt,
    FinishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Videos::Table)
                    .col(big_pk_auto(Videos::Id))
                    .col(big_integer(Videos::OwnerId))
                    .col(string_len(Videos::Title, 200))
                    .col(string_len(Videos::OriginalPath, 500))
                    .col(
                        string_len(Videos::Status, 16).check(Expr::col(Videos::Status).is_in([
                            "queued",
                            "processing",
                            "ready",
                            "failed",
                        ])),
                    )
                    .col(double_null(Videos::DurationSeconds))
                    .col(string_len_null(Videos::PackageDir, 500))
                    .col(string_len_null(Videos::ErrorKey, 100))
                    .col(timestamp_with_time_zone(Videos::CreatedAt))
                    .col(timestamp_with_time_zone(Videos::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Videos::Table, Videos::OwnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_videos_owner")
                    .table(Videos::Table)
                    .col(Videos::OwnerId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(big_pk_auto(Jobs::Id))
                    .col(big_integer(Jobs::VideoId))
                    .col(string_len(Jobs::Kind, 32))
                    .col(string_len(Jobs::State, 16).check(Expr::col(Jobs::State).is_in([
                        "queued",
                        "running",
                        "succeeded",
                        "failed",
                        "cancelled",
                    ])))
                    .col(integer(Jobs::Attempts).default(0))
                    .col(integer(Jobs::MaxAttempts).default(3))
                    .col(timestamp_with_time_zone(Jobs::RunAfter))
                    .col(string_len_null(Jobs::LeaseOwner, 200))
                    .col(timestamp_with_time_zone_null(Jobs::LeaseUntil))
                    .col(big_integer(Jobs::FencingToken).default(0))
                    .col(boolean(Jobs::CancelRequested).default(false))
                    .col(double(Jobs::ProgressPercent).default(0.0))
                    .col(string_len(Jobs::Stage, 32))
                    .col(string_len_null(Jobs::ErrorKey, 100))
                    .col(text_null(Jobs::ErrorDetail))
                    .col(timestamp_with_time_zone(Jobs::CreatedAt))
                    .col(timestamp_with_time_zone(Jobs::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Jobs::FinishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Jobs::Table, Jobs::VideoId)
                            .to(Videos::Table, Videos::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Claiming looks for queued jobs that are due and running jobs whose lease ran out.
        for (name, second) in [
            ("idx_jobs_claim", Jobs::RunAfter),
            ("idx_jobs_lease", Jobs::LeaseUntil),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Jobs::Table)
                        .col(Jobs::State)
                        .col(second)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_jobs_video")
                    .table(Jobs::Table)
                    .col(Jobs::VideoId)
                    .to_owned(),
            )
            .await?;
        // At most one live job per video, so two workers never build the same package.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_jobs_one_active ON jobs (video_id) \
                 WHERE state IN ('queued', 'running')",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Jobs::Table.into_iden(), Videos::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
