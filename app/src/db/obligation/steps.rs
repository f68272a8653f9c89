//! The steps of a status change besides the change itself: checking a deferral's target, and
//! creating a recurring obligation's next occurrence.

use crate::domain::{Recurrence, SessionCadence, next_session_number};
use crate::error::AppError;

/// A deferral must name a later session of the same body.
pub(super) async fn check_later_session(
    tx: &mut sqlx::PgConnection,
    current: Option<i64>,
    new_session: i64,
) -> Result<(), AppError> {
    let target = sqlx::query!(
        "select body_id, number from session where id = $1",
        new_session
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::invalid("Choose the later session to defer the obligation to."))?;
    if let Some(current) = current {
        let now = sqlx::query!("select body_id, number from session where id = $1", current)
            .fetch_one(&mut *tx)
            .await?;
        if now.body_id != target.body_id || target.number <= now.number {
            return Err(AppError::invalid(
                "An obligation can only be deferred to a later session of the same body.",
            ));
        }
    }
    Ok(())
}

/// Creates the next occurrence of a recurring obligation (annual: the body's next session,
/// biennial: the one after, ...), at most once, with its own creation event. Nothing happens
/// for non-recurring or "periodic" mandates, or when the session is unknown.
pub(super) async fn spawn_next_occurrence(
    tx: &mut sqlx::PgConnection,
    id: i64,
    actor: &str,
) -> Result<Option<i64>, AppError> {
    let row = sqlx::query!(
        r#"
        select o.mandate_id, o.occurrence, o.kind, o.target_body, m.recurrence,
               s.number as "number?", s.body_id as "body_id?", b.cadence_years as "cadence_years?"
          from obligation o
          join mandate m on m.id = o.mandate_id
          left join session s on s.id = o.session_id
          left join body b on b.id = s.body_id
         where o.id = $1
        "#,
        id
    )
    .fetch_one(&mut *tx)
    .await?;
    let recurrence: Option<Recurrence> = row.recurrence.as_deref().and_then(|r| r.parse().ok());
    let (Some(recurrence), Some(number), Some(body_id), Some(cadence)) =
        (recurrence, row.number, row.body_id, row.cadence_years)
    else {
        return Ok(None);
    };
    let cadence = match u32::try_from(cadence) {
        Ok(1) => SessionCadence::Annual,
        Ok(years) => SessionCadence::EveryNYears(years),
        Err(_) => return Ok(None),
    };
    let Some(next) = next_session_number(recurrence, number, cadence) else {
        return Ok(None);
    };
    let session_id = crate::db::session::ensure(tx, body_id, next, None).await?;
    let created = sqlx::query_scalar!(
        r#"
        insert into obligation (mandate_id, occurrence, kind, target_body, target_session,
                                session_id, previous_id)
        values ($1, $2, $3, $4, $5, $6, $7)
        on conflict on constraint obligation_mandate_occurrence_key do nothing
        returning id
        "#,
        row.mandate_id,
        row.occurrence + 1,
        row.kind,
        row.target_body,
        next,
        session_id,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(new_id) = created {
        sqlx::query!(
            "insert into obligation_event (obligation_id, actor, from_status, to_status, note)
             values ($1, $2, 'pending', 'pending', $3)",
            new_id,
            actor,
            format!(
                "created as the next {} occurrence of obligation {id}",
                recurrence.as_str()
            )
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(created)
}
