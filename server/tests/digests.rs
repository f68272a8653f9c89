#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Digests composed from real data and delivered through a real SMTP server (aiosmtpd): the
//! right obligations grouped by session, changes marked, the unsubscribe headers, one digest a
//! day however many composers run, empty digests only when asked for, and the CLI's dry run.

use app::db::obligation::change_status;
use app::domain::{Status, StatusChange};
use app::mail::MailContext;
use app::mail::digest::compose_due;
use chrono::{Datelike, Utc};
use server::database::MIGRATOR;
use sqlx::PgPool;
use std::sync::Arc;

mod common;
use common::smtp::{SmtpSink, free_port, header, temp_dir};
use common::{load_demo_data, obligation_at, spawn_app_with};

/// An active subscription due today, last sent a day ago; its id.
async fn subscribe(pool: &PgPool, email: &str, filter: serde_json::Value, send_empty: bool) -> i64 {
    let weekday = i16::try_from(Utc::now().date_naive().weekday().number_from_monday()).unwrap();
    sqlx::query_scalar(
        "insert into subscription (email, filter, cadence, weekday, horizon_weeks, send_empty,
                                   state, confirmed_at, last_digest_at)
         values ($1, $2, 'weekly', $3, 26, $4, 'active', now(), now() - interval '1 day')
         returning id",
    )
    .bind(email)
    .bind(filter)
    .bind(weekday)
    .bind(send_empty)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn context(base: &str) -> MailContext {
    MailContext {
        site_url: base.into(),
        message_domain: "test.example".into(),
        written: Arc::new(tokio::sync::Notify::new()),
    }
}

