//! Router assembly: pages (Leptos), server functions, health checks, static files.

pub mod health;

use crate::settings::ServeArgs;
use app::{App, OUTPUT_NAME, shell};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use tower_http::trace::TraceLayer;

/// The whole HTTP surface of the application.
pub fn router(pool: PgPool, args: &ServeArgs) -> anyhow::Result<Router> {
    let options = LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(args.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .build();
    let routes = generate_route_list(App);

    let context_pool = pool.clone();
    let shell_options = options.clone();
    let pages = Router::new()
        .leptos_routes_with_context(
            &options,
            routes,
            move || provide_context(context_pool.clone()),
            move || shell(shell_options.clone()),
        )
        // Files of the built site (`/pkg/*`, `/main.css`) or, for anything else, the app's 404 page.
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options);

    Ok(Router::new()
        .merge(health::router(pool))
        .merge(pages)
        .layer(TraceLayer::new_for_http()))
}
