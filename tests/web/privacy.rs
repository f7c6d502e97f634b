//! Privacy (DSGVO): learners and their trainers download the learner's data; admins delete
//! a learner with every row about them; inactive learners are deleted after the retention
//! time.

use std::process::Command;

use chrono::{Duration, Utc};
use entities::{access_code, audit_log, group, session, user};
use lernwerk::accounts::{learners, privacy, sessions, Role};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};

use crate::course_setup::{build_course, let_time_pass, post_ok, report, Course};
use crate::helpers::{csrf_in, fresh_database_url, location, spawn_app, spawn_app_with, Browser, TestApp};

/// The learner of `c` completes lesson A, watches lesson B and answers its question
/// wrongly; the trainer credits lesson A as watched together in the room.
async fn learn_something(app: &TestApp, c: &Course) {
    let [a, b, _] = c.lessons;
    for lesson in [a, b] {
        let page = format!("/learn/lessons/{lesson}");
        assert_eq!(c.learner.get(&page).await.status(), 200);
        let_time_pass(app, c.learner_id, lesson, 61).await;
        assert_eq!(
            report(&c.learner, lesson, &[(0.0, 60.0)], 60.0).await.status(),
            200
        );
    }
    let (question, _right, wrong) = c.question;
    let lesson_b = format!("/learn/lessons/{b}");
    post_ok(
        &c.learner,
        &lesson_b,
        &format!("{lesson_b}/answers"),
        &[(&format!("q{question}"), &wrong.to_string())],
    )
    .await;
    let group_page = format!("/trainer/groups/{}", c.group_id);
    let (lesson, learner) = (a.to_string(), c.learner_id.to_string());
    post_ok(
        &c.trainer,
        &group_page,
        &format!("{group_page}/room-viewing"),
        &[("lesson_id", &lesson), ("present", &learner)],
    )
    .await;
}

/// Every (table, column) with a foreign key to `users`, read from the database itself, so
/// that a table added later is counted too.
async fn user_references(db: &DatabaseConnection) -> Vec<(String, String)> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => {
            "SELECT kcu.table_name AS tbl, kcu.column_name AS col \
             FROM information_schema.table_constraints tc \
             JOIN information_schema.key_column_usage kcu \
               ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema \
             JOIN information_schema.constraint_column_usage ccu \
               ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users' \
             ORDER BY 1, 2"
        }
        _ => {
            "SELECT m.name AS tbl, p.\"from\" AS col \
             FROM sqlite_master m, pragma_foreign_key_list(m.name) p \
             WHERE m.type = 'table' AND p.\"table\" = 'users' ORDER BY 1, 2"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap();
    let found: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.try_get("", "tbl").unwrap(), r.try_get("", "col").unwrap()))
        .collect();
    for expected in [
        ("sessions", "user_id"),
        ("access_codes", "user_id"),
        ("group_members", "learner_id"),
        ("lesson_progress", "learner_id"),
        ("check_attempts", "learner_id"),
        ("learning_events", "learner_id"),
        ("room_viewings", "learner_id"),
    ] {
        assert!(
            found.iter().any(|(t, c)| t == expected.0 && c == expected.1),
            "{expected:?} refers to users: {found:?}"
        );
    }
    found
}

/// Rows in each referencing table that point at `user_id`.
async fn rows_about(db: &DatabaseConnection, user_id: i64) -> Vec<(String, i64)> {
    let mut counts = Vec::new();
    for (table, column) in user_references(db).await {
        let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE {column} = {user_id}");
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap()
            .unwrap();
        counts.push((format!("{table}.{column}"), row.try_get::<i64>("", "n").unwrap()));
    }
    counts
}

fn count_of(counts: &[(String, i64)], name: &str) -> i64 {
    counts.iter().find(|(n, _)| n == name).map(|(_, c)| *c).unwrap()
}

async fn download(browser: &Browser, path: &str) -> (serde_json::Value, String) {
    let response = browser.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let headers = response.headers().clone();
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename="));
    assert_eq!(headers["cache-control"], "no-store");
    let body = response.text().await.unwrap();
    (serde_json::from_str(&body).unwrap(), body)
}

