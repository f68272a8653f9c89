//! The review queue: every staff member reads a document's proposed mandates; editors and
//! administrators decide on them. Each decision is recorded with who made it and what changed,
//! and a confirmed or corrected mandate becomes a tracked obligation in the same transaction.

use crate::error::AppError;
use crate::model::review::ReviewDocument;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A mandate's fields as the correction and split forms post them (`FieldInputs` in
/// `components/review_forms.rs` names the inputs), flattened into each server function's
/// arguments so the posted names stay `addressee`, `action`, `reporting`, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldsForm {
    pub addressee: String,
    pub action: String,
    /// A checkbox: absent when unticked.
    #[serde(default)]
    pub reporting: Option<String>,
    #[serde(default)]
    pub target_body: String,
    #[serde(default)]
    pub target_session: String,
    #[serde(default)]
    pub recurrence: String,
}

#[cfg(feature = "ssr")]
impl FieldsForm {
    /// The fields typed, checked (422 with a sentence when one makes no sense).
    fn fields(&self) -> Result<crate::domain::review::MandateFields, AppError> {
        crate::domain::review::corrected(
            &self.addressee,
            &self.action,
            self.reporting
                .as_deref()
                .is_some_and(|r| r == "yes" || r == "on" || r == "true"),
            &self.target_body,
            &self.target_session,
            &self.recurrence,
        )
        .map_err(AppError::invalid)
    }
}

