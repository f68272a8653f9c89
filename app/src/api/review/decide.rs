//! The steps every decision on a proposed mandate shares: the editor's check and the lock
//! (begin), tracking a confirmed or corrected mandate, and recording decisions in the history.

use crate::db::review::{self, Reviewer};
use crate::domain::review::{Decision, MandateFields, Review};
use crate::error::AppError;

/// The caller (an editor), a transaction, and the proposed mandate locked in it.
type Begun = (
    crate::auth::CurrentUser,
    sqlx::Transaction<'static, sqlx::Postgres>,
    review::Pending,
);

pub async fn begin(mandate_id: i64) -> Result<Begun, AppError> {
    begin_with(mandate_id, None).await
}

/// [`begin`], with mandate `other` locked too (before `mandate_id` when its id is lower:
/// see [`review::lock_in_order`]).
pub async fn begin_with(mandate_id: i64, other: Option<i64>) -> Result<Begun, AppError> {
    let user = crate::auth::login::require_editor().await?;
    let pool = crate::db::pool()?;
    let mut tx = pool.begin().await?;
    if let Some(other) = other {
        review::lock_in_order(&mut tx, &[mandate_id, other]).await?;
    }
    let pending = review::lock_proposed(&mut tx, mandate_id).await?;
    Ok((user, tx, pending))
}

/// Tracks `pending` with `fields` (confirmed as found, or corrected) and records it.
pub async fn track(
    tx: &mut sqlx::PgConnection,
    user: &crate::auth::CurrentUser,
    pending: &review::Pending,
    fields: &MandateFields,
) -> Result<(), AppError> {
    let changes = pending.fields.changes(fields);
    let (state, decision) = if changes.is_empty() {
        (Review::Confirmed, Decision::Confirmed)
    } else {
        (Review::Corrected, Decision::Corrected)
    };
    review::set(tx, pending.id, state, fields, None).await?;
    let label = if changes
        .iter()
        .any(|(f, _, _)| *f == "target session" || *f == "target body")
    {
        None
    } else {
        pending.session_label.as_deref()
    };
    crate::db::document::track(tx, pending.id, fields, label).await?;
    review::record(tx, pending.id, decision, by(user), &changes, None).await
}

/// A decision that links two mandates, in both histories (the second gets `changes`).
pub async fn record_pair(
    tx: &mut sqlx::PgConnection,
    user: &crate::auth::CurrentUser,
    [(first, first_decision), (second, second_decision)]: [(i64, Decision); 2],
    changes: &[(&str, String, String)],
) -> Result<(), AppError> {
    review::record(tx, first, first_decision, by(user), &[], Some(second)).await?;
    review::record(tx, second, second_decision, by(user), changes, Some(first)).await
}

/// Refuses to reject or merge away a mandate that others were merged into: their task
/// would then be tracked by nobody.
pub async fn not_absorbing(tx: &mut sqlx::PgConnection, id: i64) -> Result<(), AppError> {
    if review::has_merged(tx, id).await? {
        return Err(AppError::Conflict(format!(
            "Other mandates were merged into mandate {id}: confirm or correct it, or \
             reject them first."
        )));
    }
    Ok(())
}

pub fn by(user: &crate::auth::CurrentUser) -> Reviewer<'_> {
    Reviewer {
        id: user.id,
        name: &user.display_name,
    }
}
