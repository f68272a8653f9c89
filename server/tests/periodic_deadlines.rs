#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Periodic deadlines with a stated span ("within 60 days of the adoption ... and every 60
//! days thereafter", "on a monthly basis"): read from the text, stored with the mandate, and
//! each delivered occurrence is followed by the next, one span later (issue 11).

use app::domain::{Status, StatusChange};
use app::extract::extract;
use chrono::NaiveDate;
use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;

const TEXT: &str = "The Security Council,\n\nRecalling its previous resolutions,\n\n\
    1. Requests the Secretary-General to report to the Council within 60 days of the adoption \
    of this resolution and every 60 days thereafter on the situation of civilians;\n\n\
    2. Requests the Secretary-General to brief the Council every six months, starting no later \
    than 30 June 2031, on the work of the Mission;\n";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Stores `TEXT` as S/2031/7, adopted on 15 January 2031, trusted as found; the obligations of
/// its two mandates, in order.
async fn store(pool: &PgPool) -> Vec<i64> {
    let extraction = extract(TEXT).unwrap();
    let id = common::store_trusted(pool, "S/2031/7", Some(date("2031-01-15")), &extraction).await;
    sqlx::query_scalar(
        "select o.id from obligation o join mandate m on m.id = o.mandate_id \
           join resolution r on r.id = m.resolution_id where r.document_id = $1 \
          order by m.position, o.occurrence",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// Takes obligation `id` through preparation and submission to issued; the next occurrence.
async fn deliver(pool: &PgPool, id: i64, symbol: &str) -> Option<i64> {
    let mut state = None;
    for change in [
        StatusChange::new(Status::InPreparation),
        StatusChange::new(Status::Submitted),
        StatusChange::issued(symbol.parse().unwrap()),
    ] {
        let version: i32 = sqlx::query_scalar("select version from obligation where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap();
        state = Some(
            app::db::obligation::change_status(pool, id, version, &change, "staff")
                .await
                .unwrap(),
        );
    }
    state.and_then(|s| s.next_occurrence)
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn each_occurrence_is_due_one_span_after_the_last(pool: PgPool) {
    let ids = store(&pool).await;
    assert_eq!(ids.len(), 2, "one obligation per mandate: {ids:?}");
    let stored: Vec<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "select m.recurrence, m.due, m.every from mandate m join obligation o on o.mandate_id = m.id \
          where o.id = any($1) order by m.position",
    )
    .bind(&ids)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        [
            (
                Some("periodic".into()),
                Some("60 days".into()),
                Some("60 days".into())
            ),
            (
                Some("periodic".into()),
                Some("2031-06-30".into()),
                Some("6 months".into())
            ),
        ]
    );

    // Every 60 days: 60 days after adoption, then 60 days after that, and so on.
    assert_eq!(
        common::due_on(&pool, ids[0]).await,
        Some(date("2031-03-16"))
    );
    let second = deliver(&pool, ids[0], "S/2031/100")
        .await
        .expect("it recurs");
    assert_eq!(
        common::due_on(&pool, second).await,
        Some(date("2031-05-15"))
    );
    let third = deliver(&pool, second, "S/2031/200")
        .await
        .expect("and again");
    assert_eq!(common::due_on(&pool, third).await, Some(date("2031-07-14")));

    // Every six months from a named first day.
    assert_eq!(
        common::due_on(&pool, ids[1]).await,
        Some(date("2031-06-30"))
    );
    let next = deliver(&pool, ids[1], "S/2031/300")
        .await
        .expect("it recurs");
    assert_eq!(common::due_on(&pool, next).await, Some(date("2031-12-30")));
    let occurrence: i32 = sqlx::query_scalar("select occurrence from obligation where id = $1")
        .bind(next)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(occurrence, 2);

    // The pages say the rhythm with the day.
    let base = common::spawn_app(pool.clone()).await;
    let page = common::markup(
        common::text_of(&common::client(), &format!("{base}/obligations/{third}")).await,
    );
    assert!(
        page.contains("14 July 2031 (within 60 days of adoption, then every 60 days)"),
        "{page}"
    );
    let next_page = common::markup(
        common::text_of(&common::client(), &format!("{base}/obligations/{next}")).await,
    );
    assert!(
        next_page.contains("by 30 December 2031 (the first by 30 June 2031, then every 6 months)"),
        "{next_page}"
    );
}
