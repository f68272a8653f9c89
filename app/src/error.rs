//! One error type for every server function, page and handler.
//!
//! Errors flow with `?`: database errors, workflow refusals and refused input all convert into
//! [`AppError`] through `From`, and [`AppError::status`] is the one place that gives each its
//! HTTP status. The server applies that status to every server-function answer (see the
//! server's `routes::errors`), and [`crate::components::error_alert::PageError`] to every page
//! whose data could not be read, so no call site has to remember it.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// What can go wrong when the client asks the server for something.
///
/// Each message is a sentence a person can act on. Internal causes are logged on the server and
/// replaced by a generic message, so database text or file paths never reach a browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please log in to do this.")]
    Unauthenticated,
    #[error("The email address or the password is wrong.")]
    InvalidCredentials,
    #[error("Your account is not allowed to do this.")]
    Forbidden,
    /// What was not found, as a sentence ("There is no obligation 7.").
    #[error("{0}")]
    NotFound(String),
    /// Input the server refused, as a sentence saying what to change.
    #[error("{0}")]
    Validation(String),
    /// The record changed or exists already, as a sentence saying what to do.
    #[error("{0}")]
    Conflict(String),
    /// Login attempts were throttled; the number is the seconds to wait (also `Retry-After`).
    #[error("Too many login attempts. Please try again in {}.", wait_in_words(*.0))]
    TooManyAttempts(u64),
    #[error("The tracker cannot reach its database just now. Please try again in a few minutes.")]
    Unavailable,
    #[error("Something went wrong on our side. It has been logged; please try again later.")]
    Internal,
    /// The browser could not reach the server or read its answer.
    #[error("The server could not be reached ({0}). Check your connection and try again.")]
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
    /// The HTTP status this error is sent with: the one place statuses are decided.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound(_) => 404,
            AppError::Conflict(_) => 409,
            AppError::Validation(_) => 422,
            AppError::TooManyAttempts(_) => 429,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
            AppError::Unavailable => 503,
        }
    }

    /// A refusal of the caller's input.
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Validation(message.into())
    }

    /// The answer to an edit made on a page that showed an older version of `what`.
    pub fn stale(what: &str) -> Self {
        AppError::Conflict(format!(
            "Someone else changed this {what} after you opened the page. Reload the page to see \
             their change, then try again."
        ))
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Arguments the server could not read (a missing field, "abc" for a number, a body in
    /// another format) are the caller's mistake and say so; anything else went wrong on the way.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Validation(
                    "The form could not be read: a field is missing or holds a value of the \
                     wrong kind (for example text where a number belongs)."
                        .into(),
                )
            }
            ServerFnErrorErr::MissingArg(field) => {
                AppError::Validation(format!("The field '{field}' is missing."))
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    /// A row that is not there is a 404; a database that cannot be reached is a 503; a row that
    /// a unique constraint refuses exists already (SQLSTATE 23505: most often two people making
    /// the same thing at once), a 409, and so is a transaction PostgreSQL undid because it
    /// collided with another (40001, 40P01); a value PostgreSQL refuses is the caller's mistake when
    /// boundary checks let it through (logged, since those checks should have caught it);
    /// anything else is an internal error. The database's own text is logged, never sent.
    fn from(err: sqlx::Error) -> Self {
        use sqlx::Error as E;
        match err {
            E::RowNotFound => AppError::NotFound("That record does not exist.".into()),
            E::PoolTimedOut | E::PoolClosed | E::Io(_) | E::Tls(_) => {
                tracing::error!(error = %err, "database unavailable");
                AppError::Unavailable
            }
            E::Database(db) if db.is_unique_violation() => {
                let constraint = db.constraint();
                tracing::warn!(error = %db, constraint, "a unique constraint refused a row");
                AppError::Conflict(
                    "This exists already: someone may have just made it. Reload the page to \
                     see it, then try again."
                        .into(),
                )
            }
            // A serialization failure or a deadlock (SQLSTATE 40001, 40P01): two requests
            // changed the same rows at once and PostgreSQL undid this one. Nothing was kept,
            // and the same request again will most likely go through.
            E::Database(db)
                if db
                    .code()
                    .is_some_and(|code| code == "40001" || code == "40P01") =>
            {
                tracing::warn!(error = %db, "a transaction collided with another one");
                AppError::Conflict(
                    "Someone else changed the same records at the same moment, so nothing was \
                     saved. Reload the page and try again."
                        .into(),
                )
            }
            E::Database(db) if db.code().is_some_and(|code| code.starts_with("22")) => {
                tracing::warn!(error = %db, "the database refused a value");
                AppError::Validation("One of the values is not accepted (out of range or holding characters that cannot be stored).".into())
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

/// The domain's refusals are sentences written for the person who made the request: each
/// becomes a 422 with its own text.
macro_rules! refusals_are_validation_errors {
    ($($refusal:ty),+ $(,)?) => {$(
        impl From<$refusal> for AppError {
            fn from(err: $refusal) -> Self {
                AppError::Validation(err.to_string())
            }
        }
    )+};
}

refusals_are_validation_errors!(
    crate::domain::TransitionError,
    crate::domain::text::TextError,
    crate::domain::SymbolError,
    crate::domain::calendar::DatesOutOfOrder,
    crate::domain::calendar::LeadTimesOutOfOrder,
    crate::model::finder::FilterError,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttled_logins_say_how_long_to_wait_in_words() {
        let text = |seconds| AppError::TooManyAttempts(seconds).to_string();
        assert_eq!(
            text(1),
            "Too many login attempts. Please try again in 1 second."
        );
        assert!(text(45).ends_with("in 45 seconds."));
        assert!(text(1200).ends_with("in 20 minutes."));
        assert!(text(61 * 60 + 1).ends_with("in 62 minutes."));
        assert_eq!(AppError::TooManyAttempts(5).status(), 429);
    }
}
