use crate::api::list_resolutions;
use crate::components::error_alert::PageError;
use crate::components::page_data::load;
use crate::components::resolution_table::ResolutionFilter;
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
    view! {
        <Title text="Resolutions — Mandate Tracker" />
        <h1>"Resolutions and decisions"</h1>
        {load(async move {
            match list_resolutions().await {
                Ok(rows) => view! { <ResolutionFilter rows initial /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}
