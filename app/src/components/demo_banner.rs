use leptos::prelude::*;

/// Present in the page context when the server runs with `serve --demo` (as `make run` does):
/// every page then says that it shows demo data.
#[derive(Debug, Clone, Copy)]
pub struct DemoData;

/// The notice under the header of every page of a demo site; nothing on a real one.
#[component]
pub fn DemoBanner() -> impl IntoView {
    use_context::<DemoData>().map(|_| {
        view! {
            <aside class="demo-banner" aria-label="About the data">
                <strong>"Demo data. "</strong>
                "The texts and session dates are real; the progress recorded on some obligations is illustrative, not their real outcome (its history says so)."
            </aside>
        }
    })
}
