#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The public pages of one resolution and of one session's agenda.

mod common;

use chrono::Datelike;
use common::{load_demo_data, load_full_demo, spawn_app, spawn_app_with, text_of};
use server::database::MIGRATOR;
use sqlx::PgPool;

async fn resolution_id(pool: &PgPool, label: &str) -> i64 {
    sqlx::query_scalar("select id from resolution where label = $1")
        .bind(label)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_resolution_shows_its_paragraphs_with_mandates_marked_and_linked(pool: PgPool) {
    load_demo_data(&pool).await;
    let id = resolution_id(&pool, "D. Resolution 28/3").await;
    let base = spawn_app(pool).await;
    let client = common::plain_client();
    let home = text_of(&client, &format!("{base}/")).await;
    assert!(home.contains(&format!(
        r#"<a href="/resolutions/{id}">D. Resolution 28/3</a>"#
    )));
    let page = text_of(&client, &format!("{base}/resolutions/{id}")).await;
    assert!(page.contains("<h1>D. Resolution 28/3</h1>"), "{page}");
    assert!(
        page.contains("<mark>"),
        "a clause is marked in its paragraph"
    );
    assert!(
        page.contains(r#"<a href="/obligations/"#),
        "mandates link to obligations"
    );
    assert!(
        page.contains("4 mandates found."),
        "the gold annotation has 4"
    );
    for missing in ["/resolutions/999999", "/resolutions/abc"] {
        let response = client.get(format!("{base}{missing}")).send().await.unwrap();
        assert_eq!(response.status(), 404, "{missing}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_session_lists_what_is_due_there_with_its_deadlines(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let client = common::plain_client();
    let page = text_of(&client, &format!("{base}/sessions/CCPCJ/29")).await;
    assert!(page.contains(
        "<h1>Commission on Crime Prevention and Criminal Justice, twenty-ninth session</h1>"
    ));
    assert!(
        page.contains("<dt>Documents due</dt><dd>24 September 2020</dd>"),
        "{page}"
    );
    let rows = page.matches(r#"<td data-label="Source">"#).count();
    assert!(rows >= 4, "{rows} rows");
    assert!(page.contains(r#"href="/obligations.csv?body=ccpcj&amp;session=29""#));
    let calendar = text_of(&client, &format!("{base}/calendar")).await;
    assert!(calendar.contains(r#"<a href="/sessions/ccpcj/29">twenty-ninth session</a>"#));
    for missing in [
        "/sessions/ccpcj/999",
        "/sessions/nobody/1",
        "/sessions/ccpcj/x",
    ] {
        let response = client.get(format!("{base}{missing}")).send().await.unwrap();
        assert_eq!(response.status(), 404, "{missing}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_overview_draws_three_figures_each_with_its_table(pool: PgPool) {
    load_full_demo(&pool).await;
    let base = spawn_app(pool).await;
    let page = text_of(&common::plain_client(), &format!("{base}/overview")).await;
    assert!(page.contains("<h1>Overview</h1>"), "{page}");
    // The coming sessions' chart is drawn while some report is due at a session ahead (in the
    // demo, until the General Assembly's 82nd opens in September 2027); the other two always.
    let drawn = page.matches(r#"role="img""#).count();
    assert!((2..=3).contains(&drawn), "{drawn} charts: {page}");
    assert_eq!(page.matches("<svg").count(), drawn);
    for id in ["overdue", "in-time"] {
        assert!(
            page.contains(&format!(r#"aria-labelledby="{id}-title {id}-summary""#)),
            "{id}: the drawing is named by its title and summary"
        );
    }
    // The month-by-month figure: the first of each of 24 months, and today (unless today is a
    // first of the month, already among them).
    let overdue = &page[page.find(r#"id="overdue-title""#).unwrap()..];
    let overdue = &overdue[..overdue.find("</table>").unwrap()];
    let points = if chrono::Utc::now().day() == 1 {
        24
    } else {
        25
    };
    assert_eq!(overdue.matches(r#"<th scope="row">"#).count(), points);
    // The demo's five issued reports were issued in 2026 for sessions of 2020 and 2022 and for
    // the Security Council's dates of 2024 to 2026: late.
    assert!(
        page.contains("0 of the 5 issued reports were issued by their issue-by date."),
        "{page}"
    );
    assert!(
        page.contains(r#"<td data-label="Share">0 %</td>"#),
        "{page}"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_demo_site_says_so_on_every_page_and_a_real_one_does_not(pool: PgPool) {
    load_demo_data(&pool).await;
    let demo = spawn_app_with(pool.clone(), &["--demo"]).await;
    let real = spawn_app(pool).await;
    let client = common::plain_client();
    for path in [
        "/",
        "/obligations",
        "/calendar",
        "/overview",
        "/no-such-page",
    ] {
        let page = text_of(&client, &format!("{demo}{path}")).await;
        assert!(
            page.contains(r#"aria-label="About the data" class="demo-banner""#),
            "{path}"
        );
        let page = text_of(&client, &format!("{real}{path}")).await;
        assert!(!page.contains("demo-banner"), "{path}");
    }
}
