use leptos::prelude::*;

/// Shown for any path no route matches; sets the HTTP status to 404 when rendered on the server.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <h1>"Page not found"</h1>
        <p>
            <a href="/">"Back to the list of resolutions"</a>
        </p>
    }
}
