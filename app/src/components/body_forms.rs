use crate::api::{AddSession, ChangeLeadTimes};
use crate::components::text_hint::LimitedInput;
use crate::domain::text::{SESSION_LABEL, VENUE};
use leptos::prelude::*;

/// The administrator's form to add a session to a body (the next number is proposed).
#[component]
pub fn AddSessionForm(
    body_id: i64,
    next_number: i32,
    action: ServerAction<AddSession>,
) -> impl IntoView {
    let id = move |field: &str| format!("body-{body_id}-new-{field}");
    view! {
        <details>
            <summary>"Add a session"</summary>
            <ActionForm action attr:class="stacked">
                <input type="hidden" name="body_id" value=body_id.to_string() />
                <label for=id("number")>"Number"</label>
                <input
                    id=id("number")
                    name="number"
                    inputmode="numeric"
                    required
                    value=next_number.to_string()
                />
                <LimitedInput
                    id=id("label")
                    name="label"
                    label="Label (e.g. thirty-fifth session)"
                    limit=SESSION_LABEL
                />
                <label for=id("opens")>"Opens on"</label>
                <input id=id("opens") name="opens_on" type="date" />
                <label for=id("closes")>"Closes on"</label>
                <input id=id("closes") name="closes_on" type="date" />
                <LimitedInput id=id("venue") name="venue" label="Venue" limit=VENUE />
                <button type="submit">"Add the session"</button>
            </ActionForm>
        </details>
    }
}

/// The administrator's form for a body's documentation lead times.
#[component]
pub fn LeadTimesForm(
    body_id: i64,
    submission_weeks: i32,
    issuance_weeks: i32,
    action: ServerAction<ChangeLeadTimes>,
) -> impl IntoView {
    let id = move |field: &str| format!("body-{body_id}-{field}");
    view! {
        <details>
            <summary>"Change the lead times"</summary>
            <ActionForm action attr:class="stacked">
                <input type="hidden" name="body_id" value=body_id.to_string() />
                <label for=id("submission")>"Weeks before the opening that documents are due"</label>
                <input
                    id=id("submission")
                    name="submission_weeks"
                    inputmode="numeric"
                    value=submission_weeks.to_string()
                />
                <label for=id("issuance")>"Weeks before the opening that documents are issued"</label>
                <input
                    id=id("issuance")
                    name="issuance_weeks"
                    inputmode="numeric"
                    value=issuance_weeks.to_string()
                />
                <button type="submit">"Save the lead times"</button>
            </ActionForm>
        </details>
    }
}
