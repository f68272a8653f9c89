//! When a document and its resolutions were adopted, which the deadlines written as spans
//! ("within 90 days of the adoption") count from.
//!
//! Nothing is written when nothing changes: every statement on a data table, even one that
//! changes no row, sends a `data_changed` notice, and each notice empties the page store.

use crate::error::AppError;
use chrono::NaiveDate;

/// Records that document `id` was adopted on `day`, and dates the deadlines its resolutions
/// count from their adoption (those with a date of their own keep it).
pub async fn record_adoption_date(
    conn: &mut sqlx::PgConnection,
    id: i64,
    day: NaiveDate,
) -> Result<(), AppError> {
    let recorded = sqlx::query_scalar!(
        "select adopted_on from document where id = $1 for update",
        id
    )
    .fetch_one(&mut *conn)
    .await?;
    if recorded == Some(day) {
        return Ok(());
    }
    sqlx::query!("update document set adopted_on = $2 where id = $1", id, day)
        .execute(&mut *conn)
        .await?;
    let resolutions = sqlx::query_scalar!("select id from resolution where document_id = $1", id)
        .fetch_all(&mut *conn)
        .await?;
    crate::db::obligation::redate_all_from_adoption(conn, &resolutions).await
}

/// The day resolution `resolution_id` was adopted: its own date, else its document's.
pub(super) async fn adoption_day(
    conn: &mut sqlx::PgConnection,
    resolution_id: i64,
) -> Result<Option<NaiveDate>, AppError> {
    Ok(sqlx::query_scalar!(
        "select coalesce(r.adopted_on, d.adopted_on) from resolution r
           join document d on d.id = r.document_id
          where r.id = $1",
        resolution_id
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// The symbol a resolution was adopted under and the day, as recorded on it (its document's
/// day is not read here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedAdoption {
    pub adopted_symbol: Option<String>,
    pub adopted_on: Option<NaiveDate>,
}

/// What is recorded of resolution `resolution_id`'s adoption.
pub async fn recorded_adoption(
    pool: &sqlx::PgPool,
    resolution_id: i64,
) -> Result<RecordedAdoption, AppError> {
    Ok(sqlx::query_as!(
        RecordedAdoption,
        "select adopted_symbol, adopted_on from resolution where id = $1",
        resolution_id
    )
    .fetch_one(pool)
    .await?)
}
