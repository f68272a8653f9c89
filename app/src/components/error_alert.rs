use crate::error::AppError;
use leptos::prelude::*;

/// An error as every page shows it: announced to screen readers, never a crash.
#[component]
pub fn ErrorAlert(error: AppError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.to_string()}</p> }
}

/// The box a page shows when its data cannot be read. On the server it also gives the page's
/// response the error's status (404 for an unknown record, 503 when the database is down), so a
/// failed page is never a "200 OK" to a browser, a cache or a monitor.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(error.status()),
    ) {
        response.set_status(status);
    }
    view! {
        <div class="error-summary" role="alert">
            <h2>"This page cannot be shown"</h2>
            <p>{error.to_string()}</p>
        </div>
    }
}

/// The alert for a form's last answer, if that answer was a refusal.
pub fn last_error<T>(answer: Option<Result<T, AppError>>) -> Option<impl IntoView + use<T>> {
    answer
        .and_then(Result::err)
        .map(|error| view! { <ErrorAlert error /> })
}
