//! What the extractor read of one mandate, field by field, on the review page; while the
//! mandate waits for a decision, each field it is unsure of says why beside its value.

use crate::extract::{Doubt, Field};
use crate::model::review::ReviewMandate;
use leptos::prelude::*;

/// The reason the extractor doubts `field`, when it does and the doubt still matters.
fn doubt_of(doubts: &[Doubt], field: Field) -> Option<String> {
    doubts
        .iter()
        .find(|d| d.field == field)
        .map(|d| d.reason.clone())
}

/// One row: the field's label, its value and, when it is doubted, the reason.
fn row(label: &'static str, value: String, doubt: Option<String>) -> impl IntoView {
    let doubt = doubt.map(|reason| {
        view! { <span class="field-doubt"><strong>"Check: "</strong>{reason}</span> }
    });
    view! { <dt>{label}</dt><dd>{value}{doubt}</dd> }
}

/// The fields of `mandate`; `show_doubts` when it is still proposed.
#[component]
pub fn ReviewFacts(mandate: ReviewMandate, show_doubts: bool) -> impl IntoView {
    let f = &mandate.fields;
    let doubts: &[Doubt] = if show_doubts {
        &mandate.field_doubts
    } else {
        &[]
    };
    let session = f
        .target_session
        .map(|n| n.to_string())
        .unwrap_or_else(|| "—".into());
    let due = mandate.due.map(|due| {
        row(
            Field::Due.label(),
            due.words(),
            doubt_of(doubts, Field::Due),
        )
    });
    // Doubts about fields without a row of their own (the paragraph, where the words end).
    let other = [Field::Paragraph, Field::Quote]
        .into_iter()
        .filter_map(|field| doubt_of(doubts, field).map(|reason| (field, reason)))
        .map(|(field, reason)| {
            view! {
                <dt>{field.label()}</dt>
                <dd><span class="field-doubt"><strong>"Check: "</strong>{reason}</span></dd>
            }
        })
        .collect_view();
    view! {
        <dl class="facts">
            {row("Addressee", f.addressee.clone(), doubt_of(doubts, Field::Addressee))}
            <dt>"Action"</dt><dd>{f.action.as_str()}</dd>
            <dt>"Reporting"</dt><dd>{if f.is_reporting { "yes" } else { "no" }}</dd>
            {row(
                Field::TargetBody.label(),
                f.target_body.clone().unwrap_or_else(|| "—".into()),
                doubt_of(doubts, Field::TargetBody),
            )}
            {row(Field::TargetSession.label(), session, doubt_of(doubts, Field::TargetSession))}
            {row(
                Field::Recurrence.label(),
                f.recurrence.map_or("—", |r| r.label()).to_string(),
                doubt_of(doubts, Field::Recurrence),
            )}
            {due}
            {other}
        </dl>
    }
}
