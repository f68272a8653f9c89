//! The outbox (`/outbox`, administrators): every mail queued, being sent, sent or given up,
//! with its tries and last error, newest first; `?state=failed` lists one state.

use crate::api::list_outbox;
use crate::components::error_alert::PageError;
use crate::components::page_data::load;
use crate::domain::calendar::day;
use crate::model::outbox::{OutboxMail, OutboxView, STATES};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OutboxPage() -> impl IntoView {
    let state = use_query_map().read_untracked().get("state");
    view! {
        <Title text="Outbox — Mandate Tracker" />
        <h1>"Outbox"</h1>
        <p class="lede">
            "Mail the tracker has written: confirmations, digests and notices. A mail that cannot be delivered is tried again with growing waits, then given up and listed as failed."
        </p>
        {load(async move {
            match list_outbox(state).await {
                Ok(view) => view! { <Outbox view /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

#[component]
fn Outbox(view: OutboxView) -> impl IntoView {
    let counts = [view.queued, view.sending, view.sent, view.failed];
    let links = STATES
        .iter()
        .zip(counts)
        .map(|(state, count)| {
            let current = view.state.as_deref() == Some(*state);
            view! {
                <li>
                    <a href=format!("/outbox?state={state}") aria-current=current.then_some("page")>
                        {format!("{state}: {count}")}
                    </a>
                </li>
            }
        })
        .collect_view();
    let caption = match &view.state {
        Some(state) => format!("The latest {state} mails, newest first"),
        None => "The latest mails, newest first".to_string(),
    };
    let empty = view.rows.is_empty();
    view! {
        <ul class="states" aria-label="Mails by state">
            {links}
            <li><a href="/outbox">"all"</a></li>
        </ul>
        {empty.then(|| view! { <p>"No mail here."</p> })}
        {(!empty).then(|| view! {
            <table class="stack">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Written"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"To"</th>
                        <th scope="col">"Subject"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Tries"</th>
                        <th scope="col">"Last error"</th>
                    </tr>
                </thead>
                <tbody>{view.rows.into_iter().map(|mail| view! { <Row mail /> }).collect_view()}</tbody>
            </table>
        })}
    }
}

#[component]
fn Row(mail: OutboxMail) -> impl IntoView {
    let written = format!(
        "{} {}",
        day(mail.created_at.date_naive()),
        mail.created_at.format("%H:%M UTC")
    );
    let state = match mail.sent_at {
        Some(at) => format!("{} ({})", mail.state, at.format("%H:%M UTC")),
        None => mail.state.clone(),
    };
    view! {
        <tr class=format!("mail-{}", mail.state)>
            <td data-label="Written">{written}</td>
            <td data-label="Kind">{mail.kind}</td>
            <td data-label="To">{mail.recipient}</td>
            <td data-label="Subject">
                {mail.subject}
                <details>
                    <summary>"Text (links without their tokens)"</summary>
                    <pre>{mail.text_body}</pre>
                </details>
            </td>
            <td data-label="State">{state}</td>
            <td data-label="Tries">{mail.attempts}</td>
            <td data-label="Last error">{mail.last_error.unwrap_or_else(|| "—".into())}</td>
        </tr>
    }
}
