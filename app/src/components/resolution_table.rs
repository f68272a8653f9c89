use super::symbol::SymbolLink;
use crate::model::ResolutionSummary;
use leptos::prelude::*;

/// The home page's filter and the list it narrows (see [`ResolutionSummary::matches`]): an
/// island, so the rows travel to the browser with it and typing filters them there.
#[island]
pub fn ResolutionFilter(rows: Vec<ResolutionSummary>, initial: String) -> impl IntoView {
    let (filter, set_filter) = signal(initial.clone());
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        remember_filter_in_url(&value);
        set_filter.set(value);
    };
    view! {
        <form
            method="get"
            action="/"
            role="search"
            class="filter"
            on:submit=|ev| ev.prevent_default()
        >
            <label for="q">"Filter by label, title or body"</label>
            <input id="q" name="q" type="search" value=initial on:input=on_input />
            <button type="submit">"Filter"</button>
        </form>
        <ResolutionTable rows filter />
    }
}

#[component]
fn ResolutionTable(rows: Vec<ResolutionSummary>, filter: ReadSignal<String>) -> impl IntoView {
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
        <p class="count" aria-live="polite">
            {move || format!("Showing {} of {} resolutions and decisions", shown(), total)}
        </p>
        <table class="resolutions stack">
            <caption class="visually-hidden">"Resolutions and decisions, one a row"</caption>
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
                        <td data-label="Document"><SymbolLink symbol=row.document_symbol /></td>
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

/// Keeps `?q=` in the address bar in step with the filter, so a reload or a shared link shows
/// the same list. Replaces the history entry rather than adding one per keystroke.
fn remember_filter_in_url(_value: &str) {
    #[cfg(feature = "hydrate")]
    {
        let url = if _value.is_empty() {
            "/".to_string()
        } else {
            format!("/?q={}", crate::model::finder::encode(_value))
        };
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}
