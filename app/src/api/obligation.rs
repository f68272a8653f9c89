//! One obligation: reading it (public) and recording progress (staff).
// A server function's arguments are its form's fields, one each: the status form has eight.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::model::{ObligationDetail, ObligationState};
use leptos::prelude::*;

/// Obligation `id` with its source paragraph, dates, history and the changes open to it.
/// Public, like every read; but visitors see "Secretariat" where staff see which colleague made
/// a change, so staff addresses are not published to anyone who opens the page, and internal
/// notes are not sent to them at all.
#[server(endpoint = "get_obligation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id)))]
pub async fn get_obligation(id: i64) -> Result<ObligationDetail, AppError> {
    let pool = crate::db::pool()?;
    let today = chrono::Utc::now().date_naive();
    let mut detail =
        crate::db::detail::obligation_detail(&pool, id, today, crate::db::at_risk_days())
            .await?
            .ok_or_else(|| AppError::NotFound(format!("There is no obligation {id}.")))?;
    if crate::auth::login::current_user().await?.is_none() {
        for entry in &mut detail.history {
            if entry.actor.contains('@') {
                entry.actor = "Secretariat".into();
            }
            if entry.note_internal {
                entry.note = None;
            }
        }
        if detail.status_reason_internal {
            detail.status_reason = None;
        }
    }
    Ok(detail)
}

/// Records a status change of obligation `id`, made on a page that showed `version`; editors
/// only. Every argument is text as a form sends it; blanks count as absent, and the fields of
/// steps other than `to` are ignored (the form shows only the chosen step's). A note needs
/// `note_public`: "yes" (everyone may read it) or "no" (staff only).
#[server(endpoint = "record_status_change")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id, version = version, to = %to)))]
pub async fn record_status_change(
    id: i64,
    version: i32,
    to: String,
    note: Option<String>,
    document_symbol: Option<String>,
    new_session: Option<String>,
    merged_into: Option<String>,
    note_public: Option<String>,
) -> Result<ObligationState, AppError> {
    use super::form::record_id;
    use crate::db::obligation::change_status_telling;
    use crate::domain::text::NOTE;
    use crate::domain::{DocumentSymbol, Status, StatusChange};

    let user = crate::auth::login::require_editor().await?;
    let to: Status = to
        .parse()
        .map_err(|_| AppError::invalid("Choose the new status from the list."))?;
    let document_symbol = document_symbol
        .filter(|_| to == Status::Issued)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .map(|s| DocumentSymbol::parse(&s))
        .transpose()?;
    let reason = NOTE.check(note.as_deref())?;
    let public_note = match (reason.is_some(), note_public.as_deref()) {
        (_, Some("yes")) | (false, None | Some("")) => true,
        (_, Some("no")) => false,
        _ => {
            return Err(AppError::invalid(
                "Choose who may read the note: staff only, or everyone.",
            ));
        }
    };
    let change = StatusChange {
        to,
        document_symbol,
        new_session: record_id(
            new_session.filter(|_| to == Status::Deferred),
            "The new session",
        )?,
        merged_into: record_id(
            merged_into.filter(|_| to == Status::Merged),
            "The obligation to merge into",
        )?,
        reason,
        public_note,
    };
    let pool = crate::db::pool()?;
    let mail = use_context::<crate::mail::MailContext>();
    let state =
        change_status_telling(&pool, id, version, &change, &user.email, mail.as_ref()).await?;
    tracing::info!(
        user = user.id,
        obligation = id,
        to = to.as_str(),
        "recorded a status change"
    );
    Ok(state)
}
