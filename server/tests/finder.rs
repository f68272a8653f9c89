#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The finder (`/obligations`) and its CSV: filters, full-text search, urgency on a given day,
//! sorting, pages, and refusals of nonsense, over the seed report and the demo calendar.

mod common;

use app::db::finder::find;
use app::domain::finder::UrgencyFilter;
use app::model::finder::{FinderQuery, ObligationFilter, PAGE_SIZE};
use chrono::NaiveDate;
use common::{load_demo_data, spawn_app, text_of};
use server::database::MIGRATOR;
use sqlx::PgPool;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn filter(pairs: &[(&str, &str)]) -> ObligationFilter {
    let json: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
        .collect();
    let query: FinderQuery = serde_json::from_value(serde_json::Value::Object(json)).unwrap();
    query.check().unwrap()
}

async fn ids(pool: &PgPool, pairs: &[(&str, &str)], today: NaiveDate) -> Vec<i64> {
    find(pool, &filter(pairs), today, 21, None)
        .await
        .unwrap()
        .rows
        .iter()
        .map(|r| r.schedule.obligation_id)
        .collect()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn filters_narrow_by_body_session_kind_and_status(pool: PgPool) {
    load_demo_data(&pool).await;
    let today = date("2020-01-15");
    let all = find(&pool, &filter(&[]), today, 21, None).await.unwrap();
    let reports = ids(&pool, &[("kind", "report")], today).await;
    let activities = ids(&pool, &[("kind", "activity")], today).await;
    assert_eq!(reports.len(), 13, "the seed's dated reports");
    assert_eq!(reports.len() + activities.len(), all.total as usize);
    let ccpcj_29 = find(
        &pool,
        &filter(&[("body", "CCPCJ"), ("session", "29")]),
        today,
        21,
        None,
    )
    .await
    .unwrap();
    assert!(ccpcj_29.total >= 4, "{}", ccpcj_29.total);
    assert!(
        ccpcj_29
            .rows
            .iter()
            .all(|r| r.schedule.session_number == Some(29)
                && r.body_code.as_deref() == Some("CCPCJ"))
    );
    assert!(
        ids(&pool, &[("status", "submitted")], today)
            .await
            .is_empty()
    );
    assert_eq!(ids(&pool, &[("status", "pending")], today).await.len(), 13);
    let secretary_general = ids(&pool, &[("addressee", "secretary-general")], today).await;
    assert!(!secretary_general.is_empty() && secretary_general.len() < all.total as usize);
    assert!(ids(&pool, &[("year", "2020")], today).await.len() >= 4);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_database_urgency_filter_agrees_with_the_domain_on_every_obligation(pool: PgPool) {
    load_demo_data(&pool).await;
    for today in [
        "2019-06-01",
        "2020-09-10",
        "2020-10-01",
        "2021-01-05",
        "2026-12-01",
    ] {
        let today = date(today);
        let judged = app::db::schedule::obligations_by_urgency(&pool, today, 21)
            .await
            .unwrap();
        for urgency in UrgencyFilter::ALL {
            let mut expected: Vec<i64> = judged
                .iter()
                .filter(|o| urgency.keeps(o.urgency))
                .map(|o| o.schedule.obligation_id)
                .collect();
            let mut found = ids(&pool, &[("urgency", urgency.as_str())], today).await;
            expected.sort_unstable();
            found.sort_unstable();
            assert_eq!(found, expected, "{urgency:?} on {today}");
        }
    }
    // Before the 29th session's deadlines, some reports are at risk; after, overdue.
    assert!(
        !ids(&pool, &[("urgency", "at_risk")], date("2020-09-10"))
            .await
            .is_empty()
    );
    assert!(
        !ids(&pool, &[("urgency", "overdue")], date("2021-01-05"))
            .await
            .is_empty()
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn search_stems_words_expands_acronyms_and_marks_matches(pool: PgPool) {
    load_demo_data(&pool).await;
    let today = date("2020-01-15");
    // "organised" finds "organized" (English stemming), in quotes, paragraphs or titles.
    let organised = find(&pool, &filter(&[("q", "organised crime")]), today, 21, None)
        .await
        .unwrap();
    assert!(organised.total > 0);
    // The acronym finds the body's name.
    let by_acronym = ids(&pool, &[("q", "UNODC")], today).await;
    let by_name = ids(&pool, &[("q", "\"Office on Drugs and Crime\"")], today).await;
    assert!(!by_name.is_empty());
    assert!(by_name.iter().all(|id| by_acronym.contains(id)));
    let cyber = find(&pool, &filter(&[("q", "cybercrime")]), today, 21, None)
        .await
        .unwrap();
    assert!(cyber.total > 0 && cyber.total < 20, "{}", cyber.total);
    assert!(
        cyber.rows.iter().any(|r| r
            .quote
            .iter()
            .any(|(text, matched)| *matched && text.to_lowercase().starts_with("cybercrime"))),
        "a matched word is marked"
    );
    // Every word must match.
    assert!(
        ids(&pool, &[("q", "cybercrime wildlife")], today)
            .await
            .is_empty()
    );
    // Stop words alone filter nothing.
    assert_eq!(ids(&pool, &[("q", "the of")], today).await.len(), 63);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn pages_of_fifty_with_a_total_and_a_stable_order(pool: PgPool) {
    load_demo_data(&pool).await;
    let today = date("2020-01-15");
    let first = find(
        &pool,
        &filter(&[("sort", "source")]),
        today,
        21,
        Some(PAGE_SIZE),
    )
    .await
    .unwrap();
    let second = find(
        &pool,
        &filter(&[("sort", "source"), ("page", "2")]),
        today,
        21,
        Some(PAGE_SIZE),
    )
    .await
    .unwrap();
    assert_eq!(first.total, 63);
    assert_eq!(second.total, 63);
    assert_eq!(first.rows.len(), 50);
    assert_eq!(second.rows.len(), 13);
    assert_eq!(first.pages(), 2);
    let deadline_first = find(&pool, &filter(&[]), today, 21, Some(5)).await.unwrap();
    assert!(
        deadline_first.rows[0].schedule.deadlines.is_some(),
        "earliest deadline first"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_page_keeps_the_filter_in_the_address_and_marks_matches(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let client = common::plain_client();
    let html = text_of(
        &client,
        &format!("{base}/obligations?body=ccpcj&q=implementation"),
    )
    .await;
    assert!(html.contains("<mark>"), "matches are marked");
    assert!(
        html.contains(r#"<option value="ccpcj" selected"#),
        "the body stays chosen"
    );
    assert!(
        html.contains(r#"value="implementation""#),
        "the words stay typed"
    );
    assert!(
        html.contains(r#"href="/obligations.csv?body=ccpcj&amp;q=implementation""#),
        "{html}"
    );
    let all = text_of(&client, &format!("{base}/obligations?sort=source")).await;
    assert!(all.contains("63 obligations (page 1 of 2)"));
    assert!(all.contains(r#"href="/obligations?sort=source&amp;page=2""#));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn nonsense_in_the_address_is_a_clear_422_never_a_500(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let client = common::plain_client();
    for (path, words) in [
        (
            "/obligations?session=abc",
            "The session must be a whole number",
        ),
        ("/obligations?urgency=soon", "Urgency is overdue"),
        ("/obligations?page=0", "The page must be a whole number"),
        (
            "/obligations.csv?status=finished",
            "There is no status 'finished'",
        ),
        (
            "/obligations.csv?year=99999",
            "The year must be a whole number",
        ),
    ] {
        let response = client.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(response.status(), 422, "{path}");
        let text = common::markup(response.text().await.unwrap());
        assert!(text.contains(words), "{path}: {text}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_csv_opens_in_excel_and_honours_the_filter(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let response = reqwest::get(format!("{base}/obligations.csv?body=ccpcj"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a UTF-8 byte order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Obligation");
    let submit_by = headers.iter().position(|h| h == "Submit by").unwrap();
    let due_at = headers.iter().position(|h| h == "Due at").unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // The seed's 63 mandates, 13 of them reports, owed to the Commission and others.
    assert!(
        !records.is_empty() && records.len() < 63,
        "{}",
        records.len()
    );
    for record in &records {
        assert_eq!(
            &record[due_at],
            "Commission on Crime Prevention and Criminal Justice"
        );
        // A report with no session named ("on a biennial basis") has no day yet.
        assert!(
            record[submit_by].is_empty() || record[submit_by].parse::<NaiveDate>().is_ok(),
            "ISO dates: {record:?}"
        );
        assert!(record[1].starts_with("http://127.0.0.1:"), "{record:?}");
    }
    assert!(
        records
            .iter()
            .any(|r| r[submit_by].parse::<NaiveDate>().is_ok()),
        "some reports are due at a session"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_browser_calls_the_finder_with_or_without_parameters(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let client = common::plain_client();
    for (body, rows) in [("", 50), ("query[kind]=report", 13)] {
        let response = client
            .post(format!("{base}/api/find_obligations"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{body}");
        let page: serde_json::Value = response.json().await.unwrap();
        assert_eq!(page["rows"].as_array().unwrap().len(), rows, "{body}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_search_follows_a_change_of_a_bodys_code_or_aliases(pool: PgPool) {
    load_demo_data(&pool).await;
    let today = date("2020-01-15");
    assert!(ids(&pool, &[("q", "crimecom")], today).await.is_empty());
    // The stored vectors of the mandates that name the Commission follow its new code.
    sqlx::query("update body set code = 'CRIMECOM' where code = 'CCPCJ'")
        .execute(&pool)
        .await
        .unwrap();
    let by_code = ids(&pool, &[("q", "crimecom")], today).await;
    assert!(!by_code.is_empty());
    // A name that texts use for a body, added as an alias, brings in the body's name and code.
    sqlx::query(
        "update mandate set target_body = 'the Crime Commission' \
          where target_body = 'Commission on Crime Prevention and Criminal Justice'",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert!(ids(&pool, &[("q", "crimecom")], today).await.is_empty());
    sqlx::query(
        "insert into body_alias (alias, body_id) \
         select 'the Crime Commission', id from body where code = 'CRIMECOM'",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(ids(&pool, &[("q", "crimecom")], today).await, by_code);
}
