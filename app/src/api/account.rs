//! Logging in and out.

use crate::auth::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The logged-in user, or `None` for a visitor (delegations browse without an account).
#[server(endpoint = "get_current_user")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    crate::auth::login::current_user().await
}

/// Checks the email and password and starts a session, then sends the browser to `next` (a
/// path on this site) or to the obligations. Unknown addresses and wrong passwords get the
/// same answer after the same work, so the form does not reveal who has an account. Attempts
/// are throttled per account and per address before they get here (`server::routes::throttle`).
#[server(endpoint = "log_in")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn log_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<CurrentUser, AppError> {
    use crate::auth::password::verify_password;
    use crate::auth::{EmailAddress, safe_next};

    let pool = crate::db::pool()?;
    let row = match EmailAddress::parse(&email) {
        Ok(email) => crate::db::user::login_row(&pool, &email).await?,
        Err(_) => None,
    };
    let (stored, user) = match row {
        Some(row) => (Some(row.password_hash), Some(row.user)),
        None => (None, None),
    };
    let verified = verify_password(stored, password).await;
    let address = crate::auth::login::client_address();
    let Some(user) = user.filter(|_| verified) else {
        // Who was tried and from where, for spotting guessing (never the password). Debug
        // formatting escapes control characters, so a crafted address cannot forge log lines.
        let account: String = email.trim().chars().take(100).collect();
        tracing::warn!(account = ?account, address = ?address, "refused a login");
        return Err(AppError::InvalidCredentials);
    };
    crate::auth::login::log_in(&user).await?;
    tracing::info!(user = user.id, address = ?address, "logged in");
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(user)
}

/// Ends the session and returns to the front page.
#[server(endpoint = "log_out")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn log_out() -> Result<(), AppError> {
    crate::auth::login::log_out().await?;
    leptos_axum::redirect("/");
    Ok(())
}
