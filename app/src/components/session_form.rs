use crate::api::ChangeSession;
use crate::components::text_hint::LimitedInput;
use crate::domain::SessionState;
use crate::domain::text::{NOTE, SESSION_LABEL, VENUE};
use crate::model::CalendarSession;
use leptos::prelude::*;

/// The administrator's form for one session's dates and state. Moving the opening date moves
/// every deadline of the obligations due at the session.
#[component]
pub fn SessionForm(session: CalendarSession, action: ServerAction<ChangeSession>) -> impl IntoView {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let prefix = format!("session-{}", session.id);
    let id = move |field: &str| format!("{prefix}-{field}");
    let states = SessionState::ALL
        .into_iter()
        .map(|state| {
            view! {
                <option value=state.as_str() selected=session.state == state>
                    {state.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>"Change"</summary>
            <ActionForm action attr:class="stacked">
                <input type="hidden" name="id" value=session.id.to_string() />
                <input type="hidden" name="version" value=session.version.to_string() />
                <label for=id("opens")>"Opens on"</label>
                <input id=id("opens") name="opens_on" type="date" value=date(session.opens_on) />
                <label for=id("closes")>"Closes on"</label>
                <input
                    id=id("closes")
                    name="closes_on"
                    type="date"
                    value=date(session.closes_on)
                />
                <label for=id("state")>"State"</label>
                <select id=id("state") name="state">
                    {states}
                </select>
                <LimitedInput
                    id=id("label")
                    name="label"
                    label="Label"
                    limit=SESSION_LABEL
                    value=session.label.clone()
                    required=true
                />
                <LimitedInput
                    id=id("venue")
                    name="venue"
                    label="Venue"
                    limit=VENUE
                    value=session.venue.clone().unwrap_or_default()
                />
                <label for=id("reconvened-opens")>"Reconvened part opens on"</label>
                <input
                    id=id("reconvened-opens")
                    name="reconvened_opens_on"
                    type="date"
                    value=date(session.reconvened_opens_on)
                />
                <label for=id("reconvened-closes")>"Reconvened part closes on"</label>
                <input
                    id=id("reconvened-closes")
                    name="reconvened_closes_on"
                    type="date"
                    value=date(session.reconvened_closes_on)
                />
                <LimitedInput
                    id=id("note")
                    name="note"
                    label="Note (e.g. why it moved)"
                    limit=NOTE
                />
                <button type="submit">{format!("Save {}", session.label)}</button>
            </ActionForm>
        </details>
    }
}
