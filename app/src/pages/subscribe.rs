//! "Email me these" (`/subscribe?<the finder's filter>`): the subscription form, and the page
//! after it (`/subscriptions/sent`). The form is a plain post to the same address; the server
//! shows it again, with what was typed, when something must be corrected.

use super::obligations::finder_query;
use crate::components::form_errors::{ErrorSummary, FieldMessage, message_of, posted};
use crate::components::subscription_fields::SubscriptionFields;
use crate::domain::subscription::{filter_words, subscription_filter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SubscribePage() -> impl IntoView {
    let query = subscription_filter(&finder_query(&use_query_map().read_untracked()));
    let filter = query.href(None);
    let posted = posted();
    let values = posted.clone().map(|p| p.form).unwrap_or_default();
    let errors = posted.clone().map(|p| p.errors).unwrap_or_default();
    let email_error = message_of(&errors, "email");
    let filter_error = message_of(&errors, "filter");
    let title = if posted
        .as_ref()
        .is_some_and(|p| !p.errors.is_empty() || p.failure.is_some())
    {
        "Error: Email me these deadlines — Mandate Tracker"
    } else {
        "Email me these deadlines — Mandate Tracker"
    };
    view! {
        <Title text=title />
        <ErrorSummary posted />
        <h1>"Email me these deadlines"</h1>
        <p class="lede">
            "A digest of what is overdue and what falls due soon among the obligations of this list ("
            <strong>{filter_words(&query)}</strong>
            ")"
            ", grouped by session, with what changed since the last one. "
            <a href=format!("/obligations{filter}")>"Back to this list of obligations"</a>
        </p>
        <FieldMessage message=filter_error field="filter" />
        <form method="post" action=format!("/subscribe{filter}") class="stacked" novalidate>
            <label for="email">"Email address"</label>
            <p class="hint" id="email-hint">
                "We send a link to confirm it; nothing else is sent until you open it."
            </p>
            <FieldMessage message=email_error.clone() field="email" />
            <input id="email" name="email" type="email" autocomplete="email" spellcheck="false"
                   value=values.email.clone()
                   aria-invalid=email_error.is_some().then_some("true")
                   aria-describedby=if email_error.is_some() { "email-hint email-error" } else { "email-hint" } />
            <SubscriptionFields values errors />
            <button type="submit">"Subscribe"</button>
        </form>
        <p class="count">
            "Every digest has a link to change or pause the subscription and one to unsubscribe."
        </p>
    }
}

#[component]
pub fn SubscriptionSentPage() -> impl IntoView {
    view! {
        <Title text="Check your email — Mandate Tracker" />
        <h1>"Check your email"</h1>
        <p class="lede">
            "If the address can receive mail, a message with a link to confirm the subscription is on its way. Open the link within 7 days; until then nothing else is sent."
        </p>
        <p><a href="/obligations">"Back to the obligations"</a></p>
    }
}
