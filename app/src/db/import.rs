//! Importing one text: extract it and store what was found, in one transaction. The command
//! line (`mandate-tracker import`) and the browser's import share it.
//!
//! Idempotent by design: a document is keyed by its symbol and its text's SHA-256 tells whether
//! anything changed; resolutions are keyed by (document, label), mandates by a key built from
//! paragraph, addressee and target (see [`crate::domain::mandate`]).

use super::document::{self, DocumentSource};
use crate::domain::mandate::{ImportOutcome, ImportSummary};
use crate::domain::review::Review;
use crate::error::AppError;
use crate::extract::{EXTRACTOR_VERSION, ExtractError, extract};
use sha2::{Digest, Sha256};

/// What is imported, and how its new mandates start.
#[derive(Debug, Clone, Copy)]
pub struct ImportRequest<'a> {
    pub symbol: &'a str,
    pub text: &'a str,
    pub adopted_on: Option<chrono::NaiveDate>,
    pub imported_by: Option<i64>,
    /// `Proposed` from the browser (an editor reviews them); `Confirmed` from the command line.
    pub review: Review,
}

/// What an import did: its outcome, the counts, and the document's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub outcome: ImportOutcome,
    pub summary: ImportSummary,
    pub document_id: i64,
}

/// Extracts and stores one document in a single transaction. A text with no resolution in it is
/// refused (422) and stores nothing.
#[tracing::instrument(skip_all, fields(symbol = %request.symbol))]
pub async fn import(
    pool: &sqlx::PgPool,
    request: &ImportRequest<'_>,
) -> Result<Imported, AppError> {
    let symbol = request.symbol.trim();
    if symbol.is_empty() {
        return Err(AppError::invalid("Enter the document's symbol."));
    }
    let extraction = extract(request.text).map_err(|err| match err {
        ExtractError::NoResolution => AppError::invalid(crate::domain::upload::NO_RESOLUTION),
        other => AppError::invalid(format!("The text cannot be read: {other}.")),
    })?;
    let sha = hex::encode(Sha256::digest(request.text.as_bytes()));
    let summary = ImportSummary::of(&extraction);
    let title = document_title(request.text, &extraction);
    let source = DocumentSource {
        symbol,
        title: &title,
        sha256: &sha,
        extractor_version: EXTRACTOR_VERSION,
        adopted_on: request.adopted_on,
        imported_by: request.imported_by,
    };
    let mut tx = pool.begin().await?;
    let (document_id, outcome) = match document::lock_by_symbol(&mut tx, symbol).await? {
        Some(row) if row.source_sha256 == sha && row.extractor_version == EXTRACTOR_VERSION => {
            // The same text again, perhaps now with its adoption date.
            if let Some(day) = request.adopted_on {
                document::record_adoption_date(&mut tx, row.id, day).await?;
                tx.commit().await?;
            }
            return Ok(Imported {
                outcome: ImportOutcome::Unchanged,
                summary,
                document_id: row.id,
            });
        }
        Some(row) => {
            document::mark_reimported(&mut tx, row.id, &source).await?;
            (row.id, ImportOutcome::Updated)
        }
        None => (
            document::insert(&mut tx, &source).await?,
            ImportOutcome::Created,
        ),
    };
    document::store_extraction(&mut tx, document_id, &extraction, request.review).await?;
    tx.commit().await?;
    Ok(Imported {
        outcome,
        summary,
        document_id,
    })
}

/// The report's own title line ("Report on the twenty-eighth session ..."), else the title of
/// its one resolution, else its first line.
pub fn document_title(text: &str, extraction: &crate::extract::Extraction) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines
        .clone()
        .next()
        .unwrap_or("Untitled document")
        .to_string();
    let only = match extraction.resolutions.as_slice() {
        [one] if !one.title.trim().is_empty() => Some(one.title.trim().to_owned()),
        _ => None,
    };
    lines
        .find(|l| l.starts_with("Report on") || l.starts_with("Report of"))
        .map(str::to_owned)
        .or(only)
        .unwrap_or(first)
}
