//! The finder (`/obligations`): every obligation, filtered, searched, sorted and paged, with the
//! whole state in the address so a link can be shared, bookmarked and opened without JavaScript.

use crate::api::{find_obligations, finder_bodies};
use crate::components::dates::day;
use crate::components::error_alert::PageError;
use crate::components::finder_filters::FinderFilters;
use crate::components::finder_results::FinderResults;
use crate::components::page_data::load;
use crate::model::finder::FinderQuery;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// The finder's parameters as the address holds them.
pub fn finder_query(params: &ParamsMap) -> FinderQuery {
    let get = |name: &str| params.get(name);
    FinderQuery {
        body: get("body"),
        session: get("session"),
        addressee: get("addressee"),
        status: get("status"),
        urgency: get("urgency"),
        kind: get("kind"),
        adopted_by: get("adopted_by"),
        resolution: get("resolution"),
        year: get("year"),
        q: get("q"),
        sort: get("sort"),
        page: get("page"),
    }
}

#[component]
pub fn ObligationsPage() -> impl IntoView {
    let params = use_query_map();
    let query = finder_query(&params.read_untracked());
    let filters_query = query.clone();
    let results_query = query.clone();
    view! {
        <Title text="Find obligations — Mandate Tracker" />
        <h1>"Obligations"</h1>
        <p class="lede">
            "Every report and activity the tracked resolutions ask for. Filter by body, session, status or urgency, or search the mandates' words. Documents are due 10 weeks and issued 6 weeks before the session opens, unless a body's calendar says otherwise."
        </p>
        <div class="finder">
            {load(async move {
                let bodies = finder_bodies().await.unwrap_or_default();
                view! { <FinderFilters query=filters_query bodies /> }
            })}
            <section class="results" aria-labelledby="results-heading">
                {load(async move {
                        match find_obligations(query).await {
                            Ok(page) => {
                                let on = day(page.today);
                                view! {
                                    <FinderResults page query=results_query />
                                    <p class="count">
                                        {format!("Overdue and at risk are judged on {on}.")}
                                    </p>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <PageError error /> }.into_any(),
                        }
                    })}
            </section>
        </div>
        // With JavaScript, the filters apply as they change and the results are replaced in
        // place (public/finder.js); without it the form is a plain GET form.
        <script type="module" src="/finder.js" nonce=leptos::nonce::use_nonce()></script>
    }
}
