use crate::api::list_resolutions;
use crate::components::error_alert::PageError;
use crate::components::resolution_table::ResolutionTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The front page: every imported resolution, with a text filter.
///
/// Without JavaScript the filter is a plain GET form (`/?q=...`) answered by the server; once
/// hydrated, the same filter narrows the list as the user types, without a round trip.
#[component]
pub fn ResolutionsPage() -> impl IntoView {
    let initial = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let (filter, set_filter) = signal(initial.clone());
    let resolutions = Resource::new(|| (), |_| list_resolutions());

    let on_input = move |ev| {
        let value = event_target_value(&ev);
        remember_filter_in_url(&value);
        set_filter.set(value);
    };

    view! {
        <Title text="Resolutions — Mandate Tracker" />
        <h1>"Resolutions and decisions"</h1>
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
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match resolutions.await {
                    Ok(rows) => view! { <ResolutionTable rows filter /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
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
