//! `mandate-tracker import`: stores documents, their resolutions and paragraphs.
//!
//! Idempotent by design: a document is keyed by its symbol, and its text's SHA-256 tells
//! whether anything changed; resolutions are keyed by (document, label).

use crate::settings::{DatabaseArgs, ImportArgs};
use anyhow::{Context, bail};
use app::extract::{Extraction, MAX_INPUT_BYTES, extract};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use std::path::Path;

/// What an import did to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Created,
    Updated,
    Unchanged,
}

pub async fn run(db: DatabaseArgs, args: ImportArgs) -> anyhow::Result<()> {
    if args.symbol.is_some() && args.files.len() > 1 {
        bail!(
            "--symbol names one document; import several files without it (each file's name is its symbol)"
        );
    }
    let pool = crate::database::connect(&db).await?;
    crate::database::migrate(&pool).await?;
    for path in &args.files {
        let symbol = match &args.symbol {
            Some(symbol) => symbol.clone(),
            None => symbol_from_file_name(path)?,
        };
        let text = read_text(path)?;
        let outcome = import_text(&pool, &symbol, &text)
            .await
            .with_context(|| format!("cannot import {}", path.display()))?;
        println!("{symbol}: {outcome:?} ({})", path.display());
    }
    Ok(())
}

fn symbol_from_file_name(path: &Path) -> anyhow::Result<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
        .with_context(|| format!("cannot derive a symbol from {}", path.display()))
}

/// Reads a file as UTF-8 text, refusing oversized or binary input with a clear message.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if size > MAX_INPUT_BYTES as u64 {
        bail!(
            "{} is {size} bytes; the limit is {MAX_INPUT_BYTES} bytes",
            path.display()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })
}

/// Extracts and stores one document in a single transaction.
pub async fn import_text(pool: &PgPool, symbol: &str, text: &str) -> anyhow::Result<ImportOutcome> {
    let symbol = symbol.trim();
    if symbol.is_empty() {
        bail!("the document symbol is empty");
    }
    let extraction = extract(text).map_err(|err| anyhow::anyhow!("{err}"))?;
    let sha = hex::encode(Sha256::digest(text.as_bytes()));
    let title = document_title(text);

    let mut tx = pool.begin().await?;
    let existing = sqlx::query!(
        "select id, source_sha256 from document where symbol = $1 for update",
        symbol
    )
    .fetch_optional(&mut *tx)
    .await?;
    let (document_id, outcome) = match existing {
        Some(row) if row.source_sha256 == sha => return Ok(ImportOutcome::Unchanged),
        Some(row) => {
            sqlx::query!(
                "update document set title = $2, source_sha256 = $3, imported_at = now() where id = $1",
                row.id,
                title,
                sha
            )
            .execute(&mut *tx)
            .await?;
            (row.id, ImportOutcome::Updated)
        }
        None => {
            let id = sqlx::query_scalar!(
                "insert into document (symbol, title, source_sha256) values ($1, $2, $3) returning id",
                symbol,
                title,
                sha
            )
            .fetch_one(&mut *tx)
            .await?;
            (id, ImportOutcome::Created)
        }
    };
    store_resolutions(&mut tx, document_id, &extraction).await?;
    tx.commit().await?;
    Ok(outcome)
}

async fn store_resolutions(
    tx: &mut sqlx::PgConnection,
    document_id: i64,
    extraction: &Extraction,
) -> anyhow::Result<()> {
    let labels: Vec<String> = extraction
        .resolutions
        .iter()
        .map(|r| r.label.clone())
        .collect();
    sqlx::query!(
        "delete from resolution where document_id = $1 and label <> all($2)",
        document_id,
        &labels
    )
    .execute(&mut *tx)
    .await?;
    for (position, resolution) in (0i32..).zip(&extraction.resolutions) {
        let resolution_id = sqlx::query_scalar!(
            r#"
            insert into resolution (document_id, position, label, title, adopting_body)
            values ($1, $2, $3, $4, $5)
            on conflict on constraint resolution_document_label_key
            do update set position = excluded.position, title = excluded.title,
                          adopting_body = excluded.adopting_body
            returning id
            "#,
            document_id,
            position,
            resolution.label,
            resolution.title,
            resolution.adopting_body
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!(
            "delete from paragraph where resolution_id = $1",
            resolution_id
        )
        .execute(&mut *tx)
        .await?;
        for (index, paragraph) in (0i32..).zip(&resolution.paragraphs) {
            sqlx::query!(
                "insert into paragraph (resolution_id, position, kind, number, text) values ($1, $2, $3, $4, $5)",
                resolution_id,
                index,
                paragraph.kind.as_str(),
                paragraph.number,
                paragraph.text
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

/// The report's own title line ("Report on the twenty-eighth session ..."), else its first line.
fn document_title(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines
        .clone()
        .next()
        .unwrap_or("Untitled document")
        .to_string();
    lines
        .find(|l| l.starts_with("Report on") || l.starts_with("Report of"))
        .map(str::to_owned)
        .unwrap_or(first)
}
