//! `mandate-tracker import` and `extract`: read UN documents, find their mandates, and (for
//! `import`) store documents, resolutions, paragraphs, mandates and reporting obligations.
//!
//! Idempotent by design: a document is keyed by its symbol and its text's SHA-256 tells whether
//! anything changed; resolutions are keyed by (document, label), mandates by a key built from
//! paragraph, addressee and target (see `app::domain::mandate`). The writing itself is
//! `app::db::document`.

use crate::settings::{DatabaseArgs, ExtractArgs, ExtractFormat, ImportArgs};
use anyhow::{Context, bail};
use app::db::import::ImportRequest;
use app::domain::review::Review;
use app::extract::{MAX_INPUT_BYTES, extract};
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::PgPool;
use std::path::Path;

pub use app::domain::mandate::{ImportOutcome, ImportSummary};

/// `mandate-tracker import FILE... [--symbol S]`.
pub async fn run(db: DatabaseArgs, args: ImportArgs) -> anyhow::Result<()> {
    if args.symbol.is_some() && args.files.len() > 1 {
        bail!(
            "--symbol names one document; import several files without it (each file's name is its symbol)"
        );
    }
    let pool = crate::database::connect(&db).await?;
    crate::database::migrate(&pool).await?;
    let progress = progress_bar(args.files.len());
    let mut failures = 0;
    for path in &args.files {
        progress.set_message(path.display().to_string());
        let symbol = match &args.symbol {
            Some(symbol) => symbol.clone(),
            None => symbol_from_file_name(path)?,
        };
        // One bad file does not stop the others; each file is its own transaction.
        let result = match read_text(path) {
            Ok(text) => import_adopted(&pool, &symbol, &text, args.adopted_on).await,
            Err(err) => Err(err),
        };
        match result {
            // `suspend` rather than `println`: a hidden bar (one file) would swallow the line.
            Ok((outcome, summary)) => progress.suspend(|| {
                println!(
                    "{symbol}: {} ({} resolutions, {} mandates: {} reporting, {} activities) from {}",
                    outcome_word(outcome),
                    summary.resolutions,
                    summary.mandates,
                    summary.obligations,
                    summary.activities,
                    path.display()
                )
            }),
            Err(err) => {
                failures += 1;
                progress.suspend(|| eprintln!("error: {}: {err:#}", path.display()));
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    if failures > 0 {
        bail!(
            "{failures} of {} files could not be imported",
            args.files.len()
        );
    }
    Ok(())
}

fn outcome_word(outcome: ImportOutcome) -> &'static str {
    match outcome {
        ImportOutcome::Created => "imported",
        ImportOutcome::Updated => "updated",
        ImportOutcome::Unchanged => "unchanged",
    }
}

/// A bar on stderr for several files; nothing for one (and nothing when stderr is not a
/// terminal: indicatif hides itself there).
fn progress_bar(files: usize) -> ProgressBar {
    if files < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// `mandate-tracker extract FILE [--format json|table]`: no database involved.
pub fn extract_command(args: ExtractArgs) -> anyhow::Result<()> {
    let text = read_text(&args.file)?;
    let extraction =
        extract(&text).map_err(|err| anyhow::anyhow!("{}: {err}", args.file.display()))?;
    let out = match args.format {
        ExtractFormat::Json => serde_json::to_string_pretty(&extraction.gold_view())?,
        ExtractFormat::Table => crate::extract_table::render(&extraction),
    };
    println!("{out}");
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

/// Extracts and stores one document in a single transaction; the command line is trusted, so
/// new mandates are confirmed and tracked at once.
pub async fn import_text(
    pool: &PgPool,
    symbol: &str,
    text: &str,
) -> anyhow::Result<(ImportOutcome, ImportSummary)> {
    import_adopted(pool, symbol, text, None).await
}

/// [`import_text`] of a text adopted on `adopted_on` (deadlines written as a span count from
/// it; a text imported before without it gets it now).
pub async fn import_adopted(
    pool: &PgPool,
    symbol: &str,
    text: &str,
    adopted_on: Option<chrono::NaiveDate>,
) -> anyhow::Result<(ImportOutcome, ImportSummary)> {
    let request = ImportRequest {
        symbol,
        text,
        adopted_on,
        imported_by: None,
        review: Review::Confirmed,
    };
    let imported = app::db::import::import(pool, &request)
        .await
        .map_err(|err| anyhow::anyhow!("{err}"))?;
    Ok((imported.outcome, imported.summary))
}
