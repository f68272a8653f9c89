//! Email subscriptions (migration `20261205000020`): pending until confirmed, then active or
//! paused; deleted when unsubscribed or left unconfirmed.

use crate::domain::subscription::{Cadence, SubscriptionChoice};
use crate::model::finder::FinderQuery;
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};

/// A subscription as its manage page and its digests need it.
#[derive(Debug, Clone)]
pub struct SubscriptionRow {
    pub id: i64,
    pub email: String,
    pub filter: FinderQuery,
    pub cadence: Cadence,
    pub horizon_weeks: i16,
    pub send_empty: bool,
    pub state: String,
    pub manage_token: String,
}

struct Stored {
    id: i64,
    email: String,
    filter: Json<FinderQuery>,
    cadence: String,
    weekday: Option<i16>,
    horizon_weeks: i16,
    send_empty: bool,
    state: String,
    manage_token: String,
}

impl Stored {
    fn row(self) -> Option<SubscriptionRow> {
        let cadence = Cadence::from_columns(&self.cadence, self.weekday);
        if cadence.is_none() {
            tracing::error!(id = self.id, cadence = %self.cadence, "a subscription with an unknown cadence");
        }
        Some(SubscriptionRow {
            id: self.id,
            email: self.email,
            filter: self.filter.0,
            cadence: cadence?,
            horizon_weeks: self.horizon_weeks,
            send_empty: self.send_empty,
            state: self.state,
            manage_token: self.manage_token,
        })
    }
}

/// Writes a pending subscription with `conn` (in the transaction that also writes its
/// confirmation mail); confirmable for `days` days with the token whose SHA-256 is given.
/// Returns its id.
pub async fn create_pending(
    conn: &mut PgConnection,
    choice: &SubscriptionChoice,
    filter: &FinderQuery,
    confirm_sha256: &[u8],
    days: i32,
) -> Result<i64, sqlx::Error> {
    let (cadence, weekday) = choice.cadence.columns();
    sqlx::query_scalar!(
        "insert into subscription (email, filter, cadence, weekday, horizon_weeks, send_empty,
                                   confirm_token_sha256, confirm_by)
         values ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8))
         returning id",
        choice.email,
        Json(filter) as _,
        cadence,
        weekday,
        choice.horizon_weeks,
        choice.send_empty,
        confirm_sha256,
        days,
    )
    .fetch_one(conn)
    .await
}

/// Confirms the pending subscription of a confirmation token (by its SHA-256), if it has not
/// expired; its manage token, or `None` for an unknown, used or expired token.
pub async fn confirm(pool: &PgPool, confirm_sha256: &[u8]) -> Result<Option<String>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let Some(new) = sqlx::query!(
        "update subscription
            set state = 'active', confirmed_at = now(), confirm_token_sha256 = null,
                confirm_by = null
          where confirm_token_sha256 = $1 and state = 'pending' and confirm_by > now()
          returning id, email, filter, manage_token",
        confirm_sha256
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    // The same address and filter subscribed already: that subscription takes the new choices
    // (and is resumed), so one address never gets two copies of one digest; its links stay.
    let merged = sqlx::query_scalar!(
        "with new as (select * from subscription where id = $1)
         update subscription s
            set cadence = new.cadence, weekday = new.weekday,
                horizon_weeks = new.horizon_weeks, send_empty = new.send_empty, state = 'active'
           from new
          where s.id = (select min(id) from subscription
                         where email = $2 and filter = $3 and state <> 'pending' and id <> $1)
         returning s.manage_token",
        new.id,
        new.email,
        new.filter
    )
    .fetch_optional(&mut *tx)
    .await?;
    if merged.is_some() {
        sqlx::query!("delete from subscription where id = $1", new.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Some(merged.unwrap_or(new.manage_token)))
}

/// The confirmed subscription of a manage token.
pub async fn by_manage_token(
    pool: &PgPool,
    token: &str,
) -> Result<Option<SubscriptionRow>, sqlx::Error> {
    let stored = sqlx::query_as!(
        Stored,
        r#"select id, email, filter as "filter: Json<FinderQuery>", cadence, weekday,
                  horizon_weeks, send_empty, state, manage_token
             from subscription
            where manage_token = $1 and state <> 'pending'"#,
        token
    )
    .fetch_optional(pool)
    .await?;
    Ok(stored.and_then(Stored::row))
}

/// What the manage form sets.
pub struct Settings<'a> {
    pub filter: &'a FinderQuery,
    pub cadence: Cadence,
    pub horizon_weeks: i16,
    pub send_empty: bool,
    pub paused: bool,
}

/// Changes a confirmed subscription's filter, cadence, horizon and empty-digest choice, and
/// pauses or resumes it; `false` when the token names none.
pub async fn change(pool: &PgPool, token: &str, new: &Settings<'_>) -> Result<bool, sqlx::Error> {
    let (cadence, weekday) = new.cadence.columns();
    let done = sqlx::query!(
        "update subscription
            set cadence = $2, weekday = $3, horizon_weeks = $4, send_empty = $5,
                state = case when $6 then 'paused' else 'active' end, filter = $7
          where manage_token = $1 and state <> 'pending'",
        token,
        cadence,
        weekday,
        new.horizon_weeks,
        new.send_empty,
        new.paused,
        Json(new.filter) as _,
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the confirmed subscription of a manage token; `false` when there is none (already
/// unsubscribed: the same answer, so repeating the one-click POST is harmless).
pub async fn delete(pool: &PgPool, token: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "delete from subscription where manage_token = $1 and state <> 'pending'",
        token
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the requests left unconfirmed past their time; how many.
pub async fn delete_expired(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query!("delete from subscription where state = 'pending' and confirm_by <= now()")
            .execute(pool)
            .await?;
    Ok(done.rows_affected())
}
