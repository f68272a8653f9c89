use super::dates::day_or_unset;
use super::error_alert::last_error;
use super::kept_form::KeptForm;
use super::text_hint::TextHint;
use crate::api::RecordStatusChange;
use crate::domain::Status;
use crate::domain::text::NOTE;
use crate::model::ObligationDetail;
use leptos::prelude::*;

/// Where the status form posts: its fields come back from there when a post without
/// JavaScript is refused.
pub const STATUS_FORM_ENDPOINT: &str = "/api/record_status_change";

/// The staff form that records the next step of an obligation. It offers only the steps the
/// workflow allows from here, none chosen; each step shows only the fields it needs (CSS on the
/// chosen radio button, so without JavaScript too); a note says who may read it. `kept` is what
/// a refused post without JavaScript held. The server checks again (and checks the role)
/// whatever is sent.
#[component]
pub fn StatusForm(
    detail: ObligationDetail,
    action: ServerAction<RecordStatusChange>,
    kept: Option<KeptForm>,
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
    let kept = kept.unwrap_or_default();
    // Leptos writes a textarea's children as they are: the text must come escaped.
    let note = html_escape::encode_text(kept.value("note").unwrap_or_default()).into_owned();
    let steps = detail
        .allowed_next
        .iter()
        .map(|&status| {
            let id = format!("to-{}", status.as_str());
            let fields = step_fields(status, &detail, &kept);
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="to"
                        value=status.as_str()
                        checked=kept.value("to") == Some(status.as_str())
                        required
                    />
                    <label for=id>{status.label()}</label>
                </div>
                {fields}
            }
        })
        .collect_view();
    let visibility = [
        ("no", "note-internal", "Staff only: an internal note"),
        (
            "yes",
            "note-public",
            "Everyone: a public note, on the public page and in feeds",
        ),
    ]
    .into_iter()
    .map(|(value, id, words)| {
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id
                    name="note_public"
                    value=value
                    checked=kept.value("note_public") == Some(value)
                />
                <label for=id>{words}</label>
            </div>
        }
    })
    .collect_view();
    view! {
        <h2 id="record">"Record progress"</h2>
        {error}
        <ActionForm action attr:class="stacked" attr:aria-labelledby="record">
            <input type="hidden" name="id" value=detail.schedule.obligation_id.to_string() />
            <input type="hidden" name="version" value=detail.version.to_string() />
            <fieldset class="steps">
                <legend>"Next step"</legend>
                {steps}
            </fieldset>
            <label for="note">"Note (a reason is needed to withdraw or discontinue)"</label>
            <TextHint id="note-hint".to_string() limit=NOTE />
            <textarea
                id="note"
                name="note"
                rows="3"
                maxlength=NOTE.max_chars
                aria-describedby="note-hint"
            >
                {note}
            </textarea>
            <fieldset>
                <legend>"Who may read the note"</legend>
                {visibility}
            </fieldset>
            <button type="submit">"Record"</button>
        </ActionForm>
    }
    .into_any()
}

/// The fields that step `status` needs, shown under its radio button while it is chosen.
fn step_fields(status: Status, detail: &ObligationDetail, kept: &KeptForm) -> Option<AnyView> {
    let typed = |name: &str| kept.value(name).map(str::to_owned);
    match status {
        Status::Issued => {
            let symbol = typed("document_symbol")
                .or_else(|| detail.document_symbol.clone())
                .unwrap_or_default();
            Some(
                view! {
                    <div class="conditional">
                        <label for="document_symbol">"Document symbol"</label>
                        <input
                            id="document_symbol"
                            name="document_symbol"
                            placeholder="E/CN.15/2020/9"
                            value=symbol
                        />
                    </div>
                }
                .into_any(),
            )
        }
        Status::Deferred => {
            let chosen = typed("new_session");
            let sessions = detail
                .later_sessions
                .iter()
                .map(|s| {
                    let text = format!("{} ({})", s.label, day_or_unset(s.opens_on));
                    let value = s.id.to_string();
                    let selected = chosen.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=selected>{text}</option> }
                })
                .collect_view();
            Some(
                view! {
                    <div class="conditional">
                        <label for="new_session">"Deferred to"</label>
                        <select id="new_session" name="new_session">
                            <option value="">"Choose a later session"</option>
                            {sessions}
                        </select>
                    </div>
                }
                .into_any(),
            )
        }
        Status::Merged => Some(
            view! {
                <div class="conditional">
                    <label for="merged_into">"Merged into obligation number"</label>
                    <input
                        id="merged_into"
                        name="merged_into"
                        inputmode="numeric"
                        placeholder="42"
                        value=typed("merged_into").unwrap_or_default()
                    />
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
}
