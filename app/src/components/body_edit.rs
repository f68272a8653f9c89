//! The administrator's forms that add a body and change one (name, kind, cadence).

use crate::api::{AddBody, ChangeBody};
use crate::domain::body::BodyKind;
use crate::domain::text::BODY_NAME;
use crate::model::BodyCalendar;
use leptos::prelude::*;

/// The fields both forms share: name, kind and cadence, with ids under `prefix`.
fn described_fields(
    prefix: &str,
    name: String,
    kind: Option<BodyKind>,
    cadence_years: i32,
) -> impl IntoView + use<> {
    let id = |field: &str| format!("{prefix}-{field}");
    let kinds = BodyKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=kind == Some(k)>{k.label()}</option> })
        .collect_view();
    view! {
        <label for=id("name")>"Name"</label>
        <input id=id("name") name="name" maxlength=BODY_NAME.max_chars required value=name />
        <label for=id("kind")>"Kind"</label>
        <select id=id("kind") name="kind">{kinds}</select>
        <label for=id("cadence")>"Years between regular sessions"</label>
        <input
            id=id("cadence")
            name="cadence_years"
            inputmode="numeric"
            required
            value=cadence_years.to_string()
        />
    }
}

/// Changes a body's name, kind and cadence (its acronym stays).
#[component]
pub fn ChangeBodyForm(body: BodyCalendar, action: ServerAction<ChangeBody>) -> impl IntoView {
    let prefix = format!("body-{}-edit", body.id);
    let fields = described_fields(
        &prefix,
        body.name.clone(),
        body.kind.parse().ok(),
        body.cadence_years,
    );
    view! {
        <details>
            <summary>{format!("Change the {}'s name, kind or cadence", body.code)}</summary>
            <ActionForm action attr:class="stacked">
                <input type="hidden" name="body_id" value=body.id.to_string() />
                {fields}
                <button type="submit">{format!("Save the {}", body.code)}</button>
            </ActionForm>
        </details>
    }
}

/// Adds a body (it gets the default lead times, changed afterwards like any body's).
#[component]
pub fn AddBodyForm(action: ServerAction<AddBody>) -> impl IntoView {
    let fields = described_fields("new-body", String::new(), Some(BodyKind::Commission), 1);
    view! {
        <h2 id="add-body">"Add a body"</h2>
        <ActionForm action attr:class="stacked" attr:aria-labelledby="add-body">
            <label for="new-body-code">"Acronym"</label>
            <p class="hint" id="new-body-code-hint">
                "2 to 12 letters, digits or hyphens, like CCPCJ; pages use it in their addresses, so it cannot be changed later."
            </p>
            <input
                id="new-body-code"
                name="code"
                maxlength="12"
                required
                aria-describedby="new-body-code-hint"
            />
            {fields}
            <button type="submit">"Add the body"</button>
        </ActionForm>
    }
}
