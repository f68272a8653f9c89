//! `/obligations.ics`: deadlines and sessions as all-day events with stable UIDs.

use super::{Feeds, ID_DOMAIN, Refusal, capital, what_is_due};
use app::db::feed::{FeedSession, sessions_of};
use app::model::finder::{FinderQuery, FoundObligation};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Days, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use std::collections::HashMap;

/// One all-day event per submission and issuance deadline of every obligation the filter keeps
/// that has deadlines, and one per session they are due at, from opening to closing day.
pub(super) async fn calendar_feed(
    State(feeds): State<Feeds>,
    headers: HeaderMap,
    Query(query): Query<FinderQuery>,
) -> Result<Response, Refusal> {
    let rows = feeds.rows(&query).await?;
    let dated: Vec<&FoundObligation> = rows
        .iter()
        .filter(|row| row.schedule.deadlines.is_some())
        .collect();
    let ids: Vec<i64> = dated.iter().map(|row| row.schedule.obligation_id).collect();
    let sessions = sessions_of(&feeds.pool, &ids).await?;
    let origin = feeds.origin(&headers);
    let now = Utc::now();

    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Mandate Tracker//Obligations//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name("Mandate Tracker: reporting obligations")
        .description(
            "Submission and issuance deadlines of reports, and the sessions they are due at.",
        )
        // Deadlines move only when a session does: a few refreshes a day are plenty.
        .ttl(&chrono::Duration::hours(3));
    for row in &dated {
        for event in deadline_events(row, &origin, now) {
            calendar.push(event);
        }
    }
    let by_id: HashMap<i64, &FoundObligation> = dated
        .iter()
        .map(|row| (row.schedule.obligation_id, *row))
        .collect();
    for session in &sessions {
        calendar.push(session_event(session, &by_id, &origin, now));
    }
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        calendar.done().to_string(),
    )
        .into_response())
}

/// The submit-by and issue-by events of an obligation with deadlines (the due-on event of one
/// due on a date).
///
/// They carry no SEQUENCE: an obligation deferred to another session takes that session's
/// dates, and no counter of ours only ever grows across such a move; calendars that subscribe
/// (rather than receive invitations) replace events by UID anyway.
fn deadline_events(row: &FoundObligation, origin: &str, now: DateTime<Utc>) -> Vec<Event> {
    let s = &row.schedule;
    let Some(deadlines) = s.deadlines else {
        return Vec::new();
    };
    let what = what_is_due(row);
    let quote: String = row.quote.iter().map(|(text, _)| text.as_str()).collect();
    // The status, not the urgency: "overdue by 12 days" would change the event every day.
    let description = format!(
        "{} ¶{}: “{}”\nStatus: {}.",
        s.resolution_label,
        s.paragraph,
        quote.trim(),
        s.status.label()
    );
    let url = format!("{origin}/obligations/{}", s.obligation_id);
    // An obligation due on a day rather than at a session has one event, on that day.
    let events: &[(&str, &str, NaiveDate)] = if deadlines.session_opens.is_none() {
        &[("due", "Due", deadlines.submission)]
    } else {
        &[
            ("submit", "Submit", deadlines.submission),
            ("issue", "Issue", deadlines.issuance),
        ]
    };
    events
        .iter()
        .copied()
        .map(|(key, verb, day)| {
            all_day(day, day)
                .uid(&format!("obligation-{}-{key}@{ID_DOMAIN}", s.obligation_id))
                .timestamp(now)
                .summary(&format!("{verb}: {what}"))
                .description(&description)
                .url(&url)
                .done()
        })
        .collect()
}

/// A session as an all-day event from its opening to its closing day, with what is due there.
/// Its SEQUENCE is the session's version, which goes up with every change of the session.
fn session_event(
    session: &FeedSession,
    rows: &HashMap<i64, &FoundObligation>,
    origin: &str,
    now: DateTime<Utc>,
) -> Event {
    let due: Vec<String> = session
        .obligation_ids
        .iter()
        .filter_map(|id| rows.get(id))
        .map(|row| {
            let s = &row.schedule;
            format!(
                "- {} ({} ¶{}): {}, {origin}/obligations/{}",
                capital(&what_is_due(row)),
                s.resolution_label,
                s.paragraph,
                s.status.label(),
                s.obligation_id
            )
        })
        .collect();
    let due = format!("Due at this session:\n{}", due.join("\n"));
    let mut event = all_day(
        session.opens_on,
        session.closes_on.unwrap_or(session.opens_on),
    );
    event
        .uid(&format!("session-{}@{ID_DOMAIN}", session.id))
        .timestamp(now)
        .sequence(u32::try_from(session.version).unwrap_or(0))
        .summary(&format!("{}, {}", session.body, session.label))
        .description(&due)
        .url(&format!("{origin}/calendar"));
    if let Some(venue) = &session.venue {
        event.location(venue);
    }
    event.done()
}

/// An all-day event over the days `first..=last` (iCalendar's end date is exclusive).
fn all_day(first: NaiveDate, last: NaiveDate) -> Event {
    let end = last.checked_add_days(Days::new(1)).unwrap_or(last);
    Event::new().starts(first).ends(end).done()
}
