//! The obligation status workflow in the database: one function changes a status, checks the
//! transition with [`crate::domain::transition`], refuses stale versions, and writes the
//! history event in the same transaction.

use super::stored;
use crate::domain::{ObligationKind, Status, StatusChange, should_spawn_next, transition};
use crate::error::AppError;

pub use crate::model::ObligationState;
use steps::{check_later_session, spawn_next_occurrence};

mod steps;

/// Applies `change` to obligation `id` if `expected_version` is still its version.
pub async fn change_status(
    pool: &sqlx::PgPool,
    id: i64,
    expected_version: i32,
    change: &StatusChange,
    actor: &str,
) -> Result<ObligationState, AppError> {
    change_status_telling(pool, id, expected_version, change, actor, None).await
}

/// [`change_status`], with notices to the obligation's followers written in the same
/// transaction when `notices` is given (the staff's form; not imports or the demo).
pub async fn change_status_telling(
    pool: &sqlx::PgPool,
    id: i64,
    expected_version: i32,
    change: &StatusChange,
    actor: &str,
    notices: Option<&crate::mail::MailContext>,
) -> Result<ObligationState, AppError> {
    let mut tx = pool.begin().await?;
    let current = sqlx::query!(
        "select kind, status, version, session_id from obligation where id = $1 for update",
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(format!("There is no obligation {id}.")))?;
    if current.version != expected_version {
        return Err(AppError::stale("obligation"));
    }
    let kind: ObligationKind = stored(&current.kind, "kind")?;
    let from: Status = stored(&current.status, "status")?;
    let to = transition(kind, from, id, change)?;

    let mut session_id = current.session_id;
    if to == Status::Deferred {
        let new_session = change.new_session.unwrap_or_default();
        check_later_session(&mut tx, current.session_id, new_session).await?;
        session_id = Some(new_session);
    }
    if let (Status::Merged, Some(target)) = (to, change.merged_into) {
        let exists = sqlx::query_scalar!("select id from obligation where id = $1", target)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Err(AppError::invalid(format!(
                "There is no obligation {target} to merge this one into."
            )));
        }
    }
    let reason = change
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let symbol = change
        .document_symbol
        .as_ref()
        .map(|s| s.as_str().to_owned());
    let version = sqlx::query_scalar!(
        r#"
        update obligation
           set status = $2, version = version + 1, session_id = $3,
               document_symbol = coalesce($4, document_symbol),
               merged_into_id = coalesce($5, merged_into_id),
               status_reason = $6, status_reason_public = $7
         where id = $1
        returning version
        "#,
        id,
        to.as_str(),
        session_id,
        symbol,
        change.merged_into.filter(|_| to == Status::Merged),
        reason,
        change.public_note
    )
    .fetch_one(&mut *tx)
    .await?;
    let event = sqlx::query_scalar!(
        r#"
        insert into obligation_event (obligation_id, actor, from_status, to_status, note,
                                      document_symbol, merged_into_id, from_session_id,
                                      to_session_id, note_public)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        returning id
        "#,
        id,
        actor,
        from.as_str(),
        to.as_str(),
        reason,
        symbol,
        change.merged_into.filter(|_| to == Status::Merged),
        current.session_id,
        session_id,
        change.public_note
    )
    .fetch_one(&mut *tx)
    .await?;
    let mut told = 0;
    if let Some(mail) = notices {
        told = crate::mail::notice::tell_status_changed(
            &mut tx,
            pool,
            mail,
            id,
            event,
            (from, to),
            actor,
        )
        .await?;
    }
    let next_occurrence = if should_spawn_next(from, to) {
        spawn_next_occurrence(&mut tx, id, actor).await?
    } else {
        None
    };
    tx.commit().await?;
    if let Some(mail) = notices.filter(|_| told > 0) {
        mail.written.notify_one();
    }
    Ok(ObligationState {
        id,
        status: to,
        version,
        session_id,
        next_occurrence,
    })
}

/// Where an imported report is due: the body the text names (and its id when the body is
/// known), the session number, and the session's id when the body is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportTarget<'a> {
    pub body: Option<&'a str>,
    pub body_id: Option<i64>,
    pub session_number: Option<i32>,
    pub session_id: Option<i64>,
    /// The day it is due, when the text gives a date deadline.
    pub due_on: Option<chrono::NaiveDate>,
}

