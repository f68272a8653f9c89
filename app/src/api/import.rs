//! Bringing a text in through the browser: the drafts made from uploads (the server's upload
//! route makes them) or pasted text, edited and previewed, then imported as proposed mandates
//! for review. Editors and administrators only.

use crate::error::AppError;
use crate::model::review::{Draft, ImportListing};
use leptos::prelude::*;

/// What the draft page shows: the draft and the sessions the preview can date reports by.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DraftPage {
    pub draft: Draft,
    pub calendar: Vec<crate::domain::preview::KnownSession>,
    /// The document already stored under the draft's symbol, which importing would replace.
    pub replaces: Option<crate::model::review::StoredUnder>,
}

/// The caller's drafts and the documents waiting for review.
#[server(endpoint = "list_imports")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_imports() -> Result<ImportListing, AppError> {
    let user = crate::auth::login::require_editor().await?;
    let pool = crate::db::pool()?;
    Ok(ImportListing {
        drafts: crate::db::draft::mine(&pool, user.id).await?,
        awaiting_review: crate::db::review::awaiting(&pool).await?,
    })
}

/// Draft `draft_id` of the caller (another's draft is not found).
#[server(endpoint = "get_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(draft = draft_id)))]
pub async fn get_draft(draft_id: i64) -> Result<DraftPage, AppError> {
    let user = crate::auth::login::require_editor().await?;
    let pool = crate::db::pool()?;
    let draft = crate::db::draft::get(&pool, user.id, draft_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("You have no draft {draft_id}.")))?;
    let calendar = crate::db::review::known_sessions(&pool).await?;
    let replaces = crate::db::draft::stored_under(&pool, &draft.symbol).await?;
    Ok(DraftPage {
        draft,
        calendar,
        replaces,
    })
}

/// The symbol, date and text of an import form, checked.
#[cfg(feature = "ssr")]
pub fn described(
    symbol: &str,
    adopted_on: Option<String>,
) -> Result<(String, Option<chrono::NaiveDate>), AppError> {
    let symbol = symbol.trim();
    if symbol.is_empty() {
        return Err(AppError::invalid(
            "Enter the document's symbol, for example E/2019/30 or A/RES/77/237.",
        ));
    }
    let symbol = crate::domain::DocumentSymbol::parse(symbol)
        .map_err(|err| AppError::invalid(format!("The document symbol: {err}")))?;
    let adopted_on = super::form::date(adopted_on, "adoption")?;
    Ok((symbol.as_ref().to_owned(), adopted_on))
}

/// Saves an edit of draft `draft_id` and, when `intent` is `import`, imports it: its mandates
/// are stored as proposed, the draft is deleted and the browser goes to the review page.
/// Otherwise it comes back to the draft, with the preview of the edited text.
#[server(endpoint = "save_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(draft = draft_id)))]
pub async fn save_draft(
    draft_id: i64,
    symbol: String,
    #[server(default)] adopted_on: Option<String>,
    text: String,
    #[server(default)] intent: String,
) -> Result<(), AppError> {
    use crate::domain::review::Review;

    let user = crate::auth::login::require_editor().await?;
    if text.len() > crate::extract::MAX_INPUT_BYTES {
        return Err(AppError::invalid("The text is too long to import."));
    }
    let text = text.replace("\r\n", "\n");
    let pool = crate::db::pool()?;
    // What was typed is saved first, even when it is refused below: nothing typed is lost.
    let symbol_typed = symbol.trim().to_owned();
    let saved_on = super::form::date(adopted_on.clone(), "adoption")
        .ok()
        .flatten();
    if !crate::db::draft::update(&pool, user.id, draft_id, &symbol_typed, saved_on, &text).await? {
        return Err(AppError::NotFound(format!("You have no draft {draft_id}.")));
    }
    let (symbol, adopted_on) = described(&symbol, adopted_on)?;
    if intent != "import" {
        leptos_axum::redirect(&format!("/import/drafts/{draft_id}"));
        return Ok(());
    }
    let request = crate::db::import::ImportRequest {
        symbol: &symbol,
        text: &text,
        adopted_on,
        imported_by: Some(user.id),
        review: Review::Proposed,
    };
    let imported = crate::db::import::import(&pool, &request).await?;
    crate::db::draft::delete(&pool, user.id, draft_id).await?;
    tracing::info!(
        user = user.id,
        document = imported.document_id,
        mandates = imported.summary.mandates,
        "imported a document from the browser"
    );
    leptos_axum::redirect(&format!("/review/{}", imported.document_id));
    Ok(())
}

/// Deletes draft `draft_id` of the caller, and goes back to the import page.
#[server(endpoint = "discard_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(draft = draft_id)))]
pub async fn discard_draft(draft_id: i64) -> Result<(), AppError> {
    let user = crate::auth::login::require_editor().await?;
    let pool = crate::db::pool()?;
    crate::db::draft::delete(&pool, user.id, draft_id).await?;
    leptos_axum::redirect("/import");
    Ok(())
}
