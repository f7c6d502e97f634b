//! Where the pictures of answers live: `questions/<question id>/<choice id>.jpg` below
//! the media directory. Each is written to a hidden temporary file, synced and renamed
//! into place, so no page ever gets half a picture. A question's folder goes with it.

use std::path::{Component, Path, PathBuf};

use tokio::io::AsyncWriteExt;

use crate::accounts::random_token;

pub fn question_dir(media_dir: &Path, question_id: i64) -> PathBuf {
    media_dir.join("questions").join(question_id.to_string())
}

/// Stores a choice's picture (JPEG bytes); returns its path relative to `media_dir`.
pub async fn store(
    media_dir: &Path,
    question_id: i64,
    choice_id: i64,
    jpeg: &[u8],
) -> std::io::Result<String> {
    let dir = question_dir(media_dir, question_id);
    tokio::fs::create_dir_all(&dir).await?;
    let relative = format!("questions/{question_id}/{choice_id}.jpg");
    let temp = dir.join(format!(".{choice_id}.{}.tmp", random_token()));
    let written = async {
        let mut file = tokio::fs::File::create(&temp).await?;
        file.write_all(jpeg).await?;
        file.sync_all().await?;
        tokio::fs::rename(&temp, media_dir.join(&relative)).await
    }
    .await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written.map(|()| relative)
}

/// Removes every picture of a question; a question without pictures is fine.
pub async fn remove_all(media_dir: &Path, question_id: i64) -> std::io::Result<()> {
    match tokio::fs::remove_dir_all(question_dir(media_dir, question_id)).await {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// The file of a recorded picture path, if the path is one of ours (inside `questions/`,
/// plain names only).
pub fn full_path(media_dir: &Path, relative: &str) -> Option<PathBuf> {
    let path = Path::new(relative);
    let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
    let hidden = relative.split('/').any(|part| part.starts_with('.'));
    (plain && !hidden && relative.starts_with("questions/")).then(|| media_dir.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stored_pictures_go_with_their_question() {
        let media = tempfile::tempdir().unwrap();
        let relative = store(media.path(), 7, 21, b"jpeg").await.unwrap();
        assert_eq!(relative, "questions/7/21.jpg");
        let full = full_path(media.path(), &relative).unwrap();
        assert_eq!(std::fs::read(&full).unwrap(), b"jpeg");
        let names: Vec<_> = std::fs::read_dir(question_dir(media.path(), 7))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["21.jpg"], "no temporary file stays");
        remove_all(media.path(), 7).await.unwrap();
        assert!(!question_dir(media.path(), 7).exists());
        remove_all(media.path(), 7).await.unwrap();
    }

    #[test]
    fn only_our_own_paths_are_served() {
        let media = Path::new("/m");
        assert!(full_path(media, "questions/7/21.jpg").is_some());
        for bad in [
            "../etc/passwd",
            "/etc/passwd",
            "questions/../x",
            "originals/a.mp4",
            "questions/7/.21.tmp",
        ] {
            assert!(full_path(media, bad).is_none(), "{bad}");
        }
    }
}
