//! The demo on whatever day `make run` loads it, from December 2026 to the end of 2027: the real
//! calendar leaves months with no submission deadline within the at-risk window, so one report
//! is kept at risk relative to the run date (`server/src/demo/at_risk.rs`), and says so.

use super::{AT_RISK_DAYS, date};
use crate::common::{demo_progress, load_full_demo};
use app::db::schedule::obligations_by_urgency;
use app::domain::Urgency;
use chrono::{Days, NaiveDate};
use server::database::MIGRATOR;
use server::demo::at_risk::keep_at_risk;
use sqlx::PgPool;

/// (overdue, at risk, upcoming: more than the window ahead) on `today`, leaving out the
/// obligation `except`.
async fn counts(pool: &PgPool, today: NaiveDate, except: Option<i64>) -> (usize, usize, usize) {
    let all = obligations_by_urgency(pool, today, AT_RISK_DAYS)
        .await
        .unwrap();
    let all: Vec<_> = all
        .into_iter()
        .filter(|o| Some(o.schedule.obligation_id) != except)
        .collect();
    let count = |wanted: fn(&Urgency) -> bool| all.iter().filter(|o| wanted(&o.urgency)).count();
    (
        count(|u| matches!(u, Urgency::Overdue { .. })),
        count(|u| matches!(u, Urgency::AtRisk { .. })),
        count(|u| matches!(u, Urgency::OnTrack { .. })),
    )
}

/// The obligation the demo keeps at risk.
async fn kept_report(pool: &PgPool) -> app::db::mandate::ParagraphReport {
    let progress = demo_progress();
    let kept = progress.at_risk.as_ref().expect("the demo keeps a report");
    let reports =
        app::db::mandate::reports_at(pool, &kept.document, &kept.resolution, &kept.paragraph)
            .await
            .unwrap();
    reports
        .into_iter()
        .filter(|r| r.occurrence == 1)
        .nth(kept.report - 1)
        .unwrap()
}

/// Every day from 1 December 2026 to 31 December 2027.
fn run_days() -> impl Iterator<Item = NaiveDate> {
    let first = date("2026-12-01");
    (0..=395).map(move |n| first + Days::new(n))
}

/// `make run` every day of the year ahead: the demo is loaded, the kept report re-dated when
/// needed, and the pages judge on the same day.
#[sqlx::test(migrator = "MIGRATOR")]
async fn whatever_day_the_demo_runs_on_it_has_reports_overdue_at_risk_and_ahead(pool: PgPool) {
    load_full_demo(&pool).await;
    let progress = demo_progress();
    let kept = kept_report(&pool).await.id;
    let mut without = Vec::new();
    for today in run_days() {
        // What the real calendar and the fixed steps give that day, without the kept report.
        if counts(&pool, today, Some(kept)).await.1 == 0 {
            without.push(today);
        }
        keep_at_risk(&pool, &progress, today).await.unwrap();
        let (overdue, at_risk, ahead) = counts(&pool, today, None).await;
        assert!(overdue >= 1, "{today}: nothing overdue");
        assert!(at_risk >= 1, "{today}: nothing at risk");
        assert!(ahead >= 1, "{today}: nothing ahead");
    }
    // Why the report is kept: without it, some of these days would show nothing at risk
    // (6 July to 12 December 2027, for one).
    assert!(
        without.contains(&date("2027-09-01")),
        "days with nothing at risk but the kept report: {without:?}"
    );
}

/// The illustrative (event, note) rows of the kept report, oldest first.
async fn kept_events(pool: &PgPool, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "select note from obligation_event \
          where obligation_id = $1 and from_status = to_status and note like 'Illustrative%' \
          order by id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_kept_report_is_redated_only_when_no_longer_at_risk_and_its_history_says_so(
    pool: PgPool,
) {
    load_full_demo(&pool).await;
    let progress = demo_progress();
    let kept = progress.at_risk.as_ref().unwrap();
    let report = kept_report(&pool).await;
    let day = date("2027-01-20");
    let due = day + Days::new(u64::from(kept.days_ahead));
    assert_eq!(
        keep_at_risk(&pool, &progress, day).await.unwrap(),
        Some(due)
    );
    // Run again that day, or while it is still at risk: nothing changes.
    for again in [day, due] {
        assert_eq!(keep_at_risk(&pool, &progress, again).await.unwrap(), None);
    }
    // Once overdue, the next run moves it on.
    let later = due + Days::new(1);
    assert!(
        keep_at_risk(&pool, &progress, later)
            .await
            .unwrap()
            .is_some()
    );
    let notes = kept_events(&pool, report.id).await;
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].contains("Due on 3 February 2027"),
        "the day is in its history: {notes:?}"
    );
    // The page says so to everyone (the note is public).
    let detail = app::db::detail::obligation_detail(&pool, report.id, later, AT_RISK_DAYS)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(detail.urgency, Urgency::AtRisk { .. }),
        "{detail:?}"
    );
    assert!(detail.history.iter().any(|e| {
        e.note
            .as_deref()
            .is_some_and(|n| n.to_lowercase().contains("illustrative"))
    }));

    // Staff submit it: the demo leaves it alone from then on.
    let (version,): (i32,) = sqlx::query_as("select version from obligation where id = $1")
        .bind(report.id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let submitted = app::domain::StatusChange::new(app::domain::Status::Submitted);
    app::db::obligation::change_status(&pool, report.id, version, &submitted, "staff")
        .await
        .unwrap();
    let much_later = later + Days::new(100);
    assert_eq!(
        keep_at_risk(&pool, &progress, much_later).await.unwrap(),
        None
    );
    assert_eq!(kept_events(&pool, report.id).await.len(), 2);
}
