#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The three roles over HTTP against the real application: viewers read what staff read and
//! change nothing, editors change obligations, administrators also the calendar; and
//! `/my-work`, the open obligations of one's own and one's office's, most pressing first.

use app::auth::Role;
use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::{
    ADMIN, STAFF, call, client, create_user, log_in, obligation_at, setup, state, status_form,
    text_of,
};

const VIEWER: &str = "reader@unodc.org";

type Form = Vec<(&'static str, String)>;

/// Clients for a visitor, a viewer, an editor and an administrator, in that order.
async fn everyone(pool: &PgPool, base: &str) -> [reqwest::Client; 4] {
    create_user(pool, VIEWER, Role::Viewer).await;
    let clients = [client(), client(), client(), client()];
    for (client, email) in clients[1..].iter().zip([VIEWER, STAFF, ADMIN]) {
        assert_eq!(log_in(client, base, email).await.status(), 200);
    }
    clients
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn each_endpoint_answers_each_role_as_its_rights_say(pool: PgPool) {
    let base = setup(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let clients = everyone(&pool, &base).await;
    let of = |id: i64| vec![("id", id.to_string())];
    let assign = vec![
        ("id", id.to_string()),
        ("office", "UNODC".to_string()),
        ("focal_point", String::new()),
    ];
    let follow = vec![("id", id.to_string()), ("follow", "yes".to_string())];
    let office = vec![("office", "UNODC".to_string())];
    let notices = vec![("assigned", "yes".to_string())];
    let viewer: i64 = sqlx::query_scalar("select id from app_user where email = $1")
        .bind(VIEWER)
        .fetch_one(&pool)
        .await
        .unwrap();
    let role = vec![("id", viewer.to_string()), ("role", "viewer".to_string())];
    let enable = vec![("id", viewer.to_string()), ("enabled", "yes".to_string())];
    let invite = vec![
        ("email", "new.colleague@unodc.org".to_string()),
        ("name", "New Colleague".to_string()),
        ("role", "editor".to_string()),
    ];
    // An open invitation of another address to cancel: the refusals leave it open, the
    // administrator's call cancels it, and cancelling it again is a 200 too.
    let (status, body) = call(
        &clients[3],
        &base,
        "invite_staff",
        &[
            ("email", "leaving.colleague@unodc.org".to_string()),
            ("name", "Leaving Colleague".to_string()),
            ("role", "viewer".to_string()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let invitation: i64 = sqlx::query_scalar("select id from invitation where email = $1")
        .bind("leaving.colleague@unodc.org")
        .fetch_one(&pool)
        .await
        .unwrap();
    let cancel = vec![("id", invitation.to_string())];
    let token = vec![("token", "0".repeat(64))];
    let accept = vec![
        ("token", "0".repeat(64)),
        ("password", "a long enough password".into()),
    ];
    // (endpoint, form, answers of visitor, viewer, editor, administrator); each call can be
    // repeated with the same answer.
    let matrix: [(&str, Form, [u16; 4]); 15] = [
        ("get_obligation", of(id), [200, 200, 200, 200]),
        ("get_work_panel", of(id), [401, 200, 200, 200]),
        ("assign_obligation", assign, [401, 403, 200, 200]),
        ("follow_obligation", follow, [401, 200, 200, 200]),
        ("get_my_work", Vec::new(), [401, 200, 200, 200]),
        ("save_my_office", office, [401, 200, 200, 200]),
        ("get_notice_settings", Vec::new(), [401, 200, 200, 200]),
        ("save_notice_settings", notices, [401, 200, 200, 200]),
        ("list_accounts", Vec::new(), [401, 403, 403, 200]),
        ("change_role", role, [401, 403, 403, 200]),
        ("set_account_enabled", enable, [401, 403, 403, 200]),
        ("invite_staff", invite, [401, 403, 403, 200]),
        ("cancel_invitation", cancel, [401, 403, 403, 200]),
        ("get_invitation", token, [404, 404, 404, 404]),
        ("accept_invitation", accept, [404, 404, 404, 404]),
    ];
    for (endpoint, form, answers) in &matrix {
        for (who, (client, expected)) in clients.iter().zip(answers).enumerate() {
            let (status, body) = call(client, &base, endpoint, form).await;
            assert_eq!(status, *expected, "{endpoint} as role {who}: {body}");
        }
    }
    // The administrator's call, not a refused one, cancelled the invitation.
    let cancelled_by: Option<String> =
        sqlx::query_scalar("select cancelled_by from invitation where id = $1")
            .bind(invitation)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(cancelled_by.as_deref(), Some(ADMIN));
    // A viewer's panel offers no assignment; an editor's does.
    let (_, body) = call(&clients[1], &base, "get_work_panel", &of(id)).await;
    assert!(body.contains("\"can_edit\":false"), "{body}");
    let (_, body) = call(&clients[2], &base, "get_work_panel", &of(id)).await;
    assert!(body.contains("\"can_edit\":true"), "{body}");

    // Status changes: a viewer is refused and nothing is written; an editor's is recorded.
    let (status, body) = call(
        &clients[1],
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!((status, body.contains("Forbidden")), (403, true), "{body}");
    assert_eq!(state(&pool, id).await, ("pending".into(), 1, 0));
    let (status, body) = call(
        &clients[2],
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // The calendar stays the administrators': a viewer is refused before anything is read.
    let (session, version) = common::session(&pool, "CCPCJ", 30).await;
    let move_it = [
        ("id", session.to_string()),
        ("version", version.to_string()),
        ("opens_on", "2021-06-14".to_string()),
        ("state", "planned".to_string()),
    ];
    let (status, _) = call(&clients[1], &base, "change_session", &move_it).await;
    assert_eq!(status, 403);

    // The pages: a viewer reads the obligation with the panel but gets no form to change it.
    let page = text_of(&clients[1], &format!("{base}/obligations/{id}")).await;
    assert!(page.contains("Office and focal point") && page.contains("changes nothing"));
    assert!(!page.contains("Record progress") && !page.contains("Save office and focal point"));
    let page = text_of(&clients[2], &format!("{base}/obligations/{id}")).await;
    assert!(page.contains("Record progress") && page.contains("Save office and focal point"));
}

/// Obligation `id` made `focal_point`'s (or no one's) and assigned to `office`, in `status`.
async fn assign(
    pool: &PgPool,
    id: i64,
    office: Option<&str>,
    focal_point: Option<i64>,
    status: &str,
) {
    sqlx::query(
        "update obligation set office = $2, focal_point_id = $3, status = $4 where id = $1",
    )
    .bind(id)
    .bind(office)
    .bind(focal_point)
    .bind(status)
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn my_work_lists_mine_and_my_offices_open_obligations_most_pressing_first(pool: PgPool) {
    let base = setup(&pool).await;
    let me: i64 = sqlx::query_scalar("select id from app_user where email = $1")
        .bind(STAFF)
        .fetch_one(&pool)
        .await
        .unwrap();
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    // Due at the 29th session (2020): overdue on today's clock; an ongoing activity has no
    // date and comes after it.
    let earlier = obligation_at(&pool, "CCPCJ", 29).await;
    let later: i64 = sqlx::query_scalar("select min(id) from obligation where kind = 'activity'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let others: Vec<i64> = sqlx::query_scalar(
        "select id from obligation where kind = 'report' and id <> $1 order by id limit 2",
    )
    .bind(earlier)
    .fetch_all(&pool)
    .await
    .unwrap();
    let (other, closed) = (others[0], others[1]);
    assign(&pool, later, None, Some(me), "ongoing").await;
    assign(
        &pool,
        earlier,
        Some("Division for Treaty Affairs"),
        None,
        "pending",
    )
    .await;
    assign(&pool, closed, None, Some(me), "withdrawn").await;
    assign(&pool, other, Some("Another Division"), None, "pending").await;

    // Without an office: only what is mine, and the page says how to see the office's.
    let (status, body) = call(&staff, &base, "get_my_work", &[]).await;
    assert_eq!(status, 200, "{body}");
    let work: app::model::work::MyWork = serde_json::from_str(&body).unwrap();
    let listed: Vec<i64> = work
        .rows
        .iter()
        .map(|r| r.obligation.schedule.obligation_id)
        .collect();
    assert_eq!(listed, [later]);
    let page = text_of(&staff, &format!("{base}/my-work")).await;
    assert!(page.contains("Give your office below"), "{page}");

    // With an office (matched without regard to case or spaces): the office's too, overdue
    // longest first; closed and other offices' obligations stay out.
    let office = [("office", "  division for treaty affairs ".to_string())];
    let (status, body) = call(&staff, &base, "save_my_office", &office).await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = call(&staff, &base, "get_my_work", &[]).await;
    let work: app::model::work::MyWork = serde_json::from_str(&body).unwrap();
    assert_eq!(work.office.as_deref(), Some("division for treaty affairs"));
    let listed: Vec<(i64, bool)> = work
        .rows
        .iter()
        .map(|r| (r.obligation.schedule.obligation_id, r.focal_point))
        .collect();
    assert_eq!(listed, [(earlier, false), (later, true)]);
    let page = text_of(&staff, &format!("{base}/my-work")).await;
    assert!(page.contains("2 obligations.") && page.contains("You are its focal point"));
    assert!(page.contains("overdue by"), "{page}");

    // An office too long is refused by name and nothing changes.
    let (status, body) = call(
        &staff,
        &base,
        "save_my_office",
        &[("office", "x".repeat(201))],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("The office"), "{body}");
    let (_, body) = call(&staff, &base, "get_my_work", &[]).await;
    assert!(body.contains("division for treaty affairs"), "{body}");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn internal_notes_are_read_by_staff_only(pool: PgPool) {
    let base = setup(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let clients = everyone(&pool, &base).await;
    let note = |version: i32, to: &str, note: &str, public: &str| {
        let mut form = status_form(id, version, to);
        form.push(("note", note.to_string()));
        form.push(("note_public", public.to_string()));
        form
    };
    for (form, expected) in [
        (
            note(
                1,
                "in_preparation",
                "Waiting for the Member States' replies",
                "maybe",
            ),
            422,
        ),
        (
            note(
                1,
                "in_preparation",
                "Waiting for the Member States' replies",
                "no",
            ),
            200,
        ),
        (
            note(2, "withdrawn", "Overtaken by resolution 75/1", "no"),
            200,
        ),
    ] {
        let (status, body) = call(&clients[2], &base, "record_status_change", &form).await;
        assert_eq!(status, expected, "{body}");
    }
    // Staff of every role read both notes and the reason, marked internal.
    for client in &clients[1..] {
        let page = text_of(client, &format!("{base}/obligations/{id}")).await;
        let marked = "Internal note (staff only): </strong>Waiting for the Member States";
        assert!(page.contains(marked), "{page}");
        assert!(page.contains("Overtaken by resolution 75/1"));
    }
    // Visitors get neither: not on the page, not in its JSON, not in the change feed.
    let page = text_of(&clients[0], &format!("{base}/obligations/{id}")).await;
    assert!(page.contains("Withdrawn"), "{page}");
    assert!(
        !page.contains("Member States' replies") && !page.contains("75/1"),
        "{page}"
    );
    let (_, json) = call(
        &clients[0],
        &base,
        "get_obligation",
        &[("id", id.to_string())],
    )
    .await;
    assert!(
        !json.contains("replies") && !json.contains("Overtaken"),
        "{json}"
    );
    let feed = text_of(&clients[0], &format!("{base}/changes.atom")).await;
    assert!(
        feed.contains("Withdrawn") && !feed.contains("Overtaken"),
        "{feed}"
    );

    // A public note is everyone's.
    let other: i64 = sqlx::query_scalar(
        "select min(id) from obligation where kind = 'report' and status = 'pending'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let mut form = status_form(other, 1, "in_preparation");
    form.push(("note", "Drafting with the Justice Section".into()));
    form.push(("note_public", "yes".into()));
    let (status, body) = call(&clients[3], &base, "record_status_change", &form).await;
    assert_eq!(status, 200, "{body}");
    let page = text_of(&clients[0], &format!("{base}/obligations/{other}")).await;
    assert!(page.contains("Drafting with the Justice Section"), "{page}");
    assert!(!page.contains("Internal note"), "{page}");
}
