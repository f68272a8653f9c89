//! One obligation: reading it (public) and recording progress (staff).

use crate::error::AppError;
use crate::model::{ObligationDetail, ObligationState};
use leptos::prelude::*;

/// Obligation `id` with its source paragraph, dates, history and the changes open to it.
/// Public, like every read; but visitors see "Secretariat" where staff see which colleague made
/// a change, so staff addresses are not published to anyone who opens the page.
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
        }
    }
    Ok(detail)
}

/// Records a status change of obligation `id`, made on a page that showed `version`; staff
/// only. Every argument is text as a form sends it; blanks count as absent.
#[server(endpoint = "record_status_change")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id, version = version, to = %to)))]
#[allow(clippy::too_many_arguments)]
pub async fn record_status_change(
    id: i64,
    version: i32,
    to: String,
    note: Option<String>,
    document_symbol: Option<String>,
    new_session: Option<String>,
    merged_into: Option<String>,
) -> Result<ObligationState, AppError> {
    use super::form::record_id;
    use crate::db::obligation::change_status_telling;
    use crate::domain::text::NOTE;
    use crate::domain::{DocumentSymbol, Status, StatusChange};

    let user = crate::auth::login::require_staff().await?;
    let to: Status = to
        .parse()
        .map_err(|_| AppError::invalid("Choose the new status from the list."))?;
    let document_symbol = document_symbol
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .map(|s| DocumentSymbol::parse(&s))
        .transpose()?;
    let change = StatusChange {
        to,
        document_symbol,
        new_session: record_id(new_session, "The new session")?,
        merged_into: record_id(merged_into, "The obligation to merge into")?,
        reason: NOTE.check(note.as_deref())?,
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
