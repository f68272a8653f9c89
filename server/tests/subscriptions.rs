#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Email subscriptions over HTTP, with mail through a real SMTP server (aiosmtpd): subscribe,
//! the confirmation mail, confirm, manage, one-click unsubscribe; refusals and throttling.

use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;
use common::smtp::{SmtpSink, free_port, temp_dir};
use common::{client, load_demo_data, spawn_app_with};

async fn setup(pool: &PgPool, sink: &SmtpSink) -> String {
    load_demo_data(pool).await;
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    spawn_app_with(pool.clone(), &["--smtp-url", &url, "--mail-poll-ms", "50"]).await
}

fn form(email: &str, horizon: &str) -> Vec<(&'static str, String)> {
    vec![
        ("email", email.into()),
        ("cadence", "weekly".into()),
        ("weekday", "1".into()),
        ("horizon", horizon.into()),
    ]
}

/// The plain-text part of a received message.
fn text_of_mail(raw: &str) -> String {
    let message = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .unwrap();
    message.body_text(0).unwrap().into_owned()
}

/// The first link in `text` that starts with `start`.
fn link(text: &str, start: &str) -> String {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {text}"));
    text[at..].split_whitespace().next().unwrap().to_owned()
}

async fn state_of(pool: &PgPool, email: &str) -> Vec<String> {
    sqlx::query_scalar("select state from subscription where email = $1 order by id")
        .bind(email)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_delegate_subscribes_confirms_manages_and_unsubscribes_in_one_click(pool: PgPool) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let base = setup(&pool, &sink).await;
    let browser = client();
    let page = browser
        .get(format!("{base}/subscribe?body=ccpcj&status=pending"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("body “ccpcj”, status “pending”"), "{page}");
    assert!(page.contains("action=\"/subscribe?body=ccpcj&amp;status=pending\""));
    let sent = browser
        .post(format!("{base}/subscribe?body=ccpcj&status=pending"))
        .form(&form("Delegate@Mission.Example", "4"))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 303);
    assert_eq!(sent.headers()["location"], "/subscriptions/sent");
    assert_eq!(
        state_of(&pool, "delegate@mission.example").await,
        ["pending"]
    );
    // The confirmation mail, through the SMTP server.
    let mails = sink.wait_for(1, 20).await;
    assert_eq!(mails.len(), 1);
    let text = text_of_mail(&mails[0]);
    assert!(
        text.contains("every Monday") && text.contains("status “pending”"),
        "{text}"
    );
    let confirm = link(&text, &format!("{base}/subscriptions/confirm?token="));
    // Opening the link (as a mail scanner would) confirms nothing; pressing the button does.
    let opened = browser.get(&confirm).send().await.unwrap();
    assert_eq!(opened.status(), 200);
    assert!(opened.text().await.unwrap().contains("Confirm"));
    assert_eq!(
        state_of(&pool, "delegate@mission.example").await,
        ["pending"]
    );
    let confirmed = browser.post(&confirm).send().await.unwrap();
    assert_eq!(confirmed.status(), 303);
    let manage = confirmed.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        manage.starts_with("/subscriptions/manage?token=") && manage.ends_with("&notice=confirmed")
    );
    assert_eq!(
        state_of(&pool, "delegate@mission.example").await,
        ["active"]
    );
    // The link cannot be used twice.
    assert_eq!(browser.post(&confirm).send().await.unwrap().status(), 404);
    let page = browser.get(format!("{base}{manage}")).send().await.unwrap();
    assert_eq!(page.headers()["cache-control"], "no-store");
    let page = page.text().await.unwrap();
    assert!(
        page.contains("delegate@mission.example")
            && page.contains("Your subscription is confirmed")
    );
    assert!(page.contains("every Monday, deadlines in the next 4 weeks"));
    let token: String = sqlx::query_scalar("select manage_token from subscription")
        .fetch_one(&pool)
        .await
        .unwrap();
    let manage_url = format!("{base}/subscriptions/manage?token={token}");
    // The manage form holds the filter's fields too; a filter that makes no sense is refused by
    // its field, with what was typed kept and nothing changed.
    assert!(page.contains("name=\"status\"") && page.contains("Which obligations"));
    let mut change = form("", "8");
    change[1].1 = "daily".into();
    change.extend([
        ("body", "ccpcj".into()),
        ("session", "twenty".into()),
        ("q", "".into()),
        ("action", "pause".into()),
    ]);
    let refused = browser
        .post(&manage_url)
        .form(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("id=\"session-error\"") && refused.contains("value=\"twenty\""));
    assert!(refused.contains("href=\"#session\""), "{refused}");
    change[5].1 = "29".into();
    let saved = browser
        .post(&manage_url)
        .form(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let row: (String, String, i16, serde_json::Value) =
        sqlx::query_as("select state, cadence, horizon_weeks, filter from subscription")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((&row.0[..], &row.1[..], row.2), ("paused", "daily", 8));
    assert_eq!(row.3["body"], "ccpcj");
    assert_eq!(row.3["session"], "29");
    assert!(
        row.3["status"].is_null() && row.3["q"].is_null(),
        "{}",
        row.3
    );
    let page = browser
        .get(&manage_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("body “ccpcj”, session “29”"), "{page}");
    // One click, as RFC 8058 has mail programs do it: a POST with no cookie and no page.
    let one_click = format!("{base}/subscriptions/unsubscribe?token={token}");
    for _ in 0..2 {
        let gone = common::plain_client()
            .post(&one_click)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(gone.status(), 200);
        assert!(gone.text().await.unwrap().contains("You are unsubscribed"));
    }
    assert!(state_of(&pool, "delegate@mission.example").await.is_empty());
    assert_eq!(browser.get(&manage_url).send().await.unwrap().status(), 404);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_refused_form_lists_every_problem_by_its_field_and_keeps_what_was_typed(pool: PgPool) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let base = setup(&pool, &sink).await;
    let refused = client()
        .post(format!("{base}/subscribe?body=ccpcj"))
        .form(&form("not an address", "99"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("<title>Error: Email me these deadlines"),
        "{page}"
    );
    assert!(page.contains("There is a problem"));
    assert!(page.contains("href=\"#email\"") && page.contains("href=\"#horizon\""));
    assert!(page.contains("id=\"email-error\"") && page.contains("id=\"horizon-error\""));
    assert!(page.contains("value=\"not an address\"") && page.contains("value=\"99\""));
    let bad_filter = client()
        .post(format!("{base}/subscribe?status=bogus"))
        .form(&form("delegate@mission.example", "4"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_filter.status(), 422);
    assert!(
        bad_filter
            .text()
            .await
            .unwrap()
            .contains("The list's filter cannot be used")
    );
    let written: i64 = sqlx::query_scalar(
        "select (select count(*) from subscription) + (select count(*) from outbox)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(written, 0, "nothing written for a refused form");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn requests_get_one_answer_are_throttled_per_address_and_expire_unconfirmed(pool: PgPool) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let base = setup(&pool, &sink).await;
    let mut answers = Vec::new();
    for _ in 0..4 {
        let answer = client()
            .post(format!("{base}/subscribe?body=ccpcj"))
            .form(&form("delegate@mission.example", "4"))
            .send()
            .await
            .unwrap();
        answers.push((
            answer.status().as_u16(),
            answer.headers().get("location").cloned(),
        ));
    }
    // The same answer for a new address and one with requests already: nothing is revealed.
    assert!(answers[..3].iter().all(|a| a == &answers[0]) && answers[0].0 == 303);
    assert_eq!(answers[3].0, 429, "the fourth request within the hour");
    assert_eq!(state_of(&pool, "delegate@mission.example").await.len(), 3);
    // Unconfirmed past its time: the link no longer works, and the request is deleted.
    sqlx::query("update subscription set confirm_by = now() - interval '1 minute'")
        .execute(&pool)
        .await
        .unwrap();
    let mails = sink.wait_for(3, 20).await;
    let confirm = link(
        &text_of_mail(&mails[0]),
        &format!("{base}/subscriptions/confirm?token="),
    );
    let expired = client().post(&confirm).send().await.unwrap();
    assert_eq!(expired.status(), 404);
    assert!(
        expired
            .text()
            .await
            .unwrap()
            .contains("does not work any more")
    );
    assert_eq!(
        app::db::subscription::delete_expired(&pool).await.unwrap(),
        3
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn subscribing_again_to_the_same_filter_changes_the_subscription_instead_of_doubling_it(
    pool: PgPool,
) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let base = setup(&pool, &sink).await;
    // The same list twice (once with a blank field and a page, as the finder's form sends it),
    // and a different one.
    for (query, horizon) in [
        ("body=ccpcj&status=pending", "4"),
        ("body=ccpcj&status=pending&q=&page=2", "12"),
        ("body=ga", "4"),
    ] {
        let sent = client()
            .post(format!("{base}/subscribe?{query}"))
            .form(&form("delegate@mission.example", horizon))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 303);
    }
    let mut texts: Vec<String> = sink
        .wait_for(3, 20)
        .await
        .iter()
        .map(|m| text_of_mail(m))
        .collect();
    // Confirmed in the order asked: the 12-week request last.
    texts.sort_by_key(|text| text.contains("12 weeks"));
    assert!(texts[2].contains("12 weeks"), "{texts:?}");
    let mut places = Vec::new();
    for text in &texts {
        let confirm = link(text, &format!("{base}/subscriptions/confirm?token="));
        let confirmed = client().post(&confirm).send().await.unwrap();
        assert_eq!(confirmed.status(), 303);
        places.push(confirmed.headers()["location"].to_str().unwrap().to_owned());
    }
    let rows: Vec<(serde_json::Value, i16, String)> = sqlx::query_as(
        "select filter, horizon_weeks, state from subscription order by filter->>'body'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0["body"], "ccpcj");
    // The later choice is kept, and both confirmations lead to the same manage page.
    assert_eq!((rows[0].1, &rows[0].2[..]), (12, "active"));
    let ccpcj: Vec<&String> = places
        .iter()
        .filter(|p| places.iter().filter(|q| q == p).count() == 2)
        .collect();
    assert_eq!(ccpcj.len(), 2, "{places:?}");
}
