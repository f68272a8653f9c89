//! Managing the work (staff only): an obligation's office and focal point, following it, and
//! which notices one is mailed.

use crate::error::AppError;
use crate::model::work::{NoticeSettings, WorkPanel};
use leptos::prelude::*;

/// The staff panel of obligation `id`: office, focal point, the staff to choose from, and
/// whether the caller follows it.
#[server(endpoint = "get_work_panel")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id)))]
pub async fn get_work_panel(id: i64) -> Result<WorkPanel, AppError> {
    let user = crate::auth::login::require_staff().await?;
    let pool = crate::db::pool()?;
    crate::db::work::panel(&pool, id, user.id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no obligation {id}.")))
}

/// Sets obligation `id`'s responsible office and focal point (blank: none). The new focal
/// point follows it from now on and, unless they set it themselves, is mailed a notice.
#[server(endpoint = "assign_obligation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(obligation = id)))]
pub async fn assign_obligation(
    id: i64,
    office: Option<String>,
    focal_point: Option<String>,
) -> Result<(), AppError> {
    use crate::db::work::{Recipient, assign};
    use crate::domain::text::OFFICE;

    let user = crate::auth::login::require_staff().await?;
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
