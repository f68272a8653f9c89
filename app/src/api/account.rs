//! Logging in and out.

use crate::auth::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The logged-in user, or `None` for a visitor (delegations browse without an account).
#[server(endpoint = "get_current_user")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    crate::auth::login::current_user().await
}

/// Checks the email and password and starts a session, then sends the browser to `next` (a
/// path on this site) or to the obligations. Unknown addresses and wrong passwords get the
/// same answer after the same work, so the form does not reveal who has an account.
#[server(endpoint = "log_in")]
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
    let Some(user) = user.filter(|_| verified) else {
        tracing::info!("refused a login");
        return Err(AppError::InvalidCredentials);
    };
    crate::auth::login::log_in(&user).await?;
    tracing::info!(user = user.id, "logged in");
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(user)
}

/// Ends the session and returns to the front page.
#[server(endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    crate::auth::login::log_out().await?;
    leptos_axum::redirect("/");
    Ok(())
}
