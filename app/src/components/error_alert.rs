use crate::error::AppError;
use leptos::prelude::*;

/// An error as every page shows it: announced to screen readers, never a crash.
#[component]
pub fn ErrorAlert(error: AppError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.to_string()}</p> }
}

/// The alert for a form's last answer, if that answer was a refusal.
pub fn last_error<T>(answer: Option<Result<T, AppError>>) -> Option<impl IntoView + use<T>> {
    answer
        .and_then(Result::err)
        .map(|error| view! { <ErrorAlert error /> })
}
