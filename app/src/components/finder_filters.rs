//! The finder's filter panel: a GET form, so the filter lives in the address. Values typed stay
//! in their fields; a value that makes no sense is named in an error summary and by its field.

use crate::domain::finder::UrgencyFilter;
use crate::domain::subscription::FieldError;
use crate::domain::{ObligationKind, Status};
use crate::model::finder::{FinderQuery, FinderSort};
use leptos::prelude::*;
use leptos_router::components::Form;

#[component]
pub fn FinderFilters(query: FinderQuery, bodies: Vec<(String, String)>) -> impl IntoView {
    let error = query.check().err();
    let summary = error.as_ref().map(|e| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h2>"There is a problem"</h2>
                <p><a href=format!("#{}", e.field)>{e.message.clone()}</a></p>
            </div>
        }
    });
    let errors: Vec<FieldError> = error
        .iter()
        .map(|e| FieldError::new(e.field, e.message.clone()))
        .collect();
    let sort_error = message_for(&errors, "sort");
    let sort_now = selected(&query.sort);
    view! {
        <Form method="GET" action="/obligations">
            <div class="filters" role="search" aria-label="Filter obligations">
                {summary}
                <h2>"Filter"</h2>
                <FilterFields query bodies errors />
                <label for="sort">"Sort by"</label>
                {sort_error}
                <select id="sort" name="sort">
                    {options(FinderSort::ALL.map(|s| (s.as_str().into(), s.label().into())), &sort_now)}
                </select>
                <button type="submit">"Apply filters"</button>
                <a href="/obligations" class="clear">"Clear all filters"</a>
            </div>
        </Form>
    }
}

/// The message of `field` among `errors`, as a paragraph for above the field.
fn message_for(errors: &[FieldError], field: &str) -> Option<impl IntoView + use<>> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| view! { <p class="error" id=format!("{}-error", e.field)>{e.message.clone()}</p> })
}

fn selected(v: &Option<String>) -> String {
    v.as_deref().map(str::to_lowercase).unwrap_or_default()
}

/// The filter's fields (not its sort), with `errors` by their fields: in the finder's GET form
/// and in a subscription's manage form, which keeps the same names.
#[component]
pub fn FilterFields(
    query: FinderQuery,
    bodies: Vec<(String, String)>,
    errors: Vec<FieldError>,
) -> impl IntoView {
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let body_now = selected(&query.body);
    let status_now = selected(&query.status);
    let urgency_now = selected(&query.urgency);
    let kind_now = selected(&query.kind);
    let q_error = message_for(&errors, "q");
    let body_error = message_for(&errors, "body");
    let session_error = message_for(&errors, "session");
    let status_error = message_for(&errors, "status");
    let urgency_error = message_for(&errors, "urgency");
    let kind_error = message_for(&errors, "kind");
    let addressee_error = message_for(&errors, "addressee");
    let adopted_by_error = message_for(&errors, "adopted_by");
    let year_error = message_for(&errors, "year");
    let q_value = value(&query.q);
    let session_value = value(&query.session);
    let addressee_value = value(&query.addressee);
    let adopted_by_value = value(&query.adopted_by);
    let year_value = value(&query.year);
    let resolution = query.resolution.clone();
    view! {
        <label for="q">"Words"</label>
        <p class="hint" id="q-hint">"In the mandate, its paragraph or its resolution's title. Body acronyms work (CCPCJ, UNODC)."</p>
        {q_error}
        <input id="q" name="q" type="search" value=q_value aria-describedby="q-hint" />
        <label for="body">"Body"</label>
        {body_error}
        <select id="body" name="body">
            <option value="">"Any body"</option>
            {options(bodies.into_iter().map(|(code, name)| (code.to_lowercase(), name)), &body_now)}
        </select>
        <label for="session">"Session number"</label>
        {session_error}
        <input id="session" name="session" inputmode="numeric" value=session_value />
        <label for="status">"Status"</label>
        {status_error}
        <select id="status" name="status">
            <option value="">"Any status"</option>
            {options(Status::ALL.map(|s| (s.as_str().into(), s.label().into())), &status_now)}
        </select>
        <label for="urgency">"Urgency"</label>
        {urgency_error}
        <select id="urgency" name="urgency">
            <option value="">"Any"</option>
            {options(UrgencyFilter::ALL.map(|u| (u.as_str().into(), u.label().into())), &urgency_now)}
        </select>
        <label for="kind">"Kind"</label>
        {kind_error}
        <select id="kind" name="kind">
            <option value="">"Reports and activities"</option>
            {options(
                ObligationKind::ALL.map(|k| {
                    let label = if k == ObligationKind::Report { "Reports" } else { "Activities" };
                    (k.as_str().into(), label.into())
                }),
                &kind_now,
            )}
        </select>
        <label for="addressee">"Addressed to"</label>
        {addressee_error}
        <input id="addressee" name="addressee" value=addressee_value />
        <label for="adopted_by">"Adopted by"</label>
        {adopted_by_error}
        <input id="adopted_by" name="adopted_by" value=adopted_by_value />
        <label for="year">"Year the session opens"</label>
        {year_error}
        <input id="year" name="year" inputmode="numeric" value=year_value />
        {resolution.map(|id| view! { <input type="hidden" name="resolution" value=id /> })}
    }
}

/// A select's options as (value, words), the one the address holds chosen.
fn options(choices: impl IntoIterator<Item = (String, String)>, now: &str) -> AnyView {
    choices
        .into_iter()
        .map(|(value, label)| {
            let chosen = value == now;
            view! { <option value=value selected=chosen>{label}</option> }
        })
        .collect_view()
        .into_any()
}
