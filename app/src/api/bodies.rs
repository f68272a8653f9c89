//! Bodies, as administrators keep them on `/calendar`: adding one, and changing one's name,
//! kind and cadence (its acronym stays: addresses use it). Lead times and sessions are in
//! [`super::calendar`].

use crate::error::AppError;
use leptos::prelude::*;

/// The fields both forms share, read once.
#[cfg(feature = "ssr")]
fn described(
    name: &str,
    kind: &str,
    cadence_years: &str,
) -> Result<(String, crate::domain::body::BodyKind, i32), AppError> {
    let name = crate::domain::text::BODY_NAME
        .check(Some(name))?
        .ok_or_else(|| AppError::invalid("Enter the body's name."))?;
    let kind = kind
        .parse()
        .map_err(|()| AppError::invalid("Choose the kind of body from the list."))?;
    let cadence = super::form::number(
        cadence_years,
        "The number of years between sessions",
        1..=10,
    )?;
    Ok((name, kind, cadence))
}

/// Adds a body, with the default lead times; administrators only. Its id.
#[server(endpoint = "add_body")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn add_body(
    code: String,
    name: String,
    kind: String,
    cadence_years: String,
) -> Result<i64, AppError> {
    let user = crate::auth::login::require_admin().await?;
    let code = crate::domain::body::body_code(&code).map_err(AppError::invalid)?;
    let (name, kind, cadence_years) = described(&name, &kind, &cadence_years)?;
    let pool = crate::db::pool()?;
    let body = crate::db::body::NewBody {
        code: &code,
        name: &name,
        kind: kind.as_str(),
        cadence_years,
    };
    let mut conn = pool.acquire().await?;
    let id = crate::db::body::add(&mut conn, &body)
        .await?
        .ok_or_else(|| {
            AppError::invalid(format!(
                "There is already a body with the acronym {code} or the name {name}."
            ))
        })?;
    tracing::info!(user = user.id, body = id, code = %code, "added a body");
    Ok(id)
}

/// Renames body `body_id` and sets its kind and cadence; administrators only.
#[server(endpoint = "change_body")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(body = body_id)))]
pub async fn change_body(
    body_id: i64,
    name: String,
    kind: String,
    cadence_years: String,
) -> Result<(), AppError> {
    use crate::db::body::BodyChange;

    let user = crate::auth::login::require_admin().await?;
    let (name, kind, cadence_years) = described(&name, &kind, &cadence_years)?;
    let pool = crate::db::pool()?;
    match crate::db::body::change(&pool, body_id, &name, kind.as_str(), cadence_years).await? {
        BodyChange::Done => {
            tracing::info!(user = user.id, body = body_id, "changed a body");
            Ok(())
        }
        BodyChange::NoSuchBody => Err(AppError::NotFound(format!("There is no body {body_id}."))),
        BodyChange::NameTaken => Err(AppError::invalid(format!(
            "Another body is called {name} already."
        ))),
    }
}
