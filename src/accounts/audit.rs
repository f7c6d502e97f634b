//! The append-only audit log: who did what, never personal data in `detail`.

use chrono::Utc;
use entities::audit_log;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, QuerySelect, Set};

/// What happened. The names are stable: reports and operators grep for them.
#[derive(Clone, Copy, Debug)]
pub enum Action {
    LoginSucceeded,
    LoginFailed,
    CodeLoginSucceeded,
    CodeLoginFailed,
    Logout,
    SessionsRevoked,
    UserCreated,
    LearnerCreated,
    AccessCodeIssued,
    /// A learner's data was downloaded (by themselves or by staff); subject: the learner.
    LearnerDataExported,
    /// An admin deleted a learner; subject: the learner's former number, detail empty.
    LearnerDeleted,
    /// The retention rule deleted inactive learners; detail: how many, nothing else.
    LearnersPurged,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::LoginSucceeded => "login.succeeded",
            Action::LoginFailed => "login.failed",
            Action::CodeLoginSucceeded => "code_login.succeeded",
            Action::CodeLoginFailed => "code_login.failed",
            Action::Logout => "logout",
            Action::SessionsRevoked => "sessions.revoked",
            Action::UserCreated => "user.created",
            Action::LearnerCreated => "learner.created",
            Action::AccessCodeIssued => "access_code.issued",
            Action::LearnerDataExported => "learner_data.exported",
            Action::LearnerDeleted => "learner.deleted",
            Action::LearnersPurged => "learners.purged",
        }
    }
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor_id: Option<i64>,
    action: Action,
    subject_id: Option<i64>,
    detail: &str,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        at: Set(Utc::now()),
        actor_id: Set(actor_id),
        action: Set(action.as_str().to_owned()),
        subject_id: Set(subject_id),
        detail: Set(detail.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await
}
