use crate::api::list_obligations;
use crate::components::dates::day_or_unset;
use crate::components::error_alert::PageError;
use crate::model::ObligationUrgency;
use leptos::prelude::*;
use leptos_meta::Title;

/// Every obligation: reports in deadline order with the dates derived from their sessions,
/// then the continuing activities (which have no deadline).
#[component]
pub fn ObligationsPage() -> impl IntoView {
    let obligations = Resource::new(|| (), |_| list_obligations());
    view! {
        <Title text="Obligations — Mandate Tracker" />
        <h1>"Obligations"</h1>
        <h2>"Reports"</h2>
        <p class="count">
            "Documents are due 10 weeks and issued 6 weeks before the session opens, unless a body's calendar says otherwise."
        </p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match obligations.await {
                    Ok(rows) => {
                        let (reports, activities): (Vec<_>, Vec<_>) = rows
                            .into_iter()
                            .partition(|row| row.schedule.kind == crate::domain::ObligationKind::Report);
                        view! {
                            <ReportTable rows=reports />
                            <h2 id="activities">"Continuing activities"</h2>
                            <ActivityTable rows=activities />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn status_text(row: &ObligationUrgency) -> String {
    format!("{} ({})", row.schedule.status.label(), row.urgency)
}

fn source_link(row: &ObligationUrgency) -> impl IntoView + use<> {
    let s = &row.schedule;
    view! {
        <a href=format!(
            "/obligations/{}",
            s.obligation_id,
        )>{format!("{} ¶{}", s.resolution_label, s.paragraph)}</a>
    }
}

#[component]
fn ReportTable(rows: Vec<ObligationUrgency>) -> impl IntoView {
    view! {
        <table class="obligations">
            <thead>
                <tr>
                    <th scope="col">"Source"</th>
                    <th scope="col">"Who"</th>
                    <th scope="col">"Report to"</th>
                    <th scope="col">"Session opens"</th>
                    <th scope="col">"Submit by"</th>
                    <th scope="col">"Issue by"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! { <ReportRow row /> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ReportRow(row: ObligationUrgency) -> impl IntoView {
    let status = status_text(&row);
    let link = source_link(&row);
    let s = row.schedule;
    let deadlines = s.deadlines;
    let target = s.target();
    view! {
        <tr>
            <td>{link}</td>
            <td>{s.addressee}</td>
            <td>{target}</td>
            <td>{day_or_unset(deadlines.as_ref().map(|d| d.session_opens))}</td>
            <td>{day_or_unset(deadlines.as_ref().map(|d| d.submission))}</td>
            <td>{day_or_unset(deadlines.as_ref().map(|d| d.issuance))}</td>
            <td>{status}</td>
        </tr>
    }
}

#[component]
fn ActivityTable(rows: Vec<ObligationUrgency>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="count">"None."</p> }.into_any();
    }
    view! {
        <table class="activities" aria-labelledby="activities">
            <thead>
                <tr>
                    <th scope="col">"Source"</th>
                    <th scope="col">"Who"</th>
                    <th scope="col">"Reports to"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let status = status_text(&row);
                        let link = source_link(&row);
                        view! {
                            <tr>
                                <td>{link}</td>
                                <td>{row.schedule.addressee}</td>
                                <td>{row.schedule.body.unwrap_or_else(|| "—".into())}</td>
                                <td>{status}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
