//! One `Settings` struct: embedded defaults → optional `lernwerk.toml` → `LERNWERK_*`
//! environment variables (later sources win).

use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

use crate::jobs::settings::JobSettings;
use crate::media::limits::MediaLimits;
use crate::media::subtitles::SubtitleLimits;
use crate::media::transcode::EncodeSettings;
use crate::rooms::settings::RoomSettings;
use crate::uploads::settings::UploadSettings;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Settings {
    /// Address to listen on; port 0 picks a free port.
    pub bind: String,
    /// Where runtime data lives: the SQLite file, originals, renditions.
    pub media_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; empty means `media_dir/lernwerk.db`.
    pub database_url: String,
    /// Largest form body accepted, in bytes (uploads use their own route).
    pub max_form_bytes: usize,
    /// Largest video upload, in bytes.
    pub max_upload_bytes: u64,
    /// How long a staff login lasts, in hours.
    pub staff_session_hours: i64,
    /// How long a learner login lasts, in days: learners share phones rarely and type
    /// codes slowly, so their sessions last longer.
    pub learner_session_days: i64,
    /// How long a new access code can be used before it expires unused, in days.
    pub access_code_days: i64,
    /// Learners inactive for longer than this many days are deleted with all their data
    /// (checked every hour by the server, or once by `lernwerk learner purge`); 0 or less
    /// switches the rule off.
    pub learner_retention_days: i64,
    pub rate_limit: RateLimitSettings,
    /// The transcoding queue and its workers.
    pub jobs: JobSettings,
    /// What an uploaded video may contain; over a limit it is rejected.
    pub media_limits: MediaLimits,
    /// x264 settings of every transcode.
    pub transcode: EncodeSettings,
    /// Werkakademie rooms: pairing codes and their throttle.
    pub room: RoomSettings,
    /// Resumable uploads (tus): quota, disk reserve, expiry.
    pub uploads: UploadSettings,
    /// What a subtitle file may contain; over a limit it is refused with a message.
    pub subtitle_limits: SubtitleLimits,
}

/// Failed logins allowed within `window_minutes` before further attempts get 429.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RateLimitSettings {
    /// Failed staff logins per account from one address: someone guessing elsewhere
    /// cannot lock the real person out.
    pub per_account: u32,
    /// Failed staff logins per address.
    pub per_address: u32,
    /// Failed code logins per address. High, because a whole room of learners may share
    /// one address (the centre's Wi-Fi) and mistype; codes are far too long to guess.
    pub codes_per_address: u32,
    pub window_minutes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: "127.0.0.1:8080".into(),
            media_dir: PathBuf::from("media"),
            database_url: String::new(),
            max_form_bytes: 64 * 1024,
            max_upload_bytes: 4_000_000_000,
            staff_session_hours: 12,
            learner_session_days: 90,
            access_code_days: 14,
            learner_retention_days: 365,
            rate_limit: RateLimitSettings {
                per_account: 5,
                per_address: 30,
                codes_per_address: 200,
                window_minutes: 15,
            },
            jobs: JobSettings::default(),
            media_limits: MediaLimits::default(),
            transcode: EncodeSettings::default(),
            room: RoomSettings::default(),
            uploads: UploadSettings::default(),
            subtitle_limits: SubtitleLimits::default(),
        }
    }
}

impl Settings {
    /// Loads settings from the defaults, `config_file` if it exists, and the environment.
    pub fn load(config_file: &Path) -> Result<Settings, Box<figment::Error>> {
        let settings: Settings = Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(config_file))
            .merge(Env::prefixed("LERNWERK_").split("__"))
            .extract()
            .map_err(Box::new)?;
        Ok(settings)
    }

    /// The database URL in force: the configured one, or a SQLite file in the media dir.
    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!(
                "sqlite://{}?mode=rwc",
                self.media_dir.join("lernwerk.db").display()
            )
        } else {
            self.database_url.clone()
        }
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's own error type
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_file_and_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "lernwerk.toml",
                "bind = \"0.0.0.0:9000\"\nmedia_dir = \"/srv/lw\"",
            )?;
            jail.set_env("LERNWERK_BIND", "127.0.0.1:7000");
            jail.set_env("LERNWERK_RATE_LIMIT__PER_ACCOUNT", "9");
            let s = Settings::load(Path::new("lernwerk.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.bind, "127.0.0.1:7000");
            assert_eq!(s.media_dir, PathBuf::from("/srv/lw"));
            assert_eq!(s.rate_limit.per_account, 9);
            assert_eq!(s.database_url(), "sqlite:///srv/lw/lernwerk.db?mode=rwc");
            Ok(())
        });
    }

    #[test]
    fn learner_retention_comes_from_file_or_environment() {
        figment::Jail::expect_with(|jail| {
            let s = Settings::load(Path::new("absent.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.learner_retention_days, 365);
            jail.create_file("lernwerk.toml", "learner_retention_days = 180")?;
            let s = Settings::load(Path::new("lernwerk.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.learner_retention_days, 180);
            jail.set_env("LERNWERK_LEARNER_RETENTION_DAYS", "30");
            let s = Settings::load(Path::new("lernwerk.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.learner_retention_days, 30);
            Ok(())
        });
    }

    #[test]
    fn upload_and_subtitle_settings_come_from_file_or_environment() {
        figment::Jail::expect_with(|jail| {
            let s = Settings::load(Path::new("absent.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.uploads, UploadSettings::default());
            assert_eq!(s.subtitle_limits, SubtitleLimits::default());
            jail.create_file(
                "lernwerk.toml",
                "[uploads]\nquota_bytes = 1000\n[subtitle_limits]\nmax_cues = 7",
            )?;
            jail.set_env("LERNWERK_UPLOADS__EXPIRY_SECONDS", "60");
            let s = Settings::load(Path::new("lernwerk.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.uploads.quota_bytes, 1000);
            assert_eq!(s.uploads.expiry_seconds, 60.0);
            assert_eq!(s.uploads.reserve_bytes, UploadSettings::default().reserve_bytes);
            assert_eq!(s.subtitle_limits.max_cues, 7);
            assert_eq!(s.subtitle_limits.max_bytes, SubtitleLimits::default().max_bytes);
            Ok(())
        });
    }

    #[test]
    fn missing_file_gives_defaults() {
        figment::Jail::expect_with(|_| {
            let s = Settings::load(Path::new("absent.toml")).map_err(|e| e.to_string())?;
            assert_eq!(s.bind, "127.0.0.1:8080");
            assert!(s.database_url().starts_with("sqlite://media/lernwerk.db"));
            Ok(())
        });
    }
}
