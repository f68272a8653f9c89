//! Mail settings: where mail goes and how the outbox worker retries.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct MailArgs {
    /// The SMTP server, as a URL: `smtp://user:password@host:587?tls=required` (STARTTLS),
    /// `smtps://user:password@host:465` (TLS). Unset: mail is written to `--outbox-dir`.
    #[arg(long, env = "MT_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of every mail.
    #[arg(
        long,
        env = "MT_MAIL_FROM",
        default_value = "Mandate Tracker <mandate-tracker@localhost>"
    )]
    pub mail_from: String,

    /// Where mail is written as `.eml` files when no SMTP server is set.
    #[arg(long, env = "MT_OUTBOX_DIR", default_value = ".data/outbox")]
    pub outbox_dir: PathBuf,

    /// Tries before a mail is given up (and shown as failed to administrators).
    #[arg(long, env = "MT_MAIL_ATTEMPTS", default_value_t = 12,
          value_parser = clap::value_parser!(i32).range(1..=100))]
    pub mail_attempts: i32,

    /// Seconds before the first retry; each later wait doubles, up to 15 minutes.
    #[arg(long, env = "MT_MAIL_RETRY_SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(i64).range(1..=3600))]
    pub mail_retry_seconds: i64,

    /// Seconds a worker holds a mail it is sending; a mail whose worker died is sent again
    /// after this.
    #[arg(long, env = "MT_MAIL_LEASE_SECONDS", default_value_t = 300,
          value_parser = clap::value_parser!(i64).range(1..=86400))]
    pub mail_lease_seconds: i64,

    /// Milliseconds between looks at the outbox when nothing wakes the worker.
    #[arg(long, env = "MT_MAIL_POLL_MS", default_value_t = 2000,
          value_parser = clap::value_parser!(u64).range(10..=600_000))]
    pub mail_poll_ms: u64,
    /// The hour (UTC) from which each day's digests are composed.
    #[arg(long, env = "MT_DIGEST_HOUR", default_value_t = 6,
          value_parser = clap::value_parser!(u32).range(0..=23))]
    pub digest_hour: u32,
}

/// `mandate-tracker digest send`.
#[derive(Debug, Clone, Args)]
pub struct DigestArgs {
    /// Print the digests that are due, and write and send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// `scheme://host[:port]` of the site, for the links in the digests.
    #[arg(
        long,
        env = "MT_PUBLIC_ORIGIN",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_origin: String,

    /// As `serve --at-risk-days`.
    #[arg(long, env = "MT_AT_RISK_DAYS", default_value_t = app::domain::DEFAULT_WINDOW_DAYS)]
    pub at_risk_days: i64,

    #[command(flatten)]
    pub mail: MailArgs,
}

impl MailArgs {
    /// The domain of the sender's address, for `Message-ID`s.
    pub fn message_domain(&self) -> String {
        let address = self.mail_from.rsplit('<').next().unwrap_or(&self.mail_from);
        address
            .rsplit('@')
            .next()
            .map(|d| d.trim_end_matches('>').trim().to_owned())
            .filter(|d| {
                !d.is_empty()
                    && d.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            })
            .unwrap_or_else(|| "mandate-tracker.invalid".into())
    }
}
