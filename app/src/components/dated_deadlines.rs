//! The calendar page's list of deadlines set by date rather than by session ("within 90 days
//! of the adoption", "no later than 31 March 2027"): no session carries them, so they are
//! listed beside the sessions.

use crate::components::dates::day_or_unset;
use crate::components::finder_results::badge;
use crate::domain::calendar::day;
use crate::model::ObligationUrgency;
use chrono::NaiveDate;
use leptos::prelude::*;

/// What is due on a date and still awaits submission, earliest first; nothing when there is none.
#[component]
pub fn DatedDeadlines(today: NaiveDate, rows: Vec<ObligationUrgency>) -> impl IntoView {
    if rows.is_empty() {
        return ().into_any();
    }
    let judged = format!(
        "Not yet submitted, earliest first. Overdue and at risk are judged on {}.",
        day(today)
    );
    let rows = rows
        .into_iter()
        .map(|row| view! { <Row row /> })
        .collect_view();
    view! {
        <section aria-labelledby="dated-deadlines">
            <h2 id="dated-deadlines">"Deadlines set by date"</h2>
            <p class="count">{judged}</p>
            <table class="stack">
                <caption class="visually-hidden">
                    "Reports and tasks due on a date rather than at a session"
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Due on"</th>
                        <th scope="col">"Source"</th>
                        <th scope="col">"Who"</th>
                        <th scope="col">"Due to"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}

#[component]
fn Row(row: ObligationUrgency) -> impl IntoView {
    let s = &row.schedule;
    let href = format!("/obligations/{}", s.obligation_id);
    let source = format!("{} ¶{}", s.resolution_label, s.paragraph);
    let (class, words) = badge(row.urgency, s.status);
    let rule = s.due.map(|d| d.words()).unwrap_or_default();
    view! {
        <tr>
            <th scope="row">
                {day_or_unset(s.deadlines.map(|d| d.submission))}
                <br />
                <span class="hint rule">{rule}</span>
            </th>
            <td data-label="Source"><a href=href>{source}</a></td>
            <td data-label="Who">{s.addressee.clone()}</td>
            <td data-label="Due to">{s.body.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td data-label="Status">
                {s.status.label()}
                " "
                <span class=format!("badge {class}")>{words}</span>
            </td>
        </tr>
    }
}
