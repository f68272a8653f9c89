//! The JSON API for programs: `/api/v1/obligations` answers the finder's question (the same
//! parameters as `/obligations`, a page of 50 at a time) as JSON, and `/api/openapi.json`
//! describes it, generated with utoipa from the types in [`schema`].
//!
//! Every answer sets its own status, so `errors::status_from_error` (which rewrites the 500s of
//! server functions under `/api/`) leaves it alone: its error bodies do not read as an
//! [`AppError`].

mod schema;

pub use schema::{ApiError, ApiObligation, ApiUrgency, ObligationList};

use app::db::AtRiskWindow;
use app::error::AppError;
use app::model::finder::{FilterError, FinderQuery, PAGE_SIZE};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing::get};
use schema::{ObligationParams, PARAMETER_NAMES};
use sqlx::PgPool;
use std::sync::LazyLock;
use utoipa::OpenApi;

#[derive(Clone)]
struct Api {
    pool: PgPool,
    at_risk: AtRiskWindow,
    /// `scheme://host` for the links in the answers (`--public-origin`, else the request's Host).
    public_origin: Option<String>,
}

pub fn router(pool: PgPool, at_risk: AtRiskWindow, public_origin: Option<String>) -> Router {
    Router::new()
        .route("/api/v1/obligations", get(obligations))
        .route("/api/openapi.json", get(openapi))
        .with_state(Api {
            pool,
            at_risk,
            public_origin,
        })
}

/// The OpenAPI document, built once from the code.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mandate Tracker API",
        description = "Reporting obligations created by the resolutions of intergovernmental \
                       bodies, with their sessions, deadlines, status and urgency. Read-only; \
                       no account needed."
    ),
    paths(obligations),
    tags((name = "obligations", description = "The finder's answers, as on /obligations."))
)]
pub struct ApiDoc;

static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(ApiDoc::openapi);

async fn openapi() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(&DOCUMENT)
}

/// A refusal: the error as JSON, with its status.
#[derive(Debug)]
struct Refusal(StatusCode, ApiError);

impl Refusal {
    fn field(field: &str, message: String) -> Self {
        let error = ApiError {
            error: message,
            field: Some(field.to_owned()),
        };
        Refusal(StatusCode::UNPROCESSABLE_ENTITY, error)
    }
}

impl From<AppError> for Refusal {
    fn from(err: AppError) -> Self {
        let status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let error = ApiError {
            error: err.to_string(),
            field: None,
        };
        Refusal(status, error)
    }
}

impl From<FilterError> for Refusal {
    fn from(err: FilterError) -> Self {
        Refusal::field(err.field, err.message)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

/// Reads the query string: each parameter at most once, and only the finder's, so a misspelt
/// name is refused rather than silently ignored.
fn read_query(raw: Option<&str>) -> Result<FinderQuery, Refusal> {
    let mut given = serde_json::Map::new();
    for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if !PARAMETER_NAMES.iter().any(|known| *known == name) {
            let known = PARAMETER_NAMES.join(", ");
            let message = format!("There is no parameter '{name}'. The parameters are {known}.");
            return Err(Refusal::field(&name, message));
        }
        if given.insert(name.to_string(), value.into()).is_some() {
            let message = format!("Give the parameter '{name}' once.");
            return Err(Refusal::field(&name, message));
        }
    }
    let params: ObligationParams = serde_json::from_value(given.into()).map_err(|err| {
        tracing::error!(error = %err, "cannot read checked API parameters");
        AppError::Internal
    })?;
    Ok(params.into())
}

/// The obligations the filter keeps, a page at a time, judged on today's date.
///
/// The same parameters as the finder's page `/obligations`, every one optional; a blank value
/// means "any". A parameter that is not listed here, or is given twice, is refused (422) rather
/// than ignored, so a misspelt filter never passes for no filter.
#[utoipa::path(
    get,
    path = "/api/v1/obligations",
    tag = "obligations",
    params(ObligationParams),
    responses(
        (status = 200, description = "One page of the obligations found.", body = ObligationList),
        (status = 422, description = "A parameter makes no sense; `field` names it.",
         body = ApiError),
        (status = 503, description = "The database cannot be reached just now.", body = ApiError),
        (status = 500, description = "Something went wrong on the server.", body = ApiError),
    )
)]
async fn obligations(
    State(api): State<Api>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<ObligationList>, Refusal> {
    let filter = read_query(raw.as_deref())?.check()?;
    let today = chrono::Utc::now().date_naive();
    let found =
        app::db::finder::find(&api.pool, &filter, today, api.at_risk.0, Some(PAGE_SIZE)).await?;
    let origin = api.public_origin.clone().unwrap_or_else(|| {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        format!("http://{host}")
    });
    Ok(Json(ObligationList {
        total: found.total,
        page: found.page,
        pages: found.pages(),
        today: found.today,
        obligations: found
            .rows
            .into_iter()
            .map(|row| ApiObligation::new(row, &origin))
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_parameters_are_the_finders() {
        let finder = serde_json::to_value(FinderQuery::default()).unwrap();
        let mut expected: Vec<&String> = finder.as_object().unwrap().keys().collect();
        let mut documented: Vec<&String> = PARAMETER_NAMES.iter().collect();
        expected.sort();
        documented.sort();
        assert_eq!(documented, expected);
    }

    #[test]
    fn misspelt_and_repeated_parameters_are_refused_by_name() {
        for (query, field) in [
            ("stauts=pending", "stauts"),
            ("kind=report&kind=activity", "kind"),
        ] {
            let Err(Refusal(status, error)) = read_query(Some(query)) else {
                panic!("{query} was accepted");
            };
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(error.field.as_deref(), Some(field));
            assert!(error.error.ends_with('.'), "{}", error.error);
        }
        let query = read_query(Some("body=CCPCJ&q=organised+crime")).unwrap();
        assert_eq!(query.q.as_deref(), Some("organised crime"));
        assert_eq!(query.body.as_deref(), Some("CCPCJ"));
    }
}
