//! One error type for every server function and handler.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// What can go wrong when the client asks the server for something.
///
/// Internal causes are logged on the server and replaced by a generic message, so database
/// text or file paths never reach a browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("please log in")]
    Unauthenticated,
    #[error("the email address or the password is wrong")]
    InvalidCredentials,
    #[error("you are not allowed to do this")]
    Forbidden,
    #[error("not found: {0}")]
    NotFound(String),
    #[error("invalid input: {0}")]
    Validation(String),
    #[error("conflict: {0}")]
    Conflict(String),
    /// Login attempts were throttled; the number is the seconds to wait (also `Retry-After`).
    #[error("too many login attempts; please try again in {}", wait_in_words(*.0))]
    TooManyAttempts(u64),
    #[error("internal error; it has been logged")]
    Internal,
    #[error("could not reach the server: {0}")]
    Transport(String),
}

/// "1 second", "45 seconds", "20 minutes": a wait as a person reads it, rounded up.
fn wait_in_words(seconds: u64) -> String {
    match seconds {
        1 => "1 second".into(),
        0..90 => format!("{seconds} seconds"),
        _ => format!("{} minutes", seconds.div_ceil(60)),
    }
}

impl AppError {
    /// The HTTP status this error is sent with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound(_) => 404,
            AppError::Validation(_) => 422,
            AppError::Conflict(_) => 409,
            AppError::TooManyAttempts(_) => 429,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Arguments the server could not read (a missing field, "abc" for a number) are the
    /// caller's mistake and say so; anything else went wrong on the way.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(detail) => {
                AppError::Validation(format!("the request's fields cannot be read: {detail}"))
            }
            ServerFnErrorErr::MissingArg(field) => {
                AppError::Validation(format!("the field '{field}' is missing"))
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound("no such record".into()),
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

/// Gives a server function's error its HTTP status (401, 403, 404, 409, 422...) instead of the
/// generic 500 server functions answer with, so API clients can tell a conflict from a crash.
///
/// A plain HTML form post (no JavaScript) is left alone: Leptos answers it with a redirect back
/// to the form's page carrying the error, and a status here would replace that redirect.
#[cfg(feature = "ssr")]
pub fn with_status(err: AppError) -> AppError {
    use leptos::prelude::use_context;
    let form_post = use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::ACCEPT).cloned())
        .and_then(|accept| accept.to_str().ok().map(|a| a.contains("text/html")))
        .unwrap_or(false);
    if !form_post
        && let Some(options) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(err.status())
    {
        options.set_status(status);
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttled_logins_say_how_long_to_wait_in_words() {
        let text = |seconds| AppError::TooManyAttempts(seconds).to_string();
        assert_eq!(
            text(1),
            "too many login attempts; please try again in 1 second"
        );
        assert!(text(45).ends_with("in 45 seconds"));
        assert!(text(1200).ends_with("in 20 minutes"));
        assert!(text(61 * 60 + 1).ends_with("in 62 minutes"));
        assert_eq!(AppError::TooManyAttempts(5).status(), 429);
    }
}
