//! Who is logged in, for the header and for pages that show staff-only forms.

use crate::api::{LogOut, get_current_user};
use crate::auth::CurrentUser;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The logged-in user of this request, or `None` for a visitor (delegations browse without an
/// account) or when the login cannot be read. Pages are rendered on the server only, so this is
/// a plain call, not a resource shared between parts of the page.
pub async fn current_user() -> Option<CurrentUser> {
    get_current_user().await.ok().flatten()
}

/// The header's corner: "Log in", or the user's name with a "Log out" button.
#[component]
pub fn UserMenu() -> impl IntoView {
    let log_out = ServerAction::<LogOut>::new();
    let next = use_location().pathname.get_untracked();
    let login = if next == "/login" {
        "/login".to_string()
    } else {
        format!("/login?next={next}")
    };
    crate::components::page_data::load(async move {
        match current_user().await {
            Some(user) => view! {
                <div class="user-menu">
                    <span class="user">{format!("{} ({})", user.display_name, user.role)}</span>
                    <a href="/my-work">"My work"</a>
                    {user.role.can_edit().then(|| view! { <a href="/import">"Import"</a> })}
                    <a href="/account/notices">"Notices"</a>
                    {(user.role == crate::auth::Role::Admin)
                        .then(|| view! {
                            <a href="/admin/accounts">"Accounts"</a>
                            <a href="/outbox">"Outbox"</a>
                        })}
                    <ActionForm action=log_out>
                        <button type="submit">"Log out"</button>
                    </ActionForm>
                </div>
            }
            .into_any(),
            None => view! {
                <div class="user-menu">
                    <a href=login>"Log in"</a>
                </div>
            }
            .into_any(),
        }
    })
}
