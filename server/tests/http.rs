#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The real application on port 0, driven over HTTP, against a fresh database per test.

use server::database::MIGRATOR;
use server::settings::{DatabaseArgs, ServeArgs};
use sqlx::PgPool;

mod common;

use common::{SEED, spawn_app, text_of};

fn serve_args(addr: &str) -> ServeArgs {
    use clap::Parser;
    let site_root = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site");
    ServeArgs::parse_from(["serve", "--addr", addr, "--site-root", site_root])
}

fn row_count(html: &str) -> usize {
    let tbody = html.split("<tbody>").nth(1).unwrap_or("");
    tbody
        .split("</tbody>")
        .next()
        .unwrap_or("")
        .matches("<tr>")
        .count()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn front_page_lists_the_seed_resolutions_and_filters_by_query(pool: PgPool) {
    server::import::import_text(&pool, "E/2019/30", SEED)
        .await
        .unwrap();
    let base = spawn_app(pool).await;
    let client = common::plain_client();

    let page = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = common::markup(page.text().await.unwrap());
    assert_eq!(row_count(&html), 14, "{html}");
    assert!(html.contains("Integrating sport into youth crime prevention"));
    assert!(html.contains("Showing 14 of 14"));

    let filtered = text_of(&client, &format!("{base}/?q=WILDLIFE")).await;
    assert_eq!(row_count(&filtered), 1);
    assert!(filtered.contains("D. Resolution 28/3"));
    // 17 operative paragraphs, 4 mandates, one of them reporting (gold annotation).
    assert!(
        filtered.contains(
            r#"<td data-label="Operative paragraphs" class="num">17</td><td data-label="Mandates" class="num">4</td><td data-label="Reporting" class="num">1</td>"#
        ),
        "{filtered}"
    );
    assert!(filtered.contains(r#"value="WILDLIFE""#));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn health_and_readiness_answer_ok_on_a_migrated_database(pool: PgPool) {
    let base = spawn_app(pool).await;
    for path in ["/healthz", "/readyz"] {
        let response = reqwest::get(format!("{base}{path}")).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn unknown_paths_get_the_not_found_page_with_status_404(pool: PgPool) {
    let base = spawn_app(pool).await;
    let response = reqwest::get(format!("{base}/no/such/page")).await.unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
}

#[sqlx::test(migrations = false)]
async fn readiness_is_503_while_migrations_are_missing(pool: PgPool) {
    use tower::ServiceExt;
    let router = server::routes::health::router(pool.clone());
    let request = || {
        axum::http::Request::get("/readyz")
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let response = router.clone().oneshot(request()).await.unwrap();
    assert_eq!(response.status(), 503);

    MIGRATOR.run(&pool).await.unwrap();
    let response = router.oneshot(request()).await.unwrap();
    assert_eq!(response.status(), 200);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_taken_port_is_a_clear_error(pool: PgPool) {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let err = server::build(pool, &serve_args(&addr))
        .await
        .err()
        .expect("binding a taken port must fail");
    let message = format!("{err:#}");
    assert!(message.contains(&addr), "{message}");
    assert!(message.contains("is the port taken"), "{message}");
}

#[tokio::test]
async fn an_unreachable_database_is_a_clear_error() {
    // Bind then drop a listener to get a local port where nothing listens.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let args = DatabaseArgs {
        url: Some(format!("postgres://app@127.0.0.1:{port}/nothing")),
        connect_timeout: 2,
    };
    let err = server::database::connect(&args).await.err().unwrap();
    assert!(format!("{err:#}").starts_with("cannot connect to the database"));

    let missing = DatabaseArgs {
        url: None,
        connect_timeout: 2,
    };
    let err = server::database::connect(&missing).await.err().unwrap();
    assert!(err.to_string().contains("DATABASE_URL"));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_obligations_page_shows_dates_derived_from_the_sessions(pool: PgPool) {
    let calendar: server::calendar::CalendarFile =
        serde_json::from_str(include_str!("../../data/calendar.json")).unwrap();
    server::calendar::load(&pool, &calendar).await.unwrap();
    server::import::import_text(&pool, "E/2019/30", SEED)
        .await
        .unwrap();
    let base = spawn_app(pool).await;
    let html = text_of(
        &common::plain_client(),
        &format!("{base}/obligations?kind=report"),
    )
    .await;
    assert_eq!(
        row_count(&html),
        13,
        "one row per dated report (the two asked for periodically are activities)"
    );
    // The 29th session of the Commission, postponed to 3 December 2020.
    let ccpcj_29 = "<td data-label=\"Due at\">Commission on Crime Prevention and Criminal Justice, \
                    twenty-ninth session</td><td data-label=\"Session opens\">3 December 2020</td>\
                    <td data-label=\"Submit by\">24 September 2020</td>\
                    <td data-label=\"Issue by\">22 October 2020</td>";
    assert_eq!(html.matches(ccpcj_29).count(), 4, "{html}");
    assert!(html.contains(
        "<td data-label=\"Session opens\">7 March 2021</td><td data-label=\"Submit by\">27 December 2020</td>\
         <td data-label=\"Issue by\">24 January 2021</td>"
    ));
}
