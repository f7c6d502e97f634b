//! Interoperability with a tus client we did not write: tuspy (from PyPI, installed by
//! scripts/lib/tuspy-env into target/) uploads a real video with a sha1 checksum on every
//! chunk, is cut off mid-chunk by a proxy, resumes from the offset the server reports,
//! and the stored original is byte-identical.

use std::path::Path;
use std::process::Command;

use lernwerk::accounts::Role;
use sha2::{Digest, Sha256};

use crate::tus_client::{Session, Tus, ENDPOINT};
use crate::tus_protocol::{app_with, videos};

fn tuspy_python() -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lib/tuspy-env");
    let output = Command::new(script).output().expect("scripts/lib/tuspy-env");
    assert!(
        output.status.success(),
        "tuspy could not be installed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

#[tokio::test]
async fn tuspy_uploads_with_checksums_is_cut_off_resumes_and_the_file_is_identical() {
    let python = tuspy_python();
    let (app, _) = app_with(|_| {}).await;
    let (session, _) = Session::new(&app, Role::Trainer).await;
    let csrf = Tus::new(&session.browser).await.csrf;
    let video = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/downloaded/bbb.mp4");
    let original = std::fs::read(&video).expect("run scripts/fetch-fixtures");
    let chunk = 256 * 1024;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lib/tuspy_interop.py");
    let run = tokio::process::Command::new(python)
        .arg(script)
        .args(["--endpoint", &format!("{}{ENDPOINT}", app.address)])
        .args(["--cookie", &session.cookie_header(), "--csrf", &csrf])
        .arg("--file")
        .arg(&video)
        // Cut in the middle of the third chunk's body.
        .args(["--cut-after", &(chunk * 2 + chunk / 2 + 4096).to_string()])
        .args(["--chunk-size", &chunk.to_string()])
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(summary["cuts"], 1, "{summary}");
    assert_eq!(summary["checksum"], "sha1", "{summary}");
    let resumed_at = summary["resumed_at"].as_u64().unwrap();
    // The cut chunk could not be verified, so it was discarded: the two whole chunks
    // before it count, nothing of the third.
    assert_eq!(resumed_at, 2 * chunk as u64, "{summary}");
    assert_eq!(summary["final_offset"].as_u64().unwrap(), original.len() as u64);

    let made = videos(&app).await;
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].title, "Per tuspy");
    let stored = std::fs::read(app.media_dir().join(&made[0].original_path)).unwrap();
    assert_eq!(
        hex::encode(Sha256::digest(&stored)),
        hex::encode(Sha256::digest(&original)),
        "the stored original is byte-identical"
    );
}
