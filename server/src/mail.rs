//! Sending mail: over SMTP when `--smtp-url` is set, else as `.eml` files in `--outbox-dir`
//! (the `make run` default, so a new user can read every mail without a mail server).
//!
//! Mail is never sent from a request: it is written to the outbox (`app::db::outbox`) in the
//! transaction of what caused it, and [`worker`] sends it.

pub mod worker;

use crate::settings::MailArgs;
use anyhow::Context;
use app::db::outbox::ClaimedMail;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

/// Where mail goes.
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// Why a mail was not sent, and whether trying again could help.
#[derive(Debug)]
pub struct SendError {
    pub text: String,
    /// The mail server refused the mail for good (a 5xx answer): no retry.
    pub permanent: bool,
}

impl Mailer {
    /// The transport the settings name. The SMTP URL follows lettre's form:
    /// `smtp://user:password@host:587?tls=required` (STARTTLS), `smtps://user:password@host:465`
    /// (TLS), `smtp://127.0.0.1:2525` (no encryption: a server on this machine only).
    pub fn from_settings(args: &MailArgs) -> anyhow::Result<Self> {
        match &args.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("MT_SMTP_URL is not an SMTP URL (smtp://… or smtps://…)")?
                    .timeout(Some(Duration::from_secs(30)))
                    .pool_config(PoolConfig::new().max_size(worker::AT_ONCE as u32))
                    .build();
                Ok(Mailer::Smtp(transport))
            }
            // The folder is made when the first mail is written.
            None => Ok(Mailer::Files(
                AsyncFileTransport::new(&args.outbox_dir),
                args.outbox_dir.clone(),
            )),
        }
    }

    /// One line saying where mail goes, for the server's start-up message.
    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp(_) => "mail is sent over SMTP (MT_SMTP_URL)".into(),
            Mailer::Files(_, dir) => format!(
                "no SMTP server set (MT_SMTP_URL): mail is written as .eml files to {}",
                dir.display()
            ),
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|err| SendError {
                permanent: err.is_permanent(),
                text: err.to_string(),
            }),
            Mailer::Files(files, dir) => {
                let written = match tokio::fs::create_dir_all(dir).await {
                    Ok(()) => files
                        .send(message)
                        .await
                        .map(drop)
                        .map_err(|e| e.to_string()),
                    Err(err) => Err(format!("cannot create {}: {err}", dir.display())),
                };
                written.map_err(|text| SendError {
                    permanent: false,
                    text,
                })
            }
        }
    }
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.trim_matches(['<', '>']).to_owned()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): mail programs may
/// unsubscribe with one POST to the `List-Unsubscribe` address, without opening a page.
#[derive(Clone)]
struct OneClick;

impl Header for OneClick {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}

/// The message of an outbox row, with the `Message-ID` it keeps for every try.
pub fn message(from: &Mailbox, mail: &ClaimedMail) -> Result<Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|err| format!("the address {:?} cannot be used: {err}", mail.recipient))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()));
    if let Some(url) = &mail.unsubscribe_url {
        builder = builder
            .header(ListUnsubscribe(url.clone()))
            .header(OneClick);
    }
    let built = match &mail.html_body {
        Some(html) => builder.multipart(MultiPart::alternative_plain_html(
            mail.text_body.clone(),
            html.clone(),
        )),
        None => builder.singlepart(SinglePart::plain(mail.text_body.clone())),
    };
    built.map_err(|err| format!("the mail cannot be built: {err}"))
}
