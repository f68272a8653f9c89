//! Where login sessions live: the `user_session` table, behind `tower-sessions`' store trait.
//!
//! `tower-sessions-sqlx-store` would do the same, but it turns on sqlx's `time` feature, which
//! makes every compile-checked query in this project return `time` types instead of `chrono`
//! ones; these five queries are the smaller cost.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tower_sessions::cookie::time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

#[derive(Debug, Clone)]
pub struct PgLoginStore {
    pool: PgPool,
}

impl PgLoginStore {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

fn backend(err: sqlx::Error) -> session_store::Error {
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
    /// Inserts a new session, drawing another random id in the (astronomically unlikely) case
    /// that the id is taken, so one session can never overwrite another.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let (id, data, expiry) = encode(record)?;
            let inserted = sqlx::query!(
                "insert into user_session (id, data, expiry_date) values ($1, $2, $3)
                 on conflict (id) do nothing",
                id,
                data,
                expiry
            )
            .execute(&self.pool)
            .await
            .map_err(backend)?
            .rows_affected();
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let (id, data, expiry) = encode(record)?;
        sqlx::query!(
            "insert into user_session (id, data, expiry_date) values ($1, $2, $3)
             on conflict (id) do update set data = excluded.data,
                                            expiry_date = excluded.expiry_date",
            id,
            data,
            expiry
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    /// The session if it exists and has not expired.
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = sqlx::query!(
            "select data, expiry_date from user_session where id = $1 and expiry_date > now()",
            id.to_string()
        )
        .fetch_optional(&self.pool)
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
        sqlx::query!("delete from user_session where id = $1", id.to_string())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for PgLoginStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        sqlx::query!("delete from user_session where expiry_date <= now()")
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
