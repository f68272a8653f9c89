use crate::api::{RecordStatusChange, get_obligation, get_work_panel};
use crate::components::account::current_user;
use crate::components::dates::{day, day_or_unset};
use crate::components::error_alert::{ErrorAlert, PageError};
use crate::components::history::History;
use crate::components::kept_form::KeptForm;
use crate::components::page_data::load;
use crate::components::status_form::{STATUS_FORM_ENDPOINT, StatusForm};
use crate::components::symbol::SymbolLink;
use crate::components::work_panel::WorkPanelForms;
use crate::error::AppError;
use crate::model::ObligationDetail;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One obligation: its source paragraph, target session, derived dates, status and history;
/// for logged-in editors, the form that records the next step (an island: the page updates in
/// place when a step is recorded), and for all staff the work panel. Visitors get server HTML
/// only.
#[component]
pub fn ObligationPage() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|v| v.parse::<i64>().ok());
    let kept = KeptForm::posted_to(STATUS_FORM_ENDPOINT)
        .filter(|kept| kept.value("id").and_then(|v| v.parse().ok()) == id);
    view! {
            {load(async move {
                let user = current_user().await;
                let detail = match id {
                    Some(id) => get_obligation(id).await,
                    None => Err(AppError::NotFound("There is no such obligation.".into())),
                };
                match detail {
                    Ok(detail) => {
                        let s = &detail.schedule;
                        let title = format!("{} ¶{} — Mandate Tracker", s.resolution_label, s.paragraph);
                        let next = format!("/login?next=/obligations/{}", s.obligation_id);
                        let role = user.map(|u| u.role);
                        let body = if let Some(role) = role {
                            let panel = get_work_panel(s.obligation_id).await.ok();
                            let panel = panel.map(|panel| view! { <WorkPanelForms panel /> });
                            if role.can_edit() {
                                view! { <ObligationWork detail kept=kept.clone() /> {panel} }.into_any()
                            } else {
                                view! {
                                    <ObligationFacts detail />
                                    <p class="count">
                                        "Your account is a viewer's: it reads what staff read and changes nothing."
                                    </p>
                                    {panel}
                                }
                                    .into_any()
                            }
                        } else {
                            view! {
                                <ObligationFacts detail />
                                <p class="count">
                                    <a href=next>"Log in"</a>
                                    " to record progress."
                                </p>
                            }
                                .into_any()
                        };
                        view! {
                            <Title text=title />
                            {body}
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
    }
}

/// The obligation with the status form, for staff. Once hydrated, a recorded step re-reads the
/// obligation and redraws facts, history and form (with the new version) without a page load,
/// and says so in a live region; if the re-read fails, it says that instead.
#[island]
pub fn ObligationWork(detail: ObligationDetail, kept: Option<KeptForm>) -> impl IntoView {
    let id = detail.schedule.obligation_id;
    let record = ServerAction::<RecordStatusChange>::new();
    // What a refused post without JavaScript held; a recorded step starts the form afresh.
    let kept = RwSignal::new(kept);
    let current = RwSignal::new(detail);
    let recorded = RwSignal::new(String::new());
    let reread_failed = RwSignal::new(None::<AppError>);
    Effect::new(move |_| {
        if matches!(record.value().get(), Some(Ok(_))) {
            leptos::task::spawn_local(async move {
                match get_obligation(id).await {
                    Ok(fresh) => {
                        recorded.set(format!("Recorded: {}.", fresh.schedule.status.label()));
                        reread_failed.set(None);
                        kept.set(None);
                        current.set(fresh);
                    }
                    Err(error) => reread_failed.set(Some(error)),
                }
            });
        }
    });
    view! {
        <p class:notice=move || !recorded.get().is_empty() role="status">{move || recorded.get()}</p>
        {move || reread_failed.get().map(|error| view! { <ErrorAlert error /> })}
        {move || {
            let detail = current.get();
            view! {
                <ObligationFacts detail=detail.clone() />
                <StatusForm detail action=record kept=kept.get_untracked() />
            }
        }}
    }
}

#[component]
fn ObligationFacts(detail: ObligationDetail) -> impl IntoView {
    let s = &detail.schedule;
    let title = format!("{} ¶{}", s.resolution_label, s.paragraph);
    let target = s.target();
    let deadlines = s.deadlines.as_ref();
    let status = detail.schedule.status.label();
    let (badge_class, badge_words) =
        crate::components::finder_results::badge(detail.urgency, detail.schedule.status);
    let judged = deadlines.map(|_| {
        let on = format!("Overdue and at risk are judged on {}.", day(detail.today));
        view! {
            <br />
            <span class="hint">{on}</span>
        }
    });
    let merged = detail.merged_into_id.map(|id| {
        view! {
            <dt>"Merged into"</dt>
            <dd>
                <a href=format!("/obligations/{id}")>{format!("obligation #{id}")}</a>
            </dd>
        }
    });
    view! {
        <h1>{title}</h1>
        <p class="count">
            {format!("{} — ", detail.resolution_title)}
            <SymbolLink symbol=detail.source_document.clone() />
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
            {detail
                .office
                .clone()
                .map(|office| view! {
                    <dt>"Responsible office"</dt>
                    <dd>{office}</dd>
                })}
            <dt>"Due at"</dt>
            <dd>{target}</dd>
            {match deadlines {
                // Due on a day the text names or counts from the adoption: one date, no session.
                Some(d) if d.session_opens.is_none() => {
                    view! {
                        <dt>"Due on"</dt>
                        <dd>{day(d.submission)}</dd>
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <dt>"Session opens"</dt>
                        <dd>{day_or_unset(deadlines.and_then(|d| d.session_opens))}</dd>
                        <dt>"Submit by"</dt>
                        <dd>{day_or_unset(deadlines.map(|d| d.submission))}</dd>
                        <dt>"Issue by"</dt>
                        <dd>{day_or_unset(deadlines.map(|d| d.issuance))}</dd>
                    }
                        .into_any()
                }
            }}
            <dt>"Status"</dt>
            <dd>
                <span class="status">
                    {status}
                    " "
                    <span class=format!("badge {badge_class}")>{badge_words}</span>
                </span>
                {judged}
            </dd>
            {detail
                .document_symbol
                .clone()
                .map(|symbol| view! {
                    <dt>"Document"</dt>
                    <dd><SymbolLink symbol /></dd>
                })}
            {merged}
            {detail
                .status_reason
                .clone()
                .map(|reason| {
                    let term = if detail.status_reason_internal {
                        "Reason (internal, staff only)"
                    } else {
                        "Reason"
                    };
                    view! {
                        <dt>{term}</dt>
                        <dd>{reason}</dd>
                    }
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
