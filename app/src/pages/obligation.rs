use crate::api::{RecordStatusChange, get_obligation};
use crate::components::account::Account;
use crate::components::dates::day_or_unset;
use crate::components::error_alert::PageError;
use crate::components::history::History;
use crate::components::hydrated::HydratedMarker;
use crate::components::status_form::StatusForm;
use crate::error::AppError;
use crate::model::ObligationDetail;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One obligation: its source paragraph, target session, derived dates, status and history;
/// for logged-in staff, the form that records the next step.
#[component]
pub fn ObligationPage() -> impl IntoView {
    let params = use_params_map();
    let record = ServerAction::<RecordStatusChange>::new();
    let detail = Resource::new(
        move || {
            let id = params.read().get("id").and_then(|v| v.parse::<i64>().ok());
            (id, record.version().get())
        },
        |(id, _)| async move {
            match id {
                Some(id) => get_obligation(id).await,
                None => Err(AppError::NotFound("There is no such obligation.".into())),
            }
        },
    );
    let account = Account::get();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let user = match account {
                    Some(account) => account.user.await.ok().flatten(),
                    None => None,
                };
                match detail.await {
                    Ok(detail) => {
                        let form = if user.is_some() {
                            view! { <StatusForm detail=detail.clone() action=record /> }.into_any()
                        } else {
                            let next = format!(
                                "/login?next=/obligations/{}",
                                detail.schedule.obligation_id,
                            );
                            view! {
                                <p class="count">
                                    <a href=next>"Log in"</a>
                                    " to record progress."
                                </p>
                            }
                                .into_any()
                        };
                        view! {
                            <ObligationFacts detail />
                            {form}
                            <HydratedMarker />
                        }
                            .into_any()
                    }
                    Err(err) => {
                        view! {
                            <Title text="Obligation — Mandate Tracker" />
                            <h1>"Obligation"</h1>
                            <PageError error=err />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ObligationFacts(detail: ObligationDetail) -> impl IntoView {
    let s = &detail.schedule;
    let title = format!("{} ¶{}", s.resolution_label, s.paragraph);
    let target = s.target();
    let deadlines = s.deadlines.as_ref();
    let status = format!("{} ({})", detail.schedule.status.label(), detail.urgency);
    let merged = detail.merged_into_id.map(|id| {
        view! {
            <dt>"Merged into"</dt>
            <dd>
                <a href=format!("/obligations/{id}")>{format!("obligation #{id}")}</a>
            </dd>
        }
    });
    view! {
        <Title text=format!("{title} — Mandate Tracker") />
        <h1>{title}</h1>
        <p class="count">
            {format!("{} — {}", detail.resolution_title, detail.source_document)}
        </p>
        <blockquote class="quote">{detail.quote.clone()}</blockquote>
        {detail
            .paragraph_text
            .clone()
            .map(|text| {
                view! {
                    <details class="paragraph">
                        <summary>{format!("Paragraph {} in full", s.paragraph)}</summary>
                        <p>{text}</p>
                    </details>
                }
            })}
        <dl class="facts">
            <dt>"Obligation"</dt>
            <dd>{format!("#{} ({})", s.obligation_id, detail.schedule.kind.label())}</dd>
            <dt>"Who"</dt>
            <dd>{s.addressee.clone()}</dd>
            <dt>"Due at"</dt>
            <dd>{target}</dd>
            <dt>"Session opens"</dt>
            <dd>{day_or_unset(deadlines.map(|d| d.session_opens))}</dd>
            <dt>"Submit by"</dt>
            <dd>{day_or_unset(deadlines.map(|d| d.submission))}</dd>
            <dt>"Issue by"</dt>
            <dd>{day_or_unset(deadlines.map(|d| d.issuance))}</dd>
            <dt>"Status"</dt>
            <dd class="status">{status}</dd>
            {detail
                .document_symbol
                .clone()
                .map(|symbol| view! {
                    <dt>"Document"</dt>
                    <dd>{symbol}</dd>
                })}
            {merged}
            {detail
                .status_reason
                .clone()
                .map(|reason| view! {
                    <dt>"Reason"</dt>
                    <dd>{reason}</dd>
                })}
            {detail
                .recurrence
                .map(|recurrence| view! {
                    <dt>"Recurs"</dt>
                    <dd>{recurrence.label()}</dd>
                })}
        </dl>
        <h2>"History"</h2>
        <History entries=detail.history.clone() />
    }
}
