//! The outbox worker: claims due mail (`for update skip locked`, with a lease), sends it, and
//! records the outcome; a failed try is retried with a growing wait, and a mail is given up,
//! loudly, after `--mail-attempts` tries or when the mail server refuses it for good.
//!
//! Delivery is at least once: a worker killed between the mail server's acceptance and the
//! `sent` mark leaves the row claimed; when its lease ends another worker sends it again, under
//! the same `Message-ID`. Two workers on one database never hold one row at once.

use super::{Mailer, message};
use crate::settings::MailArgs;
use app::db::outbox::{self, ClaimedMail};
use futures_util::StreamExt;
use lettre::message::Mailbox;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Mails claimed at a time.
const BATCH: i64 = 100;
/// Mails sent side by side, each over its own SMTP connection (the transport keeps this many
/// open): a mail server answers each mail's end of data only after it has taken it, so one
/// connection at a time leaves both sides waiting.
pub const AT_ONCE: usize = 16;

/// How the worker sends and retries.
#[derive(Clone)]
pub struct Worker {
    pool: PgPool,
    mailer: Arc<Mailer>,
    from: Mailbox,
    attempts: i32,
    lease_seconds: i64,
    first_retry_seconds: i64,
    poll: Duration,
    wake: Arc<Notify>,
}

impl Worker {
    pub fn new(pool: PgPool, mailer: Mailer, args: &MailArgs) -> anyhow::Result<Self> {
        let from = args.mail_from.parse().map_err(|err| {
            anyhow::anyhow!(
                "MT_MAIL_FROM {:?} is not a mail address: {err}",
                args.mail_from
            )
        })?;
        Ok(Self {
            pool,
            mailer: Arc::new(mailer),
            from,
            attempts: args.mail_attempts,
            lease_seconds: args.mail_lease_seconds,
            first_retry_seconds: args.mail_retry_seconds,
            poll: Duration::from_millis(args.mail_poll_ms),
            wake: Arc::new(Notify::new()),
        })
    }

    /// Wakes the worker now (mail was just written) instead of at its next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// What wakes the worker, for code that writes mail.
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// Sends due mail until the pool closes.
    pub fn spawn(self) {
        tokio::spawn(async move {
            loop {
                match self.send_due().await {
                    Ok(0) => {
                        let _ = tokio::time::timeout(self.poll, self.wake.notified()).await;
                    }
                    Ok(_) => {}
                    Err(sqlx::Error::PoolClosed) => return,
                    Err(err) => {
                        tracing::warn!(error = %err, "cannot read the outbox");
                        tokio::time::sleep(self.poll).await;
                    }
                }
            }
        });
    }

    /// Claims one batch of due mail and sends it; the number of mails tried.
    pub async fn send_due(&self) -> Result<usize, sqlx::Error> {
        let batch = outbox::claim(&self.pool, BATCH, self.lease_seconds).await?;
        let tried = batch.len();
        let outcomes: Vec<Result<(), sqlx::Error>> = futures_util::stream::iter(batch)
            .map(|mail| self.send_one(mail))
            .buffer_unordered(AT_ONCE)
            .collect()
            .await;
        outcomes.into_iter().collect::<Result<(), _>>()?;
        Ok(tried)
    }

    async fn send_one(&self, mail: ClaimedMail) -> Result<(), sqlx::Error> {
        let sent = match message(&self.from, &mail) {
            Ok(message) => self.mailer.send(message).await.map_err(|err| {
                let permanent = err.permanent;
                (err.text, permanent)
            }),
            Err(text) => Err((text, true)),
        };
        match sent {
            Ok(()) => outbox::mark_sent(&self.pool, mail.id).await,
            Err((text, permanent)) if permanent || mail.attempts >= self.attempts => {
                tracing::error!(id = mail.id, recipient = %mail.recipient, attempts = mail.attempts,
                                error = %text, "gave up sending a mail (see the outbox page)");
                outbox::mark_failed_try(&self.pool, mail.id, &text, None).await
            }
            Err((text, _)) => {
                let wait = retry_wait(self.first_retry_seconds, mail.attempts);
                tracing::warn!(id = mail.id, attempts = mail.attempts, retry_in_seconds = wait,
                               error = %text, "a mail was not sent; trying again later");
                outbox::mark_failed_try(&self.pool, mail.id, &text, Some(wait)).await
            }
        }
    }
}

/// The wait after try `attempts`: `first`, then doubling, at most 15 minutes (so a mail server
/// down for an hour is tried about ten times, and the mail goes out soon after it is back).
pub fn retry_wait(first: i64, attempts: i32) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(0);
    first.saturating_mul(1 << doublings).min(15 * 60)
}

#[cfg(test)]
mod tests {
    use super::retry_wait;

    #[test]
    fn waits_double_up_to_a_quarter_of_an_hour() {
        let waits: Vec<i64> = (1..=8).map(|n| retry_wait(30, n)).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(retry_wait(1, 1), 1);
    }
}
