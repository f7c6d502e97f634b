//! The learner's phone: their data-saver choice (one row per learner, gone with the
//! account), and the wall-clock end of the last offline playing accepted per lesson, so
//! that a queued offline report cannot claim the same time twice.

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
enum LearnerSettings {
    Table,
    LearnerId,
    DataSaver,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LessonProgress {
    Table,
    OfflineUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LearnerSettings::Table)
                    .col(big_integer(LearnerSettings::LearnerId).primary_key())
                    .col(string_len(LearnerSettings::DataSaver, 16))
                    .col(timestamp_with_time_zone(LearnerSettings::UpdatedAt))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .from(LearnerSettings::Table, LearnerSettings::LearnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(LessonProgress::Table)
                    .add_column(timestamp_with_time_zone_null(LessonProgress::OfflineUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(LessonProgress::Table)
                    .drop_column(LessonProgress::OfflineUntil)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(LearnerSettings::Table).to_owned())
            .await
    }
}
