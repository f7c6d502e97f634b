//! The course engine: courses → modules → lessons (with check questions), groups of
//! learners with their assigned courses, and each learner's progress per lesson.

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
enum Courses {
    Table,
    Id,
    OwnerId,
    Title,
    Summary,
    Language,
    Topic,
    Level,
    Gated,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Modules {
    Table,
    Id,
    CourseId,
    Title,
    Position,
}

#[derive(DeriveIden)]
enum Lessons {
    Table,
    Id,
    ModuleId,
    VideoId,
    Title,
    Body,
    Position,
    Threshold,
    PassRequired,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Questions {
    Table,
    Id,
    LessonId,
    Position,
    Prompt,
    Multiple,
}

#[derive(DeriveIden)]
enum Choices {
    Table,
    Id,
    QuestionId,
    Position,
    Text,
    Correct,
    ImagePath,
    ImageWidth,
    ImageHeight,
}

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
    TrainerId,
    Name,
    JoinCode,
    CreatedAt,
}

#[derive(DeriveIden)]
enum GroupMembers {
    Table,
    GroupId,
    LearnerId,
    JoinedAt,
}

#[derive(DeriveIden)]
enum GroupCourses {
    Table,
    GroupId,
    CourseId,
}

#[derive(DeriveIden)]
enum LessonProgress {
    Table,
    Id,
    LearnerId,
    LessonId,
    Watched,
    WatchedSeconds,
    Coverage,
    Position,
    Rate,
    VideoComplete,
    ChecksPassed,
    CompletedAt,
    LastReportAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RoomViewings {
    Table,
    Id,
    LearnerId,
    LessonId,
    GroupId,
    TrainerId,
    At,
}

#[derive(DeriveIden)]
enum LearningEvents {
    Table,
    Id,
    LearnerId,
    LessonId,
    Kind,
    At,
    Detail,
}

#[derive(DeriveIden)]
enum CheckAttempts {
    Table,
    Id,
    LearnerId,
    LessonId,
    Answers,
    Correct,
    Total,
    Passed,
    CreatedAt,
}

fn cascade(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<impl IntoIden>,
) -> Result<(), DbErr> {
    let mut stmt = Index::create().name(name).table(table).to_owned();
    for col in cols {
        stmt.col(col);
    }
    manager.create_index(stmt).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Courses::Table)
                    .col(big_pk_auto(Courses::Id))
                    .col(big_integer(Courses::OwnerId))
                    .col(string_len(Courses::Title, 200))
                    .col(text(Courses::Summary))
                    .col(string_len(Courses::Language, 8))
                    .col(
                        string_len(Courses::Topic, 16).check(
                            Expr::col(Courses::Topic)
                                .is_in(["reading", "writing", "numbers", "digital", "everyday", "work"]),
                        ),
                    )
                    .col(small_integer(Courses::Level))
                    .col(boolean(Courses::Gated).default(true))
                    .col(boolean(Courses::Published).default(false))
                    .col(timestamp_with_time_zone(Courses::CreatedAt))
                    .col(timestamp_with_time_zone(Courses::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (Courses::Table, Courses::OwnerId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_courses_owner",
            Courses::Table,
            vec![Courses::OwnerId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Modules::Table)
                    .col(big_pk_auto(Modules::Id))
                    .col(big_integer(Modules::CourseId))
                    .col(string_len(Modules::Title, 200))
                    .col(integer(Modules::Position))
                    .foreign_key(&mut cascade(
                        (Modules::Table, Modules::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_modules_course",
            Modules::Table,
            vec![Modules::CourseId, Modules::Position],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Lessons::Table)
                    .col(big_pk_auto(Lessons::Id))
                    .col(big_integer(Lessons::ModuleId))
                    .col(big_integer(Lessons::VideoId))
                    .col(string_len(Lessons::Title, 200))
                    .col(text(Lessons::Body))
                    .col(integer(Lessons::Position))
                    .col(double_null(Lessons::Threshold))
                    .col(integer_null(Lessons::PassRequired))
                    .col(timestamp_with_time_zone(Lessons::CreatedAt))
                    .col(timestamp_with_time_zone(Lessons::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (Lessons::Table, Lessons::ModuleId),
                        (Modules::Table, Modules::Id),
                    ))
                    // A video in use by a lesson cannot vanish under it.
                    .foreign_key(
                        ForeignKey::create()
                            .from(Lessons::Table, Lessons::VideoId)
                            .to(Videos::Table, Videos::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_lessons_module",
            Lessons::Table,
            vec![Lessons::ModuleId, Lessons::Position],
        )
        .await?;
        index(
            manager,
            "idx_lessons_video",
            Lessons::Table,
            vec![Lessons::VideoId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Questions::Table)
                    .col(big_pk_auto(Questions::Id))
                    .col(big_integer(Questions::LessonId))
                    .col(integer(Questions::Position))
                    .col(text(Questions::Prompt))
                    .col(boolean(Questions::Multiple))
                    .foreign_key(&mut cascade(
                        (Questions::Table, Questions::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_questions_lesson",
            Questions::Table,
            vec![Questions::LessonId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Choices::Table)
                    .col(big_pk_auto(Choices::Id))
                    .col(big_integer(Choices::QuestionId))
                    .col(integer(Choices::Position))
                    .col(string_len(Choices::Text, 300))
                    .col(boolean(Choices::Correct))
                    .col(string_len_null(Choices::ImagePath, 200))
                    .col(integer_null(Choices::ImageWidth))
                    .col(integer_null(Choices::ImageHeight))
                    .foreign_key(&mut cascade(
                        (Choices::Table, Choices::QuestionId),
                        (Questions::Table, Questions::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_choices_question",
            Choices::Table,
            vec![Choices::QuestionId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Groups::Table)
                    .col(big_pk_auto(Groups::Id))
                    .col(big_integer(Groups::TrainerId))
                    .col(string_len(Groups::Name, 120))
                    .col(string_len_uniq(Groups::JoinCode, 16))
                    .col(timestamp_with_time_zone(Groups::CreatedAt))
                    .foreign_key(&mut cascade(
                        (Groups::Table, Groups::TrainerId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_groups_trainer",
            Groups::Table,
            vec![Groups::TrainerId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(GroupMembers::Table)
                    .col(big_integer(GroupMembers::GroupId))
                    .col(big_integer(GroupMembers::LearnerId))
                    .col(timestamp_with_time_zone(GroupMembers::JoinedAt))
                    .primary_key(
                        Index::create()
                            .col(GroupMembers::GroupId)
                            .col(GroupMembers::LearnerId),
                    )
                    .foreign_key(&mut cascade(
                        (GroupMembers::Table, GroupMembers::GroupId),
                        (Groups::Table, Groups::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (GroupMembers::Table, GroupMembers::LearnerId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_group_members_learner",
            GroupMembers::Table,
            vec![GroupMembers::LearnerId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(GroupCourses::Table)
                    .col(big_integer(GroupCourses::GroupId))
                    .col(big_integer(GroupCourses::CourseId))
                    .primary_key(
                        Index::create()
                            .col(GroupCourses::GroupId)
                            .col(GroupCourses::CourseId),
                    )
                    .foreign_key(&mut cascade(
                        (GroupCourses::Table, GroupCourses::GroupId),
                        (Groups::Table, Groups::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (GroupCourses::Table, GroupCourses::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_group_courses_course",
            GroupCourses::Table,
            vec![GroupCourses::CourseId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(LessonProgress::Table)
                    .col(big_pk_auto(LessonProgress::Id))
                    .col(big_integer(LessonProgress::LearnerId))
                    .col(big_integer(LessonProgress::LessonId))
                    .col(text(LessonProgress::Watched))
                    .col(double(LessonProgress::WatchedSeconds))
                    .col(double(LessonProgress::Coverage))
                    .col(double(LessonProgress::Position))
                    .col(double(LessonProgress::Rate))
                    .col(boolean(LessonProgress::VideoComplete))
                    .col(boolean_null(LessonProgress::ChecksPassed))
                    .col(timestamp_with_time_zone_null(LessonProgress::CompletedAt))
                    .col(timestamp_with_time_zone(LessonProgress::LastReportAt))
                    .col(timestamp_with_time_zone(LessonProgress::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (LessonProgress::Table, LessonProgress::LearnerId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (LessonProgress::Table, LessonProgress::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_progress_learner_lesson")
                    .table(LessonProgress::Table)
                    .col(LessonProgress::LearnerId)
                    .col(LessonProgress::LessonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_progress_lesson",
            LessonProgress::Table,
            vec![LessonProgress::LessonId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(CheckAttempts::Table)
                    .col(big_pk_auto(CheckAttempts::Id))
                    .col(big_integer(CheckAttempts::LearnerId))
                    .col(big_integer(CheckAttempts::LessonId))
                    .col(text(CheckAttempts::Answers))
                    .col(integer(CheckAttempts::Correct))
                    .col(integer(CheckAttempts::Total))
                    .col(boolean(CheckAttempts::Passed))
                    .col(timestamp_with_time_zone(CheckAttempts::CreatedAt))
                    .foreign_key(&mut cascade(
                        (CheckAttempts::Table, CheckAttempts::LearnerId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (CheckAttempts::Table, CheckAttempts::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LearningEvents::Table)
                    .col(big_pk_auto(LearningEvents::Id))
                    .col(big_integer(LearningEvents::LearnerId))
                    .col(big_integer(LearningEvents::LessonId))
                    .col(
                        string_len(LearningEvents::Kind, 16).check(Expr::col(LearningEvents::Kind).is_in([
                            "opened",
                            "played",
                            "completed",
                            "answered",
                        ])),
                    )
                    .col(timestamp_with_time_zone(LearningEvents::At))
                    .col(text(LearningEvents::Detail))
                    .foreign_key(&mut cascade(
                        (LearningEvents::Table, LearningEvents::LearnerId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (LearningEvents::Table, LearningEvents::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoomViewings::Table)
                    .col(big_pk_auto(RoomViewings::Id))
                    .col(big_integer(RoomViewings::LearnerId))
                    .col(big_integer(RoomViewings::LessonId))
                    .col(big_integer(RoomViewings::GroupId))
                    .col(big_integer(RoomViewings::TrainerId))
                    .col(timestamp_with_time_zone(RoomViewings::At))
                    .foreign_key(&mut cascade(
                        (RoomViewings::Table, RoomViewings::LearnerId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (RoomViewings::Table, RoomViewings::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (RoomViewings::Table, RoomViewings::GroupId),
                        (Groups::Table, Groups::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (RoomViewings::Table, RoomViewings::TrainerId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_room_viewings_learner",
            RoomViewings::Table,
            vec![RoomViewings::LearnerId, RoomViewings::LessonId],
        )
        .await?;
        // Cascading deletes of lessons, groups and users look these up.
        index(
            manager,
            "idx_room_viewings_lesson",
            RoomViewings::Table,
            vec![RoomViewings::LessonId],
        )
        .await?;
        index(
            manager,
            "idx_room_viewings_group",
            RoomViewings::Table,
            vec![RoomViewings::GroupId],
        )
        .await?;
        index(
            manager,
            "idx_room_viewings_trainer",
            RoomViewings::Table,
            vec![RoomViewings::TrainerId],
        )
        .await?;
        index(
            manager,
            "idx_events_lesson",
            LearningEvents::Table,
            vec![LearningEvents::LessonId],
        )
        .await?;
        index(
            manager,
            "idx_attempts_lesson",
            CheckAttempts::Table,
            vec![CheckAttempts::LessonId],
        )
        .await?;
        index(
            manager,
            "idx_events_learner_at",
            LearningEvents::Table,
            vec![LearningEvents::LearnerId, LearningEvents::At],
        )
        .await?;
        index(
            manager,
            "idx_attempts_learner_lesson",
            CheckAttempts::Table,
            vec![CheckAttempts::LearnerId, CheckAttempts::LessonId],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            RoomViewings::Table.into_iden(),
            LearningEvents::Table.into_iden(),
            CheckAttempts::Table.into_iden(),
            LessonProgress::Table.into_iden(),
            GroupCourses::Table.into_iden(),
            GroupMembers::Table.into_iden(),
            Groups::Table.into_iden(),
            Choices::Table.into_iden(),
            Questions::Table.into_iden(),
            Lessons::Table.into_iden(),
            Modules::Table.into_iden(),
            Courses::Table.into_iden(),
        ];
        for table in tables {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
