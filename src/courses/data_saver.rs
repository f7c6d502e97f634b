//! How much data a learner's videos may use, remembered per learner on the server so it
//! holds on every lesson, every phone and after the next login.

use chrono::{DateTime, Utc};
use entities::learner_setting;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};
use serde::Serialize;

use super::CourseError;

/// Video lines high at most with [`DataSaver::Low`]: the 240p and 360p rungs.
pub const LOW_DATA_MAX_HEIGHT: u32 = 360;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataSaver {
    /// The player picks the quality for the connection and the screen.
    #[default]
    Auto,
    /// "Wenig Daten": never above [`LOW_DATA_MAX_HEIGHT`].
    Low,
    /// "Nur Ton": the audio-only rendition, no picture.
    Audio,
}

impl DataSaver {
    pub const ALL: [DataSaver; 3] = [DataSaver::Auto, DataSaver::Low, DataSaver::Audio];

    pub fn as_str(self) -> &'static str {
        match self {
            DataSaver::Auto => "auto",
            DataSaver::Low => "low",
            DataSaver::Audio => "audio",
        }
    }

    /// A value from a form; anything else is refused with a sentence for the learner.
    pub fn parse(value: &str) -> Result<DataSaver, CourseError> {
        DataSaver::ALL
            .into_iter()
            .find(|mode| mode.as_str() == value.trim())
            .ok_or(CourseError::Invalid("learner-data-saver-error-choice"))
    }
}

/// The learner's choice; [`DataSaver::Auto`] until they make one. A stored value this
/// version does not know (written by a newer one) also reads as automatic.
pub async fn of_learner(db: &impl ConnectionTrait, learner_id: i64) -> Result<DataSaver, DbErr> {
    Ok(learner_setting::Entity::find_by_id(learner_id)
        .one(db)
        .await?
        .and_then(|row| DataSaver::parse(&row.data_saver).ok())
        .unwrap_or_default())
}

pub async fn set(
    db: &impl ConnectionTrait,
    learner_id: i64,
    mode: DataSaver,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = learner_setting::ActiveModel {
        learner_id: Set(learner_id),
        data_saver: Set(mode.as_str().to_owned()),
        updated_at: Set(now),
    };
    learner_setting::Entity::insert(row)
        .on_conflict(
            OnConflict::column(learner_setting::Column::LearnerId)
                .update_columns([
                    learner_setting::Column::DataSaver,
                    learner_setting::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_choices_parse() {
        assert_eq!(DataSaver::parse("low").unwrap(), DataSaver::Low);
        assert_eq!(DataSaver::parse(" audio ").unwrap(), DataSaver::Audio);
        assert_eq!(DataSaver::parse("auto").unwrap(), DataSaver::Auto);
        for bad in ["", "LOW", "hd", "1080p", "low;drop table", "null"] {
            assert!(
                matches!(
                    DataSaver::parse(bad),
                    Err(CourseError::Invalid("learner-data-saver-error-choice"))
                ),
                "{bad}"
            );
        }
    }
}
