//! What the subscription feeds read beyond the finder's rows: the sessions a set of obligations
//! is due at (`/obligations.ics`) and their latest status changes (`/changes.atom`).

use super::stored;
use crate::domain::Status;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

/// A dated session some of the given obligations are due at, for one calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSession {
    pub id: i64,
    /// Goes up with every change of the session, so calendars see a revised event.
    pub version: i32,
    pub body: String,
    pub label: String,
    pub opens_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub venue: Option<String>,
    /// The given obligations due there, in id order.
    pub obligation_ids: Vec<i64>,
}

/// The dated sessions that the obligations `ids` are due at, by opening date. Sessions with no
/// opening date yet are left out: there is no day to put them on.
pub async fn sessions_of(pool: &sqlx::PgPool, ids: &[i64]) -> Result<Vec<FeedSession>, AppError> {
    let rows = sqlx::query!(
        r#"
        select s.id, s.version, b.name as body, s.label, s.opens_on as "opens_on!", s.closes_on,
               s.venue, array_agg(o.id order by o.id) as "obligation_ids!"
          from obligation o
          join session s on s.id = o.session_id
          join body b on b.id = s.body_id
         where o.id = any($1) and s.opens_on is not null
         group by s.id, b.name
         order by s.opens_on, s.id
        "#,
        ids
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| FeedSession {
            id: row.id,
            version: row.version,
            body: row.body,
            label: row.label,
            opens_on: row.opens_on,
            closes_on: row.closes_on,
            venue: row.venue,
            obligation_ids: row.obligation_ids,
        })
        .collect())
}

/// One status change of an obligation, as the history table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChangeEntry {
    /// The event's id: permanent, so a feed reader never shows a change twice.
    pub id: i64,
    pub obligation_id: i64,
    pub at: DateTime<Utc>,
    /// The staff member's address, or the name of the process that made the change.
    pub actor: String,
    pub from: Status,
    pub to: Status,
    pub note: Option<String>,
    pub document_symbol: Option<String>,
}

/// The newest status changes (at most `limit`) of the obligations `ids`, newest first; feeds
/// are public, so internal notes are left out.
pub async fn status_changes(
    pool: &sqlx::PgPool,
    ids: &[i64],
    limit: i64,
) -> Result<Vec<StatusChangeEntry>, AppError> {
    let rows = sqlx::query!(
        r#"select id, obligation_id, at, actor, from_status, to_status,
                  case when note_public then note end as "note?", document_symbol
             from obligation_event
          where obligation_id = any($1)
          order by at desc, id desc
          limit $2"#,
        ids,
        limit
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(StatusChangeEntry {
                id: row.id,
                obligation_id: row.obligation_id,
                at: row.at,
                actor: row.actor,
                from: stored(&row.from_status, "status")?,
                to: stored(&row.to_status, "status")?,
                note: row.note,
                document_symbol: row.document_symbol,
            })
        })
        .collect()
}
