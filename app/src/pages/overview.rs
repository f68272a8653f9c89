//! `/overview`: the state of the work at a glance, in three figures drawn on the server.

use crate::api::get_overview;
use crate::components::dates::day;
use crate::components::error_alert::PageError;
use crate::components::page_data::load;
use crate::model::overview::Figure;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <Title text="Overview — Mandate Tracker" />
        <h1>"Overview"</h1>
        {load(async move {
                match get_overview().await {
                    Ok(overview) => {
                        let on = day(overview.today);
                        view! {
                            <p class="lede">
                                {format!(
                                    "Reports only (activities have no deadline), each judged against its session as the calendar stands today. Overdue is judged on {on}."
                                )}
                            </p>
                            {overview
                                .figures
                                .into_iter()
                                .map(|figure| view! { <FigureView figure /> })
                                .collect_view()}
                        }
                            .into_any()
                    }
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
    }
}

/// A chart with its title and summary as its accessible name, and its numbers in a table
/// under it, one click away (`<details>`, which screen readers announce as a button).
#[component]
fn FigureView(figure: Figure) -> impl IntoView {
    let title_id = format!("{}-title", figure.id);
    let heading_id = title_id.clone();
    let summary_id = format!("{}-summary", figure.id);
    let labelled = format!("{title_id} {summary_id}");
    let drawing = (!figure.svg.is_empty()).then(|| {
        view! { <div class="chart" role="img" aria-labelledby=labelled inner_html=figure.svg></div> }
    });
    let header = figure
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let columns = figure.columns.clone();
    let rows = figure
        .rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter().zip(columns.iter().cloned());
            let first = cells.next().map(|(cell, _)| cell).unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{first}</th>
                    {cells
                        .map(|(cell, label)| view! { <td data-label=label>{cell}</td> })
                        .collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="figure" aria-labelledby=title_id>
            <h2 id=heading_id>{figure.title.clone()}</h2>
            <p id=summary_id>{figure.summary}</p>
            {drawing}
            <details>
                <summary>{format!("The figures of “{}” as a table", figure.title)}</summary>
                <table class="figures stack">
                    <caption class="visually-hidden">{figure.title}</caption>
                    <thead><tr>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </section>
    }
}
