//! `POST /import`: a file (PDF, Word, Akoma Ntoso XML, text) or pasted text, with the document's
//! symbol and adoption date, becomes an import draft; the browser goes on to the draft's page
//! with the preview. Editors and administrators only. A refused upload stores nothing and is
//! answered with the import page again (4xx), its problems by their fields and what was typed
//! kept; clients that ask for JSON get `{"error": ...}` with the same status.

use crate::document_text::{Refusal, text_of};
use app::domain::subscription::FieldError;
use app::domain::upload::{MAX_UPLOAD_BYTES, NO_RESOLUTION, RefusedImport};
use app::error::AppError;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::sync::Arc;
use tower_sessions::Session;

/// The path the upload form posts to (its page answers the GET).
pub const UPLOAD_PATH: &str = "/import";

/// The largest request body of an upload: the file and the form's other fields.
pub const UPLOAD_BODY_BYTES: usize = MAX_UPLOAD_BYTES + 64 * 1024;

mod form;
use form::{Posted, Problem, read};

#[derive(Clone)]
struct Uploads {
    pool: PgPool,
    context: Arc<dyn Fn() + Send + Sync>,
    options: LeptosOptions,
}

pub fn router(
    pool: PgPool,
    context: Arc<dyn Fn() + Send + Sync>,
    options: LeptosOptions,
) -> Router {
    Router::new()
        .route(UPLOAD_PATH, post(upload))
        .with_state(Uploads {
            pool,
            context,
            options,
        })
}

async fn upload(State(uploads): State<Uploads>, session: Session, request: Request) -> Response {
    let user = match app::auth::login::user_of(&session, &uploads.pool).await {
        Ok(Some(user)) if user.role.can_edit() => user,
        Ok(Some(_)) => return error_response(AppError::Forbidden),
        Ok(None) => return error_response(AppError::Unauthenticated),
        Err(err) => return error_response(err),
    };
    let (parts, body) = request.into_parts();
    let wants_json = wants_json(&parts.headers);
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let mut posted = Posted::default();
    let result = if declared.is_some_and(|n| n > UPLOAD_BODY_BYTES) {
        Err(Problem::too_large())
    } else {
        let request = Request::from_parts(parts.clone(), body);
        read(request, &mut posted).await
    };
    let draft = match result {
        Ok(()) => make_draft(&uploads.pool, user.id, &posted).await,
        Err(problem) => Err(problem),
    };
    match draft {
        Ok(id) => {
            tracing::info!(user = user.id, draft = id, "made an import draft");
            if wants_json {
                (
                    StatusCode::CREATED,
                    axum::Json(serde_json::json!({ "draft": id })),
                )
                    .into_response()
            } else {
                Redirect::to(&format!("/import/drafts/{id}")).into_response()
            }
        }
        Err(problem) if wants_json => (
            problem.status,
            axum::Json(serde_json::json!({ "error": problem.message, "field": problem.field })),
        )
            .into_response(),
        Err(problem) => uploads.refused(parts, posted, problem).await,
    }
}

/// The draft made of what was posted, or the first problem.
async fn make_draft(pool: &PgPool, user_id: i64, posted: &Posted) -> Result<i64, Problem> {
    let typed_text = posted.text.trim();
    let (source_name, read) = match (posted.file.is_empty(), typed_text.is_empty()) {
        (true, true) if !posted.file_name.is_empty() => {
            return Err(Refusal::Empty.into());
        }
        (true, true) => {
            return Err(Problem::new(
                "file",
                "Choose a file to upload, or paste the text.",
            ));
        }
        (false, false) => {
            return Err(Problem::new(
                "text",
                "Either upload a file or paste the text, not both: clear one of them.",
            ));
        }
        (true, false) => {
            let text = posted.text.replace("\r\n", "\n");
            let failed = Problem {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                ..Problem::new("text", AppError::Internal.to_string())
            };
            let read = read_and_extract(move || Ok(("plain text", text)), failed).await?;
            ("pasted text".to_owned(), read)
        }
        (false, true) => {
            let file = posted.file.clone();
            let name = posted.file_name.clone();
            let read = move || {
                let extracted = text_of(&file, &name)?;
                Ok((extracted.format.label(), extracted.text))
            };
            let read = read_and_extract(read, Refusal::BrokenPdf.into()).await?;
            (posted.file_name.clone(), read)
        }
    };
    let (format, text, holds_resolution) = read;
    let (symbol, adopted_on) =
        app::api::import::described(&posted.symbol, Some(posted.adopted_on.clone())).map_err(
            |err| {
                let field = if err.to_string().contains("date") {
                    "adopted_on"
                } else {
                    "symbol"
                };
                Problem::new(field, err.to_string())
            },
        )?;
    if !holds_resolution {
        return Err(Problem::new(
            if source_name == "pasted text" {
                "text"
            } else {
                "file"
            },
            NO_RESOLUTION,
        ));
    }
    let draft = app::db::draft::NewDraft {
        symbol: &symbol,
        adopted_on,
        source_name: &source_name,
        source_format: format,
        text: &text,
    };
    app::db::draft::create(pool, user_id, &draft)
        .await
        .map_err(|err| Problem {
            status: StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            ..Problem::new("file", err.to_string())
        })
}

/// Reads the posted text with `read` and runs the extractor on it, off the async threads (a PDF
/// takes a while to read, and a long report to extract): its format, the text, and whether the
/// extractor finds a resolution in it. `failed` answers a panic in either.
async fn read_and_extract(
    read: impl FnOnce() -> Result<(&'static str, String), Refusal> + Send + 'static,
    failed: Problem,
) -> Result<(&'static str, String, bool), Problem> {
    let work = move || {
        let (format, text) = read()?;
        let holds_resolution = app::extract::extract(&text).is_ok();
        Ok::<_, Refusal>((format, text, holds_resolution))
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(read) => Ok(read?),
        Err(err) => {
            tracing::error!(error = %err, "reading an upload failed");
            Err(failed)
        }
    }
}

impl Uploads {
    /// The import page again, with the problem by its field and what was typed.
    async fn refused(&self, parts: Parts, posted: Posted, problem: Problem) -> Response {
        let refused = RefusedImport {
            symbol: posted.symbol,
            adopted_on: posted.adopted_on,
            text: posted.text,
            errors: vec![FieldError {
                field: problem.field.to_owned(),
                message: problem.message,
            }],
        };
        let (context, options) = (self.context.clone(), self.options.clone());
        super::form_page::render(context, options, parts, refused, problem.status).await
    }
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json") && !v.contains("text/html"))
}

fn error_response(err: AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        axum::Json(serde_json::json!({ "error": err.to_string() })),
    )
        .into_response()
}
