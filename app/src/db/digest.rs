//! What the digests read and record: the subscriptions due on a day, the obligations changed
//! since a moment, and that a day's digest was composed.

use super::subscription::SubscriptionRow;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

/// A confirmed, active subscription whose digest for `day` is due and not yet composed, with
/// when its last digest was composed.
pub async fn due_on(
    pool: &PgPool,
    day: NaiveDate,
) -> Result<Vec<(SubscriptionRow, Option<DateTime<Utc>>)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select id, email, filter as "filter: sqlx::types::Json<crate::model::finder::FinderQuery>",
                  cadence, weekday, horizon_weeks, send_empty, state, manage_token, last_digest_at
             from subscription
            where state = 'active'
              and (last_digest_on is null or last_digest_on < $1)
              and (cadence = 'daily' or weekday = extract(isodow from $1::date))
            order by id"#,
        day
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let cadence =
                crate::domain::subscription::Cadence::from_columns(&r.cadence, r.weekday)?;
            Some((
                SubscriptionRow {
                    id: r.id,
                    email: r.email,
                    filter: r.filter.0,
                    cadence,
                    horizon_weeks: r.horizon_weeks,
                    send_empty: r.send_empty,
                    state: r.state,
                    manage_token: r.manage_token,
                },
                r.last_digest_at,
            ))
        })
        .collect())
}

/// The last change of each obligation changed after `since`.
pub async fn changed_since(
    pool: &PgPool,
    since: DateTime<Utc>,
) -> Result<Vec<(i64, DateTime<Utc>)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select obligation_id, max(at) as "at!" from obligation_event
            where at > $1 group by obligation_id"#,
        since
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.obligation_id, r.at)).collect())
}

/// Records that the digest of subscription `id` for `day` was composed (sent or, with nothing
/// to say, skipped), with `conn` (in the transaction that writes it to the outbox).
pub async fn mark_composed(
    conn: &mut PgConnection,
    id: i64,
    day: NaiveDate,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update subscription set last_digest_on = $2, last_digest_at = now() where id = $1",
        id,
        day
    )
    .execute(conn)
    .await?;
    Ok(())
}
