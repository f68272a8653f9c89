//! HTTP defences around every route: cross-site writes refused, a Content-Security-Policy with a
//! fresh nonce per response, HSTS behind HTTPS, and no caching of what logged-in users see.

use crate::settings::ServeArgs;
use app::auth::login::USER_ID_KEY;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// What the checks need to know about the site.
#[derive(Debug, Clone)]
struct Site {
    /// `scheme://host[:port]` as browsers see the site, when configured (`--public-origin`).
    public_origin: Option<Arc<str>>,
    /// Served over HTTPS (`--secure-cookies`): browsers are told to keep to HTTPS.
    https: bool,
}

/// Wraps `router` in the defences. Cross-site writes are refused before `router` runs; every
/// answer, refusals included, gets the headers.
pub fn protect(router: Router, args: &ServeArgs) -> Router {
    let site = Site {
        public_origin: args.login.public_origin.as_deref().map(Arc::from),
        https: args.secure_cookies,
    };
    router
        .layer(from_fn_with_state(site.clone(), refuse_cross_site_writes))
        .layer(from_fn_with_state(site, security_headers))
        .layer(static_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // No page needs to be framed; refusing it stops click-jacking of the staff forms
        // (`frame-ancestors 'none'` says the same to browsers that read the CSP).
        .layer(static_header(header::X_FRAME_OPTIONS, "DENY"))
        // Same-origin: the no-JavaScript forms need the Referer to return to their page, and
        // no other site needs to learn which obligation a user was reading.
        .layer(static_header(header::REFERRER_POLICY, "same-origin"))
}

fn static_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Refuses a state-changing request that comes from another site, by either of two signs:
///
/// - `Sec-Fetch-Site: cross-site` (or `same-site`, a sibling subdomain), which browsers set
///   and page scripts cannot forge;
/// - an `Origin` other than the site's own (the configured public origin, else the `Host` the
///   request was sent to), for browsers that send no `Sec-Fetch-Site`. `Origin: null`
///   (sandboxed frames, some cross-site redirects) is foreign too.
///
/// `SameSite=Lax` already keeps the login cookie off such posts; this also stops login CSRF
/// (a foreign page logging a browser in to the attacker's account) and posts from sibling
/// subdomains. Clients that are not browsers send neither header and are not affected.
async fn refuse_cross_site_writes(
    State(site): State<Site>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if writes && (cross_site_fetch(request.headers()) || foreign_origin(&request, &site)) {
        tracing::warn!(path = %request.uri().path(), origin = ?request.headers().get(header::ORIGIN),
                       "refused a cross-site write");
        return (
            StatusCode::FORBIDDEN,
            "forms of this site can only be sent from its own pages",
        )
            .into_response();
    }
    next.run(request).await
}

fn cross_site_fetch(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| site == "cross-site" || site == "same-site")
}

/// Whether the request carries an `Origin` that is not this site's. No `Origin` at all is not
/// foreign: browsers send one with every cross-origin write, so its absence means a same-origin
/// request from an old browser or a client that is not a browser.
fn foreign_origin(request: &Request, site: &Site) -> bool {
    let Some(origin) = request.headers().get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    let origin = origin.trim().to_ascii_lowercase();
    if let Some(own) = &site.public_origin {
        return origin != **own;
    }
    // Without a configured origin the scheme is unknown here (TLS may end at a proxy), so the
    // host and port are compared with the `Host` the browser addressed.
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| request.uri().authority().map(|a| a.to_string()));
    match (origin.split_once("://"), host) {
        (Some((_scheme, authority)), Some(host)) => authority != host.to_ascii_lowercase(),
        _ => true,
    }
}

/// The Content-Security-Policy of a response whose inline scripts carry `nonce`. Scripts run
/// only from this site or with the nonce, so injected markup cannot run script; the wasm
/// bundle needs `'wasm-unsafe-eval'` to be compiled; styles come only from `/main.css`.
fn content_security_policy(nonce: &Nonce) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// Draws a nonce for the request (the Leptos context gets it through [`provide_request_nonce`],
/// so the hydration scripts carry it) and sends the matching CSP, plus HSTS behind HTTPS.
async fn security_headers(State(site): State<Site>, mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if site.https {
        // One year; no `includeSubDomains`, since other sites of the organisation may share
        // the parent domain and are not ours to commit.
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// For the Leptos context: the request's nonce, so `HydrationScripts` and the streamed resource
/// scripts get the `nonce` attribute the CSP names. Does nothing outside a request.
pub fn provide_request_nonce() {
    if let Some(nonce) = use_context::<Parts>().and_then(|p| p.extensions.get::<Nonce>().cloned()) {
        provide_context(nonce);
    }
}

/// Marks every response to a logged-in request `Cache-Control: no-store`, so staff data (email
/// addresses in histories, forms) stays out of browser and proxy caches and the back button
/// after logout. Static assets (bundle, CSS, images) hold no such data and stay cacheable.
/// Must sit inside the login layer, which puts the login on the request.
pub fn no_store_for_logins(router: Router) -> Router {
    router.layer(from_fn(no_store_when_logged_in))
}

async fn no_store_when_logged_in(request: Request, next: Next) -> Response {
    let login = request
        .extensions()
        .get::<tower_sessions::Session>()
        .cloned();
    let mut response = next.run(request).await;
    let Some(login) = login else { return response };
    if is_static_asset(response.headers()) {
        return response;
    }
    if let Ok(Some(_)) = login.get::<i64>(USER_ID_KEY).await {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn is_static_asset(headers: &HeaderMap) -> bool {
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    [
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/wasm",
        "image/",
        "font/",
    ]
    .iter()
    .any(|asset| kind.starts_with(asset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::post("/api/log_in");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(axum::body::Body::empty()).unwrap()
    }

    fn site(public_origin: Option<&str>) -> Site {
        Site {
            public_origin: public_origin.map(Arc::from),
            https: false,
        }
    }

    #[test]
    fn an_origin_must_match_the_host_or_the_configured_origin() {
        let own = post(&[
            ("host", "mt.example.org"),
            ("origin", "https://MT.example.org"),
        ]);
        assert!(!foreign_origin(&own, &site(None)));
        let other = post(&[
            ("host", "mt.example.org"),
            ("origin", "https://evil.example"),
        ]);
        assert!(foreign_origin(&other, &site(None)));
        let port = post(&[
            ("host", "mt.example.org"),
            ("origin", "https://mt.example.org:8443"),
        ]);
        assert!(foreign_origin(&port, &site(None)));
        let null = post(&[("host", "mt.example.org"), ("origin", "null")]);
        assert!(foreign_origin(&null, &site(None)));
        assert!(!foreign_origin(
            &post(&[("host", "mt.example.org")]),
            &site(None)
        ));

        let proxied = Some("https://mandates.example.org");
        let behind = post(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "https://mandates.example.org"),
        ]);
        assert!(!foreign_origin(&behind, &site(proxied)));
        let plain = post(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "http://mandates.example.org"),
        ]);
        assert!(
            foreign_origin(&plain, &site(proxied)),
            "the scheme counts when configured"
        );
    }

    #[test]
    fn the_policy_names_the_nonce_and_allows_the_wasm_bundle() {
        let nonce = Nonce::from_value("abc123");
        let policy = content_security_policy(&nonce);
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(HeaderValue::from_str(&policy).is_ok());
    }
}
