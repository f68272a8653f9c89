//! Files of the built site: the browser bundle, the style sheet, the favicon.
//!
//! `scripts/build.sh release` writes the bundle as `pkg/NAME.HASH.{js,wasm}` (HASH from the
//! contents) and a brotli (`.br`) and gzip (`.gz`) copy next to every file. Here those copies
//! are sent to browsers that accept them, and the caching follows from the names:
//! - `/pkg/*` never changes under its name, so browsers keep it for a year without asking again;
//! - everything else (`/main.css`, `/favicon.svg`) keeps its name across builds, so browsers
//!   revalidate it (a cheap 304 while it is unchanged).
//!
//! Files are answered by a middleware outside the session layer: a file needs no session, and
//! a session touched would mean a database write and a `Set-Cookie` on a response that shared
//! caches may keep. A path that is no file goes on to the pages (and their 404 page).

use app::OUTPUT_NAME;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::config::LeptosOptions;
use std::path::Path;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// The file, in the site root, where `scripts/build.sh` names the bundle's hashed stem.
pub const BUNDLE_FILE: &str = "bundle.txt";

/// For `/pkg/*`: the name changes whenever the content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// For the files whose name stays: may be stored, but is checked before each use.
pub const REVALIDATE: &str = "no-cache";

/// The stem under which the browser bundle is served (`NAME.HASH`, so `/pkg/NAME.HASH.wasm`),
/// given to Leptos as its output name so `HydrationScripts` links the hashed files.
///
/// Without a built site (unit and HTTP tests before `scripts/build.sh`) it is the plain name;
/// pages then render, but no bundle loads.
pub fn bundle_name(site_root: &Path) -> String {
    let file = site_root.join(BUNDLE_FILE);
    let problem = match std::fs::read_to_string(&file) {
        Ok(text) if is_bundle_stem(text.trim()) => return text.trim().to_owned(),
        Ok(text) => format!("not a bundle name: {:?}", text.trim()),
        Err(err) => format!("cannot be read (is the site built?): {err}"),
    };
    tracing::warn!(file = %file.display(), problem, "using the unhashed bundle name");
    OUTPUT_NAME.to_owned()
}

/// `NAME.HASH` with a hexadecimal hash: nothing that could leave `pkg/` or break the page's HTML.
fn is_bundle_stem(stem: &str) -> bool {
    stem.strip_prefix(OUTPUT_NAME)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Pages and server-function answers, compressed as they are sent (brotli or gzip, at the
/// libraries' default quality: fast enough per request). Files are compressed at build time
/// and skip this: [`serve_file`] answers them before it.
pub fn compress_pages() -> CompressionLayer {
    CompressionLayer::new().no_deflate().no_zstd()
}

/// The files of the site root, for [`serve_file`].
pub fn files(options: &LeptosOptions) -> ServeDir {
    ServeDir::new(options.site_root.as_ref())
        .precompressed_br()
        .precompressed_gzip()
        // A directory is no file (and `/` is a page), rather than a redirect or `index.html`.
        .append_index_html_on_directories(false)
}

/// Middleware: answers a GET or HEAD of a file of the site, else passes the request on.
///
/// Sets `Cache-Control` on the files sent (or confirmed unchanged), and `Vary: Accept-Encoding`
/// since one URL is sent brotli, gzip or plain depending on that header.
pub async fn serve_file(State(files): State<ServeDir>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let policy = if parts.uri.path().starts_with("/pkg/") {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    // A GET or HEAD has no body to keep: the file service gets the head alone.
    let probe = Request::from_parts(parts.clone(), Body::empty());
    let Ok(mut response) = files.oneshot(probe).await;
    if response.status() == StatusCode::NOT_FOUND {
        return next.run(Request::from_parts(parts, body)).await;
    }
    if matches!(
        response.status(),
        StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED
    ) {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_stem_is_the_name_and_a_hex_hash() {
        assert!(is_bundle_stem("mandate-tracker.0123456789abcdef"));
        assert!(!is_bundle_stem("mandate-tracker"));
        assert!(!is_bundle_stem("mandate-tracker."));
        assert!(!is_bundle_stem("mandate-tracker./../x"));
        assert!(!is_bundle_stem("other.0123"));
        assert!(!is_bundle_stem("mandate-tracker.12\"><script>"));
    }
}
