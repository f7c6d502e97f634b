//! The demo a newcomer sees, from the real media `scripts/make-demo-media` makes: courses
//! that are published and assigned, videos with queued jobs, nothing doubled on a second
//! run, and a worker that turns a demo video into a package.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use entities::{course, group, group_member, job, lesson, module, question, user, video};
use lernwerk::courses::{groups, structure};
use lernwerk::demo::{self, COURSES, EXTRA_CLIP, GROUP_NAME};
use lernwerk::media::probe::{self, MediaLimits};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::TestEnv;

/// The demo media, made once per version of the script: under cargo's directory for test
/// data, in a folder named after the script's content, so that a changed script makes
/// everything again and an unchanged one costs a moment (it skips what exists).
fn demo_media() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let script = root.join("scripts/make-demo-media");
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::fs::read(&script).unwrap().hash(&mut hasher);
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("demo-media-{:016x}", hasher.finish()));
        // Media of earlier versions of the script are of no more use.
        for entry in std::fs::read_dir(env!("CARGO_TARGET_TMPDIR")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("demo-media-") && path != dir {
                let _ = std::fs::remove_dir_all(&path); // another test run may be at it too
            }
        }
        let status = Command::new(&script).arg(&dir).status().unwrap();
        assert!(status.success(), "scripts/make-demo-media failed");
        dir
    })
}

fn lesson_files() -> impl Iterator<Item = &'static str> {
    COURSES
        .iter()
        .flat_map(|c| c.modules.iter())
        .flat_map(|m| m.lessons.iter())
        .map(|l| l.file)
}

/// The end of the last cue of an SRT file, in seconds, and how many cues it has.
fn srt_cues(path: &Path) -> (usize, f64) {
    let text = std::fs::read_to_string(path).unwrap();
    let ends: Vec<f64> = text
        .lines()
        .filter_map(|l| l.split_once(" --> "))
        .map(|(_, end)| {
            let (hms, ms) = end.trim().split_once(',').unwrap();
            let secs = hms
                .split(':')
                .fold(0.0, |acc, part| acc * 60.0 + part.parse::<f64>().unwrap());
            secs + ms.parse::<f64>().unwrap() / 1000.0
        })
        .collect();
    (ends.len(), ends.last().copied().unwrap_or(0.0))
}

#[test]
fn the_demo_media_are_explainer_videos_with_subtitles() {
    let dir = demo_media();
    for file in lesson_files() {
        let path = dir.join(file);
        let probed = probe::probe(&path, &MediaLimits::default()).unwrap();
        let (_, video) = probed.primary_video().unwrap();
        assert_eq!((video.width, video.height), (1280, 720), "{file}");
        let codecs: Vec<&str> = probed.streams.iter().map(|s| s.codec.as_str()).collect();
        assert_eq!(codecs, ["h264", "aac"], "{file}");
        assert!(probed.has_audio(), "{file}");
        let duration = probed.duration_seconds;
        assert!((20.0..=40.0).contains(&duration), "{file}: {duration} s");

        let stem = file.trim_end_matches(".mp4");
        let (german, german_end) = srt_cues(&dir.join(format!("{stem}.de.srt")));
        let (turkish, turkish_end) = srt_cues(&dir.join(format!("{stem}.tr.srt")));
        assert!(german >= 3, "{file}: one cue per slide");
        assert_eq!(
            (german, german_end),
            (turkish, turkish_end),
            "{file}: same timings"
        );
        assert!(
            (duration - german_end).abs() < 0.5,
            "{file}: the cues last as long as the video ({german_end} of {duration} s)"
        );
    }
}

/// Counts of what the demo made, to compare runs.
async fn counts(env: &TestEnv) -> [u64; 6] {
    let db = &env.db;
    [
        course::Entity::find().count(db).await.unwrap(),
        module::Entity::find().count(db).await.unwrap(),
        lesson::Entity::find().count(db).await.unwrap(),
        question::Entity::find().count(db).await.unwrap(),
        video::Entity::find().count(db).await.unwrap(),
        job::Entity::find().count(db).await.unwrap(),
    ]
}

