//! Staff accounts.

use crate::auth::{CurrentUser, EmailAddress, Role};
use sqlx::PgConnection;

/// A user as the login needs it: the stored hash and whether the account may log in.
pub struct LoginRow {
    pub user: CurrentUser,
    pub password_hash: String,
}

fn current(id: i64, email: String, display_name: String, role: &str) -> Option<CurrentUser> {
    match role.parse::<Role>() {
        Ok(role) => Some(CurrentUser {
            id,
            email,
            display_name,
            role,
        }),
        Err(err) => {
            tracing::error!(id, %err, "user with an unknown role; treated as logged out");
            None
        }
    }
}

/// An enabled account by id (the session's user), or `None`.
pub async fn active_user(pool: &sqlx::PgPool, id: i64) -> Result<Option<CurrentUser>, sqlx::Error> {
    let row = sqlx::query!(
        "select id, email, display_name, role from app_user where id = $1 and disabled_at is null",
        id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| current(r.id, r.email, r.display_name, &r.role)))
}

/// An enabled account by email, with its password hash, for logging in.
pub async fn login_row(
    pool: &sqlx::PgPool,
    email: &EmailAddress,
) -> Result<Option<LoginRow>, sqlx::Error> {
    let row = sqlx::query!(
        "select id, email, display_name, role, password_hash from app_user
          where email = $1 and disabled_at is null",
        email.as_str()
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        current(r.id, r.email, r.display_name, &r.role).map(|user| LoginRow {
            user,
            password_hash: r.password_hash,
        })
    }))
}

/// Why an account could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account for {0} already exists")]
    Exists(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Creates an account with an already hashed password; returns its id. On a connection, so an
/// accepted invitation creates its account in the transaction that spends it.
pub async fn create_user(
    conn: &mut PgConnection,
    email: &EmailAddress,
    display_name: &str,
    role: Role,
    password_hash: &str,
) -> Result<i64, CreateUserError> {
    sqlx::query_scalar!(
        "insert into app_user (email, display_name, role, password_hash) values ($1, $2, $3, $4)
         on conflict on constraint app_user_email_key do nothing
         returning id",
        email.as_str(),
        display_name.trim(),
        role.as_str(),
        password_hash
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| CreateUserError::Exists(email.to_string()))
}

/// Ends every login account `id` has open, in the caller's transaction: after a password
/// change (so a password changed after a leak also logs out whoever used it) and when the
/// account is disabled. The login data is the JSON object tower-sessions keeps:
/// {"user_id": <id>}. Requests of the ended logins that are running now cannot write them back
/// (the login store only updates rows, see `server::login_store`).
pub async fn end_logins(conn: &mut PgConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "delete from user_session where data->>'user_id' = ($1::bigint)::text",
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces an account's password hash and ends every login the account has open
/// ([`end_logins`]); returns whether the account exists. One transaction, so the new password
/// and the ended logins land together.
pub async fn set_password_hash(
    pool: &sqlx::PgPool,
    email: &EmailAddress,
    password_hash: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let changed = sqlx::query_scalar!(
        "update app_user set password_hash = $2 where email = $1 returning id",
        email.as_str(),
        password_hash
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = changed {
        end_logins(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(changed.is_some())
}

/// Disables an account (it keeps its name in the history it wrote) and ends every login it has
/// open, as [`set_password_hash`] does; returns whether the account exists. Disabling twice
/// keeps the first date.
pub async fn disable_user(pool: &sqlx::PgPool, email: &EmailAddress) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let disabled = sqlx::query_scalar!(
        "update app_user set disabled_at = coalesce(disabled_at, now()) where email = $1
         returning id",
        email.as_str()
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = disabled {
        end_logins(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(disabled.is_some())
}

/// Whether an account (enabled or not) has this e-mail address.
pub async fn email_taken(pool: &sqlx::PgPool, email: &EmailAddress) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select exists (select 1 from app_user where email = $1) as "exists!""#,
        email.as_str()
    )
    .fetch_one(pool)
    .await
}
