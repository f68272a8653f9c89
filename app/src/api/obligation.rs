//! One obligation: reading it (public) and recording progress (staff).

use crate::error::AppError;
use crate::model::{ObligationDetail, ObligationState};
use leptos::prelude::*;

/// Obligation `id` with its source paragraph, dates, history and the changes open to it.
/// Public, like every read; but visitors see "Secretariat" where staff see which colleague made
/// a change, so staff addresses are not published to anyone who opens the page.
#[server(endpoint = "get_obligation")]
pub async fn get_obligation(id: i64) -> Result<ObligationDetail, AppError> {
    use crate::error::with_status;
    let pool = crate::db::pool()?;
    let today = chrono::Utc::now().date_naive();
    let mut detail =
        crate::db::detail::obligation_detail(&pool, id, today, crate::db::at_risk_days())
            .await?
            .ok_or_else(|| with_status(AppError::NotFound(format!("no obligation {id}"))))?;
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
    use crate::db::obligation::{StatusChangeError, change_status};
    use crate::domain::{DocumentSymbol, Status, StatusChange};
    use crate::error::with_status;

    let user = crate::auth::login::require_staff()
        .await
        .map_err(with_status)?;
    let invalid = |message: String| with_status(AppError::Validation(message));
    let given =
        |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let id_of = |value: Option<String>, what: &str| {
        given(value)
            .map(|v| {
                v.trim_start_matches('#')
                    .parse::<i64>()
                    .map_err(|_| invalid(format!("{what} must be a number, not '{v}'")))
            })
            .transpose()
    };
    let to: Status = to
        .parse()
        .map_err(|_| invalid(format!("'{to}' is not a status")))?;
    let document_symbol = given(document_symbol)
        .map(|s| DocumentSymbol::parse(&s).map_err(|err| invalid(err.to_string())))
        .transpose()?;
    let change = StatusChange {
        to,
        document_symbol,
        new_session: id_of(new_session, "the new session")?,
        merged_into: id_of(merged_into, "the obligation merged into")?,
        reason: given(note),
    };
    let pool = crate::db::pool()?;
    change_status(&pool, id, version, &change, &user.email)
        .await
        .map_err(|err| {
            with_status(match err {
                StatusChangeError::NotFound(_) => AppError::NotFound(err.to_string()),
                StatusChangeError::Stale { .. } => AppError::Conflict(err.to_string()),
                StatusChangeError::Transition(_) | StatusChangeError::Invalid(_) => {
                    AppError::Validation(err.to_string())
                }
                StatusChangeError::Database(err) => AppError::from(err),
            })
        })
}
