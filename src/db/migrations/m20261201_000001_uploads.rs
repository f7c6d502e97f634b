//! Resumable (tus) uploads: one row per upload; its bytes are in `media/uploads/`.

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
}

#[derive(DeriveIden)]
enum Uploads {
    Table,
    Id,
    Token,
    OwnerId,
    Length,
    Filename,
    Title,
    OriginalPath,
    VideoId,
    CreatedAt,
    ExpiresAt,
    CompletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Uploads::Table)
                    .col(big_pk_auto(Uploads::Id))
                    .col(string_len_uniq(Uploads::Token, 64))
                    .col(big_integer(Uploads::OwnerId))
                    .col(big_integer(Uploads::Length).check(Expr::col(Uploads::Length).gte(0)))
                    .col(string_len(Uploads::Filename, 255))
                    .col(string_len(Uploads::Title, 200))
                    .col(string_len_null(Uploads::OriginalPath, 500))
                    .col(big_integer_null(Uploads::VideoId))
                    .col(timestamp_with_time_zone(Uploads::CreatedAt))
                    .col(timestamp_with_time_zone(Uploads::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Uploads::CompletedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Uploads::Table, Uploads::OwnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Uploads::Table, Uploads::VideoId)
                            .to(Videos::Table, Videos::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_uploads_owner")
                    .table(Uploads::Table)
                    .col(Uploads::OwnerId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_uploads_expires_at")
                    .table(Uploads::Table)
                    .col(Uploads::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Uploads::Table).to_owned())
            .await
    }
}
