//! The transactional outbox (migration `20261205000010`): mail is written in the transaction of
//! what caused it and sent later by the server's worker, which claims rows with a lease.

use crate::model::outbox::OutboxMail;
use sqlx::{PgConnection, PgPool};

/// What a mail is for (the outbox's `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Confirmation,
    Digest,
    Notice,
    Test,
}

impl MailKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            MailKind::Confirmation => "confirmation",
            MailKind::Digest => "digest",
            MailKind::Notice => "notice",
            MailKind::Test => "test",
        }
    }
}

/// A mail to write to the outbox.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub kind: MailKind,
    /// At most one mail per key (`digest:<subscription>:<period>`); `None`: no such limit.
    pub dedupe_key: Option<String>,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: Option<String>,
    /// The one-click unsubscribe address, for the `List-Unsubscribe` headers.
    pub unsubscribe_url: Option<String>,
}

/// A mail claimed for sending.
#[derive(Debug, Clone)]
pub struct ClaimedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub message_id: String,
    /// Tries so far, this one included.
    pub attempts: i32,
}

/// Writes `mail` with `conn` (in the caller's transaction), with a random `Message-ID` at
/// `domain` that every try keeps. `None`: a mail with its dedupe key exists already.
pub async fn enqueue(
    conn: &mut PgConnection,
    mail: &NewMail,
    domain: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar!(
        "insert into outbox (kind, dedupe_key, recipient, subject, text_body, html_body,
                             unsubscribe_url, message_id)
         values ($1, $2, $3, $4, $5, $6, $7,
                 '<' || replace(gen_random_uuid()::text, '-', '') || '@' || $8 || '>')
         on conflict (dedupe_key) do nothing
         returning id",
        mail.kind.as_str(),
        mail.dedupe_key,
        mail.recipient,
        mail.subject,
        mail.text_body,
        mail.html_body,
        mail.unsubscribe_url,
        domain,
    )
    .fetch_optional(conn)
    .await
}

/// Claims up to `limit` mails that are due (queued and their time has come, or claimed by a
/// worker whose lease has ended), each for `lease_seconds`. Rows another worker is claiming are
/// skipped, never waited for.
pub async fn claim(
    pool: &PgPool,
    limit: i64,
    lease_seconds: i64,
) -> Result<Vec<ClaimedMail>, sqlx::Error> {
    sqlx::query_as!(
        ClaimedMail,
        "with due as (
             select id from outbox
              where state in ('queued', 'sending') and next_attempt_at <= now()
              order by next_attempt_at, id
              limit $1
              for update skip locked)
         update outbox o
            set state = 'sending', attempts = o.attempts + 1,
                claimed_until = now() + make_interval(secs => $2),
                next_attempt_at = now() + make_interval(secs => $2)
           from due
          where o.id = due.id
         returning o.id, o.recipient, o.subject, o.text_body, o.html_body, o.unsubscribe_url,
                   o.message_id, o.attempts",
        limit,
        lease_seconds as f64,
    )
    .fetch_all(pool)
    .await
}

/// Records that mail `id` was accepted by the mail server.
pub async fn mark_sent(pool: &PgPool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update outbox set state = 'sent', sent_at = now(), claimed_until = null, last_error = null
          where id = $1 and state = 'sending'",
        id
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Records a failed try of mail `id`: tried again in `retry_in_seconds`, or, with `None`,
/// given up (`failed`, shown to administrators).
pub async fn mark_failed_try(
    pool: &PgPool,
    id: i64,
    error: &str,
    retry_in_seconds: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update outbox
            set state = case when $3::float8 is null then 'failed' else 'queued' end,
                next_attempt_at = now() + make_interval(secs => coalesce($3, 0)),
                claimed_until = null, last_error = left($2, 2000)
          where id = $1 and state = 'sending'",
        id,
        error,
        retry_in_seconds.map(|s| s as f64),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The most recent mails, newest first, optionally of one state.
pub async fn recent(
    pool: &PgPool,
    state: Option<&str>,
    limit: i64,
) -> Result<Vec<OutboxMail>, sqlx::Error> {
    sqlx::query_as!(
        OutboxMail,
        "select id, kind, recipient, subject, text_body, state, attempts, last_error, created_at,
                sent_at
           from outbox
          where $1::text is null or state = $1
          order by created_at desc, id desc
          limit $2",
        state,
        limit,
    )
    .fetch_all(pool)
    .await
}

/// How many mails are in each state: (queued, sending, sent, failed).
pub async fn counts(pool: &PgPool) -> Result<(i64, i64, i64, i64), sqlx::Error> {
    let row = sqlx::query!(
        r#"select count(*) filter (where state = 'queued') as "queued!",
                  count(*) filter (where state = 'sending') as "sending!",
                  count(*) filter (where state = 'sent') as "sent!",
                  count(*) filter (where state = 'failed') as "failed!"
             from outbox"#
    )
    .fetch_one(pool)
    .await?;
    Ok((row.queued, row.sending, row.sent, row.failed))
}
