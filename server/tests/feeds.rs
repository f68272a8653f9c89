#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The subscription feeds over HTTP: `/obligations.ics` read back by an iCalendar parser, and
//! `/changes.atom` by an Atom parser, both with the finder's filter.

mod common;

use app::db::obligation::change_status;
use app::db::session::{SessionChange, reschedule_session};
use app::domain::{SessionState, Status, StatusChange};
use atom_syndication::Feed;
use chrono::NaiveDate;
use common::{load_demo_data, obligation_at, spawn_app, spawn_app_with};
use icalendar::{Calendar, Component};
use server::database::MIGRATOR;
use sqlx::PgPool;
use std::collections::BTreeMap;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The feed at `path`, parsed; every event's UID with its first day and its summary.
async fn events_of(base: &str, path: &str) -> BTreeMap<String, (NaiveDate, String)> {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let text = response.text().await.unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let mut events = BTreeMap::new();
    for event in calendar.events() {
        let uid = event.get_uid().expect("every event has a UID").to_string();
        assert!(event.get_timestamp().is_some(), "DTSTAMP on {uid}");
        let start = event.get_start().expect("DTSTART").date_naive();
        let end = event.get_end().expect("DTEND").date_naive();
        assert!(end > start, "an all-day event ends the day after: {uid}");
        let summary = event.get_summary().unwrap_or_default().to_string();
        assert!(
            events.insert(uid.clone(), (start, summary)).is_none(),
            "{uid} twice"
        );
    }
    events
}

