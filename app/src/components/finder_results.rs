//! One page of the finder's answers: the count, a table that stacks on small screens, the
//! download link for the same filter, and links to the other pages.

use crate::components::dates::day_or_unset;
use crate::domain::{Status, Urgency};
use crate::model::finder::{FinderPage, FinderQuery, FoundObligation};
use leptos::prelude::*;

#[component]
pub fn FinderResults(page: FinderPage, query: FinderQuery) -> impl IntoView {
    let pages = page.pages();
    let heading = match page.total {
        0 => "No obligations match".to_string(),
        1 => "1 obligation".to_string(),
        n => format!("{n} obligations"),
    };
    let position = (pages > 1).then(|| format!(" (page {} of {pages})", page.page));
    let filter = query.href(None);
    let csv = format!("/obligations.csv{filter}");
    let ics = format!("/obligations.ics{filter}");
    let atom = format!("/changes.atom{filter}");
    let json = format!("/api/v1/obligations{filter}");
    let email = format!("/subscribe{filter}");
    let empty = page.rows.is_empty();
    view! {
        <h2 id="results-heading">{heading}{position}</h2>
        <p class="downloads">
            <a href=email>"Email me these deadlines"</a>
            " · "
            <a href=csv>"Download these obligations as a spreadsheet (CSV)"</a>
            " · "
            <a href=ics>"Subscribe to their deadlines in your calendar (iCalendar)"</a>
            " · "
            <a href=atom>"Follow their status changes (Atom feed)"</a>
            " · "
            <a href=json>"The same list as JSON"</a>
            " ("
            <a href="/api/openapi.json">"API description, OpenAPI"</a>
            ")"
        </p>
        {empty.then(|| view! {
            <p>"Try fewer filters or other words, or " <a href="/obligations">"clear all filters"</a> "."</p>
        })}
        {(!empty).then(|| view! { <ResultTable rows=page.rows /> })}
        <Pagination current=page.page pages query />
    }
}

#[component]
fn ResultTable(rows: Vec<FoundObligation>) -> impl IntoView {
    view! {
        <table class="obligations stack">
            <caption class="visually-hidden">"Obligations found, one a row"</caption>
            <thead>
                <tr>
                    <th scope="col">"Source"</th>
                    <th scope="col">"Mandate"</th>
                    <th scope="col">"Due at"</th>
                    <th scope="col">"Session opens"</th>
                    <th scope="col">"Submit by"</th>
                    <th scope="col">"Issue by"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>{rows.into_iter().map(|row| view! { <ResultRow row /> }).collect_view()}</tbody>
        </table>
    }
}

#[component]
fn ResultRow(row: FoundObligation) -> impl IntoView {
    let s = &row.schedule;
    let href = format!("/obligations/{}", s.obligation_id);
    let source = format!("{} ¶{}", s.resolution_label, s.paragraph);
    let target = s.target();
    let deadlines = s.deadlines;
    let status = s.status.label();
    let badge = badge(row.urgency, s.status);
    let addressee = s.addressee.clone();
    let quote = row
        .quote
        .into_iter()
        .map(|(text, matched)| {
            if matched {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! {
        <tr>
            <td data-label="Source"><a href=href>{source}</a></td>
            <td data-label="Mandate">
                <span class="addressee">{addressee}</span>
                ": "
                <span class="quote-text">{quote}</span>
            </td>
            <td data-label="Due at">{target}</td>
            <td data-label="Session opens">{session_opens(deadlines)}</td>
            <td data-label="Submit by">{day_or_unset(deadlines.map(|d| d.submission))}</td>
            <td data-label="Issue by">{day_or_unset(deadlines.map(|d| d.issuance))}</td>
            <td data-label="Status">
                {status}
                " "
                <span class=format!("badge {}", badge.0)>{badge.1}</span>
            </td>
        </tr>
    }
}

/// The session's opening day; "no session (due on a date)" for an obligation due on a day.
pub fn session_opens(deadlines: Option<crate::domain::Deadlines>) -> String {
    match deadlines {
        Some(d) if d.session_opens.is_none() => "no session (due on a date)".to_owned(),
        d => day_or_unset(d.and_then(|d| d.session_opens)),
    }
}

/// The urgency as a badge: its class and its words.
pub fn badge(urgency: Urgency, status: Status) -> (&'static str, String) {
    let class = match urgency {
        Urgency::Overdue { .. } => "overdue",
        Urgency::AtRisk { .. } => "at-risk",
        Urgency::OnTrack { .. } => "on-track",
        Urgency::Done => "done",
        Urgency::NoDate => "no-date",
    };
    (class, urgency.words(status))
}

#[component]
fn Pagination(current: i64, pages: i64, query: FinderQuery) -> impl IntoView {
    if pages <= 1 {
        return ().into_any();
    }
    let link = |page: i64| query.href(Some(page));
    let previous = (current > 1).then(|| {
        let href = format!("/obligations{}", link(current - 1));
        view! { <a href=href rel="prev">"Previous page"</a> }
    });
    let next = (current < pages).then(|| {
        let href = format!("/obligations{}", link(current + 1));
        view! { <a href=href rel="next">"Next page"</a> }
    });
    view! {
        <nav class="pagination" aria-label="Pages of results">
            {previous}
            <span>{format!("Page {current} of {pages}")}</span>
            {next}
        </nav>
    }
    .into_any()
}