async fn demo_trainer(env: &TestEnv) -> user::Model {
    user::Entity::find()
        .filter(user::Column::Username.eq("demo-trainer"))
        .one(&env.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn the_demo_seeds_published_courses_once() {
    let env = TestEnv::new().await;
    let media = demo_media();
    let summary = demo::seed(&env.db, &env.settings, media).await.unwrap();
    let printed = summary.to_string();
    assert!(printed.contains(&summary.join_code), "{printed}");
    assert!(printed.contains(&summary.learner_code), "{printed}");
    let made = summary.courses.as_ref().unwrap();
    assert!(made.iter().all(|c| c.created), "{printed}");

    let trainer = demo_trainer(&env).await;
    let courses = course::Entity::find()
        .filter(course::Column::OwnerId.eq(trainer.id))
        .all(&env.db)
        .await
        .unwrap();
    assert_eq!(courses.len(), COURSES.len());
    for demo_course in COURSES {
        let found = courses.iter().find(|c| c.title == demo_course.title).unwrap();
        assert!(found.published, "{}", found.title);
        let tree = structure::tree(&env.db, found.clone()).await.unwrap();
        assert_eq!(tree.modules.len(), demo_course.modules.len());
        for (module, demo_module) in tree.modules.iter().zip(demo_course.modules) {
            let titles: Vec<&str> = module.lessons.iter().map(|l| l.title.as_str()).collect();
            let wanted: Vec<&str> = demo_module.lessons.iter().map(|l| l.title).collect();
            assert_eq!(titles, wanted);
            for lesson in &module.lessons {
                let asked = question::Entity::find()
                    .filter(question::Column::LessonId.eq(lesson.id))
                    .count(&env.db)
                    .await
                    .unwrap();
                assert!(asked >= 1, "{} has a check question", lesson.title);
            }
        }
    }

    // Every video went in as an upload does: an original on disk and a queued job.
    let videos = video::Entity::find()
        .filter(video::Column::OwnerId.eq(trainer.id))
        .all(&env.db)
        .await
        .unwrap();
    let extra = usize::from(media.join(EXTRA_CLIP.0).is_file());
    assert_eq!(videos.len(), lesson_files().count() + extra);
    for v in &videos {
        assert!(env.path(&v.original_path).is_file(), "{}", v.original_path);
        let queued = job::Entity::find()
            .filter(job::Column::VideoId.eq(v.id))
            .all(&env.db)
            .await
            .unwrap();
        assert_eq!(queued.len(), 1, "{}", v.title);
        assert_eq!(
            (v.status.as_str(), queued[0].state.as_str()),
            ("queued", "queued")
        );
    }

    // The learner is in the group and sees both courses.
    let the_group = group::Entity::find()
        .filter(group::Column::Name.eq(GROUP_NAME))
        .one(&env.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(the_group.join_code, summary.join_code);
    let members = groups::members(&env.db, the_group.id).await.unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].nickname.as_deref(), Some("Demo"));
    let seen = groups::learner_courses(&env.db, members[0].id).await.unwrap();
    assert_eq!(seen.len(), COURSES.len());

    // Again, as `lernwerk demo` from the command line: fresh logins, nothing doubled.
    let before = counts(&env).await;
    let second = run_demo_command(&env, media);
    assert!(second.contains("kept as it was"), "{second}");
    assert!(second.contains(&summary.join_code), "the group stays: {second}");
    assert!(!second.contains(&summary.learner_code), "a fresh code: {second}");
    assert_eq!(counts(&env).await, before);
    assert_eq!(group::Entity::find().count(&env.db).await.unwrap(), 1);
    assert_eq!(group_member::Entity::find().count(&env.db).await.unwrap(), 1);
}

#[tokio::test]
async fn without_demo_media_there_are_accounts_and_a_group_but_no_courses() {
    let env = TestEnv::new().await;
    let missing = env.path("no-such-dir");
    let summary = demo::seed(&env.db, &env.settings, &missing).await.unwrap();
    assert!(summary.courses.is_none());
    assert!(summary.to_string().contains("scripts/make-demo-media"));
    assert_eq!(counts(&env).await, [0; 6]);
    assert_eq!(group_member::Entity::find().count(&env.db).await.unwrap(), 1);
}

#[tokio::test]
async fn a_demo_directory_missing_a_video_makes_nothing() {
    let env = TestEnv::new().await;
    let partial = env.path("partial");
    std::fs::create_dir(&partial).unwrap();
    let first = lesson_files().next().unwrap();
    std::fs::copy(demo_media().join(first), partial.join(first)).unwrap();
    let refused = demo::seed(&env.db, &env.settings, &partial).await.err().unwrap();
    assert!(refused.to_string().contains("make-demo-media"), "{refused}");
    assert_eq!(counts(&env).await, [0; 6]);
}

#[tokio::test]
async fn a_worker_transcodes_a_demo_video() {
    let env = TestEnv::new().await;
    demo::seed(&env.db, &env.settings, demo_media()).await.unwrap();
    // Jobs are taken oldest first: the first lesson's video comes first.
    let first = COURSES[0].modules[0].lessons[0].title;
    let target = video::Entity::find()
        .filter(video::Column::Title.eq(first))
        .one(&env.db)
        .await
        .unwrap()
        .unwrap();
    let workers = env.start_workers_with(1, |jobs| {
        jobs.command = vec![env!("CARGO_BIN_EXE_lernwerk").into(), "transcode".into()];
        jobs.max_attempts = 1;
    });
    // A 27-second 720p clip takes the debug build several seconds; allow for a busy machine.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    let row = loop {
        let row = env.video_row(target.id).await;
        if row.status == "ready" || row.status == "failed" {
            break row;
        }
        assert!(tokio::time::Instant::now() < deadline, "still {}", row.status);
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    workers.stop().await;
    assert_eq!(row.status, "ready", "{:?}", row.error_key);
    let duration = row.duration_seconds.unwrap();
    assert!((20.0..=40.0).contains(&duration), "{duration}");
    let package = env.path(row.package_dir.as_deref().unwrap());
    assert!(package.join("master.m3u8").is_file());
}

/// Runs `lernwerk demo --from MEDIA` against the test's database; returns its output.
fn run_demo_command(env: &TestEnv, media: &Path) -> String {
    let config = env.path("demo.toml");
    let text = format!(
        "media_dir = '''{}'''\ndatabase_url = '''{}'''\n",
        env.media.path().display(),
        env.settings.database_url(),
    );
    std::fs::write(&config, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_lernwerk"))
        .arg("--config")
        .arg(&config)
        .args(["demo", "--from"])
        .arg(media)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
