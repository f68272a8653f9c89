//! Managing the work (staff only): an obligation's office and focal point, following it, and
//! which notices one is mailed.

use crate::error::AppError;
use crate::model::work::{NoticeSettings, WorkPanel};
use leptos::prelude::*;

/// The staff panel of obligation `id`: office, focal point, the staff to choose from, and
/// whether the caller follows it. Any staff role reads it; viewers may follow but not assign.
#[server(endpoint = "get_work_panel")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id)))]
pub async fn get_work_panel(id: i64) -> Result<WorkPanel, AppError> {
    let user = crate::auth::login::require_staff().await?;
    let pool = crate::db::pool()?;
    crate::db::work::panel(&pool, id, user.id, user.role.can_edit())
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no obligation {id}.")))
}

/// Sets obligation `id`'s responsible office and focal point (blank: none). The new focal
/// point follows it from now on and, unless they set it themselves, is mailed a notice.
/// Editors and administrators only.
#[server(endpoint = "assign_obligation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id)))]
pub async fn assign_obligation(
    id: i64,
    office: Option<String>,
    focal_point: Option<String>,
) -> Result<(), AppError> {
    use crate::db::work::{Recipient, assign};
    use crate::domain::text::OFFICE;

    let user = crate::auth::login::require_editor().await?;
    let office = OFFICE.check(office.as_deref())?;
    let focal_point = super::form::record_id(focal_point, "The focal point")?;
    let pool = crate::db::pool()?;
    let mut tx = pool.begin().await?;
    let assigned = assign(&mut tx, id, office.as_deref(), focal_point, &user.email).await?;
    let mail = use_context::<crate::mail::MailContext>();
    let told = match &mail {
        Some(mail) => {
            let actor = Recipient {
                id: user.id,
                email: user.email.clone(),
                name: user.display_name.clone(),
            };
            crate::mail::notice::tell_assigned(&mut tx, &pool, mail, id, &assigned, &actor).await?
        }
        None => false,
    };
    tx.commit().await?;
    if let (true, Some(mail)) = (told, &mail) {
        mail.written.notify_one();
    }
    tracing::info!(
        user = user.id,
        obligation = id,
        told,
        "assigned an obligation"
    );
    Ok(())
}

/// Starts (`follow` = "yes") or stops following obligation `id`.
#[server(endpoint = "follow_obligation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id)))]
pub async fn follow_obligation(id: i64, follow: String) -> Result<(), AppError> {
    let user = crate::auth::login::require_staff().await?;
    let on = match follow.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::invalid("Choose to follow the obligation or not.")),
    };
    let pool = crate::db::pool()?;
    let mut conn = pool.acquire().await?;
    crate::db::work::follow(&mut conn, id, user.id, on).await
}

/// Which notices the caller is mailed.
#[server(endpoint = "get_notice_settings")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_notice_settings() -> Result<NoticeSettings, AppError> {
    let user = crate::auth::login::require_staff().await?;
    let pool = crate::db::pool()?;
    crate::db::work::notice_settings(&pool, user.id).await
}

/// Saves which notices the caller is mailed: a ticked box sends "yes", an unticked one nothing.
#[server(endpoint = "save_notice_settings")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_notice_settings(
    assigned: Option<String>,
    at_risk: Option<String>,
    followed: Option<String>,
) -> Result<NoticeSettings, AppError> {
    let user = crate::auth::login::require_staff().await?;
    let ticked = |v: &Option<String>| v.as_deref() == Some("yes");
    let settings = NoticeSettings {
        assigned: ticked(&assigned),
        at_risk: ticked(&at_risk),
        followed: ticked(&followed),
    };
    let pool = crate::db::pool()?;
    crate::db::work::save_notice_settings(&pool, user.id, settings).await?;
    tracing::info!(user = user.id, ?settings, "changed which notices they get");
    Ok(settings)
}

/// The caller's open obligations: those they are focal point of and their office's, most
/// pressing first (then by obligation number).
#[server(endpoint = "get_my_work")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_work() -> Result<crate::model::work::MyWork, AppError> {
    use crate::model::ObligationUrgency;
    use crate::model::work::{MyWork, WorkRow};
    use std::collections::HashMap;

    let user = crate::auth::login::require_staff().await?;
    let pool = crate::db::pool()?;
    let (office, listed) = crate::db::work::my_work(&pool, user.id).await?;
    let ids: Vec<i64> = listed.iter().map(|(id, _, _)| *id).collect();
    let mut why: HashMap<i64, (Option<String>, bool)> = listed
        .into_iter()
        .map(|(id, office, focal_point)| (id, (office, focal_point)))
        .collect();
    let today = chrono::Utc::now().date_naive();
    let window = crate::db::at_risk_days();
    let mut rows: Vec<WorkRow> = crate::db::schedule::obligation_schedules_of(&pool, &ids)
        .await?
        .into_iter()
        .map(|schedule| {
            let (office, focal_point) = why.remove(&schedule.obligation_id).unwrap_or_default();
            let urgency =
                crate::domain::urgency(schedule.status, schedule.deadlines.as_ref(), today, window);
            WorkRow {
                obligation: ObligationUrgency { schedule, urgency },
                office,
                focal_point,
            }
        })
        .collect();
    rows.sort_by_key(|row| {
        let pressing = row.obligation.urgency.pressing_first();
        (pressing, row.obligation.schedule.obligation_id)
    });
    Ok(MyWork {
        office,
        rows,
        today,
    })
}

/// Sets the office the caller works in (blank: none), which `/my-work` lists the work of.
#[server(endpoint = "save_my_office")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_my_office(office: Option<String>) -> Result<(), AppError> {
    let user = crate::auth::login::require_staff().await?;
    let office = crate::domain::text::OFFICE.check(office.as_deref())?;
    let pool = crate::db::pool()?;
    crate::db::work::save_office(&pool, user.id, office.as_deref()).await?;
    tracing::info!(user = user.id, "changed their office");
    Ok(())
}
