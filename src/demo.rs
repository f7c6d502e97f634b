//! Demo accounts for a first look: an admin, a trainer and a learner of that trainer.
//! Running it again resets the demo passwords and issues a fresh learner code, so the
//! logins printed are always the ones that work.

use chrono::Duration;
use sea_orm::DatabaseConnection;

use crate::accounts::{learners, random_token, staff, AccountError, Role};
use crate::config::Settings;

pub struct DemoLogins {
    pub admin_password: String,
    pub trainer_password: String,
    pub learner_code: String,
}

impl std::fmt::Display for DemoLogins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Demo logins:")?;
        writeln!(f, "  admin    demo-admin / {}", self.admin_password)?;
        writeln!(f, "  trainer  demo-trainer / {}", self.trainer_password)?;
        write!(f, "  learner  access code {}", self.learner_code)
    }
}

pub async fn seed(db: &DatabaseConnection, settings: &Settings) -> Result<DemoLogins, AccountError> {
    let admin_password = random_token()[..16].to_owned();
    let trainer_password = random_token()[..16].to_owned();
    ensure_staff(db, Role::Admin, "demo-admin", &admin_password).await?;
    let trainer = ensure_staff(db, Role::Trainer, "demo-trainer", &trainer_password).await?;
    let valid = Duration::days(settings.access_code_days);
    let existing = learners::list_for(db, trainer.id, Role::Trainer).await?;
    let learner_code = match existing.iter().find(|l| l.nickname.as_deref() == Some("Demo")) {
        Some(learner) => learners::issue_code(db, learner.id, valid).await?,
        None => {
            learners::create(db, Some(trainer.id), Some("Demo"), valid)
                .await?
                .1
        }
    };
    Ok(DemoLogins {
        admin_password,
        trainer_password,
        learner_code,
    })
}

async fn ensure_staff(
    db: &DatabaseConnection,
    role: Role,
    name: &str,
    password: &str,
) -> Result<entities::user::Model, AccountError> {
    match staff::find_by_username(db, name).await? {
        Some(_) => staff::set_password(db, name, password).await,
        None => staff::create(db, role, name, password, None).await,
    }
}
