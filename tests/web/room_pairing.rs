//! Pairing a projector: the code it shows, the trainer confirming it once, the claim
//! traded for the projector's cookie, expiry and renewal, and the throttle on guessing.

use std::time::Duration;

use lernwerk::accounts::Role;

use crate::helpers::{set_cookie, spawn_app, spawn_app_with};
use crate::room_setup::{
    claim, next_message, next_of, other_staff, paired_projector, remote, type_code, waiting_projector, Agent,
};

#[tokio::test]
async fn the_projector_page_shows_a_code_and_nothing_personal() {
    let app = spawn_app().await;
    let (trainer, _) = other_staff(&app, Role::Trainer).await;
    // A trainer logged in on the projector PC: the page still names nobody.
    let page = trainer.browser.get("/room").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("data-room"));
    assert!(!html.contains("other-"), "no user name on the projector");
    assert!(!html.contains("/logout"), "no account menu");

    let waiting = waiting_projector(&app).await;
    let code = waiting.code.as_str();
    assert_eq!(code.len(), 7, "{code}");
    assert!(code
        .chars()
        .all(|c| c == '-' || "ACDEFHJKMNPQRTUVWXY3479".contains(c)));
}

#[tokio::test]
async fn the_pairing_qr_code_is_only_made_for_codes() {
    let app = spawn_app().await;
    let browser = app.browser();
    let qr = browser.get("/room/pairing-qr.svg?c=K7H-WQ4").await;
    assert_eq!(qr.status(), 200);
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    let svg = qr.text().await.unwrap();
    assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
    // The code as typed sloppily is the same code; another code is another picture.
    let sloppy = browser.get("/room/pairing-qr.svg?c=k7h%20wq4").await;
    assert_eq!(sloppy.text().await.unwrap(), svg);
    let other = browser.get("/room/pairing-qr.svg?c=K7H-WQ7").await;
    assert_ne!(other.text().await.unwrap(), svg);
    // Anything that cannot be a code gets no picture (no text of strangers on the screen).
    for bad in [
        "",
        "?c=",
        "?c=%3Cscript%3E",
        "?c=K7H-WQ1",
        "?c=https%3A%2F%2Fevil.example",
    ] {
        let response = browser.get(&format!("/room/pairing-qr.svg{bad}")).await;
        assert_eq!(response.status(), 404, "{bad}");
    }
}

