//! The HTTP defences: cross-site writes refused, the Content-Security-Policy and its nonce,
//! HSTS behind HTTPS, and no caching of logged-in answers.

use super::common::{self, STAFF, call, client, log_in, session_cookie, setup, spawn_app_with};
use server::database::MIGRATOR;
use sqlx::PgPool;

#[sqlx::test(migrator = "MIGRATOR")]
async fn browsers_cannot_post_the_forms_from_another_site(pool: PgPool) {
    let base = setup(&pool).await;
    let login = [("email", STAFF), ("password", common::PASSWORD)];
    let host = base.trim_start_matches("http://");
    for (header, value) in [
        ("sec-fetch-site", "cross-site".to_string()),
        ("sec-fetch-site", "same-site".to_string()),
        // A browser that sends no Sec-Fetch-Site still sends the page's origin.
        ("origin", "https://evil.example".to_string()),
        ("origin", format!("http://{host}.evil.example")),
        ("origin", "null".to_string()),
    ] {
        let response = client()
            .post(format!("{base}/api/log_in"))
            .header(header, &value)
            .form(&login)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 403, "{header}: {value}");
        assert!(
            session_cookie(&response).is_none(),
            "no session for {value}"
        );
        let text = response.text().await.unwrap();
        assert!(
            text.contains("can only be sent from its own pages"),
            "{text}"
        );
    }
    let own = client()
        .post(format!("{base}/api/log_in"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", &base)
        .header("accept", "application/json")
        .form(&login)
        .send()
        .await
        .unwrap();
    assert_eq!(
        own.status().as_u16(),
        200,
        "the site's own origin is accepted"
    );
    // Reading stays open to links from anywhere.
    let page = client()
        .get(format!("{base}/obligations"))
        .header("sec-fetch-site", "cross-site")
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_configured_public_origin_is_the_one_accepted(pool: PgPool) {
    let base =
        common::setup_with(&pool, &["--public-origin", "https://Mandates.example.org/"]).await;
    let post = |origin: &'static str| {
        client()
            .post(format!("{base}/api/log_in"))
            .header("origin", origin)
            .header("accept", "application/json")
            .form(&[("email", STAFF), ("password", common::PASSWORD)])
            .send()
    };
    assert_eq!(
        post("https://mandates.example.org")
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let host = post("http://127.0.0.1").await.unwrap();
    assert_eq!(host.status().as_u16(), 403, "the Host no longer decides");
}

/// The values of `attribute="..."` in `html`.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!("{attribute}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| html[at + needle.len()..].split('"').next())
        .collect()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn pages_carry_a_fresh_csp_nonce_that_their_scripts_bear(pool: PgPool) {
    let base = setup(&pool).await;
    let mut nonces = Vec::new();
    for path in ["/", "/obligations", "/login", "/no/such/page"] {
        let response = client().get(format!("{base}{path}")).send().await.unwrap();
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let html = response.text().await.unwrap();
        for directive in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ] {
            assert!(
                policy.contains(directive),
                "{path}: {directive} missing from {policy}"
            );
        }
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in script-src");
        assert!(nonce.len() >= 16, "{nonce}");
        let scripts = html.matches("<script").count();
        assert!(scripts >= 1, "{path} has the hydration script");
        let bearing = attribute_values(&html, "nonce");
        assert_eq!(bearing.len(), scripts, "{path}: every script bears a nonce");
        assert!(
            bearing.iter().all(|n| *n == nonce),
            "{path}: {bearing:?} vs {nonce}"
        );
        nonces.push(nonce.to_owned());
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 4, "a new nonce for every response");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn logged_in_answers_are_not_stored_but_public_ones_and_assets_may_be(pool: PgPool) {
    // A site root of its own, so there is a stylesheet to fetch without building the site.
    let site = std::env::temp_dir().join(format!("mt-logins-site-{}", std::process::id()));
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("main.css"), "body { margin: 0 }").unwrap();
    common::load_demo_data(&pool).await;
    common::create_user(&pool, STAFF, app::auth::Role::Editor).await;
    let base = common::spawn_app_on_site(pool.clone(), site.to_str().unwrap(), &[]).await;
    let cache_control = |response: &reqwest::Response| {
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let visitor = client()
        .get(format!("{base}/obligations"))
        .send()
        .await
        .unwrap();
    assert_eq!(cache_control(&visitor), None);

    let staff = client();
    let login = log_in(&staff, &base, STAFF).await;
    assert_eq!(
        cache_control(&login).as_deref(),
        Some("no-store"),
        "the login answer"
    );
    for path in ["/obligations", "/calendar"] {
        let page = staff.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(cache_control(&page).as_deref(), Some("no-store"), "{path}");
    }
    let api = staff
        .post(format!("{base}/api/get_current_user"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        cache_control(&api).as_deref(),
        Some("no-store"),
        "server functions"
    );
    let css = staff.get(format!("{base}/main.css")).send().await.unwrap();
    assert_eq!(css.status().as_u16(), 200);
    assert_ne!(
        cache_control(&css).as_deref(),
        Some("no-store"),
        "assets stay cacheable"
    );
    let (status, _) = call(&staff, &base, "log_out", &[]).await;
    assert_eq!(status, 200);
    let after = staff
        .get(format!("{base}/obligations"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        cache_control(&after),
        None,
        "logged out: a public page again"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn browsers_are_told_to_keep_to_https_only_when_it_is_used(pool: PgPool) {
    let plain = spawn_app_with(pool.clone(), &[]).await;
    let response = client().get(format!("{plain}/")).send().await.unwrap();
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    let secure = spawn_app_with(pool, &["--secure-cookies"]).await;
    let response = client().get(format!("{secure}/")).send().await.unwrap();
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}
