//! Limits on every request: how large its body may be and how long its answer may take, each
//! larger for uploads (`POST /import`) than for everything else, and the body larger for the
//! import draft's form, which carries a whole document's text.

use super::upload::{UPLOAD_BODY_BYTES, UPLOAD_PATH};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The form that saves (and imports) an import draft: its text field is a whole document.
pub const DRAFT_FORM_PATH: &str = "/api/save_draft";

/// The largest draft form: a text as long as a large upload gives, form-encoded (words and
/// spaces grow little; other signs take three bytes each).
pub const DRAFT_FORM_BYTES: usize = 3 * UPLOAD_BODY_BYTES;

/// The request body limit: [`UPLOAD_BODY_BYTES`] for uploads, [`DRAFT_FORM_BYTES`] for the draft
/// form, [`super::errors::MAX_BODY_BYTES`] for everything else (a larger declared body is
/// refused at once with 413; a body that grows past the limit fails as it is read).
pub async fn limit_bodies(request: Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path();
    let upload = path == UPLOAD_PATH;
    let limit = if upload {
        UPLOAD_BODY_BYTES
    } else if path == DRAFT_FORM_PATH {
        DRAFT_FORM_BYTES
    } else {
        super::errors::MAX_BODY_BYTES
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    // The upload route answers an oversized upload itself, with its page.
    if !upload && declared.is_some_and(|n| n > limit) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// How long an upload may take to arrive and be read: a 25 MB file on a slow link.
pub const UPLOAD_WITHIN: std::time::Duration = std::time::Duration::from_secs(300);

/// A request not answered within [`super::ANSWER_WITHIN`] ([`UPLOAD_WITHIN`] for an upload or the draft form)
/// gets 503 instead of holding its connection (and a pool connection) open for ever; the limit
/// covers the answer's head, not a streamed body.
pub async fn answer_within(request: Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path();
    let within = if path == UPLOAD_PATH || path == DRAFT_FORM_PATH {
        UPLOAD_WITHIN
    } else {
        super::ANSWER_WITHIN
    };
    match tokio::time::timeout(within, next.run(request)).await {
        Ok(response) => response,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
