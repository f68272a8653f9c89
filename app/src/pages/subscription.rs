//! The pages a subscriber reaches from mail: confirm (`/subscriptions/confirm?token=`), manage
//! (`/subscriptions/manage?token=`) and unsubscribe (`/subscriptions/unsubscribe?token=`). Each
//! acts only on a button press (a form post), never on opening the link, so mail scanners that
//! open links do not confirm or cancel anything. The token is the only key; these pages are
//! never stored by browsers or proxies.

use crate::api::{finder_bodies, get_subscription};
use crate::components::error_alert::PageError;
use crate::components::finder_filters::FilterFields;
use crate::components::form_errors::{ErrorSummary, PostedForm, posted};
use crate::components::page_data::load;
use crate::components::subscription_fields::SubscriptionFields;
use crate::domain::subscription::{Cadence, SubscriptionForm};
use crate::model::finder::{FinderQuery, encode};
use crate::model::subscription::SubscriptionView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The `token` of the address, and the page marked `Cache-Control: no-store` (a page named by
/// a secret link is nobody else's to keep).
pub(super) fn token() -> String {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
    use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}

fn notice(posted: &Option<PostedForm>) -> Option<impl IntoView + use<>> {
    let done = posted.as_ref()?.done.clone()?;
    Some(view! { <p class="notice" role="status">{done}</p> })
}

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let token = token();
    view! {
        <Title text="Confirm your subscription — Mandate Tracker" />
        <ErrorSummary posted=posted() />
        <h1>"Confirm your subscription"</h1>
        <p class="lede">"Press the button to start receiving the digest you asked for."</p>
        <form method="post" action=format!("/subscriptions/confirm?token={}", encode(&token)) class="stacked">
            <button type="submit">"Confirm"</button>
        </form>
    }
}

#[component]
pub fn ManagePage() -> impl IntoView {
    let token = token();
    let posted = posted();
    let said = use_query_map().read_untracked().get("notice");
    let said = match said.as_deref() {
        Some("confirmed") => {
            Some("Your subscription is confirmed. The first digest comes on its next day.")
        }
        Some("saved") => Some("Your changes are saved."),
        Some("paused") => {
            Some("Your subscription is paused: no digest is sent until you resume it.")
        }
        Some("resumed") => Some("Your subscription is active again."),
        _ => None,
    };
    view! {
        <Title text="Your subscription — Mandate Tracker" />
        <ErrorSummary posted=posted.clone() />
        {notice(&posted)}
        {said.map(|words| view! { <p class="notice" role="status">{words}</p> })}
        <h1>"Your subscription"</h1>
        {load(async move {
            match get_subscription(token.clone()).await {
                Ok(view) => {
                    let bodies = finder_bodies().await.unwrap_or_default();
                    view! { <Manage view token posted bodies /> }.into_any()
                }
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

/// The form's values: as posted when the server shows it again, else as stored.
fn values(view: &SubscriptionView, posted: &Option<PostedForm>) -> (SubscriptionForm, FinderQuery) {
    if let Some(posted) = posted.as_ref().filter(|p| !p.errors.is_empty()) {
        return (posted.form.clone(), posted.filter.clone());
    }
    let (cadence, weekday) = match view.cadence {
        Cadence::Daily => ("daily", String::new()),
        Cadence::Weekly(day) => ("weekly", day.number_from_monday().to_string()),
    };
    let form = SubscriptionForm {
        email: String::new(),
        cadence: cadence.into(),
        weekday,
        horizon: view.horizon_weeks.to_string(),
        send_empty: view.send_empty.then(|| "yes".into()),
    };
    (form, view.filter.clone())
}

#[component]
fn Manage(
    view: SubscriptionView,
    token: String,
    posted: Option<PostedForm>,
    bodies: Vec<(String, String)>,
) -> impl IntoView {
    let (values, filter) = values(&view, &posted);
    let errors = posted.map(|p| p.errors).unwrap_or_default();
    let state = if view.paused {
        "Paused: no digest is sent"
    } else {
        "Active"
    };
    let (pause_value, pause_words) = if view.paused {
        ("resume", "Save and resume")
    } else {
        ("pause", "Save and pause")
    };
    view! {
        <dl class="facts">
            <dt>"Sent to"</dt><dd>{view.email}</dd>
            <dt>"Obligations"</dt>
            <dd>
                {view.filter_words}" ("
                <a href=format!("/obligations{}", view.filter_href)>"see them now"</a>")"
            </dd>
            <dt>"When"</dt>
            <dd>{format!("{}, deadlines in the next {} weeks", view.cadence.words(), view.horizon_weeks)}</dd>
            <dt>"State"</dt><dd>{state}</dd>
        </dl>
        <h2>"Change it"</h2>
        <form method="post" action=format!("/subscriptions/manage?token={}", encode(&token)) class="stacked" novalidate>
            <SubscriptionFields values errors=errors.clone() />
            <fieldset>
                <legend>"Which obligations"</legend>
                <p class="hint">"The digest lists what is overdue or due within the horizon among these."</p>
                <FilterFields query=filter bodies errors />
            </fieldset>
            <button type="submit" name="action" value="save">"Save changes"</button>
            <button type="submit" name="action" value=pause_value class="secondary">{pause_words}</button>
        </form>
        <p>
            "To follow other obligations as well, subscribe again from their list in the "
            <a href="/obligations">"finder"</a>"."
        </p>
        <h2>"Stop it"</h2>
        <form method="post" action=format!("/subscriptions/unsubscribe?token={}", encode(&token)) class="stacked">
            <button type="submit" class="warning">"Unsubscribe"</button>
        </form>
    }
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let token = token();
    let posted = posted();
    let done = posted.as_ref().is_some_and(|p| p.done.is_some());
    view! {
        <Title text="Unsubscribe — Mandate Tracker" />
        <ErrorSummary posted=posted.clone() />
        {if done {
            view! {
                <h1>"You are unsubscribed"</h1>
                <p class="lede">"No more digests will be sent for this subscription."</p>
                <p><a href="/obligations">"Back to the obligations"</a></p>
            }
            .into_any()
        } else {
            view! {
                <h1>"Unsubscribe"</h1>
                <p class="lede">"Press the button and no more digests are sent for this subscription."</p>
                <form method="post" action=format!("/subscriptions/unsubscribe?token={}", encode(&token)) class="stacked">
                    <button type="submit">"Unsubscribe"</button>
                </form>
            }
            .into_any()
        }}
    }
}
