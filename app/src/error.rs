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
    #[error("internal error; it has been logged")]
    Internal,
    #[error("could not reach the server: {0}")]
    Transport(String),
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
