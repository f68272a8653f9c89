#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The public pages of one resolution and of one session's agenda.

mod common;

use common::{load_demo_data, spawn_app, text_of};
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
    let client = reqwest::Client::new();
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
    let client = reqwest::Client::new();
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
