use crate::api::list_resolutions;
use crate::components::error_alert::PageError;
use crate::components::page_data::load;
use crate::components::resolution_table::ResolutionFilter;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The front page: the imported resolutions, 50 a page, with a text filter.
///
/// Without JavaScript the filter is a plain GET form (`/?q=...&page=2`) answered by the server;
/// once hydrated, the list follows the filter as the user types (see [`ResolutionFilter`]).
#[component]
pub fn ResolutionsPage() -> impl IntoView {
    let (q, page) = {
        let query = use_query_map().read_untracked();
        (query.get("q").unwrap_or_default(), query.get("page"))
    };
    view! {
        <Title text="Resolutions — Mandate Tracker" />
        <h1>"Resolutions and decisions"</h1>
        {load(async move {
            let page = match page.map(|p| p.trim().parse::<i64>()) {
                None => Ok(None),
                Some(Ok(page)) => Ok(Some(page)),
                Some(Err(_)) => Err(AppError::Validation("Pages are numbered from 1.".into())),
            };
            let list = match page {
                Ok(page) => list_resolutions(q.clone(), page).await,
                Err(error) => Err(error),
            };
            match list {
                Ok(initial) => view! { <ResolutionFilter initial q /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}
