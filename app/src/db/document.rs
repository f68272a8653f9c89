//! The `document` table (an imported text) and the writing of what the extractor found in it:
//! its resolutions, their paragraphs and mandates, and the obligations the mandates create.
//!
//! Nothing that may carry history is deleted: resolutions and mandates missing from a revised
//! text are marked retired (and revived if they come back); paragraphs, which carry none, are
//! rewritten.

use crate::domain::mandate::{mandate_keys, target_session_number, tracked_as_report};
use crate::error::AppError;
use crate::extract::{Extraction, Resolution};

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
        "insert into document (symbol, title, source_sha256, extractor_version)
         values ($1, $2, $3, $4) returning id",
        source.symbol,
        source.title,
        source.sha256,
        source.extractor_version
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
                imported_at = now()
          where id = $1",
        id,
        source.title,
        source.sha256,
        source.extractor_version
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes one extraction of document `document_id`, inside the caller's transaction.
pub async fn store_extraction(
    tx: &mut sqlx::PgConnection,
    document_id: i64,
    extraction: &Extraction,
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
        store_mandates(tx, resolution_id, resolution, &paragraph_ids).await?;
    }
    Ok(())
}

/// The mandates of one resolution, each with its obligation: a dated report when the mandate is
/// tracked as one, else a continuing activity.
async fn store_mandates(
    tx: &mut sqlx::PgConnection,
    resolution_id: i64,
    resolution: &Resolution,
    paragraph_ids: &std::collections::HashMap<String, i64>,
) -> Result<(), AppError> {
    let keys = mandate_keys(&resolution.mandates);
    super::mandate::retire_missing(tx, resolution_id, &keys).await?;
    for ((position, mandate), key) in (0i32..).zip(&resolution.mandates).zip(&keys) {
        let row = super::mandate::MandateRow {
            resolution_id,
            paragraph_id: paragraph_ids.get(&mandate.paragraph).copied(),
            key,
            position,
            session_number: target_session_number(mandate),
        };
        let mandate_id = super::mandate::upsert(tx, &row, mandate).await?;
        if tracked_as_report(mandate) {
            let session_id = match (&mandate.target_body, row.session_number) {
                (Some(body), Some(number)) => {
                    target_session(tx, body, number, mandate.target_session_label.as_deref())
                        .await?
                }
                _ => None,
            };
            let target = super::obligation::ReportTarget {
                body: mandate.target_body.as_deref(),
                session_number: row.session_number,
                session_id,
            };
            super::obligation::ensure_report(tx, mandate_id, &target).await?;
        } else {
            super::obligation::ensure_activity(tx, mandate_id, mandate.target_body.as_deref())
                .await?;
        }
    }
    Ok(())
}

/// The session a report is due at: the body is found by name or alias, the session by
/// [`super::session::ensure`]. Unknown bodies leave the obligation unlinked.
async fn target_session(
    tx: &mut sqlx::PgConnection,
    body: &str,
    number: i32,
    label: Option<&str>,
) -> Result<Option<i64>, AppError> {
    let Some(body_id) = super::body::id_by_name(tx, body).await? else {
        return Ok(None);
    };
    Ok(Some(
        super::session::ensure(tx, body_id, number, label).await?,
    ))
}
