#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Pages kept for readers without a login: sent again until the data changes, whoever changes
//! it; never for requests with a cookie; a new nonce in every answer.

use server::database::MIGRATOR;
use sqlx::PgPool;
use std::time::{Duration, Instant};

mod common;
use common::{call, client, staff_on_obligation, status_form, text_of};

/// Waits until the server listens for notices of changes (it keeps nothing before).
async fn listening(pool: &PgPool) {
    let started = Instant::now();
    loop {
        let listeners: i64 = sqlx::query_scalar(
            "select count(*) from pg_stat_activity \
              where datname = current_database() and query ilike 'listen%'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if listeners > 0 {
            // The query shows a moment before the server marks itself listening.
            tokio::time::sleep(Duration::from_millis(200)).await;
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "never listens");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Renames resolution `id` without telling the server (its notice trigger off for the change).
async fn rename_silently(pool: &PgPool, id: i64, title: &str) {
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("alter table resolution disable trigger data_changed")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("update resolution set title = $2 where id = $1")
        .bind(id)
        .bind(title)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("alter table resolution enable trigger data_changed")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Fetches `url` anonymously until it contains `text`, for at most five seconds.
async fn shows_within_seconds(url: &str, text: &str) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        if text_of(&client(), url).await.contains(text) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

/// Turns every table's notice trigger off or on (for writes the server is not told of).
async fn notices(pool: &PgPool, on: bool) {
    let tables: Vec<String> = sqlx::query_scalar(
        "select tgrelid::regclass::text from pg_trigger where tgname = 'data_changed'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let switch = if on { "enable" } else { "disable" };
    for table in tables {
        sqlx::query(&format!(
            "alter table {table} {switch} trigger data_changed"
        ))
        .execute(pool)
        .await
        .unwrap();
    }
}

async fn first_resolution(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select min(id) from resolution")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_page_is_sent_again_until_any_process_changes_the_data(pool: PgPool) {
    let (base, _, _) = staff_on_obligation(&pool).await;
    listening(&pool).await;
    let id = first_resolution(&pool).await;
    let url = format!("{base}/resolutions/{id}");
    assert!(!text_of(&client(), &url).await.contains("Quietly renamed"));
    rename_silently(&pool, id, "Quietly renamed").await;
    // Kept: the change made without a notice does not show to readers without a login...
    assert!(!text_of(&client(), &url).await.contains("Quietly renamed"));
    // ...but does to a request with a cookie, which always gets a fresh page.
    let with_cookie = client()
        .get(&url)
        .header("cookie", "anything=1")
        .send()
        .await
        .unwrap();
    assert!(
        with_cookie
            .text()
            .await
            .unwrap()
            .contains("Quietly renamed")
    );
    // A notice from any connection (here this test's) forgets the kept pages.
    sqlx::query("select pg_notify('data_changed', 'test')")
        .execute(&pool)
        .await
        .unwrap();
    assert!(shows_within_seconds(&url, "Quietly renamed").await);
    // An ordinary change, as another process (an import, psql) would make it, notifies by itself.
    sqlx::query("update resolution set title = 'Renamed aloud' where id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    assert!(shows_within_seconds(&url, "Renamed aloud").await);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_staff_write_shows_on_the_very_next_anonymous_page(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    listening(&pool).await;
    let url = format!("{base}/obligations/{id}");
    let list = format!("{base}/obligations?body=ccpcj&session=29");
    let shown = |text: String| text.matches("In preparation").count();
    let mut before = Vec::new();
    for page in [&url, &list] {
        before.push(shown(text_of(&client(), page).await));
    }
    // Without notices from PostgreSQL, so that only the server's own forgetting can help.
    notices(&pool, false).await;
    let (status, body) = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // No waiting for the notice: the write itself forgot the kept pages before it answered.
    for (page, before) in [&url, &list].into_iter().zip(before) {
        assert!(shown(text_of(&client(), page).await) > before, "{page}");
    }
    notices(&pool, true).await;
}

/// The nonce of the Content-Security-Policy header and of the page's scripts.
fn nonces(response: &reqwest::Response) -> String {
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let start = policy.find("'nonce-").unwrap() + "'nonce-".len();
    policy[start..start + 22].to_owned()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn every_kept_page_is_sent_with_a_nonce_of_its_own(pool: PgPool) {
    let (base, _, _) = staff_on_obligation(&pool).await;
    listening(&pool).await;
    let id = first_resolution(&pool).await;
    let url = format!("{base}/resolutions/{id}");
    let first = client().get(&url).send().await.unwrap();
    let first_nonce = nonces(&first);
    let first_page = first.text().await.unwrap();
    rename_silently(&pool, id, "Quietly renamed").await;
    let second = client().get(&url).send().await.unwrap();
    let second_nonce = nonces(&second);
    let second_page = second.text().await.unwrap();
    assert!(!second_page.contains("Quietly renamed"), "the kept page");
    assert_ne!(first_nonce, second_nonce);
    for (page, nonce) in [(&first_page, &first_nonce), (&second_page, &second_nonce)] {
        let scripts = page.matches("<script").count();
        assert!(scripts > 0);
        assert_eq!(page.matches(&format!("nonce=\"{nonce}\"")).count(), scripts);
    }
    assert_eq!(
        second_page.replace(&second_nonce, "N"),
        first_page.replace(&first_nonce, "N")
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn every_data_table_announces_its_changes(pool: PgPool) {
    let silent: Vec<String> = sqlx::query_scalar(
        "select tablename::text from pg_tables t \
          where schemaname = current_schema() \
            and not exists (select 1 from pg_trigger g \
                             where g.tgrelid = (quote_ident(t.tablename))::regclass \
                               and g.tgname = 'data_changed') \
          order by 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        silent,
        // Logins, invitations, import drafts, follows, the mail outbox and subscriptions change
        // nothing a reader sees.
        [
            "_sqlx_migrations",
            "import_draft",
            "invitation",
            "obligation_follow",
            "outbox",
            "subscription",
            "user_session"
        ],
        "a new table needs the `data_changed` trigger (migration 20261204000010)"
    );
}
