use crate::api::{
    AddBody, AddSession, ChangeBody, ChangeLeadTimes, ChangeSession, list_calendar,
    list_dated_deadlines,
};
use crate::auth::Role;
use crate::components::account::current_user;
use crate::components::body_edit::{AddBodyForm, ChangeBodyForm};
use crate::components::body_forms::{AddSessionForm, LeadTimesForm};
use crate::components::dated_deadlines::DatedDeadlines;
use crate::components::dates::day_or_unset;
use crate::components::error_alert::{ErrorAlert, PageError};
use crate::components::page_data::load;
use crate::components::session_form::SessionForm;
use crate::model::BodyCalendar;
use leptos::prelude::*;
use leptos_meta::Title;

/// Bodies and their sessions, with the dates every deadline is derived from. Administrators
/// can move a session (which moves every obligation due there) or mark it held or postponed.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let actions = CalendarActions {
        change: ServerAction::new(),
        add: ServerAction::new(),
        lead_times: ServerAction::new(),
        change_body: ServerAction::new(),
        add_body: ServerAction::new(),
    };
    // The latest refusal of any of the forms (each action keeps its own last result).
    let error = move || {
        let errors = [
            actions.change.value().get().and_then(|r| r.err()),
            actions
                .add
                .value()
                .get()
                .map(|r| r.map(|_| ()))
                .and_then(Result::err),
            actions.lead_times.value().get().and_then(Result::err),
            actions.change_body.value().get().and_then(Result::err),
            actions
                .add_body
                .value()
                .get()
                .map(|r| r.map(|_| ()))
                .and_then(Result::err),
        ];
        errors
            .into_iter()
            .flatten()
            .map(|error| view! { <ErrorAlert error /> })
            .collect_view()
    };
    view! {
        <Title text="Calendar — Mandate Tracker" />
        <h1>"Session calendar"</h1>
        {error}
        {load(async move {
                let admin = current_user()
                    .await
                    .is_some_and(|user| user.role == Role::Admin);
                match (list_calendar().await, list_dated_deadlines().await) {
                    (Ok(bodies), Ok((today, dated))) => {
                        view! {
                            {bodies
                                .into_iter()
                                .map(|body| view! { <BodySessions body admin actions /> })
                                .collect_view()}
                            <DatedDeadlines today rows=dated />
                            {admin.then(|| view! { <AddBodyForm action=actions.add_body /> })}
                        }
                            .into_any()
                    }
                    (Err(error), _) | (_, Err(error)) => view! { <PageError error /> }.into_any(),
                }
            })}
    }
}

/// The page's administrator forms, one action each.
#[derive(Clone, Copy)]
struct CalendarActions {
    change: ServerAction<ChangeSession>,
    add: ServerAction<AddSession>,
    lead_times: ServerAction<ChangeLeadTimes>,
    change_body: ServerAction<ChangeBody>,
    add_body: ServerAction<AddBody>,
}

#[component]
fn BodySessions(body: BodyCalendar, admin: bool, actions: CalendarActions) -> impl IntoView {
    let next_number = body
        .sessions
        .iter()
        .map(|s| s.number)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let admin_forms = admin.then(|| {
        view! {
            <ChangeBodyForm body=body.clone() action=actions.change_body />
            <AddSessionForm body_id=body.id next_number action=actions.add />
            <LeadTimesForm
                body_id=body.id
                submission_weeks=body.submission_lead_weeks
                issuance_weeks=body.issuance_lead_weeks
                action=actions.lead_times
            />
        }
    });
    let heading = format!("{} ({})", body.name, body.code);
    let rules = format!(
        "Documents are due {} weeks and issued {} weeks before a session opens.",
        body.submission_lead_weeks, body.issuance_lead_weeks
    );
    let code = body.code.to_lowercase();
    let rows_empty = body.sessions.is_empty();
    let rows = body
        .sessions
        .into_iter()
        .map(|session| {
            let agenda = format!("/sessions/{code}/{}", session.number);
            let form = admin.then(|| {
                view! {
                    <td data-label="Edit">
                        <SessionForm session=session.clone() action=actions.change />
                    </td>
                }
            });
            view! {
                <tr>
                    <th scope="row"><a href=agenda>{session.label.clone()}</a></th>
                    <td data-label="Opens">{day_or_unset(session.opens_on)}</td>
                    <td data-label="Closes">{day_or_unset(session.closes_on)}</td>
                    <td data-label="Venue">{session.venue.clone().unwrap_or_default()}</td>
                    <td data-label="State">
                        {session.state.label()}
                        {session
                            .reconvened_opens_on
                            .map(|opens| {
                                format!(
                                    "; reconvened {} – {}",
                                    day_or_unset(Some(opens)),
                                    day_or_unset(session.reconvened_closes_on),
                                )
                            })}
                    </td>
                    <td class="num" data-label="Obligations due">{session.obligations}</td>
                    {form}
                </tr>
            }
        })
        .collect_view();
    // A body that holds no numbered sessions (the Security Council meets continuously) has
    // its reports due on dates: no empty table.
    if rows_empty {
        return view! {
            <section aria-label=body.name.clone()>
                <h2>{heading}</h2>
                <p>
                    "No sessions in the calendar. Its reports due on a date are under "
                    <a href="#dated-deadlines">"Deadlines set by date"</a>
                    "."
                </p>
                {admin_forms}
            </section>
        }
        .into_any();
    }
    view! {
        <section aria-label=body.name.clone()>
            <h2>{heading}</h2>
            <p class="count">{rules}</p>
            <table class="sessions stack">
                <caption class="visually-hidden">{format!("Sessions of the {}", body.name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Session"</th>
                        <th scope="col">"Opens"</th>
                        <th scope="col">"Closes"</th>
                        <th scope="col">"Venue"</th>
                        <th scope="col">"State"</th>
                        <th scope="col" class="num">"Obligations due"</th>
                        {admin.then(|| view! { <th scope="col">"Edit"</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {admin_forms}
        </section>
    }
    .into_any()
}
