use crate::helpers::spawn_app;

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    let h = response.headers();
    let csp = h
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("no CSP on {what}"))
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'"), "{what}: {csp}");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{what}: {csp}"
    );
    assert!(csp.contains("media-src 'self' blob:"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert!(h.contains_key("referrer-policy"), "{what}");
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let browser = app.browser();
    let html = browser.get("/").await.text().await.unwrap();
    let css = html
        .split("href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    for path in [
        "/",
        "/login",
        "/code",
        "/healthz",
        "/readyz",
        "/no/such/page",
        "/trainer",
        css.as_str(),
    ] {
        assert_security_headers(&browser.get(path).await, path);
    }
    assert_security_headers(&browser.post_form("/login", &[]).await, "POST /login");
}

#[tokio::test]
async fn pages_have_no_inline_script_or_third_party_urls() {
    let app = spawn_app().await;
    for path in ["/", "/login", "/code"] {
        let html = app.browser().get(path).await.text().await.unwrap();
        assert!(!html.contains("<script>") && !html.contains("onclick="), "{path}");
        assert!(
            !html.contains("https://") && !html.contains("http://"),
            "{path} links elsewhere"
        );
    }
}

#[tokio::test]
async fn static_files_are_cached_for_a_year_under_hashed_names() {
    let app = spawn_app().await;
    let browser = app.browser();
    let html = browser.get("/login").await.text().await.unwrap();
    let css = html
        .split("href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(css.starts_with("/static/app.") && css.ends_with(".css"), "{css}");
    let response = browser.get(&css).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert_eq!(browser.get("/static/app.0000000000.css").await.status(), 404);
    assert_eq!(browser.get("/static/../Cargo.toml").await.status(), 404);
}

#[tokio::test]
async fn audit_log_is_append_only_in_the_database() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app().await;
    lernwerk::accounts::audit::record(&app.db, None, lernwerk::accounts::audit::Action::Logout, None, "")
        .await
        .unwrap();
    assert!(app
        .db
        .execute_unprepared("UPDATE audit_log SET action = 'x'")
        .await
        .is_err());
    assert!(app.db.execute_unprepared("DELETE FROM audit_log").await.is_err());
    assert_eq!(
        lernwerk::accounts::audit::recent(&app.db, 10)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn staff_pages_and_the_code_login_are_not_kept_by_the_browser() {
    let app = spawn_app().await;
    let cache_control = |response: &reqwest::Response| {
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (trainer, _) = app.logged_in(lernwerk::accounts::Role::Trainer).await;
    let (admin, _) = app.logged_in(lernwerk::accounts::Role::Admin).await;
    for (browser, path) in [
        (&trainer, "/trainer"),
        (&trainer, "/trainer/groups"),
        (&admin, "/admin"),
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status(), 200, "{path}");
        assert_eq!(cache_control(&page).as_deref(), Some("no-store"), "{path}");
    }
    let code_login = app.browser().get("/code?c=K7H-WQ4M-X3").await;
    assert_eq!(cache_control(&code_login).as_deref(), Some("no-store"));
    // Public pages may be kept (nothing personal in them).
    assert_eq!(cache_control(&app.browser().get("/login").await), None);
}
