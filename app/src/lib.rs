//! Mandate Tracker's shared crate: domain types, the extractor, server functions and pages.
//!
//! Compiled twice: with `ssr` into the server binary, with `hydrate` into the browser bundle.
//! Server-only code (queries) sits behind `#[cfg(feature = "ssr")]`.

// Leptos views are deeply nested types; the hydrate build lays them out in full.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
pub mod error;
pub mod extract;
pub mod model;
pub mod pages;

use components::account::{AccountScope, UserMenu};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

/// The name under which the browser bundle is served (`/pkg/NAME.js`, `/pkg/NAME.wasm`).
/// The build scripts and the server's `LeptosOptions` use this same constant.
pub const OUTPUT_NAME: &str = "mandate-tracker";

/// The HTML document around [`App`]; rendered only on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: layout and routes, shared by server rendering and hydration.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="main-css" href="/main.css" />
        <Title text="Mandate Tracker" />
        <Router>
            <AccountScope>
            <header class="site-header">
                <a href="/" class="brand">
                    "Mandate Tracker"
                </a>
                <nav aria-label="Main">
                    <a href="/">"Resolutions"</a>
                    <a href="/obligations">"Obligations"</a>
                    <a href="/calendar">"Calendar"</a>
                </nav>
                <UserMenu />
            </header>
            <main>
                <Routes fallback=pages::not_found::NotFoundPage>
                    // Async: the whole page is rendered before it is sent, so it works
                    // without JavaScript (out-of-order streaming needs a script to place chunks).
                    <Route
                        path=StaticSegment("")
                        view=pages::resolutions::ResolutionsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("obligations")
                        view=pages::obligations::ObligationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("obligations"), ParamSegment("id"))
                        view=pages::obligation::ObligationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("resolutions"), ParamSegment("id"))
                        view=pages::resolution::ResolutionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("sessions"), ParamSegment("body"), ParamSegment("number"))
                        view=pages::session::SessionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("calendar")
                        view=pages::calendar::CalendarPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("login")
                        view=pages::login::LoginPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            </AccountScope>
        </Router>
    }
}

/// Entry point of the browser bundle: attaches event handlers to the server-rendered HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
