#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Recording when a text was adopted, after its import: every resolution of the document has
//! its spans ("within 90 days of the adoption") dated, each from its own adoption day when it
//! has one, and recording the same again changes nothing.

use app::db::document::{DocumentSource, record_adoption_date, store_extraction};
use app::domain::review::Review;
use app::extract::{Due, extract};
use chrono::NaiveDate;
use server::database::MIGRATOR;
use sqlx::PgPool;

const TEXT: &str = "The Security Council,\n\n\
    1. Requests the Secretary-General to report to the Security Council on the safety of \
    humanitarian personnel;\n";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Stores document S/2032/1, adopted on a day not yet known, with three resolutions of one
/// mandate each: due within 90 days, within 6 months, and by 31 March 2027. Returns the
/// document's id.
async fn store_three(pool: &PgPool) -> i64 {
    let mut extraction = extract(TEXT).unwrap();
    let one = extraction.resolutions.remove(0);
    assert_eq!(one.mandates.len(), 1, "{:#?}", one.mandates);
    let dues = [
        Due {
            due_within_days: Some(90),
            ..Due::default()
        },
        Due {
            due_within_months: Some(6),
            ..Due::default()
        },
        Due {
            due_date: Some("2027-03-31".into()),
            ..Due::default()
        },
    ];
    for (n, due) in dues.into_iter().enumerate() {
        let mut resolution = one.clone();
        resolution.label = format!("Resolution {n}");
        let mandate = &mut resolution.mandates[0];
        mandate.target_session = None;
        mandate.target_session_label = None;
        mandate.due = due;
        extraction.resolutions.push(resolution);
    }
    let source = DocumentSource {
        symbol: "S/2032/1",
        title: "Three resolutions",
        sha256: "00",
        extractor_version: app::extract::EXTRACTOR_VERSION,
        adopted_on: None,
        imported_by: None,
    };
    let mut tx = pool.begin().await.unwrap();
    let id = app::db::document::insert(&mut tx, &source).await.unwrap();
    store_extraction(&mut tx, id, &extraction, Review::Confirmed)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Each resolution's label with its first obligation's day.
async fn days(pool: &PgPool) -> Vec<(String, Option<NaiveDate>)> {
    sqlx::query_as(
        "select r.label, o.due_on from obligation o join mandate m on m.id = o.mandate_id \
           join resolution r on r.id = m.resolution_id where o.occurrence = 1 order by r.label",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn record(pool: &PgPool, document: i64, day: NaiveDate) {
    let mut tx = pool.begin().await.unwrap();
    record_adoption_date(&mut tx, document, day).await.unwrap();
    tx.commit().await.unwrap();
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_documents_adoption_date_dates_the_spans_of_all_its_resolutions(pool: PgPool) {
    let document = store_three(&pool).await;
    let label = |n: u8| format!("Resolution {n}");
    assert_eq!(
        days(&pool).await,
        vec![
            (label(0), None),
            (label(1), None),
            (label(2), Some(date("2027-03-31"))),
        ],
        "no adoption date: only the named day"
    );
    // The second resolution was adopted on a day of its own, which its span counts from.
    sqlx::query("update resolution set adopted_on = '2027-02-01' where label = 'Resolution 1'")
        .execute(&pool)
        .await
        .unwrap();

    record(&pool, document, date("2026-10-01")).await;
    let dated = vec![
        (label(0), Some(date("2026-12-30"))),
        (label(1), Some(date("2027-08-01"))),
        (label(2), Some(date("2027-03-31"))),
    ];
    assert_eq!(days(&pool).await, dated);

    record(&pool, document, date("2026-10-01")).await;
    assert_eq!(days(&pool).await, dated, "the same day again");
    record(&pool, document, date("2026-11-01")).await;
    assert_eq!(
        days(&pool).await,
        vec![
            (label(0), Some(date("2027-01-30"))),
            (label(1), Some(date("2027-08-01"))),
            (label(2), Some(date("2027-03-31"))),
        ],
        "another day moves the document's span only"
    );
}
