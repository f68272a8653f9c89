#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Obligations due on a date rather than at a session ("within 90 days of the adoption",
//! "no later than 31 March 2027"): stored, dated from the adoption, judged, found, exported,
//! put in calendars and repeated.
//!
//! The deadlines are set on the extraction here, so these tests show the storage and the pages
//! whatever the extractor reads (its own tests show the reading).

use app::domain::{Due, DueUnit, Recurrence, Status, StatusChange, Urgency};
use app::extract::extract;
use chrono::NaiveDate;
use sqlx::PgPool;

mod common;
use common::{client, spawn_app};
use server::database::MIGRATOR;

const TEXT: &str = "The Security Council,\n\n\
    1. Requests the Secretary-General to report to the Security Council on the safety of \
    humanitarian personnel;\n\n\
    2. Also requests the Secretary-General to submit a report to the Security Council on the \
    follow-up to the present resolution;\n";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The extractor's fields for `due`.
fn found(due: Due) -> app::extract::Due {
    let mut out = app::extract::Due::default();
    match due {
        Due::On { date } => out.due_date = Some(date.to_string()),
        Due::Within { count, unit } => match unit {
            DueUnit::Days => out.due_within_days = Some(count),
            DueUnit::WorkingDays => out.due_within_working_days = Some(count),
            DueUnit::Months => out.due_within_months = Some(count),
        },
    }
    out
}

