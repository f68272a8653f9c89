//! A form's page answered to its own post: the page of the request's address, rendered with one
//! more value in its context (what was posted, and what is wrong with it) and the given status.

use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::Response;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use std::sync::Arc;

/// The page of `parts`' address, rendered with `context` (what every page gets)
/// and `posted`, answered with `status` and never stored by caches.
pub async fn render<T: Clone + Send + Sync + 'static>(
    context: Arc<dyn Fn() + Send + Sync>,
    options: LeptosOptions,
    parts: Parts,
    posted: T,
    status: StatusCode,
) -> Response {
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(posted.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}
