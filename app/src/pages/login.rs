use crate::api::LogIn;
use crate::components::error_alert::last_error;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The staff login form. A plain form post without JavaScript; after logging in, the browser
/// goes to `?next=` (a path on this site) or to the obligations.
#[component]
pub fn LoginPage() -> impl IntoView {
    let log_in = ServerAction::<LogIn>::new();
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_default();
    let error = move || last_error(log_in.value().get());
    view! {
        <Title text="Log in — Mandate Tracker" />
        <h1>"Log in"</h1>
        <p class="count">
            "For secretariat staff. Every page can be read without an account."
        </p>
        {error}
        <ActionForm action=log_in attr:class="stacked">
            <input type="hidden" name="next" value=next />
            <label for="email">"Email address"</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
            <label for="password">"Password"</label>
            <input
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
            />
            <button type="submit">"Log in"</button>
        </ActionForm>
    }
}
