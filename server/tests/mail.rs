#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The outbox and its worker against a real SMTP server (aiosmtpd): delivery with the
//! unsubscribe headers, retries while the server is down, two workers, a worker that died.

use app::db::outbox::{self, MailKind, NewMail};
use server::database::MIGRATOR;
use sqlx::PgPool;
use std::time::{Duration, Instant};

mod common;
use common::smtp::{SmtpSink, free_port, header, messages_in, temp_dir};
use common::spawn_app_with;

fn mail(n: usize, recipient: &str) -> NewMail {
    NewMail {
        kind: MailKind::Test,
        dedupe_key: Some(format!("test:{n}")),
        recipient: recipient.into(),
        subject: format!("Deadlines {n}"),
        text_body: format!("Plain text {n}"),
        html_body: Some(format!("<p>HTML {n}</p>")),
        unsubscribe_url: Some(format!(
            "http://127.0.0.1/subscriptions/unsubscribe?token=t{n}"
        )),
    }
}

async fn enqueue(pool: &PgPool, mail: &NewMail) -> i64 {
    let mut conn = pool.acquire().await.unwrap();
    outbox::enqueue(&mut conn, mail, "test.example")
        .await
        .unwrap()
        .expect("a new mail")
}

/// (state, attempts, message_id, last_error) of mail `id`.
async fn row(pool: &PgPool, id: i64) -> (String, i32, String, Option<String>) {
    sqlx::query_as("select state, attempts, message_id, last_error from outbox where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn until_state(pool: &PgPool, id: i64, state: &str, seconds: u64) {
    let started = Instant::now();
    while row(pool, id).await.0 != state {
        assert!(
            started.elapsed() < Duration::from_secs(seconds),
            "mail {id} never became {state}: {:?}",
            row(pool, id).await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn smtp_flags(port: u16) -> Vec<String> {
    vec![
        "--smtp-url".into(),
        format!("smtp://127.0.0.1:{port}"),
        "--mail-poll-ms".into(),
        "50".into(),
        "--mail-retry-seconds".into(),
        "1".into(),
    ]
}

async fn spawn_sending_to(pool: &PgPool, port: u16, more: &[&str]) -> String {
    let mut flags = smtp_flags(port);
    flags.extend(more.iter().map(|f| f.to_string()));
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    spawn_app_with(pool.clone(), &flags).await
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_queued_mail_reaches_the_smtp_server_with_its_unsubscribe_headers(pool: PgPool) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    spawn_sending_to(&pool, sink.port, &[]).await;
    let id = enqueue(&pool, &mail(1, "delegate@mission.example")).await;
    let messages = sink.wait_for(1, 20).await;
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    until_state(&pool, id, "sent", 10).await;
    let (_, attempts, message_id, _) = row(&pool, id).await;
    assert_eq!(attempts, 1);
    assert!(message_id.starts_with('<') && message_id.ends_with("@test.example>"));
    assert_eq!(
        header(message, "Message-ID").as_deref(),
        Some(message_id.as_str())
    );
    assert_eq!(header(message, "Subject").as_deref(), Some("Deadlines 1"));
    assert_eq!(
        header(message, "To").as_deref(),
        Some("delegate@mission.example")
    );
    assert_eq!(
        header(message, "List-Unsubscribe").as_deref(),
        Some("<http://127.0.0.1/subscriptions/unsubscribe?token=t1>")
    );
    assert_eq!(
        header(message, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        header(message, "Content-Type")
            .unwrap()
            .starts_with("multipart/alternative")
    );
    assert!(message.contains("Plain text 1") && message.contains("<p>HTML 1</p>"));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn mail_waits_while_the_smtp_server_is_down_and_arrives_once_when_it_is_back(pool: PgPool) {
    let port = free_port();
    spawn_sending_to(&pool, port, &[]).await;
    let id = enqueue(&pool, &mail(1, "delegate@mission.example")).await;
    // Down: tried, refused, queued again with the error, several times.
    let started = Instant::now();
    loop {
        let (state, attempts, _, error) = row(&pool, id).await;
        if attempts >= 2 && state == "queued" {
            assert!(error.is_some());
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{state} {attempts}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let sink = SmtpSink::start(port, temp_dir("maildir"));
    until_state(&pool, id, "sent", 20).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.messages().len(), 1, "sent once");
    assert_eq!(row(&pool, id).await.3, None, "the last error is cleared");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn two_servers_on_one_database_send_each_mail_once(pool: PgPool) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let other = sqlx::postgres::PgPoolOptions::new()
        .max_connections(5)
        .connect_with((*pool.connect_options()).clone())
        .await
        .unwrap();
    spawn_sending_to(&pool, sink.port, &[]).await;
    spawn_sending_to(&other, sink.port, &[]).await;
    for n in 0..120 {
        enqueue(&pool, &mail(n, &format!("d{n}@mission.example"))).await;
    }
    let messages = sink.wait_for(120, 60).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let messages = if messages.len() < 120 {
        sink.messages()
    } else {
        messages
    };
    let mut ids: Vec<String> = messages
        .iter()
        .map(|m| header(m, "Message-ID").unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!((messages.len(), ids.len()), (120, 120));
    let sent: i64 = sqlx::query_scalar("select count(*) from outbox where state = 'sent'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sent, 120);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_mail_whose_worker_died_is_sent_again_under_the_same_message_id(pool: PgPool) {
    let id = enqueue(&pool, &mail(1, "delegate@mission.example")).await;
    // A worker claims the mail (lease: 1 s) and dies before recording the outcome.
    let claimed = outbox::claim(&pool, 10, 1).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    spawn_sending_to(&pool, sink.port, &[]).await;
    // Not before the lease ends...
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(sink.messages().is_empty());
    // ...then once, under the Message-ID the first try had.
    until_state(&pool, id, "sent", 20).await;
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(
        header(&messages[0], "Message-ID"),
        Some(claimed[0].message_id.clone())
    );
    assert_eq!(row(&pool, id).await.1, 2, "two tries");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_mail_is_given_up_after_its_tries_or_at_once_when_it_cannot_be_sent(pool: PgPool) {
    spawn_sending_to(&pool, free_port(), &["--mail-attempts", "2"]).await;
    let unreachable = enqueue(&pool, &mail(1, "delegate@mission.example")).await;
    let bad = enqueue(&pool, &mail(2, "not an address")).await;
    until_state(&pool, bad, "failed", 10).await;
    let (_, attempts, _, error) = row(&pool, bad).await;
    assert_eq!(attempts, 1, "no retry for a mail that cannot be built");
    assert!(error.unwrap().contains("not an address"));
    until_state(&pool, unreachable, "failed", 20).await;
    assert_eq!(row(&pool, unreachable).await.1, 2);
    let (queued, sending, sent, failed) = outbox::counts(&pool).await.unwrap();
    assert_eq!((queued, sending, sent, failed), (0, 0, 0, 2));
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn without_an_smtp_server_mail_is_written_as_eml_files(pool: PgPool) {
    let dir = temp_dir("outbox");
    let dir_flag = dir.to_string_lossy().into_owned();
    spawn_app_with(
        pool.clone(),
        &["--outbox-dir", &dir_flag, "--mail-poll-ms", "50"],
    )
    .await;
    let id = enqueue(&pool, &mail(1, "delegate@mission.example")).await;
    until_state(&pool, id, "sent", 10).await;
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(files[0].path()).unwrap();
    assert_eq!(header(&text, "Subject").as_deref(), Some("Deadlines 1"));
    assert!(messages_in(&dir).is_empty(), "files, not a Maildir");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_outbox_page_shows_administrators_what_failed_and_why(pool: PgPool) {
    let dir = temp_dir("outbox");
    let dir_flag = dir.to_string_lossy().into_owned();
    let base =
        common::setup_with(&pool, &["--outbox-dir", &dir_flag, "--mail-poll-ms", "50"]).await;
    let bad = enqueue(&pool, &mail(1, "not an address")).await;
    until_state(&pool, bad, "failed", 10).await;
    let admin = common::client();
    common::log_in(&admin, &base, common::ADMIN).await;
    let page = admin
        .get(format!("{base}/outbox?state=failed"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = common::markup(page.text().await.unwrap());
    assert!(
        page.contains("failed: 1") && page.contains("Deadlines 1"),
        "{page}"
    );
    assert!(page.contains("not an address") && page.contains("cannot be used"));
    let staff = common::client();
    common::log_in(&staff, &base, common::STAFF).await;
    assert_eq!(
        staff
            .get(format!("{base}/outbox"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        common::client()
            .get(format!("{base}/outbox"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        admin
            .get(format!("{base}/outbox?state=lost"))
            .send()
            .await
            .unwrap()
            .status(),
        422
    );
}
