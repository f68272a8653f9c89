//! Who is logged in, for the header and for pages that show staff-only forms.

use crate::api::{LogOut, get_current_user};
use crate::auth::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The logged-in user (re-read on every navigation and after logging out) and the log-out
/// action, shared through the context by [`AccountScope`].
#[derive(Clone, Copy)]
pub struct Account {
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
    pub log_out: ServerAction<LogOut>,
}

impl Account {
    /// The account in context. Pages are always rendered inside [`AccountScope`].
    pub fn get() -> Option<Self> {
        use_context::<Account>()
    }
}

/// Provides [`Account`] to everything inside it. Must sit inside the router: the user is
/// re-read when the path changes, which is how the header learns about a login that
/// redirected elsewhere.
#[component]
pub fn AccountScope(children: Children) -> impl IntoView {
    let location = use_location();
    let log_out = ServerAction::<LogOut>::new();
    let user = Resource::new(
        move || (location.pathname.get(), log_out.version().get()),
        |_| get_current_user(),
    );
    provide_context(Account { user, log_out });
    children()
}

/// The header's corner: "Log in", or the user's name with a "Log out" button.
#[component]
pub fn UserMenu() -> impl IntoView {
    let Some(account) = Account::get() else {
        return ().into_any();
    };
    let location = use_location();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match account.user.await {
                    Ok(Some(user)) => {
                        view! {
                            <div class="user-menu">
                                <span class="user">
                                    {format!("{} ({})", user.display_name, user.role)}
                                </span>
                                <ActionForm action=account.log_out>
                                    <button type="submit">"Log out"</button>
                                </ActionForm>
                            </div>
                        }
                            .into_any()
                    }
                    _ => {
                        let next = location.pathname.get_untracked();
                        let href = if next == "/login" {
                            "/login".to_string()
                        } else {
                            format!("/login?next={next}")
                        };
                        view! {
                            <div class="user-menu">
                                <a href=href>"Log in"</a>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
    .into_any()
}
