//! Router assembly: pages (Leptos), server functions, health checks, static files.

pub mod assets;
pub mod health;

use crate::login_store::PgLoginStore;
use crate::settings::ServeArgs;
use app::db::AtRiskWindow;
use app::{App, shell};
use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::{SameSite, time::Duration};
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The whole HTTP surface of the application.
pub fn router(pool: PgPool, args: &ServeArgs) -> anyhow::Result<Router> {
    let options = LeptosOptions::builder()
        .output_name(assets::bundle_name(&args.site_root))
        .site_root(args.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .build();
    let routes = generate_route_list(App);
    let files = assets::files(&options);

    let context_pool = pool.clone();
    let at_risk_days = args.at_risk_days;
    let shell_options = options.clone();
    let pages = Router::new()
        .leptos_routes_with_context(
            &options,
            routes,
            move || {
                provide_context(context_pool.clone());
                provide_context(AtRiskWindow(at_risk_days));
            },
            move || shell(shell_options.clone()),
        )
        // Files of the built site (`/pkg/*`, `/main.css`) or, for anything else, the app's 404 page.
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options);

    Ok(Router::new()
        .merge(health::router(pool.clone()))
        .merge(pages)
        .layer(session_layer(pool, args)?)
        .layer(assets::compress_pages())
        // Outside the session layer: files need no session (see `assets`).
        .layer(axum::middleware::from_fn_with_state(
            files,
            assets::serve_file,
        ))
        .layer(axum::middleware::from_fn(refuse_cross_site_writes))
        .layer(security_headers(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // No page needs to be framed; refusing it stops click-jacking of the staff forms.
        .layer(security_headers(header::X_FRAME_OPTIONS, "DENY"))
        // Same-origin: the no-JavaScript forms need the Referer to return to their page, and
        // no other site needs to learn which obligation a user was reading.
        .layer(security_headers(header::REFERRER_POLICY, "same-origin"))
        .layer(TraceLayer::new_for_http()))
}

/// Refuses a state-changing request that the browser itself says comes from another site
/// (`Sec-Fetch-Site: cross-site`, or `same-site` for a sibling subdomain). `SameSite=Lax`
/// already keeps the session cookie off such posts; this also stops login CSRF and posts from
/// sibling subdomains. The header is set by browsers and cannot be forged by page scripts;
/// clients that are not browsers do not send it and are not affected. Unlike an Origin/Host
/// comparison it keeps working behind a proxy that rewrites `Host`.
async fn refuse_cross_site_writes(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{Method, StatusCode};
    use axum::response::IntoResponse;
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let foreign = request
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| site == "cross-site" || site == "same-site");
    if writes && foreign {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site write");
        return (
            StatusCode::FORBIDDEN,
            "forms of this site can only be sent from its own pages",
        )
            .into_response();
    }
    next.run(request).await
}

fn security_headers(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Login sessions kept in PostgreSQL (table `user_session`; see [`PgLoginStore`]).
///
/// The cookie holds only a random id. `HttpOnly`, so page scripts cannot read it; `SameSite=Lax`,
/// so other sites cannot make a browser post a form with it (the CSRF defence for the form-based
/// server functions) while links from emails still arrive logged in; `Secure` when served over
/// HTTPS (`--secure-cookies`). Sessions end after a period of inactivity; expired rows are
/// deleted hourly.
fn session_layer(
    pool: PgPool,
    args: &ServeArgs,
) -> anyhow::Result<SessionManagerLayer<PgLoginStore>> {
    let store = PgLoginStore::new(pool);
    let sweeper = store.clone();
    tokio::spawn(async move {
        let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            if let Err(err) = sweeper.delete_expired().await {
                tracing::warn!(error = %err, "cannot delete expired sessions");
            }
        }
    });
    Ok(SessionManagerLayer::new(store)
        .with_name("mt_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(args.secure_cookies)
        // Saved on every request, so the expiry really counts from the last activity (tower-
        // sessions otherwise saves, and so extends, a session only when its data changes).
        .with_always_save(true)
        .with_expiry(Expiry::OnInactivity(Duration::minutes(
            args.session_minutes.max(1),
        ))))
}