#[tokio::test]
async fn a_confirmed_code_binds_the_projector_once() {
    let app = spawn_app().await;
    let (trainer, _) = other_staff(&app, Role::Trainer).await;
    let mut waiting = waiting_projector(&app).await;

    // Typed sloppily: lower case, a space instead of the dash.
    let typed = waiting.code.to_lowercase().replace('-', " ");
    let response = type_code(&trainer, &typed).await;
    assert_eq!(response.status(), 303);
    let room_path = crate::helpers::location(&response);
    assert!(room_path.starts_with("/trainer/room/"), "{room_path}");
    assert_eq!(trainer.browser.get(&room_path).await.status(), 200);

    let paired = next_message(&mut waiting.ws).await;
    assert_eq!(paired["type"], "paired");
    let token = paired["claim"].as_str().unwrap();

    // The claim is only taken from this server's own pages, and only once.
    let forged = waiting
        .agent
        .browser
        .client
        .post(format!("{}/room/claim", app.address))
        .header("origin", "http://evil.example")
        .json(&serde_json::json!({ "claim": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let claimed = claim(&waiting.agent, token).await;
    assert_eq!(claimed.status(), 204);
    let cookie = set_cookie(&claimed, "lw_room").expect("the projector's cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    let stranger = Agent::new(&app);
    assert_eq!(claim(&stranger, token).await.status(), 404, "a claim works once");
    assert_eq!(claim(&stranger, "made-up").await.status(), 404);

    // With its cookie the projector's socket follows the room.
    let mut bound = waiting.agent.socket("/room/socket").await;
    let state = next_of(&mut bound, "state").await;
    assert_eq!(state["phase"], "idle");
    assert!(state["lesson"].is_null());
    let html = waiting.agent.browser.get("/room").await.text().await.unwrap();
    assert!(
        html.contains(r#"data-phase="connecting""#),
        "a paired projector skips the code"
    );

    // The code is spent: nobody can pair with it again.
    let (other, _) = other_staff(&app, Role::Trainer).await;
    let again = type_code(&other, &waiting.code).await;
    assert_eq!(again.status(), 401);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("Dieser Code passt zu keinem Beamer"));

    // The pairing page lists the trainer's room; another trainer's remote is 404.
    let list = trainer.browser.get("/trainer/room").await.text().await.unwrap();
    assert!(list.contains(&room_path), "room listed");
    assert_eq!(other.browser.get(&room_path).await.status(), 404);
    let room_id = room_path.trim_start_matches("/trainer/room/");
    assert_eq!(
        other
            .browser
            .get(&format!("/trainer/room/{room_id}/catalog"))
            .await
            .status(),
        404
    );
    let (_, first) = remote(&trainer, room_id).await;
    assert_eq!(first["projector_connected"], true);
}

#[tokio::test]
async fn codes_expire_and_renew_themselves() {
    let app = spawn_app_with(|s| s.room.code_seconds = 1).await;
    let (trainer, _) = other_staff(&app, Role::Trainer).await;
    let mut waiting = waiting_projector(&app).await;
    let first = waiting.code.clone();
    let renewed = next_message(&mut waiting.ws).await;
    assert_eq!(renewed["type"], "code", "a new code once the first expired");
    let second = renewed["code"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    assert_eq!(type_code(&trainer, &first).await.status(), 401, "expired");
    let response = type_code(&trainer, &second).await;
    assert_eq!(response.status(), 303, "the current code works");
}

#[tokio::test]
async fn bad_codes_get_clear_messages() {
    let app = spawn_app().await;
    let (trainer, trainer_id) = other_staff(&app, Role::Trainer).await;
    let empty = type_code(&trainer, "  ").await;
    assert_eq!(empty.status(), 400);
    assert!(empty
        .text()
        .await
        .unwrap()
        .contains("Bitte geben Sie den Code vom Beamer ein."));
    let malformed = type_code(&trainer, "K7H").await;
    assert_eq!(malformed.status(), 401);
    assert!(malformed.text().await.unwrap().contains("Ein Code hat 6 Zeichen"));
    let forged = trainer
        .browser
        .post_form("/trainer/room", &[("code", "K7H-WQ4"), ("csrf_token", "wrong")])
        .await;
    assert_eq!(forged.status(), 403, "CSRF token checked");
    // Only staff pair rooms.
    let learner = app.browser();
    let (_, code) = app.create_learner(trainer_id).await;
    assert_eq!(learner.login_code(&code).await.status(), 303);
    assert_eq!(learner.get("/trainer/room").await.status(), 403);
    let anonymous = app.browser();
    assert_eq!(anonymous.get("/trainer/room").await.status(), 303);
}

#[tokio::test]
async fn guessing_is_throttled_per_trainer() {
    let app = spawn_app().await;
    let (guesser, _) = other_staff(&app, Role::Trainer).await;
    let waiting = waiting_projector(&app).await;
    // Wrong codes that could be codes (never the one shown).
    let wrong = if waiting.code == "AAA-AAA" {
        "CCC-CCC"
    } else {
        "AAA-AAA"
    };
    for _ in 0..5 {
        assert_eq!(type_code(&guesser, wrong).await.status(), 401);
    }
    let blocked = type_code(&guesser, &waiting.code).await;
    assert_eq!(blocked.status(), 429, "even the right code waits now");
    let wait: u64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0 && wait <= 600, "{wait}");
    // Typos that cannot be codes do not count; another trainer is not held back.
    let (other, _) = other_staff(&app, Role::Trainer).await;
    for _ in 0..6 {
        assert_eq!(type_code(&other, "K7").await.status(), 401);
    }
    assert_eq!(type_code(&other, &waiting.code).await.status(), 303);
}

#[tokio::test]
async fn closing_the_room_sends_the_projector_back_to_pairing() {
    let app = spawn_app().await;
    let (trainer, _) = other_staff(&app, Role::Trainer).await;
    let mut projector = paired_projector(&app, &trainer).await;
    let (mut remote_ws, _) = remote(&trainer, &projector.room_id).await;
    let page = format!("/trainer/room/{}", projector.room_id);
    let closed = trainer.browser.submit(&page, &format!("{page}/close"), &[]).await;
    assert_eq!(closed.status(), 303);
    assert_eq!(next_of(&mut projector.ws, "closed").await["type"], "closed");
    assert_eq!(next_of(&mut remote_ws, "closed").await["type"], "closed");
    assert_eq!(trainer.browser.get(&page).await.status(), 404);
    // Its cookie binds to nothing now: the projector shows a fresh code.
    let mut again = projector.agent.socket("/room/socket").await;
    assert_eq!(next_message(&mut again).await["type"], "code");
}

#[tokio::test]
async fn a_logout_ends_the_remote() {
    let app = spawn_app_with(|s| s.room.ping_seconds = 1).await;
    let (trainer, _) = other_staff(&app, Role::Trainer).await;
    let projector = paired_projector(&app, &trainer).await;
    let (mut remote_ws, _) = remote(&trainer, &projector.room_id).await;
    let logout = trainer.browser.submit("/trainer", "/logout", &[]).await;
    assert_eq!(logout.status(), 303);
    let ended = tokio::time::timeout(Duration::from_secs(5), crate::room_setup::closes(&mut remote_ws)).await;
    assert!(
        matches!(ended, Ok(true)),
        "the remote's socket closes after the logout"
    );
}
