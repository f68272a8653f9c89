//! The finder's filter panel: a GET form, so the filter lives in the address. Values typed stay
//! in their fields; a value that makes no sense is named in an error summary and by its field.

use crate::domain::finder::UrgencyFilter;
use crate::domain::{ObligationKind, Status};
use crate::model::finder::{FinderQuery, FinderSort};
use leptos::prelude::*;
use leptos_router::components::Form;

#[component]
pub fn FinderFilters(query: FinderQuery, bodies: Vec<(String, String)>) -> impl IntoView {
    let error = query.check().err();
    let message_for = |field: &str| {
        error
            .as_ref()
            .filter(|e| e.field == field)
            .map(|e| view! { <p class="error" id=format!("{field}-error")>{e.message.clone()}</p> })
    };
    let summary = error.as_ref().map(|e| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h2>"There is a problem"</h2>
                <p><a href=format!("#{}", e.field)>{e.message.clone()}</a></p>
            </div>
        }
    });
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let selected = |v: &Option<String>| v.as_deref().map(str::to_lowercase).unwrap_or_default();
    let body_now = selected(&query.body);
    let status_now = selected(&query.status);
    let urgency_now = selected(&query.urgency);
    let kind_now = selected(&query.kind);
    let sort_now = selected(&query.sort);
    view! {
        <Form method="GET" action="/obligations">
            <div class="filters" role="search" aria-label="Filter obligations">
                {summary}
                <h2>"Filter"</h2>
                <label for="q">"Words"</label>
                <p class="hint" id="q-hint">"In the mandate, its paragraph or its resolution's title. Body acronyms work (CCPCJ, UNODC)."</p>
                {message_for("q")}
                <input id="q" name="q" type="search" value=value(&query.q) aria-describedby="q-hint" />
                <label for="body">"Body"</label>
                <select id="body" name="body">
                    <option value="">"Any body"</option>
                    {bodies
                        .into_iter()
                        .map(|(code, name)| {
                            let code = code.to_lowercase();
                            let chosen = code == body_now;
                            view! { <option value=code selected=chosen>{name}</option> }
                        })
                        .collect_view()}
                </select>
                <label for="session">"Session number"</label>
                {message_for("session")}
                <input id="session" name="session" inputmode="numeric" value=value(&query.session) />
                <label for="status">"Status"</label>
                {message_for("status")}
                <select id="status" name="status">
                    <option value="">"Any status"</option>
                    {Status::ALL
                        .into_iter()
                        .map(|s| {
                            let chosen = s.as_str() == status_now;
                            view! { <option value=s.as_str() selected=chosen>{s.label()}</option> }
                        })
                        .collect_view()}
                </select>
                <label for="urgency">"Urgency"</label>
                {message_for("urgency")}
                <select id="urgency" name="urgency">
                    <option value="">"Any"</option>
                    {UrgencyFilter::ALL
                        .into_iter()
                        .map(|u| {
                            let chosen = u.as_str() == urgency_now;
                            view! { <option value=u.as_str() selected=chosen>{u.label()}</option> }
                        })
                        .collect_view()}
                </select>
                <label for="kind">"Kind"</label>
                {message_for("kind")}
                <select id="kind" name="kind">
                    <option value="">"Reports and activities"</option>
                    {ObligationKind::ALL
                        .into_iter()
                        .map(|k| {
                            let chosen = k.as_str() == kind_now;
                            let label = if k == ObligationKind::Report { "Reports" } else { "Activities" };
                            view! { <option value=k.as_str() selected=chosen>{label}</option> }
                        })
                        .collect_view()}
                </select>
                <label for="addressee">"Addressed to"</label>
                {message_for("addressee")}
                <input id="addressee" name="addressee" value=value(&query.addressee) />
                <label for="adopted_by">"Adopted by"</label>
                {message_for("adopted_by")}
                <input id="adopted_by" name="adopted_by" value=value(&query.adopted_by) />
                <label for="year">"Year the session opens"</label>
                {message_for("year")}
                <input id="year" name="year" inputmode="numeric" value=value(&query.year) />
                {query
                    .resolution
                    .clone()
                    .map(|id| view! { <input type="hidden" name="resolution" value=id /> })}
                <label for="sort">"Sort by"</label>
                {message_for("sort")}
                <select id="sort" name="sort">
                    {FinderSort::ALL
                        .into_iter()
                        .map(|s| {
                            let chosen = s.as_str() == sort_now;
                            view! { <option value=s.as_str() selected=chosen>{s.label()}</option> }
                        })
                        .collect_view()}
                </select>
                <button type="submit">"Apply filters"</button>
                <a href="/obligations" class="clear">"Clear all filters"</a>
            </div>
        </Form>
    }
}
