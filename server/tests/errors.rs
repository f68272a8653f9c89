#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A client's mistake is a 4xx with a sentence a person understands, never a 500; a database
//! that cannot be read is a 503 page; and the site's error box shows only what the server said.

use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{
    ADMIN, STAFF, call, client, log_in, obligation_at, session, setup, spawn_app,
    staff_on_obligation, state, status_form, text_of,
};

/// A post whose fields the server cannot read, as raw bytes with a content type.
async fn raw_post(
    client: &reqwest::Client,
    url: String,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> (u16, String) {
    let response = client
        .post(url)
        .header("accept", "application/json")
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn unreadable_arguments_get_422_with_a_sentence(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let url = format!("{base}/api/record_status_change");
    let form = "application/x-www-form-urlencoded";
    let cases = [
        (form, "id=abc&version=1&to=in_preparation".to_string()),
        (
            form,
            "id=99999999999999999999999&version=1&to=in_preparation".into(),
        ),
        (form, format!("id={id}&to=in_preparation")),
        (
            "application/json",
            format!(r#"{{"id": {id}, "version": 1, "to": "in_preparation"}}"#),
        ),
    ];
    for (content_type, body) in cases {
        let (status, text) = raw_post(&staff, url.clone(), content_type, body.clone()).await;
        assert_eq!(status, 422, "{body}: {text}");
        assert!(
            text.contains("could not be read") || text.contains("is missing"),
            "{body}: {text}"
        );
    }
    let (status, _) = raw_post(
        &client(),
        format!("{base}/api/get_obligation"),
        form,
        "id=x",
    )
    .await;
    assert_eq!(status, 422, "a public read with a bad id");
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_ten_megabyte_body_is_refused_with_413_before_it_is_read(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    let body = format!(
        "id={id}&version=1&to=in_preparation&note={}",
        "a".repeat(10 * 1024 * 1024)
    );
    let (status, _) = raw_post(
        &staff,
        format!("{base}/api/record_status_change"),
        "application/x-www-form-urlencoded",
        body,
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn nul_bytes_and_impossible_dates_are_422_and_store_nothing(pool: PgPool) {
    let base = setup(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let (session_id, version) = session(&pool, "CCPCJ", 30).await;
    let visitor = client();
    let (status, body) = call(
        &visitor,
        &base,
        "log_in",
        &[("email", "a\0b@unodc.org".into()), ("password", "x".into())],
    )
    .await;
    assert!(
        matches!(status, 401 | 422),
        "login with a NUL: {status} {body}"
    );

    let staff = client();
    log_in(&staff, &base, STAFF).await;
    let mut form = status_form(id, 1, "in_preparation");
    form.push(("note", "late\0".into()));
    let (status, body) = call(&staff, &base, "record_status_change", &form).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("control character"), "{body}");
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));

    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let change = |field: &'static str, value: &str| {
        let mut form = vec![
            ("id", session_id.to_string()),
            ("version", version.to_string()),
            ("state", "planned".to_string()),
            ("label", "thirtieth session".to_string()),
        ];
        form.retain(|(name, _)| *name != field);
        form.push((field, value.to_string()));
        form
    };
    for (field, value, expected) in [
        ("label", "thirtieth\0session", "control character"),
        ("opens_on", "-4713-01-01", "must fall between"),
        ("closes_on", "2020-13-45", "year-month-day"),
        ("venue", &"V".repeat(201), "at most 200 characters"),
        ("note", &"n".repeat(4001), "at most 4,000 characters"),
        ("state", "cancelled", "planned, held or postponed"),
    ] {
        let (status, body) = call(&admin, &base, "change_session", &change(field, value)).await;
        assert_eq!(status, 422, "{field}: {body}");
        assert!(body.contains(expected), "{field}: {body}");
    }
    assert_eq!(session(&pool, "CCPCJ", 30).await, (session_id, version));
    let body_id: i64 = sqlx::query_scalar("select id from body where code = 'CCPCJ'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let (status, body) = call(
        &admin,
        &base,
        "add_session",
        &[
            ("body_id", body_id.to_string()),
            ("number", "77".into()),
            ("opens_on", "-4713-01-01".into()),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn conflicts_read_like_a_colleague_wrote_them(pool: PgPool) {
    let (base, id, staff) = staff_on_obligation(&pool).await;
    call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    let (status, body) = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "submitted"),
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        body.contains("Someone else changed this obligation"),
        "{body}"
    );
    assert!(!body.contains("version"), "no debug output: {body}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_row_a_unique_constraint_refuses_is_a_409_without_the_databases_text(pool: PgPool) {
    let source = app::db::document::DocumentSource {
        symbol: "A/RES/80/1",
        title: "A resolution",
        sha256: "00",
        extractor_version: 1,
        adopted_on: None,
        imported_by: None,
    };
    let mut conn = pool.acquire().await.unwrap();
    app::db::document::insert(&mut conn, &source).await.unwrap();
    let again = app::db::document::insert(&mut conn, &source)
        .await
        .unwrap_err();
    assert_eq!(again.status(), 409, "{again:?}");
    let text = again.to_string();
    assert!(text.contains("exists already"), "{text}");
    assert!(!text.contains("document_symbol_key"), "{text}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn pages_answer_503_with_a_friendly_page_when_the_database_is_down(pool: PgPool) {
    let base = spawn_app(pool.clone()).await;
    pool.close().await;
    for path in ["/", "/obligations", "/obligations/1", "/calendar"] {
        let response = reqwest::get(format!("{base}{path}")).await.unwrap();
        assert_eq!(response.status().as_u16(), 503, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("cannot reach its database"), "{path}: {html}");
        assert!(!html.to_lowercase().contains("internal error"), "{path}");
    }
    let (status, _) = call(&client(), &base, "list_calendar", &[]).await;
    assert_eq!(status, 503);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_crafted_error_link_shows_nothing_of_the_attackers_text(pool: PgPool) {
    let base = setup(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    // The error as Leptos encodes it in the address: base64 of the JSON error.
    let forged = "eyJWYWxpZGF0aW9uIjoiQ2FsbCArMSA1NTUgMDEwMCB0byB2ZXJpZnkgeW91ciBhY2NvdW50In0=";
    let link = format!("{base}/obligations/{id}?__path=/api/record_status_change&__err={forged}");
    let visitor = client();
    let response = visitor.get(&link).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, format!("/obligations/{id}"));
    let html = text_of(&visitor, &format!("{base}{location}")).await;
    assert!(!html.contains("555 0100"), "{html}");

    // A following client sees the page without the text too.
    let html = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(!html.contains("555 0100"));
}
