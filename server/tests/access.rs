#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Roles and the editing endpoints, over HTTP against the real application (logging in and
//! out, and the HTTP defences, are in logins.rs).

use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{
    ADMIN, STAFF, call, client, load_demo_data, log_in, obligation_at, setup, spawn_app,
    staff_on_obligation, state, status_form,
};

/// A page as a visitor (no cookie) gets it.
async fn public_page(base: &str, path: &str) -> String {
    reqwest::get(format!("{base}{path}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn visitors_read_everything_but_change_nothing(pool: PgPool) {
    let base = setup(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let visitor = client();
    let (status, body) = call(&visitor, &base, "get_obligation", &[("id", id.to_string())]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(
        &visitor,
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!(
        (status, body.contains("Unauthenticated")),
        (401, true),
        "{body}"
    );
    assert_eq!(
        state(&pool, id).await,
        ("pending".into(), 1, 0),
        "nothing written"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn staff_record_progress_and_the_history_names_them(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let mut form = status_form(id, 1, "in_preparation");
    form.push(("note", "  drafting with the Justice Section ".into()));
    let (status, body) = call(&staff, &base, "record_status_change", &form).await;
    assert_eq!(status, 422, "a note needs its readers chosen: {body}");
    assert!(body.contains("who may read the note"), "{body}");
    form.push(("note_public", "yes".into()));
    let (status, body) = call(&staff, &base, "record_status_change", &form).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"version\":2"), "{body}");
    assert_eq!(state(&pool, id).await, ("in_preparation".into(), 2, 1));

    let (actor, note): (String, Option<String>) =
        sqlx::query_as("select actor, note from obligation_event where obligation_id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(actor, STAFF);
    assert_eq!(note.as_deref(), Some("drafting with the Justice Section"));

    let page = staff
        .get(format!("{base}/obligations/{id}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Pending → In preparation"), "{page}");
    assert!(page.contains(STAFF), "staff see who made the change");
    let public = public_page(&base, &format!("/obligations/{id}")).await;
    assert!(public.contains("Pending → In preparation"));
    assert!(
        !public.contains(STAFF) && public.contains("Secretariat"),
        "visitors do not get staff addresses"
    );
    assert!(page.contains("drafting with the Justice Section"));
    assert!(page.contains("Record progress"), "staff see the form");
    assert!(
        page.contains("Paragraph 11 in full") && page.contains("Requests the United Nations"),
        "the source paragraph is on the page"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_change_based_on_a_stale_page_gets_409_and_changes_nothing(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let first = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!(first.0, 200, "{}", first.1);
    let (status, body) = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "withdrawn"),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("Someone else changed"), "{body}");
    assert_eq!(state(&pool, id).await, ("in_preparation".into(), 2, 1));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn refused_transitions_and_bad_input_get_422_with_a_reason(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let cases = [
        (
            status_form(id, 1, "issued"),
            "cannot go from Pending to Issued",
        ),
        (status_form(id, 1, "withdrawn"), "reason"),
        (status_form(id, 1, "flying"), "Choose the new status"),
        (
            {
                let mut form = status_form(id, 1, "merged");
                form.push(("merged_into", "forty-two".into()));
                form
            },
            "must be a number",
        ),
    ];
    for (form, expected) in cases {
        let (status, body) = call(&staff, &base, "record_status_change", &form).await;
        assert_eq!(status, 422, "{form:?}: {body}");
        assert!(body.contains(expected), "{form:?}: {body}");
    }
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn only_administrators_move_sessions_and_the_deadlines_follow(pool: PgPool) {
    let base = setup(&pool).await;
    let (session_id, version) = common::session(&pool, "CCPCJ", 30).await;
    let form = vec![
        ("id", session_id.to_string()),
        ("version", version.to_string()),
        ("opens_on", "2021-06-14".to_string()),
        ("closes_on", "2021-06-18".to_string()),
        ("state", "planned".to_string()),
        ("note", "moved by the Bureau".to_string()),
    ];
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    let (status, body) = call(&staff, &base, "change_session", &form).await;
    assert_eq!((status, body.contains("Forbidden")), (403, true), "{body}");

    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let (status, body) = call(&admin, &base, "change_session", &form).await;
    assert_eq!((status, body.as_str()), (200, "2"), "{body}");
    let (status, body) = call(&admin, &base, "change_session", &form).await;
    assert_eq!(status, 409, "the same page sent twice is stale: {body}");

    let calendar = public_page(&base, "/calendar").await;
    assert!(calendar.contains("14 June 2021"), "{calendar}");
    let mut bad = form.clone();
    bad[1].1 = "2".into();
    bad[2].1 = "14 June".into();
    let (status, body) = call(&admin, &base, "change_session", &bad).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("year-month-day"), "{body}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn without_javascript_a_form_returns_to_its_page_with_the_error(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let page = format!("{base}/obligations/{id}");
    let post = |form: Vec<(&'static str, String)>| {
        staff
            .post(format!("{base}/api/record_status_change"))
            .header("accept", "text/html")
            .header("referer", &page)
            .form(&form)
            .send()
    };
    let refused = post(status_form(id, 1, "issued")).await.unwrap();
    assert_eq!(refused.status().as_u16(), 302);
    let back = refused.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&page) && back.contains("__err="), "{back}");
    let html = staff.get(&back).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("role=\"alert\""),
        "the error is shown on the page: {html}"
    );
    // What was typed comes back with the refusal, and only then.
    let mut typed = status_form(id, 1, "withdrawn");
    typed.push(("note", "Overtaken by <resolution> 75/1".into()));
    let refused = post(typed).await.unwrap();
    let back = refused.headers()["location"].to_str().unwrap().to_string();
    let html = staff.get(&back).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("who may read the note"), "{html}");
    assert!(
        html.contains(">Overtaken by &lt;resolution&gt; 75/1</textarea>"),
        "{html}"
    );
    assert!(
        html.contains(r#"id="to-withdrawn" name="to" value="withdrawn" checked"#),
        "{html}"
    );
    let again = staff.get(&page).send().await.unwrap().text().await.unwrap();
    assert!(
        !again.contains("Overtaken") && !again.contains("checked"),
        "{again}"
    );

    let done = post(status_form(id, 1, "in_preparation")).await.unwrap();
    assert_eq!(done.status().as_u16(), 302);
    let location = done.headers()["location"].to_str().unwrap();
    assert_eq!(
        location.trim_end_matches('?'),
        page,
        "back to the page, error cleared"
    );
    assert_eq!(state(&pool, id).await, ("in_preparation".into(), 2, 1));
}

async fn body_id(pool: &PgPool, code: &str) -> i64 {
    sqlx::query_scalar("select id from body where code = $1")
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn administrators_add_sessions_once_each(pool: PgPool) {
    let base = setup(&pool).await;
    let ccpcj = body_id(&pool, "CCPCJ").await;
    let form = vec![
        ("body_id", ccpcj.to_string()),
        ("number", " 38 ".to_string()),
        ("label", "thirty-eighth session".to_string()),
        ("opens_on", "2029-05-14".to_string()),
        ("closes_on", "2029-05-18".to_string()),
        ("venue", "Vienna".to_string()),
    ];
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    assert_eq!(call(&staff, &base, "add_session", &form).await.0, 403);

    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let (status, body) = call(&admin, &base, "add_session", &form).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(&admin, &base, "add_session", &form).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("already has a session 38"), "{body}");

    let mut bad = form.clone();
    bad[1].1 = "thirty-six".into();
    let (status, body) = call(&admin, &base, "add_session", &bad).await;
    assert_eq!(
        (status, body.contains("whole number")),
        (422, true),
        "{body}"
    );
    bad[1].1 = "39".into();
    bad[3].1 = "2029-05-30".into();
    let (status, body) = call(&admin, &base, "add_session", &bad).await;
    assert_eq!(
        (status, body.contains("before it opens")),
        (422, true),
        "{body}"
    );

    let calendar = public_page(&base, "/calendar").await;
    assert!(calendar.contains("thirty-eighth session"), "{calendar}");
    assert!(calendar.contains("14 May 2029") && calendar.contains("Vienna"));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn changing_a_bodys_lead_times_moves_its_deadlines(pool: PgPool) {
    let base = setup(&pool).await;
    let ccpcj = body_id(&pool, "CCPCJ").await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let lead = |submission: &str, issuance: &str| {
        vec![
            ("body_id", ccpcj.to_string()),
            ("submission_weeks", submission.to_string()),
            ("issuance_weeks", issuance.to_string()),
        ]
    };
    let (status, body) = call(&admin, &base, "change_lead_times", &lead("12", "8")).await;
    assert_eq!(status, 200, "{body}");
    let (_, detail) = call(&admin, &base, "get_obligation", &[("id", id.to_string())]).await;
    // The 29th session opened on 3 December 2020: 12 weeks before is 10 September.
    assert!(detail.contains("\"submission\":\"2020-09-10\""), "{detail}");
    assert!(detail.contains("\"issuance\":\"2020-10-08\""), "{detail}");

    for (submission, issuance, reason) in [
        ("6", "10", "cannot be issued"),
        ("60", "6", "from 0 to 52"),
        ("ten", "6", "whole number"),
    ] {
        let (status, body) = call(
            &admin,
            &base,
            "change_lead_times",
            &lead(submission, issuance),
        )
        .await;
        assert_eq!((status, body.contains(reason)), (422, true), "{body}");
    }
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    assert_eq!(
        call(&staff, &base, "change_lead_times", &lead("10", "6"))
            .await
            .0,
        403
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_at_risk_window_is_a_server_setting(pool: PgPool) {
    use app::db::session::{SessionChange, reschedule_session};
    load_demo_data(&pool).await;
    // Move the Commission's 29th session so that its reports are due in 30 days.
    let today = chrono::Utc::now().date_naive();
    let opens = today + chrono::Days::new(10 * 7 + 30);
    let (session, version) = common::session(&pool, "CCPCJ", 29).await;
    let change = SessionChange {
        details: None,
        opens_on: Some(opens),
        closes_on: Some(opens + chrono::Days::new(4)),
        state: app::domain::SessionState::Planned,
        note: None,
    };
    let mut tx = pool.begin().await.unwrap();
    reschedule_session(&mut tx, session, version, &change, "test")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let urgency = |base: String| async move {
        let (_, body) = call(
            &client(),
            &base,
            "get_obligation",
            &[("id", id.to_string())],
        )
        .await;
        let detail: serde_json::Value = serde_json::from_str(&body).unwrap();
        detail["urgency"].clone()
    };
    let default = urgency(spawn_app(pool.clone()).await).await;
    assert_eq!(
        default,
        serde_json::json!({"kind": "on_track", "days_left": 30})
    );
    let wide = common::spawn_app_with(pool.clone(), &["--at-risk-days", "45"]).await;
    assert_eq!(
        urgency(wide).await,
        serde_json::json!({"kind": "at_risk", "days_left": 30})
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn administrators_set_a_sessions_venue_and_reconvened_part_with_history(pool: PgPool) {
    let base = setup(&pool).await;
    let (session_id, version) = common::session(&pool, "CCPCJ", 31).await;
    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let form = |version: i32, reconvened_closes: &str| {
        vec![
            ("id", session_id.to_string()),
            ("version", version.to_string()),
            ("opens_on", "2022-05-16".to_string()),
            ("closes_on", "2022-05-20".to_string()),
            ("state", "held".to_string()),
            ("label", "thirty-first session".to_string()),
            ("venue", "Vienna International Centre".to_string()),
            ("reconvened_opens_on", "2022-12-08".to_string()),
            ("reconvened_closes_on", reconvened_closes.to_string()),
        ]
    };
    let (status, body) = call(
        &admin,
        &base,
        "change_session",
        &form(version, "2022-12-01"),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("The reconvened part cannot close"), "{body}");
    let (status, body) = call(
        &admin,
        &base,
        "change_session",
        &form(version, "2022-12-09"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let note: Option<String> = sqlx::query_scalar(
        "select note from session_event where session_id = $1 order by id desc limit 1",
    )
    .bind(session_id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let note = note.unwrap();
    assert!(
        note.contains("venue Vienna → Vienna International Centre"),
        "{note}"
    );
    assert!(
        note.contains("reconvened part none → 2022-12-08–2022-12-09"),
        "{note}"
    );
    let calendar = public_page(&base, "/calendar").await;
    assert!(
        calendar.contains("; reconvened 8 December 2022 – 9 December 2022"),
        "{calendar}"
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn unreadable_fields_get_a_clear_validation_error_and_change_nothing(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let mut form = status_form(id, 1, "in_preparation");
    form[1].1 = "one".into();
    let (status, body) = call(&staff, &base, "record_status_change", &form).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("could not be read"), "{body}");
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
}
