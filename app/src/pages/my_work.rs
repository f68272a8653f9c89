//! `/my-work` (staff): the open obligations one is focal point of or that are assigned to one's
//! office, most pressing first, and the form that sets one's office. Server HTML; the form is a
//! plain form post that comes back to the page.

use crate::api::{SaveMyOffice, get_my_work};
use crate::components::dates::{day, day_or_unset};
use crate::components::error_alert::{PageError, last_error};
use crate::components::finder_results::badge;
use crate::components::page_data::load;
use crate::domain::text::OFFICE;
use crate::model::work::{MyWork, WorkRow};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyWorkPage() -> impl IntoView {
    let save = ServerAction::<SaveMyOffice>::new();
    view! {
        <Title text="My work — Mandate Tracker" />
        <h1>"My work"</h1>
        {move || last_error(save.value().get())}
        {load(async move {
            match get_my_work().await {
                Ok(work) => view! { <WorkList work save /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

#[component]
fn WorkList(work: MyWork, save: ServerAction<SaveMyOffice>) -> impl IntoView {
    let whose = match &work.office {
        Some(office) => format!(
            "Open obligations of which you are the focal point or that are assigned to your office, {office}, the most pressing first."
        ),
        None => "Open obligations of which you are the focal point, the most pressing first. Give your office below to see your office's as well.".to_string(),
    };
    // The badges' "overdue" and "at risk" hold for one day: say which.
    let judged = format!("Overdue and at risk are judged on {}.", day(work.today));
    let count = match work.rows.len() {
        0 => "Nothing is assigned to you or your office.".to_string(),
        1 => format!("1 obligation. {judged}"),
        n => format!("{n} obligations. {judged}"),
    };
    let rows = (!work.rows.is_empty()).then(|| {
        view! {
            <table class="obligations stack">
                <caption class="visually-hidden">"My open obligations, the most pressing first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Source"</th>
                        <th scope="col">"Who"</th>
                        <th scope="col">"Due at"</th>
                        <th scope="col">"Submit by"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Why it is listed"</th>
                    </tr>
                </thead>
                <tbody>{work.rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}</tbody>
            </table>
        }
    });
    view! {
        <p class="lede">{whose}</p>
        <p class="count">{count}</p>
        {rows}
        <h2 id="office-heading">"Your office"</h2>
        <ActionForm action=save attr:class="stacked" attr:aria-labelledby="office-heading">
            <label for="my-office">"Office"</label>
            <p class="hint" id="my-office-hint">
                "As obligations name it, for example: UNODC, Division for Treaty Affairs. Leave it blank for none."
            </p>
            <input
                id="my-office"
                name="office"
                maxlength=OFFICE.max_chars
                aria-describedby="my-office-hint"
                value=work.office.unwrap_or_default()
            />
            <button type="submit">"Save my office"</button>
        </ActionForm>
    }
}

#[component]
fn Row(row: WorkRow) -> impl IntoView {
    let s = &row.obligation.schedule;
    let href = format!("/obligations/{}", s.obligation_id);
    let source = format!("{} ¶{}", s.resolution_label, s.paragraph);
    let (class, words) = badge(row.obligation.urgency, s.status);
    let why = match (row.focal_point, row.office) {
        (true, Some(office)) => format!("You are its focal point; office: {office}"),
        (true, None) => "You are its focal point".to_string(),
        (false, Some(office)) => format!("Your office: {office}"),
        (false, None) => "Your office".to_string(),
    };
    view! {
        <tr>
            <td data-label="Source"><a href=href>{source}</a></td>
            <td data-label="Who">{s.addressee.clone()}</td>
            <td data-label="Due at">{s.target()}</td>
            <td data-label="Submit by">{day_or_unset(s.deadlines.map(|d| d.submission))}</td>
            <td data-label="Status">
                {s.status.label()}
                " "
                <span class=format!("badge {class}")>{words}</span>
            </td>
            <td data-label="Why it is listed">{why}</td>
        </tr>
    }
}
