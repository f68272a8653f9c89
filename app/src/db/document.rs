//! The `document` table (an imported text) and the writing of what the extractor found in it:
//! its resolutions, their paragraphs and mandates, and the obligations the mandates create.
//!
//! Nothing that may carry history is deleted: resolutions and mandates missing from a revised
//! text are marked retired (and revived if they come back); paragraphs, which carry none, are
//! rewritten.

use crate::domain::Due;
use crate::domain::mandate::{mandate_keys, reports, target_session_number};
use crate::domain::review::{MandateFields, Review};
use crate::error::AppError;
use crate::extract::{Extraction, Resolution};
use adoption::adoption_day;
pub use adoption::{RecordedAdoption, record_adoption_date, recorded_adoption};

mod adoption;

/// A stored document, as an import compares it with the text it brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: i64,
    pub source_sha256: String,
    pub extractor_version: i32,
}

/// What identifies a text and the extractor that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentSource<'a> {
    pub symbol: &'a str,
    pub title: &'a str,
    pub sha256: &'a str,
    pub extractor_version: i32,
    pub adopted_on: Option<chrono::NaiveDate>,
    /// The staff member who brought it in through the browser; `None` from the command line.
    pub imported_by: Option<i64>,
}

/// The document with this symbol, locked until the transaction ends (one import at a time).
pub async fn lock_by_symbol(
    conn: &mut sqlx::PgConnection,
    symbol: &str,
) -> Result<Option<StoredDocument>, AppError> {
    Ok(sqlx::query_as!(
        StoredDocument,
        "select id, source_sha256, extractor_version from document where symbol = $1 for update",
        symbol
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// Stores a new document; returns its id.
pub async fn insert(
    conn: &mut sqlx::PgConnection,
    source: &DocumentSource<'_>,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        "insert into document (symbol, title, source_sha256, extractor_version, adopted_on,
                               imported_by)
         values ($1, $2, $3, $4, $5, $6) returning id",
        source.symbol,
        source.title,
        source.sha256,
        source.extractor_version,
        source.adopted_on,
        source.imported_by
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// Records that document `id` was imported again, from another text or extractor.
pub async fn mark_reimported(
    conn: &mut sqlx::PgConnection,
    id: i64,
    source: &DocumentSource<'_>,
) -> Result<(), AppError> {
    sqlx::query!(
        "update document set title = $2, source_sha256 = $3, extractor_version = $4,
                imported_at = now(), adopted_on = coalesce($5, adopted_on),
                imported_by = coalesce($6, imported_by)
          where id = $1",
        id,
        source.title,
        source.sha256,
        source.extractor_version,
        source.adopted_on,
        source.imported_by
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes one extraction of document `document_id`, inside the caller's transaction. Mandates
/// found for the first time get review state `review`: `Confirmed` ones are tracked at once,
/// `Proposed` ones wait for an editor ([`super::review`]).
pub async fn store_extraction(
    tx: &mut sqlx::PgConnection,
    document_id: i64,
    extraction: &Extraction,
    review: Review,
) -> Result<(), AppError> {
    let labels: Vec<String> = extraction
        .resolutions
        .iter()
        .map(|r| r.label.clone())
        .collect();
    super::resolution::retire_missing(tx, document_id, &labels).await?;
    super::mandate::retire_with_resolutions(tx, document_id).await?;
    for (position, resolution) in (0i32..).zip(&extraction.resolutions) {
        let resolution_id =
            super::resolution::upsert(tx, document_id, position, resolution).await?;
        let paragraph_ids =
            super::resolution::replace_paragraphs(tx, resolution_id, &resolution.paragraphs)
                .await?;
        store_mandates(tx, resolution_id, resolution, &paragraph_ids, review).await?;
    }
    Ok(())
}

/// The mandates of one resolution, each confirmed one with its obligation. A corrected mandate
/// was tracked with its corrections when it was reviewed; the text does not change them.
async fn store_mandates(
    tx: &mut sqlx::PgConnection,
    resolution_id: i64,
    resolution: &Resolution,
    paragraph_ids: &[i64],
    review: Review,
) -> Result<(), AppError> {
    let keys = mandate_keys(&resolution.mandates);
    super::mandate::retire_missing(tx, resolution_id, &keys).await?;
    let adopted_on = adoption_day(tx, resolution_id).await?;
    for ((position, mandate), key) in (0i32..).zip(&resolution.mandates).zip(&keys) {
        let row = super::mandate::MandateRow {
            resolution_id,
            paragraph_id: paragraph_of(resolution, paragraph_ids, mandate),
            key,
            position,
            session_number: target_session_number(mandate),
        };
        let (mandate_id, stored) = super::mandate::upsert(tx, &row, mandate, review).await?;
        if stored == Review::Confirmed {
            // Stored as found: its deadline is the one [`super::mandate::upsert`] just wrote.
            let dating = Dating {
                due: Due::of_extracted(&mandate.due),
                adopted_on,
            };
            let fields = MandateFields::of(mandate);
            let label = mandate.target_session_label.as_deref();
            track_dated(tx, mandate_id, &fields, label, dating).await?;
        }
    }
    super::mandate::follow_split_sources(tx, resolution_id).await
}

/// The paragraph a mandate was found in: the one with its number that holds its words (a
/// resolution may number the items of a list inside a paragraph too), else the first with its
/// number.
fn paragraph_of(
    resolution: &Resolution,
    ids: &[i64],
    mandate: &crate::extract::Mandate,
) -> Option<i64> {
    let numbered: Vec<(&crate::extract::Paragraph, i64)> = resolution
        .paragraphs
        .iter()
        .zip(ids.iter().copied())
        .filter(|(p, _)| p.number.as_deref() == Some(mandate.paragraph.as_str()))
        .collect();
    numbered
        .iter()
        .find(|(p, _)| p.text.contains(&mandate.quote))
        .or(numbered.first())
        .map(|(_, id)| *id)
}

/// A mandate's deadline as stored, and the day its text was adopted, which a span counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dating {
    due: Option<Due>,
    adopted_on: Option<chrono::NaiveDate>,
}

/// Makes mandate `mandate_id` tracked with `fields` after a review (confirmed, corrected or
/// split off): its deadline, perhaps an editor's correction, is read back as stored; see
/// [`track_dated`].
pub async fn track(
    tx: &mut sqlx::PgConnection,
    mandate_id: i64,
    fields: &MandateFields,
    session_label: Option<&str>,
) -> Result<(), AppError> {
    let (due, adopted_on) = super::mandate::due_and_adoption(tx, mandate_id).await?;
    let dating = Dating { due, adopted_on };
    track_dated(tx, mandate_id, fields, session_label, dating).await
}

/// Makes mandate `mandate_id` tracked with `fields`: a dated report when it is tracked as one
/// or its text gives a date deadline (due on that day), else a continuing activity.
async fn track_dated(
    tx: &mut sqlx::PgConnection,
    mandate_id: i64,
    fields: &MandateFields,
    session_label: Option<&str>,
    Dating { due, adopted_on }: Dating,
) -> Result<(), AppError> {
    // The body named, by name or alias (unknown bodies leave the obligation unlinked).
    let body_id = match &fields.target_body {
        Some(body) => super::body::id_by_name(tx, body).await?,
        None => None,
    };
    // A deadline written as a date makes even a task that is no report a dated obligation.
    if reports(fields.is_reporting, fields.recurrence) || due.is_some() {
        let session_id = match (body_id, fields.target_session) {
            (Some(body_id), Some(number)) => {
                Some(super::session::ensure(tx, body_id, number, session_label).await?)
            }
            _ => None,
        };
        let target = super::obligation::ReportTarget {
            body: fields.target_body.as_deref(),
            body_id,
            session_number: fields.target_session,
            session_id,
            due_on: due.and_then(|d| d.date(adopted_on)),
        };
        super::obligation::ensure_report(tx, mandate_id, &target).await
    } else {
        let body = fields.target_body.as_deref();
        super::obligation::ensure_activity(tx, mandate_id, body, body_id).await
    }
}
