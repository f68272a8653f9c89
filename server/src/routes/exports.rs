//! Downloads of the finder's answers, each taking the same parameters as `/obligations`:
//! `/obligations.csv` for spreadsheets.

use app::db::AtRiskWindow;
use app::error::AppError;
use app::model::finder::{FinderQuery, FoundObligation};
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sqlx::PgPool;

#[derive(Clone)]
struct Exports {
    pool: PgPool,
    at_risk: AtRiskWindow,
    /// `scheme://host` for the links in the files (`--public-origin`, else the request's Host).
    public_origin: Option<String>,
}

pub fn router(pool: PgPool, at_risk: AtRiskWindow, public_origin: Option<String>) -> Router {
    Router::new()
        .route("/obligations.csv", get(csv_export))
        .with_state(Exports {
            pool,
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
async fn csv_export(
    State(exports): State<Exports>,
    headers: HeaderMap,
    Query(query): Query<FinderQuery>,
) -> Result<Response, Refusal> {
    let filter = query.check().map_err(AppError::from)?;
    let today = chrono::Utc::now().date_naive();
    let page =
        app::db::finder::find(&exports.pool, &filter, today, exports.at_risk.0, None).await?;
    let origin = link_origin(exports.public_origin.as_deref(), &headers);
    let body = csv_bytes(&page.rows, &origin, today).map_err(|err| {
        tracing::error!(error = %err, "cannot write the CSV export");
        AppError::Internal
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"obligations.csv\"",
            ),
        ],
        body,
    )
        .into_response())
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

const COLUMNS: [&str; 16] = [
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
];

fn csv_bytes(
    rows: &[FoundObligation],
    origin: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(COLUMNS)?;
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
            date(deadlines.map(|d| d.session_opens)),
            date(deadlines.map(|d| d.submission)),
            date(deadlines.map(|d| d.issuance)),
            row.document_symbol.clone().unwrap_or_default(),
        ])?;
    }
    out.into_inner().map_err(|err| err.into_error().into())
}
