//! A full disk during an upload, on a real small file system: a tmpfs mounted for the
//! test (CI runs as root). The trainer gets a clear 507, the partial upload stays and
//! resumes once there is room, and the reserve the server keeps stays free.
//!
//! Without root (or without `mount`) these tests fail rather than pass silently; set
//! `LERNWERK_TEST_NO_MOUNT=1` to skip them on purpose, and they say so.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tus_client::{header, header_u64, pattern, Tus};
use crate::tus_protocol::{app_with, part_file, videos};

/// A tmpfs of `megabytes` at a fresh directory, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u64) -> Option<SmallDisk> {
        if std::env::var("LERNWERK_TEST_NO_MOUNT").is_ok_and(|v| v == "1") {
            eprintln!("SKIPPED: disk-full test on a small file system (LERNWERK_TEST_NO_MOUNT=1)");
            return None;
        }
        let uid = Command::new("id").arg("-u").output().expect("id -u");
        assert_eq!(
            String::from_utf8_lossy(&uid.stdout).trim(),
            "0",
            "the disk-full tests mount a small tmpfs and need root; set LERNWERK_TEST_NO_MOUNT=1 to skip them"
        );
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={megabytes}m"),
                "lernwerk-test",
                dir.path().to_str().unwrap(),
            ])
            .status()
            .expect("mount");
        assert!(
            status.success(),
            "mounting a tmpfs failed (is this a container without CAP_SYS_ADMIN?)"
        );
        Some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn free(&self) -> u64 {
        lernwerk::uploads::space::available(self.path()).unwrap()
    }

    /// A file of `bytes` that takes the room away, removed again by the test.
    fn fill(&self, bytes: usize) -> PathBuf {
        let path = self.path().join("filler");
        std::fs::write(&path, vec![0u8; bytes]).unwrap();
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

const MB: usize = 1 << 20;

#[tokio::test]
async fn an_upload_stops_at_the_reserve_and_resumes_when_there_is_room() {
    let Some(disk) = SmallDisk::mount(64) else { return };
    let media = disk.path().join("media");
    let reserve = 16 * MB as u64;
    let (app, browser) = app_with(|s| {
        s.media_dir = media.clone();
        s.uploads.reserve_bytes = reserve;
    })
    .await;
    // Something that was there before and must not be damaged.
    let keep = media.join("originals/earlier.upload");
    std::fs::create_dir_all(keep.parent().unwrap()).unwrap();
    std::fs::write(&keep, pattern(MB, 1)).unwrap();

    let tus = Tus::new(&browser).await;
    let bytes = pattern(40 * MB, 9);
    let url = tus.create(bytes.len() as u64, "gross.mp4").await;
    let filler = disk.fill(20 * MB);
    let stopped = tus.patch(&url, 0, bytes.clone()).await;
    assert_eq!(stopped.status(), 507);
    let kept = header_u64(&stopped, "upload-offset");
    let json: serde_json::Value = stopped.json().await.unwrap();
    assert_eq!(json["error"]["code"], "uploads-error-disk-full");
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("bleibt erhalten"));
    assert!(kept > 10 * MB as u64 && kept < 40 * MB as u64, "kept {kept}");
    assert!(
        disk.free() + 64 * 1024 >= reserve,
        "the reserve stays free: {} left",
        disk.free()
    );
    assert_eq!(tus.offset(&url).await, kept);
    assert_eq!(std::fs::metadata(part_file(&app, &url)).unwrap().len(), kept);

    std::fs::remove_file(filler).unwrap();
    let resumed = tus.patch(&url, kept, bytes[kept as usize..].to_vec()).await;
    assert_eq!(resumed.status(), 204);
    assert!(header(&resumed, "lernwerk-video").is_some());
    let made = &videos(&app).await[0];
    assert!(std::fs::read(media.join(&made.original_path)).unwrap() == bytes);
    assert!(
        std::fs::read(&keep).unwrap() == pattern(MB, 1),
        "nothing else damaged"
    );
}

#[tokio::test]
async fn a_real_enospc_keeps_the_partial_upload_and_the_server_carries_on() {
    let Some(disk) = SmallDisk::mount(32) else { return };
    let media = disk.path().join("media");
    let (app, browser) = app_with(|s| {
        s.media_dir = media.clone();
        s.uploads.reserve_bytes = 0;
    })
    .await;
    let tus = Tus::new(&browser).await;
    let bytes = pattern(24 * MB, 4);
    let url = tus.create(bytes.len() as u64, "voll.mp4").await;
    let other = tus.create(1000, "klein.mp4").await;
    let filler = disk.fill(16 * MB);
    let stopped = tus.patch(&url, 0, bytes.clone()).await;
    assert_eq!(stopped.status(), 507);
    let kept = header_u64(&stopped, "upload-offset");
    assert!(kept > 0 && kept < 16 * MB as u64, "kept {kept}");
    assert!(
        disk.free() < MB as u64,
        "the disk really was full: {} free",
        disk.free()
    );
    assert_eq!(tus.offset(&url).await, kept);
    let on_disk = std::fs::read(part_file(&app, &url)).unwrap();
    assert!(
        on_disk[..] == bytes[..kept as usize],
        "what is kept is the start of the file"
    );

    std::fs::remove_file(filler).unwrap();
    // The server carries on: the other upload works, and this one resumes.
    assert_eq!(tus.patch(&other, 0, pattern(1000, 2)).await.status(), 204);
    assert_eq!(
        tus.patch(&url, kept, bytes[kept as usize..].to_vec())
            .await
            .status(),
        204
    );
    let made = videos(&app).await;
    let big = made.iter().find(|v| v.title == "voll").unwrap();
    assert!(std::fs::read(media.join(&big.original_path)).unwrap() == bytes);
}
