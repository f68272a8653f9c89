//! `/account/notices` (staff): which short notices one is mailed. A plain form post without
//! JavaScript; once hydrated, saving says so in place.

use crate::api::{SaveNoticeSettings, get_notice_settings};
use crate::components::error_alert::{PageError, last_error};
use crate::components::page_data::load;
use crate::model::work::NoticeSettings;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NoticesPage() -> impl IntoView {
    view! {
        <Title text="Your notices — Mandate Tracker" />
        <h1>"Your notices"</h1>
        <p class="lede">
            "Short mails about the obligations you work on, sent to the address you log in with. Subscribers' digests of deadlines are separate: subscribe from any list of obligations."
        </p>
        {load(async move {
            match get_notice_settings().await {
                Ok(settings) => view! { <NoticeForm settings /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

#[island]
fn NoticeForm(settings: NoticeSettings) -> impl IntoView {
    let save = ServerAction::<SaveNoticeSettings>::new();
    let said = move || {
        matches!(save.value().get(), Some(Ok(_))).then_some("Your choice of notices is saved.")
    };
    let choices = [
        (
            "assigned",
            "When an obligation is made mine (I am its new focal point)",
            settings.assigned,
        ),
        (
            "at_risk",
            "When one of mine comes within the at-risk window before its submission deadline",
            settings.at_risk,
        ),
        (
            "followed",
            "When an obligation I follow changes status (not when I change it)",
            settings.followed,
        ),
    ];
    let boxes = choices
        .into_iter()
        .map(|(name, words, on)| {
            view! {
                <div class="choice">
                    <input type="checkbox" id=name name=name value="yes" checked=on />
                    <label for=name>{words}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class:notice=move || said().is_some() role="status">{said}</p>
        {move || last_error(save.value().get())}
        <ActionForm action=save attr:class="stacked">
            <fieldset>
                <legend>"Mail me"</legend>
                {boxes}
            </fieldset>
            <button type="submit">"Save"</button>
        </ActionForm>
    }
}
