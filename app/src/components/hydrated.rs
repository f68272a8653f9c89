use leptos::prelude::*;

/// Marks the page as live once the part around it is hydrated: placed inside a page's
/// `Suspense`, next to the content the user will act on. Effects run only in the browser, so
/// the marker tells browser tests (and curious people) that clicks and typing no longer need
/// a round trip.
#[component]
pub fn HydratedMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
