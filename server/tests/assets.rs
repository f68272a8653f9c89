#![allow(clippy::unwrap_used)]
//! Static files: the precompressed copy the client accepts, the caching each file gets, and the
//! hashed bundle names in the pages. Against a small site written here in the layout
//! `scripts/build.sh` produces, so the test needs no release build. Each compressed copy holds
//! different bytes, so the body shows which file was sent (the browser tests check that the
//! real bundle's copies decode and hydrate).

mod common;

use server::database::MIGRATOR;
use server::routes::assets::{BUNDLE_FILE, IMMUTABLE, REVALIDATE};
use sqlx::PgPool;
use std::path::PathBuf;

const STEM: &str = "mandate-tracker.00112233aabbccdd";

/// Writes the site for the test `name` and returns its root.
fn site(name: &str) -> String {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("assets-site")
        .join(name);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    let write = |path: String, text: &str| std::fs::write(root.join(path), text).unwrap();
    write(BUNDLE_FILE.into(), &format!("{STEM}\n"));
    for ext in ["js", "wasm"] {
        write(format!("pkg/{STEM}.{ext}"), &format!("plain {ext}"));
        write(format!("pkg/{STEM}.{ext}.br"), &format!("brotli {ext}"));
        write(format!("pkg/{STEM}.{ext}.gz"), &format!("gzip {ext}"));
    }
    write("main.css".into(), "plain css");
    write("main.css.br".into(), "brotli css");
    write("favicon.svg".into(), "<svg/>");
    root.to_string_lossy().into_owned()
}

async fn get(base: &str, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut request = common::client().get(format!("{base}{path}"));
    if let Some(accept) = accept {
        request = request.header("accept-encoding", accept);
    }
    request.send().await.unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_bundle_is_sent_precompressed_and_cached_for_good(pool: PgPool) {
    let base = common::spawn_app_on_site(pool, &site("bundle"), &[]).await;
    let wasm = format!("/pkg/{STEM}.wasm");

    for (accept, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), "brotli wasm"),
        (Some("gzip"), Some("gzip"), "gzip wasm"),
        (None, None, "plain wasm"),
    ] {
        let response = get(&base, &wasm, accept).await;
        assert_eq!(response.status(), 200, "{accept:?}");
        assert_eq!(
            header(&response, "content-encoding"),
            encoding,
            "{accept:?}"
        );
        assert_eq!(header(&response, "content-type"), Some("application/wasm"));
        assert_eq!(header(&response, "cache-control"), Some(IMMUTABLE));
        assert_eq!(header(&response, "vary"), Some("accept-encoding"));
        // The security headers still apply to files.
        assert_eq!(header(&response, "x-content-type-options"), Some("nosniff"));
        assert_eq!(response.text().await.unwrap(), body, "{accept:?}");
    }

    let script = get(&base, &format!("/pkg/{STEM}.js"), Some("br")).await;
    assert_eq!(header(&script, "content-encoding"), Some("br"));
    assert_eq!(header(&script, "cache-control"), Some(IMMUTABLE));
    assert_eq!(script.text().await.unwrap(), "brotli js");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn other_files_are_revalidated_and_missing_ones_are_the_404_page(pool: PgPool) {
    let base = common::spawn_app_on_site(pool, &site("others"), &[]).await;

    let css = get(&base, "/main.css", Some("br, gzip")).await;
    assert_eq!(css.status(), 200);
    assert_eq!(header(&css, "content-encoding"), Some("br"));
    assert_eq!(header(&css, "cache-control"), Some(REVALIDATE));
    let modified = header(&css, "last-modified").unwrap().to_owned();
    assert_eq!(css.text().await.unwrap(), "brotli css");

    let unchanged = common::client()
        .get(format!("{base}/main.css"))
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), 304);
    assert_eq!(header(&unchanged, "cache-control"), Some(REVALIDATE));

    // Without a compressed copy the file itself is sent.
    let icon = get(&base, "/favicon.svg", Some("br, gzip")).await;
    assert_eq!(header(&icon, "content-encoding"), None);
    assert_eq!(header(&icon, "cache-control"), Some(REVALIDATE));
    assert_eq!(icon.text().await.unwrap(), "<svg/>");

    for path in [
        "/pkg/mandate-tracker.0000000000000000.wasm",
        "/pkg",
        "/pkg/",
    ] {
        let missing = get(&base, path, None).await;
        assert_eq!(missing.status(), 404, "{path}");
        assert_eq!(header(&missing, "cache-control"), None, "{path}");
        assert!(missing.text().await.unwrap().contains("<html"), "{path}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn pages_link_the_hashed_bundle_and_files_set_no_session_cookie(pool: PgPool) {
    common::create_user(&pool, "staff@example.org", app::auth::Role::Editor).await;
    let base = common::spawn_app_on_site(pool, &site("pages"), &[]).await;

    let html = get(&base, "/login", None).await.text().await.unwrap();
    assert!(html.contains(&format!("/pkg/{STEM}.wasm")), "{html}");
    assert!(html.contains(&format!("/pkg/{STEM}.js")), "{html}");
    // Pages are compressed as they are sent.
    let compressed = get(&base, "/login", Some("gzip, deflate, br, zstd")).await;
    assert_eq!(header(&compressed, "content-encoding"), Some("br"));
    let size = compressed.bytes().await.unwrap().len();
    assert!(size < html.len() / 2, "{size} of {}", html.len());

    // Logged in, a page renews the session cookie, a file does not touch the session.
    let client = common::client();
    let login = common::log_in(&client, &base, "staff@example.org").await;
    assert!(login.status().is_success(), "{}", login.status());
    let page = client
        .get(format!("{base}/obligations"))
        .send()
        .await
        .unwrap();
    assert!(header(&page, "set-cookie").is_some());
    let file = client
        .get(format!("{base}/pkg/{STEM}.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(header(&file, "set-cookie"), None);
}
