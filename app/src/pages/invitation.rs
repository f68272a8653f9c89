//! `/invitations/accept?token=…`: the page of a one-time invitation link, where the invited
//! staff member chooses a password. A plain form post; the new account is then logged in.

use crate::api::{AcceptInvitation, get_invitation};
use crate::auth::MIN_PASSWORD_CHARS;
use crate::components::error_alert::{PageError, last_error};
use crate::components::page_data::load;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let accept = ServerAction::<AcceptInvitation>::new();
    let token = super::subscription::token();
    view! {
        <Title text="Your account — Mandate Tracker" />
        <h1>"Choose your password"</h1>
        {move || last_error(accept.value().get())}
        {load(async move {
            match get_invitation(token.clone()).await {
                Ok(invitation) => {
                    let lede = format!(
                        "Welcome, {}. Your account is for {}, with the role {}: it {}.",
                        invitation.name,
                        invitation.email,
                        invitation.role.label(),
                        invitation.role.duties(),
                    );
                    let hint = format!(
                        "At least {MIN_PASSWORD_CHARS} characters. A sentence you will remember works well."
                    );
                    view! {
                        <p class="lede">{lede}</p>
                        <ActionForm action=accept attr:class="stacked">
                            <input type="hidden" name="token" value=token.clone() />
                            <input
                                type="hidden"
                                name="username"
                                autocomplete="username"
                                value=invitation.email.clone()
                            />
                            <label for="password">"New password"</label>
                            <p class="hint" id="password-hint">{hint}</p>
                            <input
                                id="password"
                                name="password"
                                type="password"
                                autocomplete="new-password"
                                minlength=MIN_PASSWORD_CHARS.to_string()
                                aria-describedby="password-hint"
                                required
                            />
                            <button type="submit">"Create my account"</button>
                        </ActionForm>
                    }
                        .into_any()
                }
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}
