use leptos::prelude::*;

/// Marks the page as live once the browser bundle has hydrated the page's islands: an island of
/// its own, in the header of every page. Effects run only in the browser, and after every island
/// of the page is hydrated, so the marker (`<body data-hydrated="true">`) tells browser tests
/// (and curious people) that clicks and typing no longer need a round trip.
#[island]
pub fn HydratedMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
