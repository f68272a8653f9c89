//! The review page's forms for one proposed mandate: confirm, reject, correct its fields, split
//! off a second mandate, merge it into another. Plain forms (ActionForm posts) that work
//! without JavaScript.

use crate::api::review::{
    ConfirmAll, ConfirmMandate, CorrectMandate, MergeMandate, RecordAdoption, RejectMandate,
    SplitMandate,
};
use crate::domain::Recurrence;
use crate::domain::review::{ACTIONS, MandateFields};
use leptos::prelude::*;

/// The review page's server actions, one of each kind, shared by every form of the page.
#[derive(Clone, Copy)]
pub struct Decisions {
    pub confirm: ServerAction<ConfirmMandate>,
    pub correct: ServerAction<CorrectMandate>,
    pub reject: ServerAction<RejectMandate>,
    pub split: ServerAction<SplitMandate>,
    pub merge: ServerAction<MergeMandate>,
    pub all: ServerAction<ConfirmAll>,
    pub adoption: ServerAction<RecordAdoption>,
}

impl Decisions {
    pub fn new() -> Self {
        Decisions {
            confirm: ServerAction::new(),
            correct: ServerAction::new(),
            reject: ServerAction::new(),
            split: ServerAction::new(),
            merge: ServerAction::new(),
            all: ServerAction::new(),
            adoption: ServerAction::new(),
        }
    }
}

impl Default for Decisions {
    fn default() -> Self {
        Self::new()
    }
}

/// The forms of proposed mandate `id`; `others` are the mandates it may be merged into.
#[component]
pub fn DecisionForms(
    id: i64,
    fields: MandateFields,
    quote: String,
    others: Vec<(i64, String)>,
    d: Decisions,
) -> impl IntoView {
    let merge = (!others.is_empty()).then(|| {
        let select_id = format!("merge-{id}-into");
        let select_for = select_id.clone();
        let options = others
            .into_iter()
            .map(|(o, label)| view! { <option value=o>{label}</option> })
            .collect_view();
        view! {
            <details>
                <summary>"Merge into another mandate"</summary>
                <ActionForm action=d.merge attr:class="stacked">
                    <input type="hidden" name="mandate_id" value=id />
                    <label for=select_for>"The same task as"</label>
                    <select id=select_id name="into">{options}</select>
                    <button type="submit">"Merge"</button>
                </ActionForm>
            </details>
        }
    });
    let quote_id = format!("split-{id}-quote");
    let quote_for = quote_id.clone();
    let corrected = fields.clone();
    view! {
        <div class="buttons">
            <ActionForm action=d.confirm>
                <input type="hidden" name="mandate_id" value=id />
                <button type="submit">"Confirm"</button>
            </ActionForm>
            <ActionForm action=d.reject>
                <input type="hidden" name="mandate_id" value=id />
                <button type="submit" class="secondary">"Reject"</button>
            </ActionForm>
        </div>
        <details>
            <summary>"Correct"</summary>
            <ActionForm action=d.correct attr:class="stacked">
                <input type="hidden" name="mandate_id" value=id />
                <FieldInputs prefix=format!("correct-{id}") fields=corrected />
                <button type="submit">"Save the correction and confirm"</button>
            </ActionForm>
        </details>
        <details>
            <summary>"Split off a second mandate"</summary>
            <ActionForm action=d.split attr:class="stacked">
                <input type="hidden" name="mandate_id" value=id />
                <label for=quote_for>"The new mandate's words, copied from the paragraph"</label>
                <textarea id=quote_id name="quote" rows="3">
                    {html_escape::encode_text(&quote).into_owned()}
                </textarea>
                <FieldInputs prefix=format!("split-{id}") fields />
                <button type="submit">"Split"</button>
            </ActionForm>
        </details>
        {merge}
    }
}

/// The correctable fields of a mandate, their ids prefixed with `prefix`.
#[component]
fn FieldInputs(prefix: String, fields: MandateFields) -> impl IntoView {
    let id = |name: &str| format!("{prefix}-{name}");
    let actions = ACTIONS
        .into_iter()
        .map(|a| {
            view! { <option value=a.as_str() selected=a == fields.action>{a.as_str()}</option> }
        })
        .collect_view();
    let recurrences = Recurrence::ALL
        .into_iter()
        .map(|r| {
            view! {
                <option value=r.as_str() selected=Some(r) == fields.recurrence>{r.label()}</option>
            }
        })
        .collect_view();
    view! {
        <label for=id("addressee")>"Addressee"</label>
        <input id=id("addressee") name="addressee" value=fields.addressee.clone() required />
        <label for=id("action")>"Action"</label>
        <select id=id("action") name="action">{actions}</select>
        <div class="checkbox">
            <input
                id=id("reporting")
                name="reporting"
                type="checkbox"
                value="yes"
                checked=fields.is_reporting
            />
            <label for=id("reporting")>"A report is asked for"</label>
        </div>
        <label for=id("body")>"Target body"</label>
        <input
            id=id("body")
            name="target_body"
            value=fields.target_body.clone().unwrap_or_default()
        />
        <label for=id("session")>"Target session (number)"</label>
        <input
            id=id("session")
            name="target_session"
            inputmode="numeric"
            value=fields.target_session.map(|n| n.to_string()).unwrap_or_default()
        />
        <label for=id("recurrence")>"Recurrence"</label>
        <select id=id("recurrence") name="recurrence">
            <option value="" selected=fields.recurrence.is_none()>"None"</option>
            {recurrences}
        </select>
    }
}
