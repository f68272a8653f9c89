//! `/review/<document id>` (staff): the mandates the extractor found in an imported document,
//! each in its paragraph with the clause marked. Editors confirm, correct, split, merge or
//! reject each proposed one, or confirm them all; the adopted symbol of each resolution is
//! recorded here too. Every decision is listed with who made it and what changed.

use crate::api::review::get_review;
use crate::components::dates::day;
use crate::components::error_alert::{PageError, last_error};
use crate::components::page_data::load;
use crate::components::review_facts::ReviewFacts;
use crate::components::review_forms::{DecisionForms, Decisions};
use crate::domain::review::Review;
use crate::model::review::{ReviewDocument, ReviewMandate, ReviewResolution};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let d = Decisions::new();
    view! {
        {move || last_error(d.confirm.value().get())}
        {move || last_error(d.correct.value().get())}
        {move || last_error(d.reject.value().get())}
        {move || last_error(d.split.value().get())}
        {move || last_error(d.merge.value().get())}
        {move || last_error(d.all.value().get())}
        {move || last_error(d.adoption.value().get())}
        {load(async move {
            let document = match id {
                Some(id) => get_review(id).await,
                None => Err(crate::error::AppError::NotFound("That address names no document.".into())),
            };
            match document {
                Ok(document) => view! { <DocumentReview document d /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

#[component]
fn DocumentReview(document: ReviewDocument, d: Decisions) -> impl IntoView {
    let can_edit = document.can_edit;
    let by = document
        .imported_by
        .clone()
        .map(|name| format!(" Imported by {name}."));
    let adopted = document
        .adopted_on
        .map(|date| format!(" Adopted on {}.", day(date)));
    let confirm_all = (can_edit && document.proposed > 0).then(|| {
        view! {
            <ActionForm action=d.all>
                <input type="hidden" name="document_id" value=document.id />
                <button type="submit">
                    {if document.proposed == 1 {
                        "Confirm the proposed mandate as found".to_string()
                    } else {
                        format!("Confirm all {} proposed mandates as found", document.proposed)
                    }}
                </button>
            </ActionForm>
        }
    });
    let state = if document.proposed == 0 {
        "Every mandate is reviewed.".to_string()
    } else {
        let (what, wait) = if document.proposed == 1 {
            ("mandate", "waits")
        } else {
            ("mandates", "wait")
        };
        format!("{} {what} {wait} for review.", document.proposed)
    };
    let check_first = check_first(&document);
    let resolutions = document
        .resolutions
        .into_iter()
        .map(|resolution| view! { <ResolutionReview resolution can_edit d /> })
        .collect_view();
    view! {
        <Title text=format!("Review of {} — Mandate Tracker", document.symbol) />
        <p class="count"><a href="/import">"Import a document"</a></p>
        <h1>{format!("Review of {}", document.symbol)}</h1>
        <p class="lede">{document.title.clone()}</p>
        <p>
            {state}
            {by}
            {adopted}
            " Only confirmed and corrected mandates are tracked and shown on public pages."
        </p>
        {check_first}
        {confirm_all}
        {resolutions}
    }
}

#[component]
fn ResolutionReview(resolution: ReviewResolution, can_edit: bool, d: Decisions) -> impl IntoView {
    let others: Vec<(i64, String)> = resolution
        .mandates
        .iter()
        .filter(|m| {
            matches!(
                m.review,
                Review::Proposed | Review::Confirmed | Review::Corrected
            )
        })
        .map(|m| {
            (
                m.id,
                format!("¶{} {} ({})", m.paragraph, m.fields.addressee, m.id),
            )
        })
        .collect();
    let heading_id = format!("resolution-{}", resolution.id);
    let labelled = heading_id.clone();
    let adopted = resolution.adopted_symbol.clone().map(|symbol| {
        let on = resolution
            .adopted_on
            .map(|date| format!(" on {}", day(date)))
            .unwrap_or_default();
        view! { <p>{format!("Adopted as {symbol}{on}.")}</p> }
    });
    let adoption_form = can_edit.then(|| {
        let symbol_id = format!("adopted-symbol-{}", resolution.id);
        let date_id = format!("adopted-on-{}", resolution.id);
        view! {
            <details>
                <summary>"Record the adopted symbol"</summary>
                <ActionForm action=d.adoption attr:class="stacked">
                    <input type="hidden" name="resolution_id" value=resolution.id />
                    <label for=symbol_id.clone()>"Adopted as (symbol)"</label>
                    <input
                        id=symbol_id
                        name="adopted_symbol"
                        value=resolution.adopted_symbol.clone().unwrap_or_default()
                    />
                    <label for=date_id.clone()>"Adopted on"</label>
                    <input
                        id=date_id
                        name="adopted_on"
                        type="date"
                        value=resolution.adopted_on.map(|d| d.to_string()).unwrap_or_default()
                    />
                    <button type="submit">"Save the adoption"</button>
                </ActionForm>
            </details>
        }
    });
    let empty = resolution
        .mandates
        .is_empty()
        .then(|| view! { <p>"No mandate was found in this resolution."</p> });
    let mandates = resolution
        .mandates
        .into_iter()
        .map(|mandate| {
            let others = others.clone();
            view! { <MandateReview mandate others can_edit d /> }
        })
        .collect_view();
    view! {
        <section class="review-resolution" aria-labelledby=labelled>
            <h2 id=heading_id>{resolution.label}</h2>
            <p class="hint">{resolution.title}</p>
            {adopted}
            {adoption_form}
            {empty}
            {mandates}
        </section>
    }
}

fn badge_class(review: Review) -> &'static str {
    match review {
        Review::Proposed => "badge at-risk",
        Review::Confirmed | Review::Corrected => "badge on-track",
        Review::Rejected | Review::Merged => "badge done",
    }
}

#[component]
fn MandateReview(
    mandate: ReviewMandate,
    others: Vec<(i64, String)>,
    can_edit: bool,
    d: Decisions,
) -> impl IntoView {
    let id = mandate.id;
    let heading = format!("mandate-{id}");
    let labelled = heading.clone();
    let marked = crate::domain::preview::marked(&mandate.paragraph_text, &[&mandate.quote]);
    let f = &mandate.fields;
    let proposed = mandate.review == Review::Proposed;
    // The extractor's reason to doubt it, while someone still has to decide.
    let doubt = mandate
        .doubt
        .clone()
        .filter(|_| mandate.review == Review::Proposed)
        .map(|reason| view! { <p class="doubt"><strong>"Check: "</strong>{reason}</p> });
    let tracked = mandate.obligation_id.map(|o| {
        view! { <p><a href=format!("/obligations/{o}")>{format!("Tracked as obligation {o}")}</a></p> }
    });
    let merged = mandate
        .merged_into
        .map(|into| view! { <p>{format!("Merged into mandate {into}.")}</p> });
    let history = (!mandate.history.is_empty()).then(|| {
        let items = mandate
            .history
            .iter()
            .map(|entry| {
                let mut text = format!(
                    "{}, {} by {}",
                    day(entry.at.date_naive()),
                    entry.decision.label().to_lowercase(),
                    entry.actor
                );
                for (field, before, after) in &entry.changes {
                    let before = if before.is_empty() { "none" } else { before };
                    let after = if after.is_empty() { "none" } else { after };
                    text.push_str(&format!("; {field}: {before} → {after}"));
                }
                if let Some(other) = entry.other_mandate_id {
                    text.push_str(&format!(" (mandate {other})"));
                }
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! {
            <h4>"Review history"</h4>
            <ul class="history">{items}</ul>
        }
    });
    let forms = (can_edit && mandate.review == Review::Proposed).then(|| {
        let others: Vec<(i64, String)> = others.into_iter().filter(|(o, _)| *o != id).collect();
        view! { <DecisionForms id fields=mandate.fields.clone() quote=mandate.quote.clone() others d /> }
    });
    view! {
        <article class="review-mandate" aria-labelledby=labelled>
            <h3 id=heading>
                {format!("¶{} — {} {}", mandate.paragraph, mandate.verb, f.addressee)}
                " "
                <span class=badge_class(mandate.review)>{mandate.review.label()}</span>
            </h3>
            {doubt}
            <p class="paragraph-text" inner_html=marked></p>
            <ReviewFacts mandate=mandate.clone() show_doubts=proposed />
            {tracked}
            {merged}
            {forms}
            {history}
        </article>
    }
}

/// The proposed mandates the extractor doubts, with its reasons, linked to their place below:
/// what to look at first. Nothing when there is none.
fn check_first(document: &ReviewDocument) -> Option<impl IntoView + use<>> {
    let items: Vec<(String, String)> = document
        .resolutions
        .iter()
        .flat_map(|r| r.mandates.iter())
        .filter(|m| m.review == Review::Proposed)
        .filter_map(|m| {
            let reason = m.doubt.clone()?;
            let what = format!("¶{} — {} {}", m.paragraph, m.verb, m.fields.addressee);
            Some((format!("#mandate-{}", m.id), format!("{what}: {reason}")))
        })
        .collect();
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|(href, text)| view! { <li><a href=href>{text}</a></li> })
            .collect_view();
        view! {
            <section class="check-first" aria-labelledby="check-first">
                <h2 id="check-first">"To check first"</h2>
                <p>"The extractor is unsure of these mandates, for the reason given."</p>
                <ul>{items}</ul>
            </section>
        }
    })
}
