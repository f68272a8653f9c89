//! The fields a subscriber chooses, on the subscribe and the manage forms: how often, on which
//! day, how many weeks ahead, and whether an empty digest is sent.

use super::form_errors::{FieldMessage, message_of};
use crate::domain::subscription::{FieldError, HORIZON_WEEKS, SubscriptionForm};
use leptos::prelude::*;

const WEEKDAYS: [(&str, &str); 7] = [
    ("1", "Monday"),
    ("2", "Tuesday"),
    ("3", "Wednesday"),
    ("4", "Thursday"),
    ("5", "Friday"),
    ("6", "Saturday"),
    ("7", "Sunday"),
];

#[component]
pub fn SubscriptionFields(values: SubscriptionForm, errors: Vec<FieldError>) -> impl IntoView {
    let weekly = values.cadence != "daily";
    let weekday = if values.weekday.is_empty() {
        "1".to_string()
    } else {
        values.weekday.clone()
    };
    let horizon = if values.horizon.is_empty() {
        "4".to_string()
    } else {
        values.horizon.clone()
    };
    let cadence_error = message_of(&errors, "cadence");
    let weekday_error = message_of(&errors, "weekday");
    let horizon_error = message_of(&errors, "horizon");
    let described =
        |field: &str, error: &Option<String>| error.as_ref().map(|_| format!("{field}-error"));
    let cadence_described = described("cadence", &cadence_error);
    let days = WEEKDAYS
        .iter()
        .map(|(n, name)| view! { <option value=*n selected=*n == weekday>{*name}</option> })
        .collect_view();
    view! {
        <fieldset aria-describedby=cadence_described>
            <legend>"How often"</legend>
            <FieldMessage message=cadence_error.clone() field="cadence" />
            <div class="choice">
                <input type="radio" id="cadence" name="cadence" value="weekly" checked=weekly />
                <label for="cadence">"Weekly"</label>
            </div>
            <div class="choice">
                <input type="radio" id="cadence-daily" name="cadence" value="daily" checked=!weekly />
                <label for="cadence-daily">"Daily"</label>
            </div>
        </fieldset>
        <label for="weekday">"Day of a weekly digest"</label>
        <FieldMessage message=weekday_error.clone() field="weekday" />
        <select id="weekday" name="weekday" aria-invalid=weekday_error.is_some().then_some("true")
                aria-describedby=described("weekday", &weekday_error)>
            {days}
        </select>
        <label for="horizon">"Weeks ahead"</label>
        <p class="hint" id="horizon-hint">
            {format!("Deadlines falling in the next {} to {} weeks, besides what is overdue.",
                     HORIZON_WEEKS.start(), HORIZON_WEEKS.end())}
        </p>
        <FieldMessage message=horizon_error.clone() field="horizon" />
        <input id="horizon" name="horizon" type="number" inputmode="numeric" value=horizon
               min=HORIZON_WEEKS.start().to_string() max=HORIZON_WEEKS.end().to_string()
               aria-invalid=horizon_error.is_some().then_some("true")
               aria-describedby=described("horizon", &horizon_error)
                   .map_or("horizon-hint".to_string(), |e| format!("horizon-hint {e}")) />
        <div class="choice">
            <input type="checkbox" id="send_empty" name="send_empty" value="yes"
                   checked=values.send_empty.is_some() />
            <label for="send_empty">"Send a digest also when nothing is due"</label>
        </div>
    }
}
