#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Administrators add bodies and change them on `/calendar`, over HTTP against the real
//! application; everyone else is refused and nothing changes.

use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{ADMIN, STAFF, call, client, log_in, setup, text_of};

type Form = Vec<(&'static str, String)>;

fn new_body(code: &str, name: &str, kind: &str, cadence: &str) -> Form {
    vec![
        ("code", code.into()),
        ("name", name.into()),
        ("kind", kind.into()),
        ("cadence_years", cadence.into()),
    ]
}

async fn bodies(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select count(*) from body")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn administrators_add_and_change_bodies_and_no_one_else_does(pool: PgPool) {
    let base = setup(&pool).await;
    let before = bodies(&pool).await;
    let cosp = new_body(
        "cosp",
        "Conference of the Parties to the Convention against Corruption",
        "commission",
        "1",
    );
    let editor = client();
    log_in(&editor, &base, STAFF).await;
    assert_eq!(call(&client(), &base, "add_body", &cosp).await.0, 401);
    assert_eq!(call(&editor, &base, "add_body", &cosp).await.0, 403);
    assert_eq!(bodies(&pool).await, before);

    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    for (form, expected) in [
        (
            new_body(
                "C",
                "Conference of the Parties to the Convention against Corruption",
                "commission",
                "1",
            ),
            "acronym must",
        ),
        (
            new_body("COSP", " ", "commission", "1"),
            "Enter the body's name",
        ),
        (
            new_body(
                "COSP",
                "Conference of the Parties to the Convention against Corruption",
                "club",
                "1",
            ),
            "kind of body",
        ),
        (
            new_body(
                "COSP",
                "Conference of the Parties to the Convention against Corruption",
                "commission",
                "0",
            ),
            "years between",
        ),
        (
            new_body("CCPCJ", "Another name", "commission", "1"),
            "already a body",
        ),
    ] {
        let (status, body) = call(&admin, &base, "add_body", &form).await;
        assert_eq!(status, 422, "{form:?}: {body}");
        assert!(body.contains(expected), "{body}");
    }
    assert_eq!(bodies(&pool).await, before, "refusals store nothing");
    let (status, id) = call(&admin, &base, "add_body", &cosp).await;
    assert_eq!(status, 200, "{id}");
    let calendar = text_of(&client(), &format!("{base}/calendar")).await;
    assert!(
        calendar.contains("Conference of the Parties to the Convention against Corruption (COSP)"),
        "{calendar}"
    );

    // Renamed, made an expert group meeting every two years; its acronym stays.
    let change = |name: &str, cadence: &str| {
        vec![
            ("body_id", id.clone()),
            ("name", name.to_string()),
            ("kind", "expert_group".to_string()),
            ("cadence_years", cadence.to_string()),
        ]
    };
    assert_eq!(
        call(&editor, &base, "change_body", &change("X", "2"))
            .await
            .0,
        403
    );
    let (status, body) = call(
        &admin,
        &base,
        "change_body",
        &change("Anti-Corruption Group", "2"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let row: (String, String, String, i32) =
        sqlx::query_as("select code, name, kind, cadence_years from body where id = $1")
            .bind(id.parse::<i64>().unwrap())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        row,
        (
            "COSP".into(),
            "Anti-Corruption Group".into(),
            "expert_group".into(),
            2
        )
    );
    // Texts that use the old name still find the body.
    let alias: i64 = sqlx::query_scalar(
        "select body_id from body_alias where alias = 'Conference of the Parties to the Convention against Corruption'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(alias.to_string(), id);
    let taken = change("Commission on Crime Prevention and Criminal Justice", "1");
    let (status, body) = call(&admin, &base, "change_body", &taken).await;
    assert_eq!((status, body.contains("called")), (422, true), "{body}");
    let mut unknown = change("Nobody", "1");
    unknown[0].1 = "999999".into();
    assert_eq!(call(&admin, &base, "change_body", &unknown).await.0, 404);
    // The administrator's calendar has the forms.
    let page = text_of(&admin, &format!("{base}/calendar")).await;
    assert!(
        page.contains("Add a body") && page.contains("Change the COSP"),
        "{page}"
    );
}
