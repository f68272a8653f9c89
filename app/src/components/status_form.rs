use super::dates::day_or_unset;
use super::error_alert::last_error;
use super::text_hint::TextHint;
use crate::api::RecordStatusChange;
use crate::domain::text::NOTE;
use crate::model::ObligationDetail;
use leptos::prelude::*;

/// The staff form that records the next step of an obligation. It offers only the statuses the
/// workflow allows from here; the server checks again (and checks the role) whatever is sent.
#[component]
pub fn StatusForm(
    detail: ObligationDetail,
    action: ServerAction<RecordStatusChange>,
) -> impl IntoView {
    let error = move || last_error(action.value().get());
    if detail.allowed_next.is_empty() {
        return view! {
            <p class="count">
                {format!("{}: no further step in the workflow.", detail.schedule.status.label())}
            </p>
        }
        .into_any();
    }
    let options = detail
        .allowed_next
        .iter()
        .map(|status| view! { <option value=status.as_str()>{status.label()}</option> })
        .collect_view();
    let sessions = detail
        .later_sessions
        .iter()
        .map(|s| {
            let text = format!("{} ({})", s.label, day_or_unset(s.opens_on));
            view! { <option value=s.id.to_string()>{text}</option> }
        })
        .collect_view();
    view! {
        <h2 id="record">"Record progress"</h2>
        {error}
        <ActionForm action attr:class="stacked" attr:aria-labelledby="record">
            <input type="hidden" name="id" value=detail.schedule.obligation_id.to_string() />
            <input type="hidden" name="version" value=detail.version.to_string() />
            <label for="to">"New status"</label>
            <select id="to" name="to" required>
                {options}
            </select>
            <label for="document_symbol">"Document symbol (needed to mark it issued)"</label>
            <input
                id="document_symbol"
                name="document_symbol"
                placeholder="E/CN.15/2020/9"
                value=detail.document_symbol.clone().unwrap_or_default()
            />
            <label for="new_session">"Deferred to (needed to defer)"</label>
            <select id="new_session" name="new_session">
                <option value="">"—"</option>
                {sessions}
            </select>
            <label for="merged_into">"Merged into obligation number (needed to merge)"</label>
            <input id="merged_into" name="merged_into" inputmode="numeric" placeholder="42" />
            <label for="note">"Note (a reason is needed to withdraw or discontinue)"</label>
            <TextHint id="note-hint".to_string() limit=NOTE />
            <textarea
                id="note"
                name="note"
                rows="3"
                maxlength=NOTE.max_chars
                aria-describedby="note-hint"
            ></textarea>
            <button type="submit">"Record"</button>
        </ActionForm>
    }
    .into_any()
}