/// The first occurrence of a mandate's report, created once: its status and target then belong
/// to the workflow, not the text (later occurrences come from the workflow). An obligation
/// stored before the calendar knew its body or session gets them now, and one stored before its
/// adoption date was known gets its due day.
pub async fn ensure_report(
    conn: &mut sqlx::PgConnection,
    mandate_id: i64,
    target: &ReportTarget<'_>,
) -> Result<(), AppError> {
    sqlx::query!(
        "insert into obligation (mandate_id, target_body, body_id, target_session, session_id,
                                 due_on)
         values ($1, $2, $3, $4, $5, $6)
         on conflict on constraint obligation_mandate_occurrence_key
         do update set body_id = coalesce(obligation.body_id, excluded.body_id),
                       session_id = coalesce(obligation.session_id, excluded.session_id),
                       due_on = coalesce(obligation.due_on, excluded.due_on)",
        mandate_id,
        target.body,
        target.body_id,
        target.session_number,
        target.session_id,
        target.due_on
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Counts the first occurrence of each deadline of resolution `resolution_id` that is a span
/// from its adoption ("within 90 days") again from the adoption date now recorded (none: no
/// day). Later occurrences were dated by the workflow from the first.
pub async fn redate_from_adoption(
    conn: &mut sqlx::PgConnection,
    resolution_id: i64,
) -> Result<(), AppError> {
    redate_all_from_adoption(conn, &[resolution_id]).await
}

/// [`redate_from_adoption`] for each of `resolution_ids` (a document's), in one read and at
/// most one write whatever their number (none when no day changes).
pub async fn redate_all_from_adoption(
    conn: &mut sqlx::PgConnection,
    resolution_ids: &[i64],
) -> Result<(), AppError> {
    let rows = sqlx::query!(
        r#"select o.id, o.due_on, m.due as "due!",
                  coalesce(r.adopted_on, d.adopted_on) as adopted_on
             from obligation o
             join mandate m on m.id = o.mandate_id
             join resolution r on r.id = m.resolution_id
             join document d on d.id = r.document_id
            where m.resolution_id = any($1) and o.occurrence = 1 and m.due is not null"#,
        resolution_ids
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut ids = Vec::with_capacity(rows.len());
    let mut days = Vec::with_capacity(rows.len());
    for row in rows {
        let due: crate::domain::Due = stored(&row.due, "mandate deadline")?;
        let day = due.date(row.adopted_on);
        if !matches!(due, crate::domain::Due::On { .. }) && day != row.due_on {
            ids.push(row.id);
            days.push(day);
        }
    }
    if ids.is_empty() {
        // No statement at all: even one that changes no row sends a `data_changed` notice.
        return Ok(());
    }
    sqlx::query!(
        "update obligation o set due_on = n.due_on
           from unnest($1::bigint[], $2::date[]) as n(id, due_on)
          where o.id = n.id",
        &ids,
        &days as &[Option<chrono::NaiveDate>]
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A mandate's continuing activity (technical assistance, a meeting, a study, or reporting
/// "periodically" with no interval): tracked from `ongoing` to `completed` or `discontinued`,
/// with no session and no deadline. A report stored by an older import for the same mandate
/// becomes an activity if nobody has touched it yet (version 1: no status change recorded);
/// otherwise staff decide. `body_id` is the id of `target_body` when that body is known.
pub async fn ensure_activity(
    conn: &mut sqlx::PgConnection,
    mandate_id: i64,
    target_body: Option<&str>,
    body_id: Option<i64>,
) -> Result<(), AppError> {
    let kind = ObligationKind::Activity;
    sqlx::query!(
        "insert into obligation (mandate_id, kind, status, target_body, body_id)
         values ($1, $2, $3, $4, $5)
         on conflict on constraint obligation_mandate_occurrence_key
         do update set kind = excluded.kind, status = excluded.status, session_id = null
         where obligation.kind <> excluded.kind and obligation.version = 1",
        mandate_id,
        kind.as_str(),
        kind.initial_status().as_str(),
        target_body,
        body_id
    )
    .execute(&mut *conn)
    .await?;
    // One stored before the calendar knew its body gets it now.
    if body_id.is_some() {
        sqlx::query!(
            "update obligation set body_id = $2
              where mandate_id = $1 and occurrence = 1 and body_id is null",
            mandate_id,
            body_id
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Whether `actor` has already moved obligation `id` to `to` (so scripted progress is recorded
/// once, whatever happened to the obligation since).
pub async fn recorded_by(
    pool: &sqlx::PgPool,
    id: i64,
    actor: &str,
    to: Status,
) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from obligation_event
                           where obligation_id = $1 and actor = $2 and to_status = $3) as "done!""#,
        id,
        actor,
        to.as_str()
    )
    .fetch_one(pool)
    .await?)
}
