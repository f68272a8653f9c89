//! Where logins live: the `user_session` table, behind `tower-sessions`' store trait.
//!
//! `tower-sessions-sqlx-store` would do the same, but it turns on sqlx's `time` feature, which
//! makes every compile-checked query in this project return `time` types instead of `chrono`
//! ones; these few queries are the smaller cost. Owning them also lets the store keep two
//! promises that a generic store does not:
//!
//! - An ended login stays ended. `tower-sessions` saves the record at the end of every request
//!   (the layer's always-save, which makes the inactivity expiry count from the last request).
//!   A request that was already running when the user logged out, changed password or was
//!   disabled would write the deleted row back with an upsert. Here `save` only updates a row
//!   that still exists; only `create` (a new login, after the id is renewed) inserts.
//! - A login ends at the latest `lifetime` after it began (`created_at`), however busy its
//!   cookie is kept; the inactivity expiry (`expiry_date`) ends it earlier when it lies idle.

use app::db::login as db;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tower_sessions::cookie::time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

#[derive(Debug, Clone)]
pub struct PgLoginStore {
    pool: PgPool,
    /// The absolute lifetime of a login, in seconds (a float for `make_interval`).
    lifetime_seconds: f64,
}

impl PgLoginStore {
    /// A store whose logins last at most `lifetime` from the moment they began.
    pub fn new(pool: PgPool, lifetime: std::time::Duration) -> Self {
        Self {
            pool,
            lifetime_seconds: lifetime.as_secs_f64(),
        }
    }
}

fn backend(err: app::error::AppError) -> session_store::Error {
    session_store::Error::Backend(err.to_string())
}

fn to_chrono(at: OffsetDateTime) -> Result<DateTime<Utc>, session_store::Error> {
    DateTime::from_timestamp(at.unix_timestamp(), at.nanosecond())
        .ok_or_else(|| session_store::Error::Encode(format!("expiry {at} is out of range")))
}

fn encode(
    record: &Record,
) -> Result<(String, serde_json::Value, DateTime<Utc>), session_store::Error> {
    let data = serde_json::to_value(&record.data)
        .map_err(|err| session_store::Error::Encode(err.to_string()))?;
    Ok((record.id.to_string(), data, to_chrono(record.expiry_date)?))
}

#[async_trait]
impl SessionStore for PgLoginStore {
    /// Inserts a new login, drawing another random id in the (astronomically unlikely) case
    /// that the id is taken, so one login can never overwrite another. Its lifetime counts
    /// from now.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let (id, data, expiry) = encode(record)?;
            let inserted = db::insert(&self.pool, &id, &data, expiry)
                .await
                .map_err(backend)?;
            if inserted {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates the login's data and inactivity expiry, and never inserts: a row that is gone
    /// was ended (logout, new password, disabled account, expiry) by another request while
    /// this one ran, and must stay gone. The cookie this request sends back is then worthless.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let (id, data, expiry) = encode(record)?;
        db::update(&self.pool, &id, &data, expiry)
            .await
            .map_err(backend)?;
        Ok(())
    }

    /// The login if it exists, has not been idle too long and has not outlived its lifetime.
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = db::find_live(&self.pool, &id.to_string(), self.lifetime_seconds)
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data = serde_json::from_value(row.data)
            .map_err(|err| session_store::Error::Decode(err.to_string()))?;
        let expiry_date = OffsetDateTime::from_unix_timestamp(row.expiry_date.timestamp())
            .map_err(|err| session_store::Error::Decode(err.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        db::delete(&self.pool, &id.to_string())
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for PgLoginStore {
    /// Deletes logins that lay idle too long or outlived their lifetime.
    async fn delete_expired(&self) -> session_store::Result<()> {
        db::delete_expired(&self.pool, self.lifetime_seconds)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
