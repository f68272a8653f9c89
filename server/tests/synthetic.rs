#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The synthetic data of the scale benchmark (`demo generate`).

mod common;

use app::db::synthetic::generate;
use server::database::MIGRATOR;
use sqlx::PgPool;

#[sqlx::test(migrator = "MIGRATOR")]
async fn generated_data_has_the_asked_for_size_and_varied_text(pool: PgPool) {
    let made = generate(&pool, 520).await.unwrap();
    assert_eq!(made.obligations, 520);
    assert_eq!(
        made.resolutions, 11,
        "50 obligations a resolution, rounded up"
    );
    assert_eq!((made.bodies, made.sessions), (10, 200));
    let (texts, reports, linked, named): (i64, i64, i64, i64) = sqlx::query_as(
        "select (select count(distinct text) from paragraph), \
                count(*) filter (where o.kind = 'report'), \
                count(*) filter (where o.session_id is not null = (o.kind = 'report')), \
                count(o.body_id) \
           from obligation o",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(texts > 500, "{texts} distinct paragraph texts");
    assert!((200..=420).contains(&reports), "{reports} reports of 520");
    assert_eq!(
        linked, 520,
        "every report is due at a generated session, every activity at none"
    );
    assert_eq!(named, 520, "every obligation knows its body");
    // The finder reads it like imported data.
    let filter = app::model::finder::ObligationFilter {
        body: Some("gen03".into()),
        page: 1,
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let found = app::db::finder::find(&pool, &filter, today, 21, None)
        .await
        .unwrap();
    assert!(found.total > 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn generating_twice_or_nothing_is_refused(pool: PgPool) {
    assert_eq!(generate(&pool, 0).await.unwrap_err().status(), 422);
    generate(&pool, 60).await.unwrap();
    assert_eq!(generate(&pool, 60).await.unwrap_err().status(), 409);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_large_csv_arrives_whole_in_the_finders_order(pool: PgPool) {
    // More rows than one streamed chunk (500), so the file is sent in several.
    generate(&pool, 1_234).await.unwrap();
    let filter = app::model::finder::ObligationFilter {
        page: 1,
        ..Default::default()
    };
    let today = chrono::Utc::now().date_naive();
    let found = app::db::finder::find(&pool, &filter, today, 21, None)
        .await
        .unwrap();
    let base = common::spawn_app(pool).await;
    let response = common::plain_client()
        .get(format!("{base}/obligations.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "one byte order mark, first"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let ids: Vec<i64> = reader
        .records()
        .map(|record| record.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(ids.len(), 1_234, "every row once, and one header line");
    let expected: Vec<i64> = found
        .rows
        .iter()
        .map(|r| r.schedule.obligation_id)
        .collect();
    assert_eq!(ids, expected, "in the finder's order");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_front_page_lists_fifty_resolutions_a_page(pool: PgPool) {
    generate(&pool, 3_000).await.unwrap(); // 60 resolutions
    let base = common::spawn_app(pool).await;
    let client = common::plain_client();
    let rows = |html: &str| html.matches(r#"<td data-label="Label">"#).count();
    let first = common::text_of(&client, &format!("{base}/")).await;
    assert_eq!(rows(&first), 50);
    assert!(
        first.contains("Showing 1 to 50 of 60 resolutions and decisions"),
        "{first}"
    );
    assert!(first.contains(r#"href="/?page=2""#));
    let second = common::text_of(&client, &format!("{base}/?page=2")).await;
    assert_eq!(rows(&second), 10);
    assert!(second.contains("Page 2 of 2"));
    assert!(second.contains(r#"href="/?page=1""#));
    // The filter narrows every page, and its links keep it.
    let filtered = common::text_of(&client, &format!("{base}/?q=gen/1")).await;
    assert!(rows(&filtered) >= 1 && rows(&filtered) < 50, "{filtered}");
    assert!(filtered.contains(" of 60 resolutions and decisions"));
    let past_the_end = client.get(format!("{base}/?page=3")).send().await.unwrap();
    assert_eq!(past_the_end.status(), 404);
    assert!(
        past_the_end
            .text()
            .await
            .unwrap()
            .contains("There is no page 3 of this list.")
    );
    for bad in ["/?page=0", "/?page=abc", "/?page=99999999999"] {
        let response = client.get(format!("{base}{bad}")).send().await.unwrap();
        assert_eq!(response.status(), 422, "{bad}");
    }
}
