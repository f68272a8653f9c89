//! The login session (who is logged in), as server functions see it. "Session" alone means a
//! meeting of an intergovernmental body in this code base; this module is only about logins.
//!
//! Sessions live in PostgreSQL (`user_session`, managed by `tower-sessions`); the cookie holds
//! only a random id. The session stores the user's id and nothing else, and the user row is
//! read on every request, so disabling an account or changing a role takes effect at once.

use super::{CurrentUser, Role};
use crate::error::AppError;
use tower_sessions::Session;

/// The session key under which the logged-in user's id is kept.
pub const USER_ID_KEY: &str = "user_id";

/// The client's address as the server determined it: the connection's peer, or the address a
/// trusted reverse proxy names in `X-Forwarded-For`. The server's login throttle puts it on
/// the request; failed logins are logged with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The client's address, when the server put one on the request.
pub fn client_address() -> Option<std::net::IpAddr> {
    leptos::prelude::use_context::<http::request::Parts>()?
        .extensions
        .get::<ClientAddress>()
        .map(|address| address.0)
}

/// The request's session (the server's session layer puts it there).
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|err| {
        tracing::error!(error = %err, "no session on the request; is the session layer installed?");
        AppError::Internal
    })
}

/// The user of the page being rendered, read once however many parts of the page ask (the
/// header, the page, its server functions). The server provides one per page request only:
/// server-function requests, which may log in or out, always read the session afresh.
#[derive(Clone, Default)]
pub struct PageUser(std::sync::Arc<tokio::sync::OnceCell<Option<CurrentUser>>>);

/// The logged-in user, if any. An account disabled since login counts as logged out.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    match leptos::prelude::use_context::<PageUser>() {
        Some(page) => page.0.get_or_try_init(read_current_user).await.cloned(),
        None => read_current_user().await,
    }
}

async fn read_current_user() -> Result<Option<CurrentUser>, AppError> {
    user_of(&session().await?, &crate::db::pool()?).await
}

/// The user logged in with `session`, if any (for the server's own routes, which have the
/// session but no page context).
pub async fn user_of(
    session: &Session,
    pool: &sqlx::PgPool,
) -> Result<Option<CurrentUser>, AppError> {
    let id: Option<i64> = session.get(USER_ID_KEY).await.map_err(|err| {
        tracing::error!(error = %err, "cannot read the session");
        AppError::Internal
    })?;
    let Some(id) = id else { return Ok(None) };
    Ok(crate::db::user::active_user(pool, id).await?)
}

/// The caller, who must be logged in, in any role: what staff read (401 otherwise).
pub async fn require_staff() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The caller, who must be logged in with a role that changes obligations (401 when logged out,
/// 403 for viewers).
pub async fn require_editor() -> Result<CurrentUser, AppError> {
    let user = require_staff().await?;
    if user.role.can_edit() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The caller, who must be an administrator (401 when logged out, 403 for other roles).
pub async fn require_admin() -> Result<CurrentUser, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthenticated)?;
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Starts a logged-in session. The session id is renewed first, so an id planted before login
/// (session fixation) is worthless afterwards.
pub async fn log_in(user: &CurrentUser) -> Result<(), AppError> {
    let session = session().await?;
    let failed = |err: tower_sessions::session::Error| {
        tracing::error!(error = %err, "cannot write the session");
        AppError::Internal
    };
    session.cycle_id().await.map_err(failed)?;
    session.insert(USER_ID_KEY, user.id).await.map_err(failed)
}

/// Ends the login: its row is deleted and the cookie expired. Requests of this login that are
/// still running cannot bring it back (the store's `save` only updates existing rows).
pub async fn log_out() -> Result<(), AppError> {
    let session = session().await?;
    session.flush().await.map_err(|err| {
        tracing::error!(error = %err, "cannot delete the session");
        AppError::Internal
    })
}
