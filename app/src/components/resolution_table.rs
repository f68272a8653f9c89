use super::symbol::SymbolLink;
use crate::model::{RESOLUTIONS_PER_PAGE, ResolutionPage, ResolutionSummary};
use leptos::prelude::*;

/// The home page's filter and the page of the list it narrows: an island. Without JavaScript
/// the filter is a GET form (`/?q=…`) and the pages are links; once hydrated, typing asks the
/// server for the first page that matches and redraws the list in place, without a page load.
#[island]
pub fn ResolutionFilter(initial: ResolutionPage, q: String) -> impl IntoView {
    let (list, set_list) = signal(initial);
    // The filter the list shows (its pages' links keep it), and why the list could not follow
    // the box, if it could not.
    let (filter, set_filter) = signal(q.clone());
    let (refused, set_refused) = signal(None::<String>);
    // Answers can arrive out of order: only the one for the latest keystroke is drawn.
    let asked = StoredValue::new(0_u64);
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        remember_filter_in_url(&value);
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        leptos::task::spawn_local(async move {
            let answer = crate::api::list_resolutions(value.clone(), None).await;
            if asked.get_value() != ticket {
                return;
            }
            match answer {
                Ok(page) => {
                    set_list.set(page);
                    set_filter.set(value);
                    set_refused.set(None);
                }
                Err(error) => set_refused.set(Some(format!(
                    "The list could not follow the filter: {error} Press “Filter” to try again."
                ))),
            }
        });
    };
    view! {
        <form method="get" action="/" role="search" class="filter">
            <label for="q">"Filter by label, title or body"</label>
            <input id="q" name="q" type="search" maxlength=crate::api::MAX_FILTER_CHARS value=q on:input=on_input />
            <button type="submit">"Filter"</button>
        </form>
        <p class="count" aria-live="polite">
            {move || refused.get().unwrap_or_else(|| list.with(count_text))}
        </p>
        <ResolutionTable list />
        {move || list.with(|list| pagination(list, &filter.get()))}
    }
}

/// "Showing 14 of 14 resolutions and decisions", or which rows of how many this page shows.
fn count_text(list: &ResolutionPage) -> String {
    let shown = i64::try_from(list.rows.len()).unwrap_or(0);
    if list.pages() == 1 {
        return format!(
            "Showing {} of {} resolutions and decisions",
            list.matching, list.total
        );
    }
    let from = (list.page - 1) * RESOLUTIONS_PER_PAGE + 1;
    let to = from + shown - 1;
    if list.matching == list.total {
        format!(
            "Showing {from} to {to} of {} resolutions and decisions",
            list.total
        )
    } else {
        format!(
            "Showing {from} to {to} of {} matching resolutions and decisions ({} in all)",
            list.matching, list.total
        )
    }
}

/// Links to the previous and next pages, when there are more than one.
fn pagination(list: &ResolutionPage, filter: &str) -> Option<impl IntoView + use<>> {
    let pages = list.pages();
    if pages <= 1 {
        return None;
    }
    let current = list.page;
    let href = |page: i64| {
        let q = crate::model::finder::encode(filter);
        if filter.is_empty() {
            format!("/?page={page}")
        } else {
            format!("/?q={q}&page={page}")
        }
    };
    let previous =
        (current > 1).then(|| view! { <a href=href(current - 1) rel="prev">"Previous page"</a> });
    let next =
        (current < pages).then(|| view! { <a href=href(current + 1) rel="next">"Next page"</a> });
    Some(view! {
        <nav class="pagination" aria-label="Pages of resolutions">
            {previous}
            <span>{format!("Page {current} of {pages}")}</span>
            {next}
        </nav>
    })
}

#[component]
fn ResolutionTable(list: ReadSignal<ResolutionPage>) -> impl IntoView {
    view! {
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
                <For each=move || list.get().rows key=|row: &ResolutionSummary| row.id let:row>
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
