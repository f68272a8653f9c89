use crate::api::ChangeSession;
use crate::model::SessionRow;
use leptos::prelude::*;

/// The administrator's form for one session's dates and state. Moving the opening date moves
/// every deadline of the obligations due at the session.
#[component]
pub fn SessionForm(session: SessionRow, action: ServerAction<ChangeSession>) -> impl IntoView {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let prefix = format!("session-{}", session.id);
    let id = move |field: &str| format!("{prefix}-{field}");
    let states = ["planned", "held", "postponed"]
        .into_iter()
        .map(|state| {
            view! {
                <option value=state selected=session.state == state>
                    {state}
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
                <label for=id("label")>"Label"</label>
                <input id=id("label") name="label" required value=session.label.clone() />
                <label for=id("venue")>"Venue"</label>
                <input
                    id=id("venue")
                    name="venue"
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
                <label for=id("note")>"Note (e.g. why it moved)"</label>
                <input id=id("note") name="note" />
                <button type="submit">{format!("Save {}", session.label)}</button>
            </ActionForm>
        </details>
    }
}
