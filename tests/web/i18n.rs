use crate::helpers::spawn_app;

fn html_tag(html: &str) -> &str {
    let start = html.find("<html").unwrap();
    &html[start..start + html[start..].find('>').unwrap()]
}

#[tokio::test]
async fn german_is_the_default() {
    let app = spawn_app().await;
    let html = app.browser().get("/").await.text().await.unwrap();
    assert!(html_tag(&html).contains("lang=\"de\""));
    assert!(html.contains("Mit Code anmelden"));
}

#[tokio::test]
async fn accept_language_picks_arabic_right_to_left() {
    let app = spawn_app().await;
    let html = app
        .browser_with_language("ar-SY,ar;q=0.9,en;q=0.5")
        .get("/code")
        .await
        .text()
        .await
        .unwrap();
    let tag = html_tag(&html);
    assert!(
        tag.contains("lang=\"ar\"") && tag.contains("dir=\"rtl\""),
        "{tag}"
    );
    let german = app.browser().get("/code").await.text().await.unwrap();
    let title = |h: &str| {
        h.split("<h1>")
            .nth(1)
            .unwrap()
            .split("</h1>")
            .next()
            .unwrap()
            .to_owned()
    };
    assert_ne!(
        title(&html),
        title(&german),
        "the Arabic page must not show German"
    );
}

#[tokio::test]
async fn the_persons_choice_beats_accept_language() {
    let app = spawn_app().await;
    let browser = app.browser_with_language("tr");
    assert!(browser
        .get("/")
        .await
        .text()
        .await
        .unwrap()
        .contains("lang=\"tr\""));
    let response = browser.get("/lang/en?next=/login").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/login");
    let html = browser.get("/login").await.text().await.unwrap();
    assert!(html.contains("lang=\"en\"") && html.contains("Staff login"));
    assert_eq!(browser.get("/lang/xx").await.status(), 404);
}

#[tokio::test]
async fn error_pages_speak_the_visitors_language() {
    let app = spawn_app().await;
    let english = app.browser_with_language("en").get("/nowhere").await;
    assert_eq!(english.status(), 404);
    assert!(english
        .text()
        .await
        .unwrap()
        .contains("This page does not exist."));
    let german = app.browser().get("/nowhere").await;
    assert!(german
        .text()
        .await
        .unwrap()
        .contains("Diese Seite gibt es nicht."));
    let arabic = app
        .browser_with_language("ar")
        .get("/nowhere")
        .await
        .text()
        .await
        .unwrap();
    assert!(html_tag(&arabic).contains("dir=\"rtl\""));
}

#[tokio::test]
async fn a_logged_in_persons_language_follows_them_to_a_new_device() {
    let app = spawn_app().await;
    let (trainer, _) = app.logged_in(lernwerk::accounts::Role::Trainer).await;
    trainer.get("/lang/uk?next=/trainer").await;
    let locale = || async {
        lernwerk::accounts::staff::list(&app.db).await.unwrap()[0]
            .locale
            .clone()
    };
    assert_eq!(locale().await.as_deref(), Some("uk"));
    // A link on another site changes this browser's language at most, not the account's.
    let followed = |site: &'static str| {
        trainer
            .client
            .get(format!("{}/lang/tr", trainer.address))
            .header("sec-fetch-site", site)
            .send()
    };
    assert_eq!(followed("cross-site").await.unwrap().status(), 303);
    assert_eq!(locale().await.as_deref(), Some("uk"));
    followed("same-origin").await.unwrap();
    assert_eq!(locale().await.as_deref(), Some("tr"));
}

#[tokio::test]
async fn the_403_page_speaks_the_visitors_language_too() {
    let app = spawn_app().await;
    let trainer = app.create_staff(lernwerk::accounts::Role::Trainer, "nora").await;
    let (_, code) = app.create_learner(trainer).await;
    let learner = app.browser_with_language("en");
    assert_eq!(learner.login_code(&code).await.status(), 303);
    let refused = learner.get("/trainer").await;
    assert_eq!(refused.status(), 403);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("You may not see this page."));
}