/// Stores `TEXT` as document S/2031/1 adopted on `adopted`, its first mandate due 90 days after
/// the adoption and its second, annual, by 31 March 2027. Returns the two obligations' ids.
async fn store(pool: &PgPool, adopted: Option<NaiveDate>) -> (i64, i64) {
    let mut extraction = extract(TEXT).unwrap();
    let mandates = &mut extraction.resolutions[0].mandates;
    assert_eq!(mandates.len(), 2, "{mandates:#?}");
    for m in mandates.iter_mut() {
        m.target_session = None;
        m.target_session_label = None;
    }
    mandates[0].due = found(Due::Within {
        count: 90,
        unit: DueUnit::Days,
    });
    mandates[1].due = found(Due::On {
        date: date("2027-03-31"),
    });
    mandates[1].recurrence = Some(Recurrence::Annual);
    common::store_trusted(pool, "S/2031/1", adopted, &extraction).await;
    let ids: Vec<i64> = sqlx::query_scalar(
        "select o.id from obligation o join mandate m on m.id = o.mandate_id \
           join resolution r on r.id = m.resolution_id join document d on d.id = r.document_id \
          where d.symbol = 'S/2031/1' order by m.position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    (ids[0], ids[1])
}

async fn judged(pool: &PgPool, id: i64, today: &str) -> Urgency {
    app::db::schedule::obligations_by_urgency(pool, date(today), 21)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.schedule.obligation_id == id)
        .unwrap()
        .urgency
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_span_is_counted_from_the_adoption_and_a_named_day_is_kept(pool: PgPool) {
    let (within, by) = store(&pool, Some(date("2026-10-01"))).await;
    assert_eq!(
        common::due_on(&pool, within).await,
        Some(date("2026-12-30"))
    );
    assert_eq!(common::due_on(&pool, by).await, Some(date("2027-03-31")));

    // Judged against that day, with no session at all.
    assert_eq!(
        judged(&pool, within, "2026-12-20").await,
        Urgency::AtRisk { days_left: 10 }
    );
    assert_eq!(
        judged(&pool, within, "2027-01-02").await,
        Urgency::Overdue { days: 3 }
    );
    assert_eq!(
        judged(&pool, by, "2026-12-20").await,
        Urgency::OnTrack { days_left: 101 }
    );
    let schedule = app::db::schedule::obligation_schedule(&pool, within)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        schedule.due_words().as_deref(),
        Some("by 30 December 2026 (within 90 days of adoption)")
    );
    assert_eq!(schedule.deadlines.unwrap().session_opens, None);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_span_waits_for_the_adoption_date_and_follows_it(pool: PgPool) {
    let (within, by) = store(&pool, None).await;
    assert_eq!(
        common::due_on(&pool, within).await,
        None,
        "no adoption date, no day"
    );
    assert_eq!(judged(&pool, within, "2026-12-20").await, Urgency::NoDate);
    assert_eq!(common::due_on(&pool, by).await, Some(date("2027-03-31")));

    let resolution: i64 = sqlx::query_scalar("select id from resolution")
        .fetch_one(&pool)
        .await
        .unwrap();
    let recorded = app::db::review::record_adoption(
        &pool,
        resolution,
        Some("S/RES/9999 (2031)"),
        Some(date("2027-01-15")),
    )
    .await
    .unwrap();
    assert!(recorded);
    assert_eq!(
        common::due_on(&pool, within).await,
        Some(date("2027-04-15"))
    );
    assert_eq!(
        common::due_on(&pool, by).await,
        Some(date("2027-03-31")),
        "a named day stays"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_next_yearly_occurrence_is_due_a_year_later(pool: PgPool) {
    let (_, by) = store(&pool, Some(date("2026-10-01"))).await;
    for to in [Status::InPreparation, Status::Submitted] {
        let version: i32 = sqlx::query_scalar("select version from obligation where id = $1")
            .bind(by)
            .fetch_one(&pool)
            .await
            .unwrap();
        app::db::obligation::change_status(&pool, by, version, &StatusChange::new(to), "staff")
            .await
            .unwrap();
    }
    let version: i32 = sqlx::query_scalar("select version from obligation where id = $1")
        .bind(by)
        .fetch_one(&pool)
        .await
        .unwrap();
    let issued = StatusChange::issued("S/2027/200".parse().unwrap());
    let state = app::db::obligation::change_status(&pool, by, version, &issued, "staff")
        .await
        .unwrap();
    let next = state.next_occurrence.expect("an annual report recurs");
    assert_eq!(common::due_on(&pool, next).await, Some(date("2028-03-31")));
    let session: Option<i64> =
        sqlx::query_scalar("select session_id from obligation where id = $1")
            .bind(next)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(session, None);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn pages_exports_and_calendars_give_the_day(pool: PgPool) {
    common::load_demo_data(&pool).await; // the calendar (with the Council) and the seed
    let (within, by) = store(&pool, Some(date("2018-03-15"))).await;
    let base = spawn_app(pool.clone()).await;
    let http = client();
    let get = |path: String| {
        let http = http.clone();
        let url = format!("{base}{path}");
        async move {
            let response = http.get(&url).send().await.unwrap();
            assert_eq!(response.status(), 200, "{url}");
            response.text().await.unwrap()
        }
    };

    let page = get(format!("/obligations/{within}")).await;
    assert!(
        page.contains("by 13 June 2018 (within 90 days of adoption)"),
        "{page}"
    );
    let markup = common::markup(page.clone());
    assert!(
        markup.contains("<dt>Due on</dt><dd>13 June 2018</dd>"),
        "{markup}"
    );

    // The calendar lists what is due on a date beside the sessions, with its rule.
    let calendar = get("/calendar".into()).await;
    let listed = calendar
        .split("id=\"dated-deadlines\"")
        .nth(1)
        .unwrap_or_else(|| panic!("{calendar}"));
    assert!(
        listed.contains(&format!("href=\"/obligations/{within}\"")),
        "{listed}"
    );
    assert!(listed.contains("13 June 2018") && listed.contains("within 90 days of adoption"));
    assert!(listed.contains("31 March 2027") && listed.contains("by 31 March 2027"));

    // Overdue since 13 June 2018: the finder's overdue filter finds it, not the named day ahead.
    let overdue = get("/api/v1/obligations?urgency=overdue".into()).await;
    let overdue: serde_json::Value = serde_json::from_str(&overdue).unwrap();
    let rows = overdue["obligations"].as_array().unwrap();
    let ids: Vec<i64> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert!(ids.contains(&within) && !ids.contains(&by), "{ids:?}");
    let row = rows.iter().find(|r| r["id"] == within).unwrap();
    assert_eq!(row["due"], "90 days");
    assert_eq!(row["submit_by"], "2018-06-13");
    assert_eq!(row["session_opens"], serde_json::Value::Null);

    // The body filter reads the session's body, so it does not find them (they have none);
    // the acronym does, in the mandate's words.
    let council = get("/api/v1/obligations?q=SC".into()).await;
    let council: serde_json::Value = serde_json::from_str(&council).unwrap();
    let mut ids: Vec<i64> = council["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, vec![within, by]);
    // Sessions numbered by year are a session filter too (ECOSOC's 2026 session).
    get("/obligations?body=ecosoc&session=2026".into()).await;

    let csv = get("/obligations.csv".into()).await;
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = header.iter().position(|h| h == "Date deadline").unwrap();
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        lines
            .iter()
            .any(|l| &l[column] == "by 31 March 2027" && l[0] == by.to_string()),
        "{csv}"
    );

    // One event on the day, with its own UID and no submit/issue pair.
    let ics = get("/obligations.ics".into()).await;
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    use icalendar::Component;
    let uid = format!("obligation-{within}-due@");
    let due = events
        .iter()
        .find(|e| e.get_uid().is_some_and(|u| u.starts_with(&uid)))
        .expect("a due-on event");
    assert!(ics.contains("DTSTART;VALUE=DATE:20180613"), "{ics}");
    assert!(due.get_summary().unwrap().starts_with("Due: "));
    let pair = format!("obligation-{within}-submit@");
    assert!(
        !events
            .iter()
            .any(|e| e.get_uid().is_some_and(|u| u.starts_with(&pair)))
    );
}
