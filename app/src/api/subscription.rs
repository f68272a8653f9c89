//! Email subscriptions, no account needed. The forms are plain posts to the server's routes
//! (`server/src/routes/subscriptions.rs`), which call the functions of [`forms`] and, when a
//! form is refused, show it again with every problem by its field and what was typed.
//!
//! Nobody learns from these answers whether an address is subscribed: a request always gets
//! the same "check your inbox" answer, and only the mail goes to the address.

use crate::error::AppError;
use crate::model::subscription::SubscriptionView;
use leptos::prelude::*;

/// The subscription a manage link's token names (the token is the only key).
#[server(endpoint = "get_subscription")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_subscription(token: String) -> Result<SubscriptionView, AppError> {
    let pool = crate::db::pool()?;
    let row = crate::db::subscription::by_manage_token(&pool, token.trim())
        .await?
        .ok_or_else(gone)?;
    Ok(SubscriptionView {
        email: row.email,
        filter_words: crate::domain::subscription::filter_words(&row.filter),
        filter_href: row.filter.href(None),
        filter: row.filter.clone(),
        cadence: row.cadence,
        horizon_weeks: row.horizon_weeks,
        send_empty: row.send_empty,
        paused: row.state == "paused",
    })
}

/// What an unknown, used or expired link gets.
pub fn gone() -> AppError {
    AppError::NotFound(
        "This link does not work any more: the subscription was cancelled, or the link was \
         mistyped or has expired. You can subscribe again from any list of obligations."
            .into(),
    )
}

#[cfg(feature = "ssr")]
pub mod forms {
    use super::gone;
    use crate::db::{outbox, subscription};
    use crate::domain::subscription::{FieldError, SubscriptionForm, subscription_filter};
    use crate::error::AppError;
    use crate::mail::{CONFIRM_WITHIN_DAYS, MailContext, confirmation};
    use crate::model::finder::FinderQuery;
    use sha2::{Digest, Sha256};
    use sqlx::PgPool;

    /// Why a form was not taken.
    #[derive(Debug)]
    pub enum Refusal {
        /// Fields to correct, each with its message.
        Fields(Vec<FieldError>),
        Failed(AppError),
    }

    impl<E: Into<AppError>> From<E> for Refusal {
        fn from(err: E) -> Self {
            Refusal::Failed(err.into())
        }
    }

    /// A new random token: 256 bits, as 64 hexadecimal digits.
    fn new_token() -> String {
        hex::encode(rand::random::<[u8; 32]>())
    }

    fn sha256(token: &str) -> Vec<u8> {
        Sha256::digest(token.trim().as_bytes()).to_vec()
    }

    /// A subscription request: checked, written as pending with its confirmation mail in one
    /// transaction. The same answer whether or not the address is subscribed already.
    pub async fn request(
        pool: &PgPool,
        mail: &MailContext,
        form: &SubscriptionForm,
        filter: &FinderQuery,
    ) -> Result<(), Refusal> {
        let filter = subscription_filter(filter);
        let mut problems = Vec::new();
        if let Err(err) = filter.check() {
            problems.push(FieldError::new(
                "filter",
                format!("The list's filter cannot be used: {}", err.message),
            ));
        }
        let choice = match form.check() {
            Ok(choice) if problems.is_empty() => choice,
            Ok(_) => return Err(Refusal::Fields(problems)),
            Err(mut more) => {
                problems.append(&mut more);
                return Err(Refusal::Fields(problems));
            }
        };
        let token = new_token();
        let mut tx = pool.begin().await?;
        subscription::create_pending(
            &mut tx,
            &choice,
            &filter,
            &sha256(&token),
            CONFIRM_WITHIN_DAYS,
        )
        .await?;
        let letter = confirmation(&mail.site_url, &choice, &filter, &token);
        outbox::enqueue(&mut tx, &letter, &mail.message_domain).await?;
        tx.commit().await?;
        mail.written.notify_one();
        tracing::info!("a subscription was requested");
        Ok(())
    }

    /// Confirms a request by its confirmation token; the subscription's manage token.
    pub async fn confirm(pool: &PgPool, token: &str) -> Result<String, AppError> {
        subscription::confirm(pool, &sha256(token))
            .await?
            .ok_or_else(gone)
    }

    /// Saves the manage form: the filter, cadence, horizon, empty digests, and pause or resume.
    pub async fn change(
        pool: &PgPool,
        token: &str,
        form: &SubscriptionForm,
        filter: &FinderQuery,
        paused: bool,
    ) -> Result<(), Refusal> {
        let filter = subscription_filter(filter);
        let checked = filter
            .check()
            .map_err(|err| FieldError::new(err.field, err.message));
        let (cadence, horizon) = match (form.settings(), checked) {
            (Ok(settings), Ok(_)) => settings,
            (settings, checked) => {
                let mut problems: Vec<FieldError> = checked.err().into_iter().collect();
                problems.extend(settings.err().into_iter().flatten());
                return Err(Refusal::Fields(problems));
            }
        };
        let send_empty = form.send_empty.is_some();
        let settings = subscription::Settings {
            filter: &filter,
            cadence,
            horizon_weeks: horizon,
            send_empty,
            paused,
        };
        if subscription::change(pool, token.trim(), &settings).await? {
            Ok(())
        } else {
            Err(Refusal::Failed(gone()))
        }
    }

    /// Unsubscribes; repeating it (a second click, a mail program's retry) is not an error.
    pub async fn unsubscribe(pool: &PgPool, token: &str) -> Result<(), AppError> {
        if subscription::delete(pool, token.trim()).await? {
            tracing::info!("a subscription was cancelled");
        }
        Ok(())
    }
}