fn parsed(raw: &str) -> (String, String) {
    let message = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .unwrap();
    (
        message.body_text(0).unwrap().into_owned(),
        message.body_html(0).unwrap().into_owned(),
    )
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_days_digest_lists_what_is_due_by_session_marks_changes_and_is_sent_once(pool: PgPool) {
    load_demo_data(&pool).await;
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let sub = subscribe(
        &pool,
        "delegate@mission.example",
        serde_json::json!({"body": "ccpcj"}),
        false,
    )
    .await;
    subscribe(
        &pool,
        "quiet@mission.example",
        serde_json::json!({"q": "zzzunknownword"}),
        false,
    )
    .await;
    subscribe(
        &pool,
        "empty@mission.example",
        serde_json::json!({"q": "zzzunknownword"}),
        true,
    )
    .await;
    change_status(
        &pool,
        id,
        1,
        &StatusChange::new(Status::InPreparation),
        "officer@unodc",
    )
    .await
    .unwrap();
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    // The server composes too (its scheduler's first look is at start): still one a day each.
    let base = spawn_app_with(
        pool.clone(),
        &[
            "--smtp-url",
            &url,
            "--mail-poll-ms",
            "50",
            "--digest-hour",
            "0",
        ],
    )
    .await;
    let today = Utc::now().date_naive();
    compose_due(&pool, &context(&base), today, 21, false)
        .await
        .unwrap();
    let again = compose_due(&pool, &context(&base), today, 21, false)
        .await
        .unwrap();
    assert!(again.is_empty(), "nothing more is due today");
    let mails = sink.wait_for(2, 20).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let mails = if mails.len() < 3 {
        sink.messages()
    } else {
        mails
    };
    let to = |who: &str| {
        mails
            .iter()
            .filter(|m| header(m, "To").as_deref() == Some(who))
            .collect::<Vec<_>>()
    };
    assert!(
        to("quiet@mission.example").is_empty(),
        "no empty digest unless asked for"
    );
    assert_eq!(to("empty@mission.example").len(), 1);
    assert!(
        parsed(to("empty@mission.example")[0])
            .0
            .contains("Nothing is overdue")
    );
    let digest = to("delegate@mission.example");
    assert_eq!(digest.len(), 1, "one digest a day");
    let token: String = sqlx::query_scalar("select manage_token from subscription where id = $1")
        .bind(sub)
        .fetch_one(&pool)
        .await
        .unwrap();
    let subject = header(digest[0], "Subject").unwrap();
    assert!(
        subject.starts_with("Mandate Tracker: ") && subject.contains("overdue"),
        "{subject}"
    );
    assert_eq!(
        header(digest[0], "List-Unsubscribe"),
        Some(format!("<{base}/subscriptions/unsubscribe?token={token}>"))
    );
    let (text, html) = parsed(digest[0]);
    assert!(
        text.contains("Commission on Crime Prevention and Criminal Justice"),
        "{text}"
    );
    assert!(text.contains(&format!("{base}/obligations/{id}")));
    assert!(text.contains("[changed]") && html.contains("Changed:"));
    assert_eq!(
        text.matches("- [changed]").count(),
        1,
        "only the obligation that changed"
    );
    assert!(text.contains("Status: In preparation") && text.contains("overdue by"));
    assert!(text.contains(&format!("{base}/subscriptions/manage?token={token}")));
    let dedupe: i64 =
        sqlx::query_scalar("select count(*) from outbox where dedupe_key like 'digest:%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(dedupe, 2);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_command_prints_the_digests_and_a_dry_run_writes_nothing(pool: PgPool) {
    load_demo_data(&pool).await;
    subscribe(
        &pool,
        "delegate@mission.example",
        serde_json::json!({"body": "ccpcj"}),
        false,
    )
    .await;
    let options = pool.connect_options();
    let url = format!(
        "postgres://{}@{}:{}/{}",
        options.get_username(),
        options.get_host(),
        options.get_port(),
        options.get_database().unwrap()
    );
    let outbox = temp_dir("outbox");
    let run = |dry: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mandate-tracker"));
        command
            .args([
                "digest",
                "send",
                "--public-origin",
                "https://tracker.example",
            ])
            .arg("--outbox-dir")
            .arg(&outbox)
            .env("DATABASE_URL", &url)
            .env_remove("MT_SMTP_URL");
        if dry {
            command.arg("--dry-run");
        }
        command.output().unwrap()
    };
    let dry = run(true);
    let printed = String::from_utf8_lossy(&dry.stdout).into_owned();
    assert!(
        dry.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(
        printed.contains("to delegate@mission.example: Mandate Tracker: ")
            && printed.contains("nothing was written"),
        "{printed}"
    );
    assert!(printed.contains("https://tracker.example/subscriptions/unsubscribe?token="));
    let written: i64 = sqlx::query_scalar("select count(*) from outbox")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(written, 0);
    let sent = run(false);
    let printed = String::from_utf8_lossy(&sent.stdout).into_owned();
    assert!(sent.status.success(), "{printed}");
    assert!(
        printed.contains("1 digests written to the outbox (1 due)"),
        "{printed}"
    );
    let files = std::fs::read_dir(&outbox).unwrap().count();
    assert_eq!(files, 1, "the digest, as an .eml file");
    let state: String = sqlx::query_scalar("select state from outbox")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "sent");
}

/// A subscriber's digest gives a deadline set by date with its day, and a periodic one with
/// its rhythm, as the pages do.
#[sqlx::test(migrator = "MIGRATOR")]
async fn a_digest_gives_date_deadlines_their_day_and_rhythm(pool: PgPool) {
    let today = Utc::now().date_naive();
    let adopted = today - chrono::Days::new(30);
    let text = "The Security Council,\n\nRecalling its previous resolutions,\n\n\
        1. Requests the Secretary-General to report to the Council within 60 days of the \
        adoption of this resolution and every 60 days thereafter on the protection of civilians;\n";
    let extraction = app::extract::extract(text).unwrap();
    common::store_trusted(&pool, "S/2099/1", Some(adopted), &extraction).await;
    subscribe(
        &pool,
        "council@mission.example",
        serde_json::json!({"q": "civilians"}),
        false,
    )
    .await;
    let outcomes = compose_due(&pool, &context("https://tracker.example"), today, 28, true)
        .await
        .unwrap();
    let text = outcomes
        .iter()
        .find_map(|o| o.text.clone())
        .expect("a digest for the subscriber");
    let day = app::domain::calendar::day(adopted + chrono::Days::new(60));
    assert!(
        text.contains(&format!(
            "by {day} (within 60 days of adoption, then every 60 days)"
        )),
        "{text}"
    );
}
