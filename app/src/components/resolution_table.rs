use crate::model::ResolutionSummary;
use leptos::prelude::*;

/// The list of resolutions, narrowed by `filter` (see [`ResolutionSummary::matches`]).
#[component]
pub fn ResolutionTable(rows: Vec<ResolutionSummary>, filter: ReadSignal<String>) -> impl IntoView {
    let total = rows.len();
    let visible = Memo::new(move |_| {
        let filter = filter.get();
        rows.iter()
            .filter(|row| row.matches(&filter))
            .cloned()
            .collect::<Vec<_>>()
    });
    let shown = move || visible.with(Vec::len);

    view! {
        <super::hydrated::HydratedMarker />
        <p class="count" aria-live="polite">
            {move || format!("Showing {} of {} resolutions and decisions", shown(), total)}
        </p>
        <table class="resolutions stack">
            <thead>
                <tr>
                    <th scope="col">"Document"</th>
                    <th scope="col">"Label"</th>
                    <th scope="col">"Title"</th>
                    <th scope="col">"Adopting body"</th>
                    <th scope="col" class="num">"Operative paragraphs"</th>
                    <th scope="col" class="num">"Mandates"</th>
                    <th scope="col" class="num">"Reporting"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || visible.get() key=|row| row.id let:row>
                    <tr>
                        <td data-label="Document">{row.document_symbol}</td>
                        <td data-label="Label"><a href=format!("/resolutions/{}", row.id)>{row.label}</a></td>
                        <td data-label="Title">{row.title}</td>
                        <td data-label="Adopting body">{row.adopting_body.unwrap_or_else(|| "—".to_string())}</td>
                        <td class="num" data-label="Operative paragraphs">{row.operative_paragraphs}</td>
                        <td class="num" data-label="Mandates">{row.mandates}</td>
                        <td class="num" data-label="Reporting">{row.reporting_mandates}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}
