//! `mandate-tracker demo corpus FILE`: imports the development corpus (`data/corpus/corpus.json`)
//! as `make run` shows it: each text under its symbol, with the day it was adopted (which
//! deadlines such as "within 90 days of the adoption" count from) and, for a Security Council
//! draft, the symbol it was adopted under ("S/RES/2730 (2024)"). Idempotent like `import`.

use crate::settings::DatabaseArgs;
use anyhow::{Context, bail};
use chrono::NaiveDate;
use serde::Deserialize;
use sqlx::PgPool;
use std::path::Path;

/// What the import reads of one document of the corpus index (its other fields are the
/// annotation, for the extractor's tests).
#[derive(Debug, Deserialize)]
pub struct CorpusDocument {
    pub symbol: String,
    /// The adopted resolution's symbol when the text is its draft.
    pub final_symbol: Option<String>,
    pub date_adopted: NaiveDate,
    /// The text, relative to the index.
    pub text_file: String,
}

/// Reads the corpus index at `path`.
pub fn read_index(path: &Path) -> anyhow::Result<Vec<CorpusDocument>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not a corpus index", path.display()))
}

pub async fn run(db: DatabaseArgs, path: &Path) -> anyhow::Result<()> {
    let pool = crate::database::connect(&db).await?;
    crate::database::migrate(&pool).await?;
    let count = import_all(&pool, path).await?;
    println!(
        "demo: {count} corpus texts imported or unchanged ({})",
        path.display()
    );
    Ok(())
}

/// Imports every document of the index at `path`; returns how many.
pub async fn import_all(pool: &PgPool, path: &Path) -> anyhow::Result<usize> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let documents = read_index(path)?;
    for doc in &documents {
        let text = crate::import::read_text(&dir.join(&doc.text_file))?;
        crate::import::import_adopted(pool, &doc.symbol, &text, Some(doc.date_adopted))
            .await
            .with_context(|| doc.symbol.clone())?;
        if let Some(adopted_as) = &doc.final_symbol {
            record_adopted_symbol(pool, doc, adopted_as).await?;
        }
    }
    Ok(documents.len())
}

/// Records the symbol the document's one resolution was adopted under, and the day, unless
/// both are recorded already: every `make run` loads the corpus again, and a write, even of
/// the same values, sends a `data_changed` notice that empties the server's page store.
async fn record_adopted_symbol(
    pool: &PgPool,
    doc: &CorpusDocument,
    adopted_as: &str,
) -> anyhow::Result<()> {
    let resolutions = app::db::resolution::ids_of_document(pool, &doc.symbol).await?;
    let [id] = resolutions.as_slice() else {
        bail!(
            "{}: final_symbol names the one resolution of a text, but it has {}",
            doc.symbol,
            resolutions.len()
        );
    };
    let recorded = app::db::document::recorded_adoption(pool, *id).await?;
    if recorded.adopted_symbol.as_deref() == Some(adopted_as)
        && recorded.adopted_on == Some(doc.date_adopted)
    {
        return Ok(());
    }
    app::db::review::record_adoption(pool, *id, Some(adopted_as), Some(doc.date_adopted)).await?;
    Ok(())
}
