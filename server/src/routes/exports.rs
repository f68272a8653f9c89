//! Downloads of the finder's answers, each taking the same parameters as `/obligations`:
//! `/obligations.csv` for spreadsheets.

use app::db::AtRiskWindow;
use app::error::AppError;
use app::model::finder::{FinderQuery, FoundObligation, ObligationFilter};
use axum::Router;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::StreamExt;
use sqlx::PgPool;

#[derive(Clone)]
struct Exports {
    pool: PgPool,
    /// Downloads being written at once: each holds a database connection while its client
    /// reads, so a few slow readers must not take the whole pool.
    writing: std::sync::Arc<tokio::sync::Semaphore>,
    at_risk: AtRiskWindow,
    /// `scheme://host` for the links in the files (`--public-origin`, else the request's Host).
    public_origin: Option<String>,
}

pub fn router(pool: PgPool, at_risk: AtRiskWindow, public_origin: Option<String>) -> Router {
    Router::new()
        .route("/obligations.csv", get(csv_export))
        .with_state(Exports {
            pool,
            writing: std::sync::Arc::new(tokio::sync::Semaphore::new(DOWNLOADS_AT_ONCE)),
            at_risk,
            public_origin,
        })
}

/// An export's or feed's refusal: the sentence, as plain text, with the error's status.
pub(crate) struct Refusal(AppError);

impl From<AppError> for Refusal {
    fn from(err: AppError) -> Self {
        Refusal(err)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, self.0.to_string()).into_response()
    }
}

/// Every obligation the filter keeps (all pages), as CSV that Excel opens as UTF-8 (with a byte
/// order mark) and whose dates it reads as dates (ISO 8601).
///
/// The file is streamed a few hundred rows at a time as the database sends them, so a large
/// filter costs the server one chunk of memory, not the whole file. The first chunk is ready
/// before the answer starts, so a database that cannot be read is still a 503, not a cut file.
async fn csv_export(
    State(exports): State<Exports>,
    headers: HeaderMap,
    Query(query): Query<FinderQuery>,
) -> Result<Response, Refusal> {
    let filter = query.check().map_err(AppError::from)?;
    let today = chrono::Utc::now().date_naive();
    let origin = link_origin(exports.public_origin.as_deref(), &headers);
    // Waits a little for a free writer, then says the server is busy (503).
    let permit = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        exports.writing.clone().acquire_owned(),
    )
    .await
    .map_err(|_| AppError::Unavailable)?
    .map_err(|_| AppError::Internal)?;
    let (tx, mut chunks) = tokio::sync::mpsc::channel(4);
    tokio::spawn(async move {
        // A client that reads too slowly is cut off rather than holding its connection.
        let written = tokio::time::timeout(
            DOWNLOAD_WITHIN,
            write_csv(exports, filter, today, origin, tx.clone()),
        );
        if written.await.is_err() {
            tracing::warn!("a CSV download took too long and was cut off");
            tx.send(Err(AppError::Unavailable)).await.ok();
        }
        drop(permit);
    });
    let first = chunks.recv().await.ok_or(AppError::Internal)??;
    let rest = futures_util::stream::unfold(chunks, |mut chunks| async move {
        let chunk = chunks.recv().await?;
        Some((chunk.map_err(std::io::Error::other), chunks))
    });
    let body = futures_util::stream::once(async { Ok(first) }).chain(rest);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"obligations.csv\"",
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// How many downloads are written at once, and how long one may take.
const DOWNLOADS_AT_ONCE: usize = 4;
const DOWNLOAD_WITHIN: std::time::Duration = std::time::Duration::from_secs(120);

/// Rows per chunk of a streamed CSV.
const CSV_CHUNK_ROWS: usize = 500;

/// Sends the CSV of `filter` to `tx` chunk by chunk; an error ends the file with that error
/// (which cuts the download, so a partial file is never taken for a whole one).
async fn write_csv(
    exports: Exports,
    filter: ObligationFilter,
    today: chrono::NaiveDate,
    origin: String,
    tx: tokio::sync::mpsc::Sender<Result<Vec<u8>, AppError>>,
) {
    let written = async {
        let rows = app::db::finder::each(&exports.pool, &filter, today, exports.at_risk.0).await?;
        let mut rows = std::pin::pin!(rows.chunks(CSV_CHUNK_ROWS));
        let mut first = true;
        while let Some(chunk) = rows.next().await {
            let chunk = chunk.into_iter().collect::<Result<Vec<_>, AppError>>()?;
            let bytes = csv_bytes(&chunk, &origin, today, first)?;
            first = false;
            if tx.send(Ok(bytes)).await.is_err() {
                return Ok(()); // The client went away.
            }
        }
        if first {
            tx.send(Ok(csv_bytes(&[], &origin, today, true)?))
                .await
                .ok();
        }
        Ok::<_, AppError>(())
    };
    if let Err(err) = written.await {
        tx.send(Err(err)).await.ok();
    }
}

/// `scheme://host` for the links in a download: `--public-origin` when set, else the request's
/// Host over http (a developer's machine).
pub(crate) fn link_origin(public_origin: Option<&str>, headers: &HeaderMap) -> String {
    public_origin.map_or_else(
        || {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            format!("http://{host}")
        },
        str::to_owned,
    )
}

const COLUMNS: [&str; 17] = [
    "Obligation",
    "Link",
    "Kind",
    "Status",
    "Urgency",
    "Judged on",
    "Resolution",
    "Paragraph",
    "Addressed to",
    "Mandate",
    "Due at",
    "Session",
    "Session opens",
    "Submit by",
    "Issue by",
    "Document symbol",
    "Date deadline",
];

/// `rows` as CSV lines, after the byte order mark and the header line when `first`.
fn csv_bytes(
    rows: &[FoundObligation],
    origin: &str,
    today: chrono::NaiveDate,
    first: bool,
) -> Result<Vec<u8>, AppError> {
    csv_lines(rows, origin, today, first).map_err(|err| {
        tracing::error!(error = %err, "cannot write the CSV export");
        AppError::Internal
    })
}

fn csv_lines(
    rows: &[FoundObligation],
    origin: &str,
    today: chrono::NaiveDate,
    first: bool,
) -> Result<Vec<u8>, csv::Error> {
    let start = if first {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    let mut out = csv::Writer::from_writer(start);
    if first {
        out.write_record(COLUMNS)?;
    }
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for row in rows {
        let s = &row.schedule;
        let quote: String = row.quote.iter().map(|(text, _)| text.as_str()).collect();
        let deadlines = s.deadlines;
        out.write_record([
            s.obligation_id.to_string(),
            format!("{origin}/obligations/{}", s.obligation_id),
            s.kind.label().to_string(),
            s.status.label().to_string(),
            row.urgency.words(s.status),
            today.to_string(),
            s.resolution_label.clone(),
            s.paragraph.clone(),
            s.addressee.clone(),
            quote,
            s.body.clone().unwrap_or_default(),
            s.session_label.clone().unwrap_or_default(),
            date(deadlines.and_then(|d| d.session_opens)),
            date(deadlines.map(|d| d.submission)),
            date(deadlines.map(|d| d.issuance)),
            row.document_symbol.clone().unwrap_or_default(),
            // "by 13 June 2018 (within 90 days of adoption)": due on a date, not at a session.
            s.due_words().unwrap_or_default(),
        ])?;
    }
    out.into_inner().map_err(|err| err.into_error().into())
}
