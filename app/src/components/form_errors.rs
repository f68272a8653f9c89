//! A refused form shown again, as GOV.UK does it: a summary of every problem at the top (each a
//! link to its field), each message again by its field, and what was typed kept.

use crate::domain::subscription::{FieldError, SubscriptionForm};
use leptos::prelude::*;

/// What the server's form route puts in the page's context when it shows a form again.
#[derive(Debug, Clone, Default)]
pub struct PostedForm {
    /// The fields as they were posted.
    pub form: SubscriptionForm,
    /// The filter fields as they were posted (the manage form has them).
    pub filter: crate::model::finder::FinderQuery,
    pub errors: Vec<FieldError>,
    /// A refusal that belongs to no field (the database is down, the link has expired).
    pub failure: Option<String>,
    /// What was done, for a notice at the top ("Your changes are saved.").
    pub done: Option<String>,
}

/// The posted form of this request, if the server is showing one again.
pub fn posted() -> Option<PostedForm> {
    use_context::<PostedForm>()
}

/// The message of `field`, if it has one.
pub fn message_of(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// "There is a problem" with a link to each field, or the refusal; nothing when all is well.
#[component]
pub fn ErrorSummary(posted: Option<PostedForm>) -> impl IntoView {
    let posted = posted?;
    if posted.errors.is_empty() && posted.failure.is_none() {
        return None;
    }
    let items = posted
        .errors
        .into_iter()
        .map(|e| view! { <li><a href=format!("#{}", e.field)>{e.message}</a></li> })
        .collect_view();
    Some(view! {
        <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">"There is a problem"</h2>
            <ul>{items}{posted.failure.map(|f| view! { <li>{f}</li> })}</ul>
        </div>
    })
}

/// The message shown by a field (its `id` is `<field>-error`, for `aria-describedby`).
#[component]
pub fn FieldMessage(message: Option<String>, field: &'static str) -> impl IntoView {
    message.map(|message| {
        view! {
            <p class="field-error" id=format!("{field}-error")>
                <span class="visually-hidden">"Error: "</span>
                {message}
            </p>
        }
    })
}
