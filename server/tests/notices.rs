#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Staff notices, with mail through a real SMTP server (aiosmtpd): an obligation made someone's
//! (not when they make it theirs themselves), a followed obligation's status change (not to
//! its author), each turned off by its owner; at-risk notices once per deadline; and the
//! staff panel's refusals.

use app::mail::MailContext;
use app::mail::notice::warn_at_risk;
use server::database::MIGRATOR;
use sqlx::PgPool;
use std::sync::Arc;

mod common;
use common::smtp::{SmtpSink, body_of, free_port, header, temp_dir};
use common::{STAFF, call, client, create_user, log_in, obligation_at, status_form, text_of};

const FOCAL: &str = "focal.point@unodc.org";

/// (recipient, subject) of every notice in the outbox, oldest first.
async fn notices(pool: &PgPool) -> Vec<(String, String)> {
    sqlx::query_as("select recipient, subject from outbox where kind = 'notice' order by id")
        .fetch_all(pool)
        .await
        .unwrap()
}

fn assign(id: i64, office: &str, focal_point: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", id.to_string()),
        ("office", office.into()),
        ("focal_point", focal_point.into()),
    ]
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn assignments_and_status_changes_reach_the_staff_who_want_them(pool: PgPool) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let base = common::setup_with(&pool, &["--smtp-url", &url, "--mail-poll-ms", "50"]).await;
    let me: i64 = sqlx::query_scalar("select id from app_user where email = $1")
        .bind(STAFF)
        .fetch_one(&pool)
        .await
        .unwrap();
    let focal = create_user(&pool, FOCAL, app::auth::Role::Editor).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    // Nobody without a login sees or changes the panel.
    let visitor = client();
    let (status, _) = call(&visitor, &base, "get_work_panel", &[("id", id.to_string())]).await;
    assert_eq!(status, 401);
    let (status, _) = call(
        &visitor,
        &base,
        "assign_obligation",
        &assign(id, "UNODC", ""),
    )
    .await;
    assert_eq!(status, 401);

    for endpoint in ["get_notice_settings", "save_notice_settings"] {
        let (status, _) = call(&visitor, &base, endpoint, &[("followed", "yes".into())]).await;
        assert_eq!(status, 401, "{endpoint}");
    }
    let staff = client();
    log_in(&staff, &base, STAFF).await;
    let page = text_of(&staff, &format!("{base}/obligations/{id}")).await;
    assert!(page.contains("Office and focal point") && page.contains("Follow this obligation"));
    assert!(
        page.contains(&format!("<option value=\"{focal}\"")),
        "{page}"
    );
    // Making it one's own: no mail to oneself.
    let (status, body) = call(
        &staff,
        &base,
        "assign_obligation",
        &assign(id, "UNODC", &me.to_string()),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(notices(&pool).await.is_empty());
    // Refusals: each a 4xx with a sentence, nothing changed.
    let long = "x".repeat(201);
    for (form, expected) in [
        (assign(id, "UNODC", "abc"), 422),
        (assign(id, &long, ""), 422),
        (assign(id, "UNODC", "999999"), 422),
        (assign(999_999, "UNODC", ""), 404),
    ] {
        let (status, body) = call(&staff, &base, "assign_obligation", &form).await;
        assert_eq!(status, expected, "{form:?}: {body}");
    }
    let events: i64 = sqlx::query_scalar("select count(*) from assignment_event")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(events, 1);

    // Made someone else's: they are told, and follow it from now on.
    let office = "UNODC, Division for Treaty Affairs";
    let (status, body) = call(
        &staff,
        &base,
        "assign_obligation",
        &assign(id, office, &focal.to_string()),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let row: (Option<String>, Option<i64>) =
        sqlx::query_as("select office, focal_point_id from obligation where id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(row, (Some(office.into()), Some(focal)));
    // Delegations see which office answers for it.
    let page = common::text_of(&visitor, &format!("{base}/obligations/{id}")).await;
    assert!(
        page.contains("Responsible office") && page.contains(office),
        "{page}"
    );
    let mails = sink.wait_for(1, 20).await;
    assert_eq!(header(&mails[0], "To").unwrap(), FOCAL);
    let subject = header(&mails[0], "Subject").unwrap();
    assert!(subject.starts_with("Assigned to you: "), "{subject}");
    let text = body_of(&mails[0]);
    assert!(text.contains("made you the focal point"), "{text}");
    assert!(
        text.contains(&format!("{base}/obligations/{id}")) && text.contains("/account/notices")
    );

    // A status change reaches the followers but not its author (who follows it too).
    let (status, body) = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 1, "in_preparation"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mails = sink.wait_for(2, 20).await;
    let told: Vec<_> = notices(&pool).await;
    assert_eq!(told.len(), 2, "{told:?}");
    assert_eq!(told[1].0, FOCAL);
    assert!(told[1].1.starts_with("In preparation: "), "{told:?}");
    let changed = mails
        .iter()
        .map(|m| body_of(m))
        .find(|t| t.contains("changed status"))
        .unwrap();
    assert!(
        changed.contains("from Pending to In preparation"),
        "{changed}"
    );

    // The focal point turns these notices off: the next change tells nobody.
    let focal_client = client();
    log_in(&focal_client, &base, FOCAL).await;
    let page = text_of(&focal_client, &format!("{base}/account/notices")).await;
    assert!(page.contains("name=\"followed\"") && page.contains("checked"));
    let (status, body) = call(
        &focal_client,
        &base,
        "save_notice_settings",
        &[("assigned", "yes".into()), ("at_risk", "yes".into())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = call(
        &staff,
        &base,
        "record_status_change",
        &status_form(id, 2, "submitted"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(notices(&pool).await.len(), 2);
    // Following and unfollowing; a visitor cannot.
    let follow = |client, answer: &'static str| {
        let form = [("id", id.to_string()), ("follow", answer.to_string())];
        let base = base.clone();
        async move { call(client, &base, "follow_obligation", &form).await.0 }
    };
    assert_eq!(follow(&focal_client, "no").await, 200);
    assert_eq!(follow(&focal_client, "maybe").await, 422);
    assert_eq!(follow(&visitor, "yes").await, 401);
    let follows: Vec<i64> = sqlx::query_scalar("select user_id from obligation_follow order by 1")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(follows, [me]);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn focal_points_are_warned_once_per_deadline_when_theirs_come_at_risk(pool: PgPool) {
    common::load_demo_data(&pool).await;
    let focal = create_user(&pool, FOCAL, app::auth::Role::Editor).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    sqlx::query("update obligation set focal_point_id = $1 where id = $2")
        .bind(focal)
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let mail = MailContext {
        site_url: "https://tracker.example".into(),
        message_domain: "tracker.example".into(),
        written: Arc::new(tokio::sync::Notify::new()),
    };
    let today = chrono::Utc::now().date_naive();
    // The session is far off: nothing is at risk.
    assert_eq!(warn_at_risk(&pool, &mail, today, 14).await.unwrap(), 0);
    // The session moves so that the report must be submitted in three days.
    sqlx::query(
        "update session s set opens_on = current_date + 3 + 7 * b.submission_lead_weeks,
                closes_on = current_date + 8 + 7 * b.submission_lead_weeks
           from body b where b.id = s.body_id and b.code = 'CCPCJ' and s.number = 29",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(warn_at_risk(&pool, &mail, today, 14).await.unwrap(), 1);
    assert_eq!(
        warn_at_risk(&pool, &mail, today, 14).await.unwrap(),
        0,
        "once per deadline"
    );
    let tomorrow = today.succ_opt().unwrap();
    assert_eq!(
        warn_at_risk(&pool, &mail, tomorrow, 14).await.unwrap(),
        0,
        "and not daily"
    );
    let told = notices(&pool).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, FOCAL);
    assert!(
        told[0].1.starts_with("At risk, due in 3 days: "),
        "{told:?}"
    );
    let text: String = sqlx::query_scalar("select text_body from outbox")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(text.contains("https://tracker.example/obligations/") && text.contains("Submit by"));
    // Others of that session made theirs, but at-risk notices turned off: nothing.
    sqlx::query("update obligation set focal_point_id = $1 where focal_point_id is null and session_id = (select session_id from obligation where id = $2)")
        .bind(focal)
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("update app_user set notify_at_risk = false where id = $1")
        .bind(focal)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(warn_at_risk(&pool, &mail, today, 14).await.unwrap(), 0);
}
