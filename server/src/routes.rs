//! Router assembly: pages (Leptos), server functions, health checks, static files.

pub mod api;
pub mod assets;
pub mod errors;
pub mod exports;
pub mod feeds;
pub mod form_page;
pub mod health;
pub mod kept_forms;
pub mod limits;
pub mod page_cache;
pub mod security;
pub mod subscriptions;
pub mod throttle;
pub mod upload;

use crate::login_store::PgLoginStore;
use crate::settings::ServeArgs;
use app::components::demo_banner::DemoData;
use app::db::AtRiskWindow;
use app::mail::MailContext;
use app::{App, shell};
use axum::Router;
use axum::middleware::from_fn_with_state;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use page_cache::PageCache;
use sqlx::PgPool;
use std::sync::Arc;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::{SameSite, time::Duration};
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, SessionManagerLayer};

/// How long the server works on one request before it answers 503.
pub const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(30);

/// The whole HTTP surface of the application.
pub fn router(pool: PgPool, args: &ServeArgs, mail: MailContext) -> anyhow::Result<Router> {
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
    let demo = args.demo;
    // What every page is rendered with; the 404 page needs the nonce and the demo notice too.
    let page_context = move || {
        security::provide_request_nonce();
        if demo {
            provide_context(DemoData);
        }
    };
    // What each page is rendered with, whether for a GET or a form's post answered with its page.
    let page_mail = mail.clone();
    let page_state: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
        provide_context(context_pool.clone());
        provide_context(page_mail.clone());
        provide_context(AtRiskWindow(at_risk_days));
        provide_context(app::auth::login::PageUser::default());
        page_context();
    });
    let forms =
        subscriptions::router(pool.clone(), mail, page_state.clone(), options.clone()).merge(
            upload::router(pool.clone(), page_state.clone(), options.clone()),
        );
    let pages = Router::new()
        .leptos_routes_with_context(
            &options,
            routes,
            move || page_state(),
            move || shell(shell_options.clone()),
        )
        // Files of the built site (`/pkg/*`, `/main.css`) or, for anything else, the app's 404 page.
        .fallback(leptos_axum::file_and_error_handler_with_context(
            page_context,
            shell,
        ))
        .with_state(options)
        .merge(forms);

    let app = Router::new()
        .merge(health::router(pool.clone()))
        .merge(api::router(
            pool.clone(),
            AtRiskWindow(at_risk_days),
            args.login.public_origin.clone(),
        ))
        .merge(exports::router(
            pool.clone(),
            AtRiskWindow(at_risk_days),
            args.login.public_origin.clone(),
        ))
        .merge(feeds::router(
            pool.clone(),
            AtRiskWindow(at_risk_days),
            args.login.public_origin.clone(),
        ))
        .merge(pages)
        .layer(axum::middleware::from_fn(errors::status_from_error))
        .layer(axum::middleware::from_fn_with_state(
            kept_forms::KeptForms::new(),
            errors::form_error_flash,
        ));
    // Pages kept for readers without a login (`--page-cache-mb 0`: none).
    let cache = (args.page_cache_mb > 0).then(|| {
        let cache = PageCache::new(args.page_cache_mb);
        cache.listen(pool.clone());
        cache
    });
    let mut app = security::no_store_for_logins(app);
    if let Some(cache) = &cache {
        app = app.layer(from_fn_with_state(
            cache.clone(),
            page_cache::forget_after_staff_writes,
        ));
    }
    let mut app = app.layer(session_layer(pool, args)?);
    // Outside the login layer, so a kept page costs no session lookup; inside the security
    // headers, which give it its nonce.
    if let Some(cache) = cache {
        app = app.layer(from_fn_with_state(cache, page_cache::serve_kept));
    }
    let app = app
        // Outside the error layer, which reads error answers back uncompressed.
        .layer(assets::compress_pages())
        // Outside the session layer: files need no session (see `assets`).
        .layer(from_fn_with_state(files, assets::serve_file));
    // Outside the login layer: refused and throttled requests never look a login up.
    let app = security::protect(throttle::protect(app, &args.login), args);
    // Outermost but for tracing: no layer reads a body larger than the limit (the throttle reads
    // the login form's address).
    // A request not answered within the limit gets 503 instead of holding its connection (and
    // a pool connection) open for ever; the limit covers the answer's head, not a streamed body.
    Ok(app
        .layer(axum::middleware::from_fn(limits::limit_bodies))
        .layer(axum::middleware::from_fn(limits::answer_within))
        .layer(TraceLayer::new_for_http()))
}

/// Login sessions kept in PostgreSQL (table `user_session`; see [`PgLoginStore`]).
///
/// The cookie holds only a random id. `HttpOnly`, so page scripts cannot read it; `SameSite=Lax`,
/// so other sites cannot make a browser post a form with it (the CSRF defence for the form-based
/// server functions) while links from emails still arrive logged in; `Secure` when served over
/// HTTPS (`--secure-cookies`). Logins end after a period of inactivity or, at the latest, their
/// absolute lifetime (`--login-lifetime-minutes`); expired rows are deleted hourly.
fn session_layer(
    pool: PgPool,
    args: &ServeArgs,
) -> anyhow::Result<SessionManagerLayer<PgLoginStore>> {
    let lifetime = std::time::Duration::from_secs(args.login.login_lifetime_minutes * 60);
    let store = PgLoginStore::new(pool, lifetime);
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