/// Every secret the database holds about `user_id`: none may appear in an export.
async fn secrets_of(app: &TestApp, user_id: i64) -> Vec<String> {
    let mut secrets = Vec::new();
    for s in session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .all(&app.db)
        .await
        .unwrap()
    {
        secrets.push(s.token_hash);
        secrets.push(s.csrf_token);
    }
    for c in access_code::Entity::find()
        .filter(access_code::Column::UserId.eq(user_id))
        .all(&app.db)
        .await
        .unwrap()
    {
        secrets.push(c.code_hash);
    }
    for g in group::Entity::find().all(&app.db).await.unwrap() {
        secrets.push(g.join_code);
    }
    assert!(secrets.len() >= 4);
    secrets
}

fn assert_no_secrets(body: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(!body.contains(secret.as_str()), "a secret leaked into the export");
    }
    for field in ["password", "token", "hash", "csrf", "join_code"] {
        assert!(!body.contains(field), "{field} in the export");
    }
}

#[tokio::test]
async fn a_learner_downloads_everything_about_them_and_no_secrets() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    learn_something(&app, &c).await;
    let [a, b, _] = c.lessons;

    let account = c.learner.get("/account").await.text().await.unwrap();
    assert!(
        account.contains("href=\"/learn/my-data.json\""),
        "linked from the account page"
    );
    assert!(account.contains("Meine Daten herunterladen"));

    let (data, body) = download(&c.learner, "/learn/my-data.json").await;
    assert_eq!(data["format"], privacy::EXPORT_FORMAT);
    assert_eq!(data["account"]["id"], c.learner_id);
    assert_eq!(data["account"]["nickname"], "Kim");
    assert_eq!(data["account"]["role"], "learner");
    assert!(data["sessions"]["count"].as_u64().unwrap() >= 1);
    assert_eq!(data["access_codes"]["count"], 1);
    assert!(data["access_codes"]["list"][0]["used_at"].is_string());
    assert_eq!(data["groups"][0]["name"], "Dienstag");

    let progress = data["progress"].as_array().unwrap();
    assert_eq!(progress.len(), 2);
    let lesson_a = progress.iter().find(|p| p["lesson"]["id"] == a).unwrap();
    assert_eq!(lesson_a["lesson"]["title"], "A");
    assert_eq!(lesson_a["lesson"]["module"], "Grundlagen");
    assert_eq!(lesson_a["lesson"]["course"]["title"], "Prozente im Alltag");
    assert!((lesson_a["coverage"].as_f64().unwrap() - 1.0).abs() < 0.01);
    assert_eq!(lesson_a["video_complete"], true);
    assert!(lesson_a["completed_at"].is_string());
    assert!(!lesson_a["watched_intervals"].as_array().unwrap().is_empty());
    assert!((lesson_a["position"].as_f64().unwrap() - 60.0).abs() < 0.01);

    let attempts = data["check_attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0]["lesson"]["id"], b);
    assert_eq!(attempts[0]["passed"], false);
    assert_eq!(
        (attempts[0]["correct"].clone(), attempts[0]["total"].clone()),
        (0.into(), 1.into())
    );
    let answer = &attempts[0]["answers"][0];
    assert_eq!(answer["question"]["prompt"], "Wie viel sind 10 % von 50 €?");
    assert_eq!(answer["chosen"][0]["text"], "10 €", "the wrong answer, in words");

    let kinds: Vec<&str> = data["learning_events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in ["opened", "played", "completed", "answered"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert_eq!(data["room_viewings"][0]["lesson"]["id"], a);
    assert_eq!(data["room_viewings"][0]["group"]["name"], "Dienstag");
    assert!(data["audit_log"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "code_login.succeeded" && e["by_self"] == true));

    assert_no_secrets(&body, &secrets_of(&app, c.learner_id).await);

    // Another learner gets their own data from the same address, never this one's.
    let (other, other_id) = app.logged_in(Role::Learner).await;
    let (theirs, body) = download(&other, "/learn/my-data.json").await;
    assert_eq!(theirs["account"]["id"], other_id);
    assert!(theirs["progress"].as_array().unwrap().is_empty());
    assert!(!body.contains("Dienstag"));

    // Anonymous visitors are sent to the code login.
    let anonymous = app.browser().get("/learn/my-data.json").await;
    assert_eq!(anonymous.status(), 303);
    assert_eq!(location(&anonymous), "/code");
}

#[tokio::test]
async fn trainers_download_the_data_of_their_own_learners_only() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    learn_something(&app, &c).await;
    let path = format!("/trainer/learners/{}/data.json", c.learner_id);

    let desk = c.trainer.get("/trainer").await.text().await.unwrap();
    assert!(
        desk.contains(&format!("href=\"{path}\"")),
        "linked from the trainer's list"
    );

    let (data, body) = download(&c.trainer, &path).await;
    assert_eq!(data["account"]["id"], c.learner_id);
    assert_eq!(data["progress"].as_array().unwrap().len(), 2);
    assert_eq!(data["check_attempts"].as_array().unwrap().len(), 1);
    assert_no_secrets(&body, &secrets_of(&app, c.learner_id).await);

    let (admin, admin_id) = app.logged_in(Role::Admin).await;
    let (by_admin, _) = download(&admin, &path).await;
    assert_eq!(by_admin["account"]["id"], c.learner_id);

    let (other_trainer, _) = app.logged_in(Role::Trainer).await;
    assert_eq!(other_trainer.get(&path).await.status(), 404);
    let trainer_id = data["account"]["trainer_id"].as_i64().unwrap();
    for not_a_learner in [trainer_id, admin_id, 999_999] {
        let staff_path = format!("/trainer/learners/{not_a_learner}/data.json");
        assert_eq!(admin.get(&staff_path).await.status(), 404, "{not_a_learner}");
    }
    assert_eq!(c.learner.get(&path).await.status(), 403);
    let anonymous = app.browser().get(&path).await;
    assert_eq!(anonymous.status(), 303);
    assert!(location(&anonymous).starts_with("/login?next=%2Ftrainer%2Flearners%2F"));

    // Each download is in the audit log, by whom and about whom, with no detail.
    let exports = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("learner_data.exported"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(exports.len(), 2);
    assert!(exports
        .iter()
        .all(|e| e.subject_id == Some(c.learner_id) && e.detail.is_empty()));
    assert_eq!(exports[1].actor_id, Some(admin_id));
}

#[tokio::test]
async fn a_trainers_copy_leaves_out_another_trainers_group() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    learn_something(&app, &c).await;
    // The learner also joins another trainer's group and starts a lesson there.
    let elsewhere = build_course(&app, 60.0).await;
    let group = group::Entity::find_by_id(elsewhere.group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    post_ok(&c.learner, "/learn", "/learn/join", &[("code", &group.join_code)]).await;
    let lesson = elsewhere.lessons[0];
    assert_eq!(
        c.learner.get(&format!("/learn/lessons/{lesson}")).await.status(),
        200
    );
    let path = format!("/trainer/learners/{}/data.json", c.learner_id);
    let lessons = |data: &serde_json::Value| -> Vec<i64> {
        let mut ids: Vec<i64> = data["progress"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["lesson"]["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        ids
    };
    let groups = |data: &serde_json::Value| -> Vec<i64> {
        let mut ids: Vec<i64> = data["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        ids
    };

    let (by_trainer, _) = download(&c.trainer, &path).await;
    assert_eq!(lessons(&by_trainer), [c.lessons[0], c.lessons[1]]);
    assert_eq!(groups(&by_trainer), [c.group_id]);
    assert_eq!(by_trainer["room_viewings"].as_array().unwrap().len(), 1);

    // The learner themself and an admin see everything.
    let (by_learner, _) = download(&c.learner, "/learn/my-data.json").await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let (by_admin, _) = download(&admin, &path).await;
    for all in [by_learner, by_admin] {
        assert_eq!(lessons(&all), [c.lessons[0], c.lessons[1], lesson]);
        assert_eq!(groups(&all), [c.group_id, elsewhere.group_id]);
    }
}

#[tokio::test]
async fn an_admin_deletes_a_learner_and_every_row_about_them() {
    let app = spawn_app().await;
    let c = build_course(&app, 60.0).await;
    learn_something(&app, &c).await;
    let trainer_id = user::Entity::find_by_id(c.learner_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .created_by
        .unwrap();
    // A second learner in the same group, who must keep everything.
    let group = group::Entity::find_by_id(c.group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let (bystander, bystander_id) = app.logged_in(Role::Learner).await;
    post_ok(&bystander, "/learn", "/learn/join", &[("code", &group.join_code)]).await;
    assert_eq!(
        bystander
            .get(&format!("/learn/lessons/{}", c.lessons[0]))
            .await
            .status(),
        200
    );

    let before = rows_about(&app.db, c.learner_id).await;
    for table in [
        "sessions.user_id",
        "access_codes.user_id",
        "group_members.learner_id",
        "lesson_progress.learner_id",
        "check_attempts.learner_id",
        "learning_events.learner_id",
        "room_viewings.learner_id",
    ] {
        assert!(
            count_of(&before, table) > 0,
            "{table} has rows before: {before:?}"
        );
    }
    let bystander_before = rows_about(&app.db, bystander_id).await;
    let trainer_before = rows_about(&app.db, trainer_id).await;
    assert!(count_of(&bystander_before, "group_members.learner_id") == 1);

    let (admin, admin_id) = app.logged_in(Role::Admin).await;
    let admin_home = admin.get("/admin").await.text().await.unwrap();
    assert!(admin_home.contains("href=\"/admin/learners\""));
    let list = admin.get("/admin/learners").await.text().await.unwrap();
    let action = format!("/admin/learners/{}/delete", c.learner_id);
    assert!(list.contains(&format!("action=\"{action}\"")));
    assert!(list.contains("Kim"));
    assert!(list.contains(&format!("Ja, Nr. {} wirklich löschen", c.learner_id)));

    // Whoever uses the route: only admins, only with the box ticked and the form's token.
    let by_trainer = c.trainer.submit("/trainer", &action, &[("confirm", "yes")]).await;
    assert_eq!(by_trainer.status(), 403);
    let unconfirmed = admin.submit("/admin/learners", &action, &[]).await;
    assert_eq!(unconfirmed.status(), 400);
    let page = unconfirmed.text().await.unwrap();
    assert!(page.contains("Es wurde nichts gelöscht"), "a clear message");
    let wrong_value = admin
        .submit("/admin/learners", &action, &[("confirm", "on")])
        .await;
    assert_eq!(wrong_value.status(), 400);
    let bad_csrf = admin
        .post_form(&action, &[("confirm", "yes"), ("csrf_token", "not-the-token")])
        .await;
    assert_eq!(bad_csrf.status(), 403);
    let no_csrf = admin.post_form(&action, &[("confirm", "yes")]).await;
    assert_eq!(no_csrf.status(), 403);
    assert_eq!(
        rows_about(&app.db, c.learner_id).await,
        before,
        "nothing deleted yet"
    );
    assert!(user::Entity::find_by_id(c.learner_id)
        .one(&app.db)
        .await
        .unwrap()
        .is_some());

    let deleted = admin
        .submit("/admin/learners", &action, &[("confirm", "yes")])
        .await;
    assert_eq!(deleted.status(), 303);
    let back = location(&deleted);
    assert_eq!(back, format!("/admin/learners?deleted={}", c.learner_id));
    let list = admin.get(&back).await.text().await.unwrap();
    assert!(list.contains(&format!("Nr. {} ist gelöscht", c.learner_id)));
    assert!(!list.contains(&format!("action=\"{action}\"")));

    assert!(user::Entity::find_by_id(c.learner_id)
        .one(&app.db)
        .await
        .unwrap()
        .is_none());
    let after = rows_about(&app.db, c.learner_id).await;
    assert!(after.iter().all(|(_, n)| *n == 0), "rows remain: {after:?}");
    assert_eq!(rows_about(&app.db, bystander_id).await, bystander_before);
    // The trainer keeps everything but the room viewings that were about the learner.
    let trainer_after = rows_about(&app.db, trainer_id).await;
    for ((table, was), (_, is)) in trainer_before.iter().zip(&trainer_after) {
        let expected = if table == "room_viewings.trainer_id" {
            was - count_of(&before, "room_viewings.learner_id")
        } else {
            *was
        };
        assert_eq!(*is, expected, "{table}");
    }
    let session_gone = c.learner.get("/learn").await;
    assert_eq!(session_gone.status(), 303, "the deleted learner's session ended");

    // The audit entry: who deleted which number, and nothing personal.
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("learner.deleted"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (
            entries[0].actor_id,
            entries[0].subject_id,
            entries[0].detail.as_str()
        ),
        (Some(admin_id), Some(c.learner_id), "")
    );
    let all = audit_log::Entity::find().all(&app.db).await.unwrap();
    assert!(all.iter().all(|e| !e.detail.contains("Kim")));

    // Gone is gone; staff accounts cannot be deleted this way.
    let again = admin
        .submit("/admin/learners", &action, &[("confirm", "yes")])
        .await;
    assert_eq!(again.status(), 404);
    let staff_action = format!("/admin/learners/{trainer_id}/delete");
    let staff = admin
        .submit("/admin/learners", &staff_action, &[("confirm", "yes")])
        .await;
    assert_eq!(staff.status(), 404);
    assert!(user::Entity::find_by_id(trainer_id)
        .one(&app.db)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn a_deleted_learners_number_is_never_given_again() {
    let app = spawn_app().await;
    let trainer = app.create_staff(Role::Trainer, "olga").await;
    let (newest, _) = app.create_learner(trainer).await;
    assert!(privacy::delete_learner(&app.db, newest).await.unwrap());
    assert!(!privacy::delete_learner(&app.db, newest).await.unwrap());
    assert!(
        !privacy::delete_learner(&app.db, trainer).await.unwrap(),
        "staff stay"
    );
    let (next, _) = app.create_learner(trainer).await;
    assert!(next > newest, "old audit entries keep pointing at nobody");
}

/// Moves a learner's history back: created `created_days` ago (with their access codes),
/// last seen `seen_days` ago (or never).
async fn age(db: &DatabaseConnection, user_id: i64, created_days: i64, seen_days: Option<i64>) {
    let now = Utc::now();
    let created = now - Duration::days(created_days);
    user::Entity::update_many()
        .col_expr(user::Column::CreatedAt, Expr::value(created))
        .col_expr(
            user::Column::LastSeenAt,
            Expr::value(seen_days.map(|d| now - Duration::days(d))),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await
        .unwrap();
    access_code::Entity::update_many()
        .col_expr(access_code::Column::CreatedAt, Expr::value(created))
        .col_expr(
            access_code::Column::ExpiresAt,
            Expr::value(created + Duration::days(14)),
        )
        .filter(access_code::Column::UserId.eq(user_id))
        .exec(db)
        .await
        .unwrap();
}

async fn exists(db: &DatabaseConnection, user_id: i64) -> bool {
    user::Entity::find_by_id(user_id).one(db).await.unwrap().is_some()
}

#[tokio::test]
async fn retention_deletes_only_learners_inactive_for_too_long() {
    // The server's own hourly task is off here: this test calls the rule itself.
    let app = spawn_app_with(|s| s.learner_retention_days = 0).await;
    let db = &app.db;
    let trainer = app.create_staff(Role::Trainer, "olga").await;
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(app.create_learner(trainer).await.0);
    }
    let [seen_long_ago, never_seen, seen_lately, new_code, logged_in_lately, fresh]: [i64; 6] =
        ids.try_into().unwrap();
    age(db, seen_long_ago, 500, Some(400)).await;
    age(db, never_seen, 400, None).await;
    age(db, seen_lately, 500, Some(10)).await;
    // The trainer hands an old learner a new code: they are expected back.
    age(db, new_code, 500, Some(400)).await;
    learners::issue_code(db, new_code, Duration::days(14))
        .await
        .unwrap();
    // A login counts as activity even where `last_seen_at` was not written.
    age(db, logged_in_lately, 500, Some(400)).await;
    sessions::create(db, logged_in_lately, Duration::days(90))
        .await
        .unwrap();
    // Staff are never deleted by the rule.
    age(db, trainer, 900, Some(800)).await;

    let cutoff = Utc::now() - Duration::days(365);
    assert_eq!(privacy::delete_inactive_learners(db, cutoff).await.unwrap(), 2);
    assert!(!exists(db, seen_long_ago).await);
    assert!(!exists(db, never_seen).await);
    for kept in [seen_lately, new_code, logged_in_lately, fresh, trainer] {
        assert!(exists(db, kept).await, "{kept} is kept");
    }
    let gone_codes = access_code::Entity::find()
        .filter(access_code::Column::UserId.is_in([seen_long_ago, never_seen]))
        .all(db)
        .await
        .unwrap();
    assert!(gone_codes.is_empty(), "their rows went with them");

    // Applied as the server does: audited with the count only, and only when it deleted.
    assert_eq!(privacy::purge_inactive(db, 365, Utc::now()).await.unwrap(), 0);
    let purges = || async {
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("learners.purged"))
            .order_by_asc(audit_log::Column::Id)
            .all(db)
            .await
            .unwrap()
    };
    assert!(purges().await.is_empty());
    age(db, fresh, 400, None).await;
    assert_eq!(
        privacy::purge_inactive(db, 0, Utc::now()).await.unwrap(),
        0,
        "0 is off"
    );
    assert!(exists(db, fresh).await);
    assert_eq!(privacy::purge_inactive(db, 365, Utc::now()).await.unwrap(), 1);
    assert!(!exists(db, fresh).await);
    let entries = purges().await;
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (
            entries[0].actor_id,
            entries[0].subject_id,
            entries[0].detail.as_str()
        ),
        (None, None, "1")
    );
}

#[tokio::test]
async fn the_purge_command_follows_the_retention_setting() {
    let media = tempfile::tempdir().unwrap();
    let database_url = fresh_database_url(&media).await;
    let db = lernwerk::db::connect(&database_url).await.unwrap();
    lernwerk::db::migrate(&db).await.unwrap();
    let (idle, _) = learners::create(&db, None, None, Duration::days(14))
        .await
        .unwrap();
    let (active, _) = learners::create(&db, None, None, Duration::days(14))
        .await
        .unwrap();
    age(&db, idle.id, 60, Some(60)).await;
    age(&db, active.id, 60, Some(10)).await;

    let purge = |days: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_lernwerk"))
            .args(["learner", "purge"])
            .env("LERNWERK_MEDIA_DIR", media.path())
            .env("LERNWERK_DATABASE_URL", &database_url)
            .env("LERNWERK_LEARNER_RETENTION_DAYS", days)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(purge("0").contains("off"));
    assert!(exists(&db, idle.id).await);
    assert!(purge("90").contains("deleted 0 learner"));
    assert!(exists(&db, idle.id).await);
    assert!(purge("30").contains("deleted 1 learner"));
    assert!(!exists(&db, idle.id).await);
    assert!(exists(&db, active.id).await);
}

#[tokio::test]
async fn the_admin_list_speaks_the_admins_language() {
    let app = spawn_app().await;
    let (admin, _) = app.logged_in(Role::Admin).await;
    let page = admin.get("/admin/learners").await.text().await.unwrap();
    assert!(page.contains("365 Tage"), "the retention time is shown");
    let token = csrf_in(&page).unwrap();
    let english = admin
        .client
        .post(format!("{}/admin/learners/1/delete", admin.address))
        .header("accept-language", "en")
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(english.status(), 400);
    assert!(english.text().await.unwrap().contains("Nothing was deleted"));
}
