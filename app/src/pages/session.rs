//! One session's agenda (`/sessions/<body>/<number>`, e.g. `/sessions/ccpcj/35`): everything
//! due there, like the General Assembly's annotated list of items.

use crate::api::get_session_agenda;
use crate::components::dates::{day, day_or_unset};
use crate::components::error_alert::PageError;
use crate::components::finder_results::badge;
use crate::components::page_data::load;
use crate::components::symbol::SymbolLink;
use crate::model::text::SessionAgenda;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let (body, number) = {
        let params = params.read_untracked();
        (
            params.get("body").unwrap_or_default(),
            params.get("number").and_then(|n| n.parse::<i32>().ok()),
        )
    };
    load(async move {
        let agenda = match number {
            Some(number) => get_session_agenda(body, number).await,
            None => Err(crate::error::AppError::NotFound(
                "A session is named by its number, as in /sessions/ccpcj/35.".into(),
            )),
        };
        match agenda {
            Ok(agenda) => view! { <Agenda agenda /> }.into_any(),
            Err(error) => view! { <PageError error /> }.into_any(),
        }
    })
}

#[component]
fn Agenda(agenda: SessionAgenda) -> impl IntoView {
    let heading = format!("{}, {}", agenda.body_name, agenda.label);
    let title = format!("{heading} — Mandate Tracker");
    let dates = match (agenda.opens_on, agenda.closes_on) {
        (Some(o), Some(c)) => format!("{} to {}", day(o), day(c)),
        (Some(o), None) => format!("opens {}", day(o)),
        _ => "dates not set".to_string(),
    };
    let code = agenda.body_code.to_lowercase();
    let query = format!("?body={code}&session={}", agenda.number);
    let count = match agenda.rows.len() {
        0 => "Nothing is due at this session yet.".to_string(),
        1 => "1 obligation is due at this session.".to_string(),
        n => format!("{n} obligations are due at this session."),
    };
    let deadlines = agenda.deadlines;
    let today = day(agenda.today);
    view! {
        <Title text=title />
        <h1>{heading}</h1>
        <dl class="facts">
            <dt>"Dates"</dt><dd>{dates}</dd>
            <dt>"Venue"</dt><dd>{agenda.venue.unwrap_or_else(|| "not set".into())}</dd>
            <dt>"State"</dt><dd>{agenda.state.label()}</dd>
            <dt>"Documents due"</dt><dd>{day_or_unset(deadlines.map(|d| d.submission))}</dd>
            <dt>"Documents issued by"</dt><dd>{day_or_unset(deadlines.map(|d| d.issuance))}</dd>
        </dl>
        <h2>{count}</h2>
        <p class="downloads">
            <a href=format!("/obligations{query}")>"Filter these obligations in the finder"</a>
            " · "
            <a href=format!("/obligations.csv{query}")>"Download them as a spreadsheet (CSV)"</a>
        </p>
        <table class="obligations stack">
            <caption class="visually-hidden">"Obligations due at this session"</caption>
            <thead>
                <tr>
                    <th scope="col">"Source"</th>
                    <th scope="col">"Mandate"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Document"</th>
                </tr>
            </thead>
            <tbody>
                {agenda
                    .rows
                    .into_iter()
                    .map(|row| {
                        let s = row.schedule;
                        let quote: String = row.quote.into_iter().map(|(t, _)| t).collect();
                        view! {
                            <tr>
                                <td data-label="Source">
                                    <a href=format!("/obligations/{}", s.obligation_id)>
                                        {format!("{} ¶{}", s.resolution_label, s.paragraph)}
                                    </a>
                                </td>
                                <td data-label="Mandate">
                                    <span class="addressee">{s.addressee}</span>": "{quote}
                                </td>
                                <td data-label="Status">
                                    {s.status.label()}
                                    " "
                                    {
                                        let (class, words) = badge(row.urgency, s.status);
                                        view! { <span class=format!("badge {class}")>{words}</span> }
                                    }
                                </td>
                                <td data-label="Document">
                                    {match row.document_symbol {
                                        Some(symbol) => view! { <SymbolLink symbol /> }.into_any(),
                                        None => "—".into_any(),
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="count">{format!("Urgency judged on {today}.")}</p>
    }
}
