//! `/admin/accounts` (administrators): every staff account with its role and state, the forms
//! that change them, the open invitations (each with a button that cancels it) and the form
//! that invites someone. Server HTML with plain form posts that come back to the page.

use crate::api::{CancelInvitation, ChangeRole, InviteStaff, SetAccountEnabled, list_accounts};
use crate::auth::Role;
use crate::components::dates::day;
use crate::components::error_alert::{PageError, last_error};
use crate::components::page_data::load;
use crate::domain::text::DISPLAY_NAME;
use crate::model::accounts::{Account, Accounts};
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone, Copy)]
struct AccountActions {
    role: ServerAction<ChangeRole>,
    enabled: ServerAction<SetAccountEnabled>,
    invite: ServerAction<InviteStaff>,
    cancel: ServerAction<CancelInvitation>,
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let actions = AccountActions {
        role: ServerAction::new(),
        enabled: ServerAction::new(),
        invite: ServerAction::new(),
        cancel: ServerAction::new(),
    };
    view! {
        <Title text="Accounts — Mandate Tracker" />
        <h1>"Staff accounts"</h1>
        {move || last_error(actions.role.value().get())}
        {move || last_error(actions.enabled.value().get())}
        {move || last_error(actions.invite.value().get())}
        {move || last_error(actions.cancel.value().get())}
        {load(async move {
            match list_accounts().await {
                Ok(accounts) => view! { <AccountList accounts actions /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

fn role_options(chosen: Option<Role>) -> impl IntoView {
    Role::ALL
        .into_iter()
        .map(|role| {
            view! {
                <option value=role.as_str() selected=chosen == Some(role)>
                    {format!("{}: {}", role.label(), role.duties())}
                </option>
            }
        })
        .collect_view()
}

#[component]
fn AccountList(accounts: Accounts, actions: AccountActions) -> impl IntoView {
    let me = accounts.me;
    let rows = accounts
        .accounts
        .into_iter()
        .map(|account| view! { <AccountRow account me actions /> })
        .collect_view();
    let invitations = (!accounts.invitations.is_empty()).then(|| {
        let items = accounts
            .invitations
            .into_iter()
            .map(|i| {
                let until = if i.expires_at < chrono::Utc::now() {
                    format!("link expired on {}", day(i.expires_at.date_naive()))
                } else {
                    format!("link valid until {}", day(i.expires_at.date_naive()))
                };
                let text = format!(
                    "{} ({}), {}: invited by {}, {until}",
                    i.name,
                    i.email,
                    i.role.label(),
                    i.invited_by,
                );
                let words = format!("Cancel the invitation of {}", i.name);
                view! {
                    <li>
                        {text}
                        <ActionForm action=actions.cancel attr:class="inline-form">
                            <input type="hidden" name="id" value=i.id.to_string() />
                            <button type="submit" class="secondary">{words}</button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>"Invitations not accepted yet"</h2>
            <ul>{items}</ul>
        }
    });
    view! {
        <table class="obligations stack">
            <caption class="visually-hidden">"Staff accounts, one a row"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Email address"</th>
                    <th scope="col">"Office"</th>
                    <th scope="col">"Role"</th>
                    <th scope="col">"State"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {invitations}
        <h2 id="invite-heading">"Invite a staff member"</h2>
        <p class="hint">
            "They are mailed a link, valid for a week and usable once, to choose their password."
        </p>
        <ActionForm action=actions.invite attr:class="stacked" attr:aria-labelledby="invite-heading">
            <label for="invite-email">"Email address"</label>
            <input id="invite-email" name="email" type="email" autocomplete="off" required />
            <label for="invite-name">"Name shown for the account"</label>
            <input
                id="invite-name"
                name="name"
                maxlength=DISPLAY_NAME.max_chars
                autocomplete="off"
                required
            />
            <label for="invite-role">"Role"</label>
            <select id="invite-role" name="role">{role_options(Some(Role::Editor))}</select>
            <button type="submit">"Send the invitation"</button>
        </ActionForm>
    }
}

#[component]
fn AccountRow(account: Account, me: i64, actions: AccountActions) -> impl IntoView {
    let id = account.id.to_string();
    let state = if account.disabled {
        "Disabled"
    } else {
        "Active"
    };
    let changes = if account.id == me {
        view! { <p class="hint">"Your own account: another administrator can change it."</p> }
            .into_any()
    } else {
        let role_id = format!("role-{}", account.id);
        let role_label = format!("Role of {}", account.name);
        let save_words = format!("Save role of {}", account.name);
        let (role_form_id, enabled_form_id) = (id.clone(), id);
        let (enabled, words) = if account.disabled {
            ("yes", format!("Enable {}", account.name))
        } else {
            ("no", format!("Disable {}", account.name))
        };
        view! {
            <ActionForm action=actions.role attr:class="inline-form">
                <input type="hidden" name="id" value=role_form_id />
                <label for=role_id.clone() class="visually-hidden">{role_label}</label>
                <select id=role_id name="role">{role_options(Some(account.role))}</select>
                <button type="submit">{save_words}</button>
            </ActionForm>
            <ActionForm action=actions.enabled attr:class="inline-form">
                <input type="hidden" name="id" value=enabled_form_id />
                <input type="hidden" name="enabled" value=enabled />
                <button type="submit" class="secondary">{words}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <tr>
            <td data-label="Name">{account.name.clone()}</td>
            <td data-label="Email address">{account.email}</td>
            <td data-label="Office">{account.office.unwrap_or_else(|| "—".into())}</td>
            <td data-label="Role">{account.role.label()}{changes}</td>
            <td data-label="State">{state}</td>
        </tr>
    }
}
