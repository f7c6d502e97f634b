use sea_orm_migration::prelude::*;

mod m20261125_000001_accounts;
mod m20261125_000002_videos_jobs;
mod m20261125_000003_courses;
mod m20261125_000004_subtitles;
mod m20261201_000001_uploads;
mod m20261201_000003_learner_phone;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_accounts::Migration),
            Box::new(m20261125_000002_videos_jobs::Migration),
            Box::new(m20261125_000003_courses::Migration),
            Box::new(m20261125_000004_subtitles::Migration),
            Box::new(m20261201_000001_uploads::Migration),
            Box::new(m20261201_000003_learner_phone::Migration),
        ]
    }
}
