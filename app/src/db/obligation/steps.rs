//! The steps of a status change besides the change itself: checking a deferral's target, and
//! creating a recurring obligation's next occurrence.

use crate::domain::{Due, Recurrence, SessionCadence, next_session_number};
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
/// biennial: the one after, ...; for one due on a day, that day a year or two later, or one
/// stated span later for a periodic one, "every 90 days"), at most once, with its own creation
/// event. Nothing happens for non-recurring mandates, "periodic" ones with no stated span or
/// no day, or when the session is unknown.
pub(super) async fn spawn_next_occurrence(
    tx: &mut sqlx::PgConnection,
    id: i64,
    actor: &str,
) -> Result<Option<i64>, AppError> {
    let row = sqlx::query!(
        r#"
        select o.mandate_id, o.occurrence, o.kind, o.target_body, m.recurrence, o.due_on, m.every,
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
    // Due on a day: the next occurrence is due the interval's years later, or, for a
    // periodic one, one stated span later ("every 90 days"), at no session.
    if let (Some(recurrence), Some(due_on)) = (recurrence, row.due_on) {
        let every: Option<Due> = row
            .every
            .as_deref()
            .map(|e| crate::db::stored(e, "mandate rhythm"))
            .transpose()?;
        let next_due = match (recurrence, every) {
            (Recurrence::Periodic, Some(every)) => every.after(due_on),
            _ => next_due_day(recurrence, due_on),
        };
        let Some(next_due) = next_due else {
            return Ok(None);
        };
        let next = Occurrence {
            mandate_id: row.mandate_id,
            occurrence: row.occurrence + 1,
            kind: &row.kind,
            target_body: row.target_body.as_deref(),
            target_session: None,
            session_id: None,
            due_on: Some(next_due),
        };
        return insert_next(tx, &next, id, recurrence, actor).await;
    }
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
    let next = Occurrence {
        mandate_id: row.mandate_id,
        occurrence: row.occurrence + 1,
        kind: &row.kind,
        target_body: row.target_body.as_deref(),
        target_session: Some(next),
        session_id: Some(session_id),
        due_on: None,
    };
    insert_next(tx, &next, id, recurrence, actor).await
}

/// The day the next occurrence of a report due on `due_on` is due: the recurrence's interval in
/// years later (29 February falls on 28 February). `None` for "periodic".
fn next_due_day(recurrence: Recurrence, due_on: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    let years = recurrence.interval_years()?;
    due_on.checked_add_months(chrono::Months::new(years.checked_mul(12)?))
}

/// A next occurrence to create.
struct Occurrence<'a> {
    mandate_id: i64,
    occurrence: i32,
    kind: &'a str,
    target_body: Option<&'a str>,
    target_session: Option<i32>,
    session_id: Option<i64>,
    due_on: Option<chrono::NaiveDate>,
}

/// Creates `next` after obligation `id`, at most once, with its creation event.
async fn insert_next(
    tx: &mut sqlx::PgConnection,
    next: &Occurrence<'_>,
    id: i64,
    recurrence: Recurrence,
    actor: &str,
) -> Result<Option<i64>, AppError> {
    let created = sqlx::query_scalar!(
        r#"
        insert into obligation (mandate_id, occurrence, kind, target_body, body_id,
                                target_session, session_id, previous_id, due_on)
        values ($1, $2, $3, $4, (select body_id from obligation where id = $7), $5, $6, $7, $8)
        on conflict on constraint obligation_mandate_occurrence_key do nothing
        returning id
        "#,
        next.mandate_id,
        next.occurrence,
        next.kind,
        next.target_body,
        next.target_session,
        next.session_id,
        id,
        next.due_on
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
