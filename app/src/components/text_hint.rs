use crate::domain::text::TextLimit;
use leptos::prelude::*;

/// A labelled free-text field with its limit stated under the label ("Up to 200
/// characters.") and enforced by `maxlength`; the hint is linked to the field by
/// `aria-describedby` so screen readers announce it too. The server checks the limit again.
#[component]
pub fn LimitedInput(
    /// The field's id; the hint's is `{id}-hint`.
    id: String,
    name: &'static str,
    label: &'static str,
    limit: TextLimit,
    #[prop(optional)] value: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let hint = format!("{id}-hint");
    view! {
        <label for=id.clone()>{label}</label>
        <span class="hint" id=hint.clone()>{limit.hint()}</span>
        <input
            id=id
            name=name
            required=required
            maxlength=limit.max_chars
            aria-describedby=hint
            value=value.unwrap_or_default()
        />
    }
}

/// The hint line alone, for a field that is not a one-line input (a `<textarea>`).
#[component]
pub fn TextHint(id: String, limit: TextLimit) -> impl IntoView {
    view! { <span class="hint" id=id>{limit.hint()}</span> }
}
