//! Mandate Tracker's shared crate: domain types, the extractor, server functions and pages.
//!
//! Compiled twice: with `ssr` into the server binary, with `hydrate` into the browser bundle.
//! Server-only code (queries) sits behind `#[cfg(feature = "ssr")]`.

// Leptos views are deeply nested types; the hydrate build lays them out in full.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod charts;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
pub mod error;
pub mod extract;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod model;
pub mod pages;

use components::account::UserMenu;
use components::demo_banner::DemoBanner;
use components::hydrated::HydratedMarker;
use components::site_nav::SiteNav;
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
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: layout and routes, rendered on the server; only its islands hydrate.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="main-css" href="/main.css" />
        <Title text="Mandate Tracker" />
        <Router>
            <a href="#main" class="skip-link">"Skip to main content"</a>
            <header class="site-header">
                <a href="/" class="brand">
                    "Mandate Tracker"
                </a>
                <SiteNav />
                <UserMenu />
                <HydratedMarker />
            </header>
            <DemoBanner />
            <main id="main" tabindex="-1">
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
                        path=StaticSegment("overview")
                        view=pages::overview::OverviewPage
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
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("accounts"))
                        view=pages::accounts::AccountsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("invitations"), StaticSegment("accept"))
                        view=pages::invitation::AcceptInvitationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("my-work")
                        view=pages::my_work::MyWorkPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("account"), StaticSegment("notices"))
                        view=pages::notices::NoticesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("outbox")
                        view=pages::outbox::OutboxPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("import")
                        view=pages::import::ImportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("import"), StaticSegment("drafts"), ParamSegment("id"))
                        view=pages::import::DraftPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("review"), ParamSegment("id"))
                        view=pages::review::ReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("subscribe")
                        view=pages::subscribe::SubscribePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("subscriptions"), StaticSegment("sent"))
                        view=pages::subscribe::SubscriptionSentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("subscriptions"), StaticSegment("confirm"))
                        view=pages::subscription::ConfirmPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("subscriptions"), StaticSegment("manage"))
                        view=pages::subscription::ManagePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("subscriptions"), StaticSegment("unsubscribe"))
                        view=pages::subscription::UnsubscribePage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}

#[cfg(feature = "preview")]
pub mod preview_wasm;

/// Entry point of the browser bundle: hydrates the islands (`#[island]` components: the home
/// page's filter, the status form, the hydration marker) in the server-rendered HTML. Nothing
/// else of the application is compiled into the bundle; links and other forms are plain HTML.

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
