//! How errors leave the server: one place gives every server function's error its HTTP status,
//! request bodies are capped, a form's error message is shown only to the browser that caused
//! it, and a refused form comes back with what was typed.

use super::kept_forms::{KEPT_COOKIE, KEPT_FOR, KeptForms};
use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};
use tower_sessions::cookie::time::Duration;
use tower_sessions::cookie::{Cookie, SameSite};

/// The largest request body accepted (every form of the site is a few kilobytes); a larger one
/// is refused with 413 before it is read.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The most of an error answer read back to learn its status (they are a few hundred bytes).
const MAX_ERROR_BYTES: usize = 64 * 1024;

/// Server functions answer every error with 500 and the error, encoded as JSON, in the body.
/// This reads the error back and sends it with the status [`AppError::status`] gives it (401,
/// 403, 404, 409, 422, 429, 503), so no server function has to remember to set it and an
/// argument the server could not read (`id=abc`, a missing field) is the caller's 422.
/// Form posts without JavaScript are answered with a redirect instead and pass unchanged.
pub async fn status_from_error(request: Request, next: Next) -> Response {
    let server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(error.status()) {
            parts.status = status;
        }
        if let AppError::TooManyAttempts(seconds) = error {
            parts.headers.insert(header::RETRY_AFTER, seconds.into());
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The cookie that ties a form's error message to the browser the error was sent to.
const FLASH_COOKIE: &str = "mt_form_error";

/// A form posted without JavaScript is answered with a redirect back to its page, with the
/// error in the address (`?__path=…&__err=…`), which the page then shows in its error box. Left
/// alone, anyone could craft such a link and make the site "say" any text to whoever opens it.
/// So the redirect also sets a short-lived, HttpOnly cookie holding a digest of that error, and
/// a page request carrying `__err` without the matching cookie is sent to the same address
/// without it: only messages the server produced for this browser's own request are shown.
/// Other sites cannot set this site's cookies, so they cannot forge the pair.
///
/// The fields of the refused post (but passwords) are kept too, under a token in a second such
/// cookie, and put on the page's request as a [`KeptForm`](app::components::kept_form::KeptForm)
/// so its form is shown again as it was filled in.
pub async fn form_error_flash(
    State(kept): State<KeptForms>,
    mut request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    if method == Method::GET
        && let Some(err) = query_value(request.uri().query(), "__err")
    {
        if cookie_value(&request, FLASH_COOKIE).as_deref() != Some(&digest(&err)) {
            tracing::info!(path = %request.uri().path(), "dropped an error message the server did not send");
            return Redirect::to(&without_error(&request)).into_response();
        }
        if let Some(form) = cookie_value(&request, KEPT_COOKIE).and_then(|t| kept.get(&t)) {
            request.extensions_mut().insert(form);
        }
        let mut response = next.run(request).await;
        append_cookie(&mut response, flash_cookie(String::new(), Duration::ZERO));
        append_cookie(&mut response, kept_cookie(String::new(), Duration::ZERO));
        return response;
    }
    let endpoint = request.uri().path().to_owned();
    // The draft form is not kept: its text is saved in the draft before anything is checked.
    let kept_form = endpoint != super::limits::DRAFT_FORM_PATH;
    let posted = if method == Method::POST
        && endpoint.starts_with("/api/")
        && kept_form
        && is_form(&request)
    {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_BODY_BYTES).await else {
            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
        };
        request = Request::from_parts(parts, Body::from(bytes.clone()));
        Some(bytes)
    } else {
        None
    };
    let mut response = next.run(request).await;
    let redirected_error = response
        .headers()
        .get(header::LOCATION)
        .and_then(|location| location.to_str().ok())
        .and_then(|location| query_value(location.split_once('?').map(|(_, q)| q), "__err"));
    if method == Method::POST
        && let Some(err) = redirected_error
    {
        let cookie = flash_cookie(digest(&err), Duration::minutes(10));
        append_cookie(&mut response, cookie);
        if let Some(body) = posted {
            let token = kept.keep(&endpoint, &without_passwords(&body));
            let max_age = Duration::seconds(i64::try_from(KEPT_FOR.as_secs()).unwrap_or(600));
            append_cookie(&mut response, kept_cookie(token, max_age));
        }
    }
    response
}

fn is_form(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"))
}

/// The urlencoded `body` without any field whose name mentions a password.
fn without_passwords(body: &[u8]) -> Vec<u8> {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form_urlencoded::parse(body).filter(|(name, _)| !name.contains("password")))
        .finish()
        .into_bytes()
}

fn digest(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn query_value(query: Option<&str>, key: &str) -> Option<String> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.into_owned())
}

/// The request's address without the error parameters (`__err`, `__path`).
fn without_error(request: &Request) -> String {
    let kept: Vec<(String, String)> =
        form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes())
            .filter(|(name, _)| name != "__err" && name != "__path")
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
    let path = request.uri().path();
    if kept.is_empty() {
        return path.to_owned();
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    format!("{path}?{query}")
}

fn cookie_value(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// The flash cookie holding `value` for `max_age` (zero deletes it).
fn flash_cookie(value: String, max_age: Duration) -> Cookie<'static> {
    session_cookie(FLASH_COOKIE, value, max_age)
}

/// The cookie naming the browser's kept form, for `max_age` (zero deletes it).
fn kept_cookie(token: String, max_age: Duration) -> Cookie<'static> {
    session_cookie(KEPT_COOKIE, token, max_age)
}

fn session_cookie(name: &'static str, value: String, max_age: Duration) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .max_age(max_age)
        .http_only(true)
        .same_site(SameSite::Lax)
        .build()
}

fn append_cookie(response: &mut Response, cookie: Cookie<'_>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}
