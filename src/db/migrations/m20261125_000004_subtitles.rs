//! Subtitle tracks: one row per video and language; the files live in the video's
//! package (`subs/<lang>.vtt` and `subs/<lang>/`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Videos {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SubtitleTracks {
    Table,
    Id,
    VideoId,
    Language,
    IsDefault,
    CueCount,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SubtitleTracks::Table)
                    .col(big_pk_auto(SubtitleTracks::Id))
                    .col(big_integer(SubtitleTracks::VideoId))
                    .col(string_len(SubtitleTracks::Language, 16))
                    .col(boolean(SubtitleTracks::IsDefault).default(false))
                    .col(integer(SubtitleTracks::CueCount))
                    .col(timestamp_with_time_zone(SubtitleTracks::CreatedAt))
                    .col(timestamp_with_time_zone(SubtitleTracks::UpdatedAt))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .from(SubtitleTracks::Table, SubtitleTracks::VideoId)
                            .to(Videos::Table, Videos::Id)
                            .on_delete(ForeignKeyAction::Cascade)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_subtitle_tracks_video_language")
                    .table(SubtitleTracks::Table)
                    .col(SubtitleTracks::VideoId)
                    .col(SubtitleTracks::Language)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SubtitleTracks::Table).to_owned())
            .await
    }
}
