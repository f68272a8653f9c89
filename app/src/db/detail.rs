//! One obligation in full, with its timeline: status events and moves of its sessions.

use super::stored;
use crate::domain::{allowed_next, urgency};
use crate::error::AppError;
use crate::model::{HistoryChange, HistoryEntry, ObligationDetail};
use chrono::NaiveDate;

/// The obligation's own row, with what its page shows of its mandate and text.
struct DetailRow {
    version: i32,
    document_symbol: Option<String>,
    office: Option<String>,
    merged_into_id: Option<i64>,
    status_reason: Option<String>,
    status_reason_public: bool,
    session_id: Option<i64>,
    title: String,
    source_document: String,
    verb: String,
    quote: String,
    recurrence: Option<String>,
    body_id: Option<i64>,
    number: Option<i32>,
    paragraph_text: Option<String>,
}

/// Obligation `id` as its page shows it on `today`, or `None` when there is no such obligation.
pub async fn obligation_detail(
    pool: &sqlx::PgPool,
    id: i64,
    today: NaiveDate,
    window_days: i64,
) -> Result<Option<ObligationDetail>, AppError> {
    let Some(row) = sqlx::query_as!(
        DetailRow,
        r#"
        select o.version, o.document_symbol, o.office, o.merged_into_id,
               o.status_reason, o.status_reason_public, o.session_id, r.title, d.symbol as source_document, m.verb,
               m.quote, m.recurrence, s.body_id as "body_id?", s.number as "number?",
               p.text as "paragraph_text?"
          from obligation o
          join mandate m on m.id = o.mandate_id
          left join paragraph p on p.id = m.paragraph_id
          join resolution r on r.id = m.resolution_id
          join document d on d.id = r.document_id
          left join session s on s.id = o.session_id
         where o.id = $1
        "#,
        id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let Some(schedule) = super::schedule::obligation_schedule(pool, id).await? else {
        return Ok(None);
    };
    let later_sessions = match (row.body_id, row.number) {
        (Some(body_id), Some(number)) => {
            super::session::later_sessions(pool, body_id, number).await?
        }
        _ => Vec::new(),
    };
    let recurrence = match row.recurrence.as_deref() {
        Some(text) => Some(stored(text, "recurrence")?),
        None => None,
    };
    Ok(Some(ObligationDetail {
        urgency: urgency(
            schedule.status,
            schedule.deadlines.as_ref(),
            today,
            window_days,
        ),
        today,
        allowed_next: allowed_next(schedule.kind, schedule.status).to_vec(),
        schedule,
        version: row.version,
        document_symbol: row.document_symbol,
        office: row.office,
        merged_into_id: row.merged_into_id,
        status_reason: row.status_reason,
        status_reason_internal: !row.status_reason_public,
        source_document: row.source_document,
        resolution_title: row.title,
        verb: row.verb,
        quote: row.quote,
        paragraph_text: row.paragraph_text,
        recurrence,
        later_sessions,
        history: history(pool, id, row.session_id).await?,
    }))
}

/// The obligation's status events and the moves of every session it has been due at, oldest
/// first (ties keep status events after session moves, as a move usually causes a change).
async fn history(
    pool: &sqlx::PgPool,
    id: i64,
    current_session: Option<i64>,
) -> Result<Vec<HistoryEntry>, AppError> {
    let events = sqlx::query!(
        r#"
        select e.at, e.actor, e.from_status, e.to_status, e.note, e.note_public, e.document_symbol,
               e.merged_into_id, fs.label as "from_session?", ts.label as "to_session?",
               e.from_session_id, e.to_session_id
          from obligation_event e
          left join session fs on fs.id = e.from_session_id
          left join session ts on ts.id = e.to_session_id
         where e.obligation_id = $1
         order by e.at, e.id
        "#,
        id
    )
    .fetch_all(pool)
    .await?;
    let periods = due_periods(
        events
            .iter()
            .map(|e| (e.at, e.from_session_id, e.to_session_id)),
        current_session,
    );
    let mut sessions: Vec<i64> = periods.iter().filter_map(|(_, session)| *session).collect();
    sessions.sort_unstable();
    sessions.dedup();
    let moves = sqlx::query!(
        r#"
        select e.at, e.actor, e.note, e.session_id, coalesce(e.label, s.label) as "label!",
               e.old_opens_on, e.new_opens_on, e.old_state, e.new_state
          from session_event e
          join session s on s.id = e.session_id
         where e.session_id = any($1)
         order by e.at, e.id
        "#,
        &sessions
    )
    .fetch_all(pool)
    .await?;
    // Only the moves of the session the obligation was due at when the move happened: after a
    // deferral, what happens to the old session is no longer this obligation's story.
    let moves = moves
        .into_iter()
        .filter(|m| due_at(&periods, m.at) == Some(m.session_id));
    let mut history: Vec<HistoryEntry> = moves
        .map(|m| {
            Ok(HistoryEntry {
                at: m.at,
                actor: m.actor,
                note: m.note,
                note_internal: false,
                change: HistoryChange::Session {
                    session: m.label,
                    old_opens_on: m.old_opens_on,
                    new_opens_on: m.new_opens_on,
                    old_state: stored(&m.old_state, "session state")?,
                    new_state: stored(&m.new_state, "session state")?,
                },
            })
        })
        .collect::<Result<_, AppError>>()?;
    for e in events {
        history.push(HistoryEntry {
            at: e.at,
            actor: e.actor,
            note: e.note,
            note_internal: !e.note_public,
            change: HistoryChange::Status {
                from: stored(&e.from_status, "obligation status")?,
                to: stored(&e.to_status, "obligation status")?,
                document_symbol: e.document_symbol,
                merged_into_id: e.merged_into_id,
                from_session: e.from_session,
                to_session: e.to_session,
            },
        });
    }
    // Stable: at equal instants the session moves (pushed first) stay first.
    history.sort_by_key(|entry| entry.at);
    Ok(history)
}

type Instant = chrono::DateTime<chrono::Utc>;

/// From when the obligation was due at which session, oldest first, from its events'
/// `(at, from_session, to_session)`. The first period has no start: before its first change the
/// obligation was due at the first event's `from` session (or, with no events, its current one).
fn due_periods(
    events: impl Iterator<Item = (Instant, Option<i64>, Option<i64>)>,
    current: Option<i64>,
) -> Vec<(Option<Instant>, Option<i64>)> {
    let mut periods: Vec<(Option<Instant>, Option<i64>)> = Vec::new();
    for (at, from, to) in events {
        if periods.is_empty() {
            periods.push((None, from));
        }
        if to != periods.last().and_then(|(_, session)| *session) {
            periods.push((Some(at), to));
        }
    }
    if periods.is_empty() {
        periods.push((None, current));
    }
    periods
}

/// The session the obligation was due at, at instant `at`.
fn due_at(periods: &[(Option<Instant>, Option<i64>)], at: Instant) -> Option<i64> {
    periods
        .iter()
        .rev()
        .find(|(start, _)| start.is_none_or(|start| start <= at))
        .and_then(|(_, session)| *session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(day: u32) -> Instant {
        chrono::Utc
            .with_ymd_and_hms(2020, 1, day, 12, 0, 0)
            .unwrap()
    }

    #[test]
    fn without_changes_the_obligation_is_always_due_at_its_session() {
        let periods = due_periods(std::iter::empty(), Some(29));
        assert_eq!(due_at(&periods, t(1)), Some(29));
    }

    #[test]
    fn a_deferral_hands_the_story_over_to_the_new_session() {
        // Started work on the 2nd (still session 29), deferred to 30 on the 10th.
        let events = [(t(2), Some(29), Some(29)), (t(10), Some(29), Some(30))];
        let periods = due_periods(events.into_iter(), Some(30));
        assert_eq!(periods, vec![(None, Some(29)), (Some(t(10)), Some(30))]);
        assert_eq!(
            due_at(&periods, t(1)),
            Some(29),
            "moves before any change count"
        );
        assert_eq!(due_at(&periods, t(9)), Some(29));
        assert_eq!(due_at(&periods, t(10)), Some(30));
        assert_eq!(due_at(&periods, t(20)), Some(30));
    }
}
