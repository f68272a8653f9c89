use crate::api::list_obligations;
use crate::domain::Urgency;
use crate::model::ObligationUrgency;
use leptos::prelude::*;
use leptos_meta::Title;

/// Reporting obligations in deadline order, with the dates derived from their sessions.
#[component]
pub fn ObligationsPage() -> impl IntoView {
    let obligations = Resource::new(|| (), |_| list_obligations());
    view! {
        <Title text="Reporting obligations — Mandate Tracker" />
        <h1>"Reporting obligations"</h1>
        <p class="count">
            "Submission is due 10 weeks and issuance 6 weeks before the session opens."
        </p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match obligations.await {
                    Ok(rows) => view! { <ObligationTable rows /> }.into_any(),
                    Err(err) => {
                        view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ObligationTable(rows: Vec<ObligationUrgency>) -> impl IntoView {
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
                {rows.into_iter().map(|row| view! { <ObligationRow row /> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ObligationRow(row: ObligationUrgency) -> impl IntoView {
    let ObligationUrgency {
        schedule: row,
        urgency,
    } = row;
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%-d %b %Y").to_string())
            .unwrap_or_else(|| "date not set".to_string())
    };
    let deadlines = row.deadlines;
    let target = match (&row.body, &row.session_label) {
        (Some(body), Some(session)) => format!("{body}, {session}"),
        (Some(body), None) => body.clone(),
        _ => "—".to_string(),
    };
    let urgency = match urgency {
        Urgency::Overdue { days } => format!("overdue by {days} days"),
        Urgency::AtRisk { days_left } => format!("at risk: {days_left} days left"),
        Urgency::OnTrack { days_left } => format!("{days_left} days left"),
        Urgency::Done => "done".to_string(),
        Urgency::NoDate => "no date".to_string(),
    };
    view! {
        <tr>
            <td>{format!("{} ¶{}", row.resolution_label, row.paragraph)}</td>
            <td>{row.addressee}</td>
            <td>{target}</td>
            <td>{date(deadlines.as_ref().map(|d| d.session_opens))}</td>
            <td>{date(deadlines.as_ref().map(|d| d.submission))}</td>
            <td>{date(deadlines.as_ref().map(|d| d.issuance))}</td>
            <td>{format!("{} ({urgency})", row.status.replace('_', " "))}</td>
        </tr>
    }
}
