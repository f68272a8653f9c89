#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The living demo data (`make run`): the calendar of `data/calendar.json`, the seed report and
//! the 22 corpus texts, judged on a fixed day (never the clock).

use app::db::schedule::obligations_by_urgency;
use app::domain::Urgency;
use chrono::{Datelike, NaiveDate};
use server::calendar::load;
use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{calendar, corpus_texts, load_full_demo};

#[path = "demo/days.rs"]
mod days;

/// The day the demo is judged on.
fn today() -> NaiveDate {
    date("2026-12-01")
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The at-risk window `serve` uses by default (`--at-risk-days`).
const AT_RISK_DAYS: i64 = 21;

/// Corpus reports due at a dated session: 13 of 32 measured (CCPCJ 31 and 34, GA 77, 78 and 79;
/// one more names "GA 33", the extractor's reading of "the General Assembly through the
/// Commission at its thirty-third session", which has no dates).
const LINKED_FLOOR: i64 = 13;

/// One session as stored: body code, number, state, dates and reconvened dates.
type SessionRow = (
    String,
    i32,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

async fn sessions(pool: &PgPool) -> Vec<SessionRow> {
    sqlx::query_as(
        "select b.code, s.number, s.state, s.opens_on, s.closes_on, \
                s.reconvened_opens_on, s.reconvened_closes_on \
           from session s join body b on b.id = s.body_id order by b.code, s.number",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

/// How many obligations are (overdue, at risk, with their deadline ahead) on the demo day.
async fn urgency_counts(pool: &PgPool) -> (usize, usize, usize) {
    let all = obligations_by_urgency(pool, today(), AT_RISK_DAYS)
        .await
        .unwrap();
    let count = |wanted: fn(&Urgency) -> bool| all.iter().filter(|o| wanted(&o.urgency)).count();
    (
        count(|u| matches!(u, Urgency::Overdue { .. })),
        count(|u| matches!(u, Urgency::AtRisk { .. })),
        count(|u| matches!(u, Urgency::OnTrack { .. } | Urgency::AtRisk { .. })),
    )
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn on_the_demo_day_the_reports_due_at_past_sessions_are_overdue(pool: PgPool) {
    load_full_demo(&pool).await;
    let (overdue, _, _) = urgency_counts(&pool).await;
    // All 24 reports due at a dated session (11 of the seed, 13 of the corpus) are at sessions
    // that opened before 2026-12-01; the illustrative progress takes 7 of them out (submitted,
    // issued or deferred to a session ahead), and 1 in (77/220's report, deferred to HRC 64).
    assert!(overdue >= 17, "overdue: {overdue}");
}

/// The real texts alone give nothing at risk or ahead on 2026-12-01: every numbered session
/// they name (CCPCJ 29-34, GA 75-79, the Fourteenth Congress) has opened. The illustrative
/// progress defers some reports to sessions ahead: the Human Rights Council's 64th (opens
/// 22 February 2027: submission due 14 December 2026, at risk) and CCPCJ 36, GA 82, HRC 65.
#[sqlx::test(migrator = "MIGRATOR")]
async fn on_the_demo_day_some_obligations_are_at_risk_and_some_ahead(pool: PgPool) {
    load_full_demo(&pool).await;
    let (_, at_risk, ahead) = urgency_counts(&pool).await;
    assert!(at_risk >= 1, "at risk: {at_risk}");
    assert!(ahead >= 5, "deadline ahead: {ahead}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_illustrative_progress_says_so_and_is_recorded_once(pool: PgPool) {
    load_full_demo(&pool).await;
    let progress = common::demo_progress();
    // Loaded once by load_full_demo: a second run finds every step recorded.
    assert_eq!(server::demo::apply(&pool, &progress).await.unwrap(), 0);
    // Each step is one event; issuing a yearly report also creates its next occurrence, whose
    // creation event (pending to pending) the workflow writes.
    let (events, noted, created): (i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where from_status <> to_status), \
                count(*) filter (where from_status <> to_status and note like 'Illustrative%'), \
                count(*) filter (where from_status = to_status and note like 'created as the next%') \
           from obligation_event where actor = $1",
    )
    .bind(&progress.actor)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(events, progress.steps.len() as i64);
    assert_eq!(noted, events, "every illustrative step says so in its note");
    assert_eq!(
        created, 2,
        "two yearly briefings issued, two next ones created"
    );

    // Staff defer a report the demo had put in preparation: its status is again a step's
    // `from` ("deferred"), yet the step is not recorded a second time.
    let report = &app::db::mandate::reports_at(&pool, "E/2019/30", "B. Draft resolution II", "16")
        .await
        .unwrap()[0];
    let later: i64 = sqlx::query_scalar(
        "select s.id from session s join body b on b.id = s.body_id \
          where b.code = 'CCPCJ' and s.number = 37",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let change = app::domain::StatusChange::deferred(later);
    app::db::obligation::change_status(&pool, report.id, report.version, &change, "staff")
        .await
        .unwrap();
    assert_eq!(server::demo::apply(&pool, &progress).await.unwrap(), 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn every_later_session_is_planned_and_none_closes_before_it_opens(pool: PgPool) {
    load_full_demo(&pool).await;
    let all = sessions(&pool).await;
    assert!(all.len() >= 60, "{}", all.len());
    for (code, number, state, opens, closes, re_opens, re_closes) in &all {
        let session = format!("{code} {number}");
        if opens.is_some_and(|d| d > today()) {
            assert_eq!(state, "planned", "{session} opens after the demo day");
        }
        if let (Some(opens), Some(closes)) = (opens, closes) {
            assert!(closes >= opens, "{session} closes before it opens");
        }
        if let (Some(re_opens), Some(re_closes)) = (re_opens, re_closes) {
            assert!(re_closes >= re_opens, "{session}'s reconvened part");
            assert!(
                opens.is_some_and(|o| *re_opens > o),
                "{session} reconvenes later"
            );
        }
    }
    for body in ["CCPCJ", "CND"] {
        let in_2027 = all
            .iter()
            .filter(|s| s.0 == body && s.3.is_some_and(|d| d.year() == 2027))
            .count();
        assert!(in_2027 >= 1, "{body} meets in 2027");
    }
}

/// The Security Council's cycles: S/RES/2730 (2024) asks for a briefing "no later than
/// 12 months after the adoption" (24 May 2024) "and on a yearly basis thereafter". The demo
/// records the 2025 and 2026 briefings as issued, so the third is due on 24 May 2027, ahead;
/// the Council's reports due on a date are judged by it, with no session.
#[sqlx::test(migrator = "MIGRATOR")]
async fn the_security_councils_yearly_briefing_is_next_due_ahead(pool: PgPool) {
    load_full_demo(&pool).await;
    let dated: Vec<(i32, Option<NaiveDate>, String)> = sqlx::query_as(
        "select o.occurrence, o.due_on, o.status from obligation o \
           join mandate m on m.id = o.mandate_id \
           join resolution r on r.id = m.resolution_id \
           join document d on d.id = r.document_id \
          where d.symbol = 'S/2024/400' and m.due is not null and m.recurrence = 'annual' \
          order by o.occurrence",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        dated,
        vec![
            (1, Some(date("2025-05-24")), "issued".to_owned()),
            (2, Some(date("2026-05-24")), "issued".to_owned()),
            (3, Some(date("2027-05-24")), "pending".to_owned()),
        ]
    );
    // Shown under the symbol it was adopted as, then its draft's.
    let shown: String = sqlx::query_scalar(
        "select resolution_name(r.label, r.adopted_symbol) from resolution r \
           join document d on d.id = r.document_id where d.symbol = 'S/2024/400'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(shown, "S/RES/2730 (2024) (S/2024/400)");
    let all = obligations_by_urgency(&pool, today(), AT_RISK_DAYS)
        .await
        .unwrap();
    let council: Vec<&Urgency> = all
        .iter()
        .filter(|o| o.schedule.body.as_deref() == Some("Security Council"))
        .map(|o| &o.urgency)
        .collect();
    assert!(
        council.contains(&&Urgency::OnTrack { days_left: 174 }),
        "{council:?}"
    );
    assert!(
        council.iter().any(|u| matches!(u, Urgency::Overdue { .. })),
        "S/RES/2406 (2018)'s report within 90 days is long overdue: {council:?}"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_corpus_obligations_link_to_dated_sessions(pool: PgPool) {
    load_full_demo(&pool).await;
    let (documents, reports, linked): (i64, i64, i64) = sqlx::query_as(
        "select (select count(*) from document where symbol <> 'E/2019/30'), \
                count(*) filter (where o.kind = 'report'), \
                count(s.opens_on) \
           from obligation o \
           join mandate m on m.id = o.mandate_id \
           join resolution r on r.id = m.resolution_id \
           join document d on d.id = r.document_id \
           left join session s on s.id = o.session_id \
          where d.symbol <> 'E/2019/30'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(documents, corpus_texts().len() as i64);
    assert!(reports > 0);
    assert!(
        linked >= LINKED_FLOOR,
        "{linked} of {reports} corpus reports are due at a dated session"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn reconvened_parts_come_from_the_file_and_never_overwrite_an_edit(pool: PgPool) {
    load_full_demo(&pool).await;
    let reconvened = |pool: PgPool, code: &'static str, number: i32| async move {
        sqlx::query_as::<_, (Option<NaiveDate>, Option<NaiveDate>)>(
            "select s.reconvened_opens_on, s.reconvened_closes_on from session s \
               join body b on b.id = s.body_id where b.code = $1 and s.number = $2",
        )
        .bind(code)
        .bind(number)
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    assert_eq!(
        reconvened(pool.clone(), "CND", 65).await,
        (Some(date("2022-12-08")), Some(date("2022-12-09")))
    );
    // An administrator moves the Commission's reconvened 36th session; reloading keeps it.
    sqlx::query(
        "update session set reconvened_opens_on = '2027-12-09', \
                reconvened_closes_on = '2027-12-10' \
          where number = 36 and body_id = (select id from body where code = 'CCPCJ')",
    )
    .execute(&pool)
    .await
    .unwrap();
    load(&pool, &calendar()).await.unwrap();
    assert_eq!(
        reconvened(pool.clone(), "CCPCJ", 36).await,
        (Some(date("2027-12-09")), Some(date("2027-12-10")))
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn loading_the_demo_twice_changes_nothing(pool: PgPool) {
    let counts = |pool: PgPool| async move {
        sqlx::query_as::<_, (i64, i64, i64, i64, i64, i64)>(
            "select (select count(*) from body), (select count(*) from session), \
                    (select count(*) from session_event), (select count(*) from document), \
                    (select count(*) from obligation), (select count(*) from obligation_event)",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    load_full_demo(&pool).await;
    let first = counts(pool.clone()).await;
    load_full_demo(&pool).await;
    assert_eq!(counts(pool.clone()).await, first);
    assert_eq!(first.3, 1 + corpus_texts().len() as i64);
}
