//! The decisions of the review queue, each inside the caller's transaction.

use super::{MandateRow, Reviewer, select_mandates};
use crate::domain::review::{Decision, MandateFields, Review};
use crate::error::AppError;
use sqlx::PgPool;

/// A proposed mandate, locked for a decision: its resolution, fields and session label.
pub struct Pending {
    pub id: i64,
    pub resolution_id: i64,
    pub paragraph_text: String,
    pub fields: MandateFields,
    pub session_label: Option<String>,
}

/// Mandate `id`, locked until the transaction ends, if it is still proposed. `NotFound` when
/// there is no such mandate, `Conflict` when it was reviewed already.
pub async fn lock_proposed(tx: &mut sqlx::PgConnection, id: i64) -> Result<Pending, AppError> {
    let row = select_mandates!(
        "where m.id = $1 and m.retired_at is null for update of m",
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(format!("There is no mandate {id}.")))?;
    let review: Review = crate::db::stored(&row.review, "review state")?;
    if review != Review::Proposed {
        return Err(AppError::Conflict(format!(
            "Mandate {id} was reviewed already ({}). Reload the page to see the decision.",
            review.label().to_lowercase()
        )));
    }
    Ok(Pending {
        fields: row.fields()?,
        id: row.id,
        resolution_id: row.resolution_id,
        paragraph_text: row.text,
        session_label: row.target_session_label,
    })
}

/// Locks mandates `ids` until the transaction ends, in the order of their ids. A decision that
/// touches two mandates (a merge) takes both locks first, always in this order, so two editors
/// deciding on the same pair at once (A into B, B into A) wait for each other instead of
/// deadlocking, and the second sees the first's decision.
pub async fn lock_in_order(tx: &mut sqlx::PgConnection, ids: &[i64]) -> Result<(), AppError> {
    sqlx::query_scalar!(
        "select id from mandate where id = any($1) order by id for update",
        ids
    )
    .fetch_all(&mut *tx)
    .await?;
    Ok(())
}

/// Records a decision in mandate `mandate_id`'s history.
pub async fn record(
    tx: &mut sqlx::PgConnection,
    mandate_id: i64,
    decision: Decision,
    by: Reviewer<'_>,
    changes: &[(&str, String, String)],
    other: Option<i64>,
) -> Result<(), AppError> {
    let changes = sqlx::types::Json(changes);
    sqlx::query!(
        "insert into mandate_review (mandate_id, decision, actor_id, actor, changes,
                                     other_mandate_id)
         values ($1, $2, $3, $4, $5, $6)",
        mandate_id,
        decision.as_str(),
        by.id,
        by.name,
        changes as _,
        other
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Sets mandate `id`'s review state and fields (the session label goes when the session is
/// corrected: it named the old one).
pub async fn set(
    tx: &mut sqlx::PgConnection,
    id: i64,
    review: Review,
    fields: &MandateFields,
    merged_into: Option<i64>,
) -> Result<(), AppError> {
    sqlx::query!(
        "update mandate set review = $2, addressee = $3, action = $4, is_reporting = $5,
                target_body = $6,
                target_session_label = case when target_session is not distinct from $7
                                            and target_body is not distinct from $6
                                            then target_session_label end,
                target_session = $7, recurrence = $8, merged_into = $9
          where id = $1",
        id,
        review.as_str(),
        fields.addressee,
        fields.action.as_str(),
        fields.is_reporting,
        fields.target_body,
        fields.target_session,
        fields.recurrence.map(|r| r.as_str()),
        merged_into
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A new mandate split from `from`: the same resolution and paragraph, its own part of the
/// text and fields, reviewed (`corrected`) at once. Its id.
pub async fn insert_split(
    tx: &mut sqlx::PgConnection,
    from: i64,
    quote: &str,
    fields: &MandateFields,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        "insert into mandate (resolution_id, paragraph_id, key, position, paragraph_number, verb,
                              addressee, action, is_reporting, target_body, target_session,
                              via_body, recurrence, quote, review)
         select resolution_id, paragraph_id,
                'split:' || id || ':' || (select count(*) + 1 from mandate s
                                           where s.resolution_id = m.resolution_id
                                             and s.key like 'split:' || m.id || ':%'),
                position, paragraph_number, verb, $2, $3, $4, $5, $6, via_body, $7, $8,
                'corrected'
           from mandate m where id = $1
         returning id",
        from,
        fields.addressee,
        fields.action.as_str(),
        fields.is_reporting,
        fields.target_body,
        fields.target_session,
        fields.recurrence.map(|r| r.as_str()),
        quote
    )
    .fetch_one(&mut *tx)
    .await?)
}

/// The proposed mandates of document `document_id`'s current resolutions, in order. They are
/// locked in the order of their ids, as [`lock_in_order`] locks a merge's pair, so confirming
/// a whole document and merging two of its mandates at once cannot deadlock.
pub async fn proposed_in(
    tx: &mut sqlx::PgConnection,
    document_id: i64,
) -> Result<Vec<i64>, AppError> {
    let mut rows = sqlx::query!(
        "select m.id, r.position as resolution_position, m.position
           from mandate m join resolution r on r.id = m.resolution_id
          where r.document_id = $1 and r.retired_at is null and m.retired_at is null
            and m.review = 'proposed'
          order by m.id
            for update of m",
        document_id
    )
    .fetch_all(&mut *tx)
    .await?;
    rows.sort_by_key(|r| (r.resolution_position, r.position, r.id));
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// Whether mandate `id` is a current mandate of resolution `resolution_id` that can take
/// another's task (not rejected, not merged itself); it is locked until the transaction ends,
/// so it cannot be rejected or merged away meanwhile.
pub async fn can_absorb(
    tx: &mut sqlx::PgConnection,
    id: i64,
    resolution_id: i64,
) -> Result<bool, AppError> {
    let review = sqlx::query_scalar!(
        "select review from mandate where id = $1 and resolution_id = $2 and retired_at is null
            for update",
        id,
        resolution_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(matches!(
        review.as_deref(),
        Some("proposed" | "confirmed" | "corrected")
    ))
}

/// Whether other mandates were merged into mandate `id` (it then stands for their task too).
pub async fn has_merged(tx: &mut sqlx::PgConnection, id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from mandate where merged_into = $1) as "merged!""#,
        id
    )
    .fetch_one(&mut *tx)
    .await?)
}

/// Records the symbol and date under which resolution `id` was adopted; false when there is no
/// such resolution. Deadlines counted from the adoption follow the new date.
pub async fn record_adoption(
    pool: &PgPool,
    id: i64,
    symbol: Option<&str>,
    adopted_on: Option<chrono::NaiveDate>,
) -> Result<bool, AppError> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query!(
        "update resolution set adopted_symbol = $2, adopted_on = $3 where id = $1",
        id,
        symbol,
        adopted_on
    )
    .execute(&mut *tx)
    .await?;
    crate::db::obligation::redate_from_adoption(&mut tx, id).await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}