/// Document `document_id` as the review page shows it.
#[server(endpoint = "get_review")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(document = document_id)))]
pub async fn get_review(document_id: i64) -> Result<ReviewDocument, AppError> {
    let user = crate::auth::login::require_staff().await?;
    let pool = crate::db::pool()?;
    let mut document = crate::db::review::document(&pool, document_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no document {document_id}.")))?;
    document.can_edit = user.role.can_edit();
    Ok(document)
}

#[cfg(feature = "ssr")]
mod decide;

/// Confirms proposed mandate `mandate_id` as the extractor found it: it becomes tracked.
#[server(endpoint = "confirm_mandate")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(mandate = mandate_id)))]
pub async fn confirm_mandate(mandate_id: i64) -> Result<(), AppError> {
    let (user, mut tx, pending) = decide::begin(mandate_id).await?;
    let fields = pending.fields.clone();
    decide::track(&mut tx, &user, &pending, &fields).await?;
    tx.commit().await?;
    Ok(())
}

/// Corrects proposed mandate `mandate_id` and tracks it with the corrections (when nothing
/// differs, that is a confirmation).
#[server(endpoint = "correct_mandate")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(mandate = mandate_id)))]
pub async fn correct_mandate(
    mandate_id: i64,
    #[server(flatten)] form: FieldsForm,
) -> Result<(), AppError> {
    let (user, mut tx, pending) = decide::begin(mandate_id).await?;
    let fields = form.fields()?;
    decide::track(&mut tx, &user, &pending, &fields).await?;
    tx.commit().await?;
    Ok(())
}

/// Rejects proposed mandate `mandate_id`: it is not tracked and no public page shows it.
#[server(endpoint = "reject_mandate")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(mandate = mandate_id)))]
pub async fn reject_mandate(mandate_id: i64) -> Result<(), AppError> {
    use crate::domain::review::{Decision, Review};
    let (user, mut tx, pending) = decide::begin(mandate_id).await?;
    decide::not_absorbing(&mut tx, pending.id).await?;
    crate::db::review::set(&mut tx, pending.id, Review::Rejected, &pending.fields, None).await?;
    crate::db::review::record(
        &mut tx,
        pending.id,
        Decision::Rejected,
        decide::by(&user),
        &[],
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Splits proposed mandate `mandate_id`: `quote` (words of its paragraph) becomes a mandate of
/// its own with the fields given, tracked at once; the original stays proposed.
#[server(endpoint = "split_mandate")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(mandate = mandate_id)))]
pub async fn split_mandate(
    mandate_id: i64,
    quote: String,
    #[server(flatten)] form: FieldsForm,
) -> Result<(), AppError> {
    use crate::domain::review::Decision;
    let (user, mut tx, pending) = decide::begin(mandate_id).await?;
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let paragraph = pending
        .paragraph_text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if quote.is_empty() || !paragraph.contains(&quote) {
        return Err(AppError::invalid(
            "Copy the words of the new mandate from its paragraph, exactly as they are there.",
        ));
    }
    let fields = form.fields()?;
    let new = crate::db::review::insert_split(&mut tx, pending.id, &quote, &fields).await?;
    crate::db::document::track(&mut tx, new, &fields, None).await?;
    let changes = pending.fields.changes(&fields);
    let pair = [(pending.id, Decision::Split), (new, Decision::SplitFrom)];
    decide::record_pair(&mut tx, &user, pair, &changes).await?;
    tx.commit().await?;
    Ok(())
}

/// Merges proposed mandate `mandate_id` into mandate `into` of the same resolution (the same
/// task found twice): it is not tracked itself.
#[server(endpoint = "merge_mandate")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(mandate = mandate_id)))]
pub async fn merge_mandate(mandate_id: i64, into: i64) -> Result<(), AppError> {
    use crate::domain::review::{Decision, Review};
    // Both mandates locked first, in one order: of two editors merging A into B and B into A
    // at once, the second waits, then is refused (B has A merged into it).
    let (user, mut tx, pending) = decide::begin_with(mandate_id, Some(into)).await?;
    decide::not_absorbing(&mut tx, pending.id).await?;
    if into == mandate_id
        || !crate::db::review::can_absorb(&mut tx, into, pending.resolution_id).await?
    {
        return Err(AppError::invalid(
            "Choose another current mandate of the same resolution to merge into.",
        ));
    }
    let merged = Review::Merged;
    crate::db::review::set(&mut tx, pending.id, merged, &pending.fields, Some(into)).await?;
    let pair = [(pending.id, Decision::Merged), (into, Decision::MergedFrom)];
    decide::record_pair(&mut tx, &user, pair, &[]).await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms every proposed mandate of document `document_id` as found (a clean document).
#[server(endpoint = "confirm_all")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(document = document_id)))]
pub async fn confirm_all(document_id: i64) -> Result<usize, AppError> {
    let user = crate::auth::login::require_editor().await?;
    let pool = crate::db::pool()?;
    let mut tx = pool.begin().await?;
    let ids = crate::db::review::proposed_in(&mut tx, document_id).await?;
    for id in &ids {
        let pending = crate::db::review::lock_proposed(&mut tx, *id).await?;
        let fields = pending.fields.clone();
        decide::track(&mut tx, &user, &pending, &fields).await?;
    }
    tx.commit().await?;
    tracing::info!(
        user = user.id,
        document = document_id,
        confirmed = ids.len(),
        "confirmed a document's mandates"
    );
    Ok(ids.len())
}

/// Records the symbol and date under which resolution `resolution_id` was adopted (a draft in
/// a Commission's report adopted by the General Assembly or ECOSOC); blank clears them.
#[server(endpoint = "record_adoption")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(resolution = resolution_id)))]
pub async fn record_adoption(
    resolution_id: i64,
    #[server(default)] adopted_symbol: String,
    #[server(default)] adopted_on: Option<String>,
) -> Result<(), AppError> {
    let user = crate::auth::login::require_editor().await?;
    let symbol = match adopted_symbol.trim() {
        "" => None,
        text => Some(
            crate::domain::DocumentSymbol::parse(text)
                .map_err(|err| AppError::invalid(format!("The adopted symbol: {err}")))?,
        ),
    };
    let adopted_on = super::form::date(adopted_on, "adoption")?;
    if symbol.is_none() && adopted_on.is_some() {
        return Err(AppError::invalid(
            "Enter the symbol the resolution was adopted under, or leave the date empty.",
        ));
    }
    let pool = crate::db::pool()?;
    let symbol = symbol.as_ref().map(|s| s.as_ref());
    if !crate::db::review::record_adoption(&pool, resolution_id, symbol, adopted_on).await? {
        return Err(AppError::NotFound(format!(
            "There is no resolution {resolution_id}."
        )));
    }
    tracing::info!(
        user = user.id,
        resolution = resolution_id,
        "recorded an adoption"
    );
    Ok(())
}
