#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The finder's filters the other finder tests do not reach, over the whole demo (seed and
//! corpus): adopting body, resolution, sorting by session, and the acronyms of the bodies
//! named in the mandates.

mod common;

use app::db::finder::find;
use app::model::finder::{FinderPage, FinderQuery, ObligationFilter};
use chrono::NaiveDate;
use common::load_full_demo;
use server::database::MIGRATOR;
use sqlx::PgPool;

fn today() -> NaiveDate {
    "2026-12-01".parse().unwrap()
}

async fn found(pool: &PgPool, pairs: &[(&str, &str)]) -> FinderPage {
    let json: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
        .collect();
    let query: FinderQuery = serde_json::from_value(serde_json::Value::Object(json)).unwrap();
    let filter: ObligationFilter = query.check().unwrap();
    find(pool, &filter, today(), 21, Some(10_000))
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_adopting_body_and_the_resolution_narrow_the_list(pool: PgPool) {
    load_full_demo(&pool).await;
    let all = found(&pool, &[]).await;
    let assembly = found(&pool, &[("adopted_by", "general assembly")]).await;
    assert!(assembly.total > 0 && assembly.total < all.total);
    for row in &assembly.rows {
        let by: Option<String> =
            sqlx::query_scalar("select adopting_body from resolution where id = $1")
                .bind(row.resolution_id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert!(by.unwrap_or_default().contains("General Assembly"));
    }
    let one = assembly.rows[0].resolution_id;
    let of_one = found(&pool, &[("resolution", &one.to_string())]).await;
    assert!(of_one.total >= 1);
    assert!(of_one.rows.iter().all(|r| r.resolution_id == one));
    let in_all = all.rows.iter().filter(|r| r.resolution_id == one).count();
    assert_eq!(of_one.total as usize, in_all);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn sorting_by_session_groups_each_bodys_sessions_in_order(pool: PgPool) {
    load_full_demo(&pool).await;
    let page = found(&pool, &[("sort", "session"), ("kind", "report")]).await;
    let keys: Vec<(Option<String>, Option<i32>)> = page
        .rows
        .iter()
        .map(|r| (r.schedule.body.clone(), r.schedule.session_number))
        .collect();
    assert!(
        keys.iter().filter(|(_, n)| n.is_some()).count() > 10,
        "{keys:?}"
    );
    // Each body's rows together (in the database's collation), its sessions in order, then
    // what has no session yet.
    let mut seen: Vec<&Option<String>> = Vec::new();
    for (i, (body, number)) in keys.iter().enumerate() {
        if seen.last() != Some(&body) {
            assert!(!seen.contains(&body), "{body:?} comes twice: {keys:?}");
            seen.push(body);
        } else if let (Some(n), (_, previous)) = (number, &keys[i - 1]) {
            assert!(previous.is_some_and(|p| p <= *n), "{keys:?}");
        }
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn each_bodys_acronym_finds_what_its_name_finds(pool: PgPool) {
    load_full_demo(&pool).await;
    for (acronym, name) in [
        ("GA", "General Assembly"),
        ("ECOSOC", "Economic and Social Council"),
        ("HRC", "Human Rights Council"),
        ("CND", "Commission on Narcotic Drugs"),
        ("SC", "Security Council"),
    ] {
        let by_acronym = found(&pool, &[("q", acronym)]).await;
        let by_name = found(&pool, &[("q", &format!("\"{name}\""))]).await;
        assert!(by_name.total > 0, "{name} is named in some mandate");
        let ids = |p: &FinderPage| -> Vec<i64> {
            let mut ids: Vec<i64> = p.rows.iter().map(|r| r.schedule.obligation_id).collect();
            ids.sort_unstable();
            ids
        };
        let acronym_ids = ids(&by_acronym);
        for id in ids(&by_name) {
            assert!(
                acronym_ids.contains(&id),
                "{acronym} misses {id} that {name} finds"
            );
        }
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_body_keeps_what_is_due_at_its_sessions_and_on_its_days(pool: PgPool) {
    load_full_demo(&pool).await;
    for code in ["sc", "ga", "ccpcj", "hrc"] {
        let page = found(&pool, &[("body", code)]).await;
        let mut ids: Vec<i64> = page.rows.iter().map(|r| r.schedule.obligation_id).collect();
        ids.sort_unstable();
        // Worked out apart from the finder: the session's body, else the body the text names
        // (by name or alias).
        let expected: Vec<i64> = sqlx::query_scalar(
            "select o.id from obligation o
               left join session s on s.id = o.session_id
               join body b on b.id = coalesce(
                   s.body_id,
                   (select id from body where name = o.target_body),
                   (select body_id from body_alias where alias = o.target_body))
              where lower(b.code) = $1
              order by o.id",
        )
        .bind(code)
        .fetch_all(&pool)
        .await
        .unwrap();
        assert!(!expected.is_empty(), "{code} has obligations in the demo");
        assert_eq!(ids, expected, "body={code}");
        assert_eq!(page.total as usize, expected.len());
        for row in &page.rows {
            assert_eq!(
                row.body_code.as_deref().map(str::to_lowercase).as_deref(),
                Some(code)
            );
        }
    }
    // Most Security Council reports are due on a day, at no session; activities at none.
    let council = found(&pool, &[("body", "sc")]).await;
    assert!(
        council
            .rows
            .iter()
            .any(|r| r.schedule.session_number.is_none() && r.schedule.deadlines.is_some()),
        "a Security Council report due on a day"
    );
    let commission = found(&pool, &[("body", "ccpcj"), ("kind", "activity")]).await;
    assert!(
        commission.total > 0,
        "the Commission's continuing activities"
    );
    assert_eq!(found(&pool, &[("body", "nosuchbody")]).await.total, 0);
}
