#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The obligation status workflow on a real database: transitions, history, concurrency.

use app::db::obligation::change_status;
use app::domain::{DocumentSymbol, Status, StatusChange};
use app::error::AppError;
use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{load_demo_data as loaded, obligation_at, state};

async fn session(pool: &PgPool, code: &str, number: i32) -> i64 {
    common::session(pool, code, number).await.0
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_report_goes_from_pending_to_considered_with_one_event_per_step(pool: PgPool) {
    loaded(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
    let symbol = DocumentSymbol::parse("E/CN.15/2020/9").unwrap();
    let steps = [
        StatusChange::new(Status::InPreparation),
        StatusChange::new(Status::Submitted),
        StatusChange::issued(symbol),
        StatusChange::new(Status::Considered),
    ];
    let mut version = 1;
    for step in &steps {
        let after = change_status(&pool, id, version, step, "officer@unodc")
            .await
            .unwrap();
        assert_eq!(after.status, step.to);
        version = after.version;
    }
    assert_eq!(state(&pool, id).await, ("considered".into(), 5, 4));
    let history: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
        "select from_status, to_status, document_symbol, actor from obligation_event \
          where obligation_id = $1 order by id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        history[2],
        (
            "submitted".into(),
            "issued".into(),
            Some("E/CN.15/2020/9".into()),
            "officer@unodc".into()
        )
    );
    assert_eq!(history[3].1, "considered");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn refused_transitions_explain_why_and_write_nothing(pool: PgPool) {
    loaded(&pool).await;
    let id = obligation_at(&pool, "GA", 75).await;
    let cases = [
        (
            StatusChange::new(Status::Issued),
            "cannot go from Pending to Issued",
        ),
        (
            StatusChange::new(Status::Considered),
            "cannot go from Pending to Considered",
        ),
        (
            StatusChange::new(Status::Completed),
            "not a status of a report",
        ),
        (StatusChange::withdrawn("   "), "a reason is required"),
        (
            StatusChange::merged_into(id),
            "cannot be merged into itself",
        ),
        (StatusChange::merged_into(987_654), "no obligation 987654"),
        (
            StatusChange::deferred(session(&pool, "GA", 75).await),
            "later session",
        ),
        (
            StatusChange::deferred(session(&pool, "CCPCJ", 30).await),
            "later session",
        ),
    ];
    for (change, expected) in cases {
        let err = change_status(&pool, id, 1, &change, "t").await.unwrap_err();
        assert!(err.to_string().contains(expected), "{:?}: {err}", change.to);
    }
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_deferred_report_takes_the_new_sessions_dates_and_keeps_its_history(pool: PgPool) {
    loaded(&pool).await;
    let id = obligation_at(&pool, "GA", 75).await;
    let later = session(&pool, "GA", 76).await;
    let after = change_status(&pool, id, 1, &StatusChange::deferred(later), "t")
        .await
        .unwrap();
    assert_eq!(
        (after.status, after.session_id),
        (Status::Deferred, Some(later))
    );
    let schedule = app::db::schedule::obligation_schedules(&pool)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.obligation_id == id)
        .unwrap();
    assert_eq!(schedule.session_number, Some(76));
    let deadlines = schedule.deadlines.unwrap();
    assert_eq!(
        deadlines.submission.to_string(),
        "2021-07-06",
        "10 weeks before 14 September 2021"
    );
    // From deferred the report continues as if pending at its new session.
    change_status(
        &pool,
        id,
        after.version,
        &StatusChange::new(Status::Submitted),
        "t",
    )
    .await
    .unwrap();
    assert_eq!(state(&pool, id).await, ("submitted".into(), 3, 2));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_concurrent_updates_of_one_obligation_one_wins_the_other_conflicts(pool: PgPool) {
    loaded(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let start = StatusChange::new(Status::InPreparation);
    let withdraw = StatusChange::withdrawn("overtaken by events");
    let (a, b) = tokio::join!(
        change_status(&pool, id, 1, &start, "a"),
        change_status(&pool, id, 1, &withdraw, "b"),
    );
    let outcomes = [a.is_ok(), b.is_ok()];
    assert_eq!(
        outcomes.iter().filter(|ok| **ok).count(),
        1,
        "exactly one wins"
    );
    let loser = if a.is_ok() { b } else { a };
    assert!(matches!(loser, Err(AppError::Conflict(_))), "{loser:?}");
    let (status, version, events) = state(&pool, id).await;
    assert_eq!((version, events), (2, 1), "no lost update, one event");
    assert!(status == "in_preparation" || status == "withdrawn");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn history_is_append_only_in_the_database(pool: PgPool) {
    loaded(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    change_status(&pool, id, 1, &StatusChange::new(Status::InPreparation), "t")
        .await
        .unwrap();
    for statement in [
        "update obligation_event set actor = 'someone else'",
        "delete from obligation_event",
        "truncate obligation_event",
        "update session_event set note = 'rewritten'",
        "delete from session_event",
    ] {
        let err = sqlx::query(statement).execute(&pool).await.unwrap_err();
        assert!(
            err.to_string().contains("append-only"),
            "{statement}: {err}"
        );
    }
    assert_eq!(state(&pool, id).await.2, 1);
}

const BIENNIAL: &str = "Resolution 30/1\n\nFollow-up\n\n\
The Commission on Crime Prevention and Criminal Justice,\n\nRecalling its earlier work,\n\n\
1. Requests the United Nations Office on Drugs and Crime to report to the Commission at its \
thirtieth session, and on a biennial basis thereafter, on the implementation of the present \
resolution.\n";

#[sqlx::test(migrator = "MIGRATOR")]
async fn issuing_a_biennial_report_creates_the_next_occurrence_once(pool: PgPool) {
    loaded(&pool).await;
    server::import::import_text(&pool, "E/CN.15/2021/L.1", BIENNIAL)
        .await
        .unwrap();
    let id: i64 = sqlx::query_scalar(
        "select o.id from obligation o join mandate m on m.id = o.mandate_id \
          where m.recurrence = 'biennial' and o.target_session = 30",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let symbol = DocumentSymbol::parse("E/CN.15/2021/5").unwrap();
    let mut version = 1;
    for step in [
        StatusChange::new(Status::Submitted),
        StatusChange::issued(symbol),
    ] {
        let after = change_status(&pool, id, version, &step, "t").await.unwrap();
        version = after.version;
        if step.to == Status::Issued {
            let next = after
                .next_occurrence
                .expect("issuing spawns the next occurrence");
            let (occurrence, status, session): (i32, String, i32) = sqlx::query_as(
                "select o.occurrence, o.status, s.number from obligation o \
                   join session s on s.id = o.session_id where o.id = $1",
            )
            .bind(next)
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!((occurrence, status.as_str(), session), (2, "pending", 32));
            assert_eq!(
                state(&pool, next).await.2,
                1,
                "the new occurrence has its creation event"
            );
        } else {
            assert_eq!(after.next_occurrence, None);
        }
    }
    let considered = change_status(
        &pool,
        id,
        version,
        &StatusChange::new(Status::Considered),
        "t",
    )
    .await
    .unwrap();
    assert_eq!(considered.next_occurrence, None, "only once along the path");
    let occurrences: i64 = sqlx::query_scalar(
        "select count(*) from obligation o join mandate m on m.id = o.mandate_id \
           join resolution r on r.id = m.resolution_id where r.label = 'Resolution 30/1'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(occurrences, 2);
    // The next occurrence takes its deadlines from the 32nd session (opens 2023-05-22).
    let schedule = app::db::schedule::obligation_schedules(&pool)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.session_number == Some(32))
        .unwrap();
    assert_eq!(
        schedule.deadlines.unwrap().submission.to_string(),
        "2023-03-13"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn issuing_a_one_time_report_creates_nothing_more(pool: PgPool) {
    loaded(&pool).await;
    let id = obligation_at(&pool, "GA", 75).await;
    let symbol = DocumentSymbol::parse("A/75/123").unwrap();
    let submitted = change_status(&pool, id, 1, &StatusChange::new(Status::Submitted), "t")
        .await
        .unwrap();
    let issued = change_status(
        &pool,
        id,
        submitted.version,
        &StatusChange::issued(symbol),
        "t",
    )
    .await
    .unwrap();
    assert_eq!(issued.next_occurrence, None);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn after_a_deferral_the_timeline_follows_the_new_session_only(pool: PgPool) {
    use app::db::session::{SessionChange, reschedule_session};
    use app::model::HistoryChange;
    loaded(&pool).await;
    let id = obligation_at(&pool, "GA", 75).await;
    let (ga75, ga76) = (
        session(&pool, "GA", 75).await,
        session(&pool, "GA", 76).await,
    );
    change_status(&pool, id, 1, &StatusChange::deferred(ga76), "t")
        .await
        .unwrap();
    for (session_id, day) in [(ga75, "2020-09-22"), (ga76, "2021-09-21")] {
        let version: i32 = sqlx::query_scalar("select version from session where id = $1")
            .bind(session_id)
            .fetch_one(&pool)
            .await
            .unwrap();
        let opens = day.parse().unwrap();
        let change = SessionChange {
            details: None,
            opens_on: Some(opens),
            closes_on: None,
            state: app::domain::SessionState::Planned,
            note: Some(format!("moved to {day}")),
        };
        let mut tx = pool.begin().await.unwrap();
        reschedule_session(&mut tx, session_id, version, &change, "t")
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let detail = app::db::detail::obligation_detail(&pool, id, today, 21)
        .await
        .unwrap()
        .unwrap();
    let moves: Vec<String> = detail
        .history
        .iter()
        .filter(|e| matches!(e.change, HistoryChange::Session { .. }))
        .filter_map(|e| e.note.clone())
        .collect();
    assert_eq!(
        moves,
        vec!["moved to 2021-09-21".to_string()],
        "the old session's later move is not this obligation's story"
    );
}