/// The ids of the obligations due at CCPCJ 29, the session's id and version.
async fn ccpcj_29(pool: &PgPool) -> (Vec<i64>, i64, i32) {
    let ids = sqlx::query_scalar(
        "select o.id from obligation o join session s on s.id = o.session_id \
           join body b on b.id = s.body_id where b.code = 'CCPCJ' and s.number = 29 \
          order by o.id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let (session, version) = common::session(pool, "CCPCJ", 29).await;
    (ids, session, version)
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_calendar_holds_the_deadlines_and_session_of_the_filter_only(pool: PgPool) {
    load_demo_data(&pool).await;
    let (ids, session, _) = ccpcj_29(&pool).await;
    assert_eq!(ids.len(), 4);
    let base = spawn_app(pool).await;
    let events = events_of(&base, "/obligations.ics?body=ccpcj&session=29").await;
    let mut expected: Vec<String> = ids
        .iter()
        .flat_map(|id| {
            [
                format!("obligation-{id}-submit@mandate-tracker"),
                format!("obligation-{id}-issue@mandate-tracker"),
            ]
        })
        .collect();
    expected.push(format!("session-{session}@mandate-tracker"));
    expected.sort();
    assert_eq!(events.keys().cloned().collect::<Vec<_>>(), expected);
    let (opens, summary) = &events[&format!("session-{session}@mandate-tracker")];
    assert_eq!(*opens, date("2020-12-03"));
    assert_eq!(
        summary,
        "Commission on Crime Prevention and Criminal Justice, twenty-ninth session"
    );
    let (submit_by, summary) = &events[&format!("obligation-{}-submit@mandate-tracker", ids[0])];
    assert_eq!(
        *submit_by,
        date("2020-09-24"),
        "10 weeks before the opening"
    );
    assert!(summary.starts_with("Submit: report of the "), "{summary}");
    assert!(
        summary.contains("to the Commission on Crime Prevention"),
        "{summary}"
    );
    let (issue_by, summary) = &events[&format!("obligation-{}-issue@mandate-tracker", ids[0])];
    assert_eq!(*issue_by, date("2020-10-22"), "6 weeks before the opening");
    assert!(summary.starts_with("Issue: report of the "), "{summary}");

    // The whole feed has more sessions, and every obligation event links to its page.
    let everything = events_of(&base, "/obligations.ics").await;
    assert!(everything.len() > events.len());
    assert!(
        everything
            .keys()
            .filter(|k| k.starts_with("session-"))
            .count()
            > 1
    );
    let text = reqwest::get(format!("{base}/obligations.ics?body=ccpcj&session=29"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let calendar: Calendar = text.parse().unwrap();
    for event in calendar.events() {
        let url = event.get_url().expect("a link on every event");
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        if event.get_uid().unwrap().starts_with("obligation-") {
            let description = event.get_description().unwrap();
            assert!(description.contains("Status: Pending"), "{description}");
            assert!(
                ids.iter()
                    .any(|id| url.ends_with(&format!("/obligations/{id}"))),
                "{url}"
            );
        }
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn moving_a_session_moves_its_events_under_the_same_uids(pool: PgPool) {
    load_demo_data(&pool).await;
    let (_, session, version) = ccpcj_29(&pool).await;
    let base = spawn_app(pool.clone()).await;
    let path = "/obligations.ics?body=ccpcj&session=29";
    let before = events_of(&base, path).await;
    let mut conn = pool.acquire().await.unwrap();
    let change = SessionChange {
        opens_on: Some(date("2020-12-10")),
        closes_on: Some(date("2020-12-11")),
        state: SessionState::Held,
        note: Some("a week later".into()),
        details: None,
    };
    reschedule_session(&mut conn, session, version, &change, "test")
        .await
        .unwrap();
    // A change made outside the server reaches its kept answers with PostgreSQL's notice, a
    // moment after the commit (see routes::page_cache).
    let started = std::time::Instant::now();
    let mut after = events_of(&base, path).await;
    while after == before && started.elapsed() < std::time::Duration::from_secs(5) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        after = events_of(&base, path).await;
    }
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same events, updated, not duplicated"
    );
    for (uid, (day, _)) in &before {
        let moved = after[uid].0;
        assert_eq!(moved - *day, chrono::Duration::days(7), "{uid}");
    }
    let sequence = |text: String| {
        let calendar: Calendar = text.parse().unwrap();
        calendar
            .events()
            .find(|e| e.get_uid() == Some(&format!("session-{session}@mandate-tracker")))
            .and_then(|e| e.get_sequence())
    };
    let now = reqwest::get(format!("{base}{path}")).await.unwrap();
    assert_eq!(
        sequence(now.text().await.unwrap()),
        Some(u32::try_from(version).unwrap() + 1),
        "a revised session event"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn feeds_link_to_the_public_origin_and_hold_every_page(pool: PgPool) {
    load_demo_data(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    change_status(
        &pool,
        id,
        1,
        &StatusChange::new(Status::InPreparation),
        "officer@unodc",
    )
    .await
    .unwrap();
    let base = spawn_app_with(pool, &["--public-origin", "https://mandates.example.org"]).await;
    // `page` means nothing to a feed: a subscription holds every row.
    let first = events_of(&base, "/obligations.ics?sort=source").await;
    let second = events_of(&base, "/obligations.ics?sort=source&page=2").await;
    assert_eq!(first, second);
    let text = reqwest::get(format!("{base}/obligations.ics?body=ccpcj&session=29"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let calendar: Calendar = text.parse().unwrap();
    assert!(
        calendar.events().all(|e| e
            .get_url()
            .unwrap()
            .starts_with("https://mandates.example.org/")),
        "{text}"
    );
    let changes = feed(&base, "/changes.atom?body=ccpcj").await;
    assert_eq!(
        changes.entries()[0].links()[0].href(),
        format!("https://mandates.example.org/obligations/{id}")
    );
}

/// The feed at `path`, parsed.
async fn feed(base: &str, path: &str) -> Feed {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    response.text().await.unwrap().parse().unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_status_change_appears_in_the_change_feed_of_its_filter_only(pool: PgPool) {
    load_demo_data(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let base = spawn_app(pool.clone()).await;
    let path = "/changes.atom?body=ccpcj&session=29";
    assert!(feed(&base, path).await.entries().is_empty());
    change_status(
        &pool,
        id,
        1,
        &StatusChange::new(Status::InPreparation),
        "officer@unodc",
    )
    .await
    .unwrap();

    // The page store forgets the kept feed when the change's notice arrives, just after commit.
    let mut changes = feed(&base, path).await;
    for _ in 0..50 {
        if !changes.entries().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        changes = feed(&base, path).await;
    }
    let [entry] = changes.entries() else {
        panic!("one entry: {:?}", changes.entries());
    };
    assert!(
        entry.title().as_str().ends_with(": in preparation"),
        "{}",
        entry.title().as_str()
    );
    assert_eq!(
        entry.authors()[0].name(),
        "Secretariat",
        "visitors never see who"
    );
    assert!(
        entry
            .id()
            .starts_with("tag:mandate-tracker,2026:obligation-event-")
    );
    let summary = entry.summary().unwrap().as_str();
    assert!(summary.contains("Pending → In preparation"), "{summary}");
    assert!(!summary.contains("officer@unodc"), "{summary}");
    assert!(
        entry.links()[0]
            .href()
            .ends_with(&format!("/obligations/{id}")),
        "{:?}",
        entry.links()
    );

    // Another body's feed does not show it; the unfiltered one does, newest first.
    assert!(
        feed(&base, "/changes.atom?body=ga")
            .await
            .entries()
            .is_empty()
    );
    change_status(
        &pool,
        id,
        2,
        &StatusChange::new(Status::Submitted),
        "officer@unodc",
    )
    .await
    .unwrap();
    let all = feed(&base, "/changes.atom").await;
    let titles: Vec<&str> = all.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles[0].ends_with(": submitted"), "{titles:?}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn bad_feed_parameters_are_a_422_with_a_sentence(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    for (path, words) in [
        (
            "/obligations.ics?status=finished",
            "There is no status 'finished'",
        ),
        (
            "/obligations.ics?session=abc",
            "The session must be a whole number",
        ),
        (
            "/changes.atom?year=99999",
            "The year must be a whole number",
        ),
        ("/changes.atom?urgency=soon", "Urgency is overdue"),
    ] {
        let response = reqwest::get(format!("{base}{path}")).await.unwrap();
        assert_eq!(response.status(), 422, "{path}");
        let text = response.text().await.unwrap();
        assert!(text.contains(words), "{path}: {text}");
    }
}
