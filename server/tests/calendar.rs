#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The session calendar on a real database: loading, derived deadlines, reschedules.

use app::db::schedule::obligation_schedules;
use app::db::session::{SessionChange, reschedule_session};
use app::domain::SessionState;
use app::error::AppError;
use chrono::NaiveDate;
use server::calendar::load;
use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{calendar, load_demo_data as loaded, session as session_id};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// (submission, issuance, opening) of every obligation due at the given body's session.
async fn due_dates(
    pool: &PgPool,
    body: &str,
    number: i32,
) -> Vec<(NaiveDate, NaiveDate, NaiveDate)> {
    obligation_schedules(pool)
        .await
        .unwrap()
        .into_iter()
        .filter(|o| o.body.as_deref() == Some(body) && o.session_number == Some(number))
        .map(|o| {
            let d = o.deadlines.expect("a dated session gives deadlines");
            let opens = d.session_opens.expect("due at a session");
            (d.submission, d.issuance, opens)
        })
        .collect()
}

const CCPCJ: &str = "Commission on Crime Prevention and Criminal Justice";
const CONGRESS: &str = "United Nations Congress on Crime Prevention and Criminal Justice";

#[sqlx::test(migrator = "MIGRATOR")]
async fn reports_due_at_the_postponed_29th_session_take_their_dates_from_december_2020(
    pool: PgPool,
) {
    loaded(&pool).await;
    let due = due_dates(&pool, CCPCJ, 29).await;
    assert_eq!(due.len(), 4);
    for (submission, issuance, opens) in due {
        assert_eq!(opens, date("2020-12-03"));
        assert_eq!(submission, date("2020-09-24"), "10 weeks before");
        assert_eq!(issuance, date("2020-10-22"), "6 weeks before");
    }
    // The move from May to December is on the session's history.
    let (id, _) = session_id(&pool, "CCPCJ", 29).await;
    let moves: Vec<(Option<NaiveDate>, Option<NaiveDate>, String)> = sqlx::query_as(
        "select old_opens_on, new_opens_on, actor from session_event where session_id = $1",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        moves,
        [(
            Some(date("2020-05-18")),
            Some(date("2020-12-03")),
            "calendar data".to_string()
        )]
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn rescheduling_the_congress_moves_every_obligation_due_there(pool: PgPool) {
    loaded(&pool).await;
    let before = due_dates(&pool, CONGRESS, 14).await;
    assert_eq!(
        before.len(),
        4,
        "the seed's four reports to the Fourteenth Congress"
    );
    assert!(before.iter().all(|d| d.2 == date("2021-03-07")));

    let (id, version) = session_id(&pool, "CONGRESS", 14).await;
    let mut conn = pool.acquire().await.unwrap();
    let change = SessionChange {
        details: None,
        opens_on: Some(date("2021-04-20")),
        closes_on: Some(date("2021-04-27")),
        state: SessionState::Planned,
        note: Some("moved again".into()),
    };
    reschedule_session(&mut conn, id, version, &change, "test")
        .await
        .unwrap();
    let after = due_dates(&pool, CONGRESS, 14).await;
    assert_eq!(after.len(), 4);
    for (submission, issuance, opens) in after {
        assert_eq!(opens, date("2021-04-20"));
        assert_eq!(submission, date("2021-02-09"));
        assert_eq!(issuance, date("2021-03-09"));
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_reschedule_based_on_a_stale_version_is_refused_and_changes_nothing(pool: PgPool) {
    loaded(&pool).await;
    let (id, version) = session_id(&pool, "GA", 75).await;
    let change = |day: &str| SessionChange {
        details: None,
        opens_on: Some(date(day)),
        closes_on: None,
        state: SessionState::Planned,
        note: None,
    };
    // Two editors read the same version; both try to save.
    let mut first = pool.begin().await.unwrap();
    let mut second = pool.acquire().await.unwrap();
    reschedule_session(&mut first, id, version, &change("2020-09-22"), "first")
        .await
        .unwrap();
    let racing = tokio::spawn(async move {
        reschedule_session(&mut second, id, version, &change("2020-09-29"), "second").await
    });
    first.commit().await.unwrap();
    let outcome = racing.await.unwrap();
    assert!(matches!(outcome, Err(AppError::Conflict(_))), "{outcome:?}");
    let (opens, events): (NaiveDate, i64) = sqlx::query_as(
        "select s.opens_on, (select count(*) from session_event e where e.session_id = s.id) \
           from session s where s.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(opens, date("2020-09-22"), "the first save stands");
    assert_eq!(events, 1, "the refused save wrote no history");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn invalid_session_changes_are_refused_with_a_clear_message(pool: PgPool) {
    loaded(&pool).await;
    let (id, version) = session_id(&pool, "GA", 76).await;
    let mut conn = pool.acquire().await.unwrap();
    let backwards = SessionChange {
        details: None,
        opens_on: Some(date("2021-09-14")),
        closes_on: Some(date("2021-09-01")),
        state: SessionState::Planned,
        note: None,
    };
    let err = reschedule_session(&mut conn, id, version, &backwards, "t")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("cannot close"), "{err}");
    let err = reschedule_session(
        &mut conn,
        -1,
        1,
        &SessionChange {
            details: None,
            state: SessionState::Held,
            opens_on: None,
            closes_on: None,
            note: None,
        },
        "t",
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::NotFound(_)));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn loading_the_calendar_twice_adds_nothing(pool: PgPool) {
    loaded(&pool).await;
    let count = |pool: PgPool| async move {
        sqlx::query_as::<_, (i64, i64, i64)>(
            "select (select count(*) from body), (select count(*) from session), \
                    (select count(*) from session_event)",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    let first = count(pool.clone()).await;
    assert_eq!(first.0, 8, "the bodies of data/calendar.json");
    load(&pool, &calendar()).await.unwrap();
    assert_eq!(count(pool.clone()).await, first);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn overdue_and_at_risk_follow_the_submission_deadline_of_a_passed_in_today(pool: PgPool) {
    use app::db::schedule::obligations_by_urgency;
    use app::domain::Urgency;
    loaded(&pool).await;
    let at_ccpcj_29 = |day: &'static str| {
        let pool = pool.clone();
        async move {
            obligations_by_urgency(&pool, date(day), 21)
                .await
                .unwrap()
                .into_iter()
                .filter(|o| {
                    o.schedule.body.as_deref() == Some(CCPCJ)
                        && o.schedule.session_number == Some(29)
                })
                .map(|o| o.urgency)
                .collect::<Vec<_>>()
        }
    };
    // The submission deadline is 2020-09-24.
    assert_eq!(
        at_ccpcj_29("2020-09-02").await,
        vec![Urgency::OnTrack { days_left: 22 }; 4]
    );
    assert_eq!(
        at_ccpcj_29("2020-09-03").await,
        vec![Urgency::AtRisk { days_left: 21 }; 4]
    );
    assert_eq!(
        at_ccpcj_29("2020-09-24").await,
        vec![Urgency::AtRisk { days_left: 0 }; 4]
    );
    assert_eq!(
        at_ccpcj_29("2020-09-25").await,
        vec![Urgency::Overdue { days: 1 }; 4]
    );

    // A submitted report is no longer overdue.
    let id: i64 = sqlx::query_scalar(
        "select o.id from obligation o join session s on s.id = o.session_id \
           join body b on b.id = s.body_id where b.code = 'CCPCJ' and s.number = 29 \
          order by o.id limit 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let submitted = app::domain::StatusChange::new(app::domain::Status::Submitted);
    app::db::obligation::change_status(&pool, id, 1, &submitted, "t")
        .await
        .unwrap();
    let after = at_ccpcj_29("2020-09-25").await;
    assert_eq!(after.iter().filter(|u| **u == Urgency::Done).count(), 1);
    assert_eq!(
        after
            .iter()
            .filter(|u| matches!(u, Urgency::Overdue { days: 1 }))
            .count(),
        3
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_timeline_keeps_the_name_a_session_had_when_it_moved(pool: PgPool) {
    use app::db::session::SessionDetails;
    use app::model::HistoryChange;
    loaded(&pool).await;
    let (id, version) = session_id(&pool, "CCPCJ", 29).await;
    let renamed = SessionChange {
        opens_on: Some(date("2020-12-03")),
        closes_on: Some(date("2020-12-04")),
        state: SessionState::Held,
        note: None,
        details: Some(SessionDetails {
            label: "29th session (reconvened)".into(),
            ..SessionDetails::default()
        }),
    };
    let mut tx = pool.begin().await.unwrap();
    reschedule_session(&mut tx, id, version, &renamed, "t")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let obligation: i64 =
        sqlx::query_scalar("select id from obligation where session_id = $1 order by id limit 1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let detail = app::db::detail::obligation_detail(&pool, obligation, date("2026-01-01"), 21)
        .await
        .unwrap()
        .unwrap();
    let labels: Vec<String> = detail
        .history
        .into_iter()
        .filter_map(|e| match e.change {
            HistoryChange::Session { session, .. } => Some(session),
            HistoryChange::Status { .. } => None,
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            "twenty-ninth session".to_string(),
            "29th session (reconvened)".to_string()
        ]
    );
}
