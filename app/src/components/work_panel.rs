//! The staff panel of an obligation: its responsible office and focal point, and following it.
//! Plain form posts without JavaScript; once hydrated, a saved change re-reads the panel in place
//! and says so in a live region.

use super::error_alert::{ErrorAlert, last_error};
use crate::api::{AssignObligation, FollowObligation, get_work_panel};
use crate::domain::text::OFFICE;
use crate::error::AppError;
use crate::model::work::WorkPanel;
use leptos::prelude::*;

#[island]
pub fn WorkPanelForms(panel: WorkPanel) -> impl IntoView {
    let id = panel.obligation_id;
    let assign = ServerAction::<AssignObligation>::new();
    let follow = ServerAction::<FollowObligation>::new();
    let current = RwSignal::new(panel);
    let said = RwSignal::new(String::new());
    let reread_failed = RwSignal::new(None::<AppError>);
    let reread = move |words: &'static str| {
        leptos::task::spawn_local(async move {
            match get_work_panel(id).await {
                Ok(fresh) => {
                    said.set(words.into());
                    reread_failed.set(None);
                    current.set(fresh);
                }
                Err(error) => reread_failed.set(Some(error)),
            }
        });
    };
    Effect::new(move |_| {
        if matches!(assign.value().get(), Some(Ok(()))) {
            reread("Saved the office and focal point.");
        }
    });
    Effect::new(move |_| {
        if matches!(follow.value().get(), Some(Ok(()))) {
            reread("Saved.");
        }
    });
    view! {
        <h2 id="work">"Office and focal point"</h2>
        <p class:notice=move || !said.get().is_empty() role="status">{move || said.get()}</p>
        {move || reread_failed.get().map(|error| view! { <ErrorAlert error /> })}
        {move || last_error(assign.value().get())}
        {move || last_error(follow.value().get())}
        {move || {
            let panel = current.get();
            view! { <Forms panel assign follow /> }
        }}
    }
}

#[component]
fn Forms(
    panel: WorkPanel,
    assign: ServerAction<AssignObligation>,
    follow: ServerAction<FollowObligation>,
) -> impl IntoView {
    let assign_id = panel.obligation_id.to_string();
    let follow_id = assign_id.clone();
    let staff = panel
        .staff
        .iter()
        .map(|(user, name)| {
            let chosen = panel.focal_point == Some(*user);
            view! { <option value=user.to_string() selected=chosen>{name.clone()}</option> }
        })
        .collect_view();
    let (follow_value, follow_words) = if panel.following {
        ("no", "Stop following")
    } else {
        ("yes", "Follow this obligation")
    };
    let followers = match panel.followers {
        0 => "Nobody follows this obligation.".to_string(),
        1 => "1 staff member follows this obligation.".to_string(),
        n => format!("{n} staff members follow this obligation."),
    };
    let you = if panel.following {
        " You are mailed when its status changes."
    } else {
        ""
    };
    let held_by = panel
        .focal_point
        .and_then(|id| panel.staff.iter().find(|(user, _)| *user == id))
        .map_or_else(|| "No one yet".to_string(), |(_, name)| name.clone());
    let assignment = if panel.can_edit {
        view! {
        <ActionForm action=assign attr:class="stacked" attr:aria-labelledby="work">
            <input type="hidden" name="id" value=assign_id />
            <label for="office">"Responsible office"</label>
            <p class="hint" id="office-hint">"For example: UNODC, Division for Treaty Affairs."</p>
            <input
                id="office"
                name="office"
                maxlength=OFFICE.max_chars
                aria-describedby="office-hint"
                value=panel.office.clone().unwrap_or_default()
            />
            <label for="focal_point">"Focal point"</label>
            <p class="hint" id="focal_point-hint">
                "The focal point follows the obligation and is mailed that it is theirs."
            </p>
            <select id="focal_point" name="focal_point" aria-describedby="focal_point-hint">
                <option value="">"No one yet"</option>
                {staff}
            </select>
            <button type="submit">"Save office and focal point"</button>
        </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <dl class="facts">
                <dt>"Responsible office"</dt>
                <dd>{panel.office.clone().unwrap_or_else(|| "Not set".into())}</dd>
                <dt>"Focal point"</dt>
                <dd>{held_by}</dd>
            </dl>
        }
        .into_any()
    };
    view! {
        {assignment}
        <p class="count">{followers}{you}</p>
        <ActionForm action=follow attr:class="stacked">
            <input type="hidden" name="id" value=follow_id />
            <input type="hidden" name="follow" value=follow_value />
            <button type="submit" class="secondary">{follow_words}</button>
        </ActionForm>
        <p>
            <a href="/account/notices">"Choose which notices you are mailed"</a>
        </p>
    }
}
