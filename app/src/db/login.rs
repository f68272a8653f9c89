//! The `user_session` table: one row per login (the word "session" is the meeting's in this
//! code; the table keeps its name). The store in `server::login_store` drives these.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use sqlx::types::JsonValue;

/// A login as stored: what it holds and when it lapses if left idle.
#[derive(Debug, Clone, PartialEq)]
pub struct LoginRow {
    pub data: JsonValue,
    pub expiry_date: DateTime<Utc>,
}

/// Inserts a new login whose lifetime counts from now; `false` when the id is taken.
pub async fn insert(
    pool: &PgPool,
    id: &str,
    data: &JsonValue,
    expiry: DateTime<Utc>,
) -> Result<bool, AppError> {
    let inserted = sqlx::query!(
        "insert into user_session (id, data, expiry_date, created_at)
         values ($1, $2, $3, now())
         on conflict (id) do nothing",
        id,
        data,
        expiry
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// Updates a login's data and inactivity expiry; never inserts (an ended login stays ended).
pub async fn update(
    pool: &PgPool,
    id: &str,
    data: &JsonValue,
    expiry: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!(
        "update user_session set data = $2, expiry_date = $3 where id = $1",
        id,
        data,
        expiry
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The login if it exists, has not lain idle too long and began less than `lifetime_seconds`
/// ago.
pub async fn find_live(
    pool: &PgPool,
    id: &str,
    lifetime_seconds: f64,
) -> Result<Option<LoginRow>, AppError> {
    Ok(sqlx::query_as!(
        LoginRow,
        "select data, expiry_date from user_session
          where id = $1 and expiry_date > now()
            and created_at > now() - make_interval(secs => $2)",
        id,
        lifetime_seconds
    )
    .fetch_optional(pool)
    .await?)
}

/// Ends one login.
pub async fn delete(pool: &PgPool, id: &str) -> Result<(), AppError> {
    sqlx::query!("delete from user_session where id = $1", id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes logins that lay idle too long or outlived their lifetime.
pub async fn delete_expired(pool: &PgPool, lifetime_seconds: f64) -> Result<(), AppError> {
    sqlx::query!(
        "delete from user_session
          where expiry_date <= now() or created_at <= now() - make_interval(secs => $1)",
        lifetime_seconds
    )
    .execute(pool)
    .await?;
    Ok(())
}
