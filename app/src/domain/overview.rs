//! The overview's figures (`/overview`), computed from every report's schedule and the dates
//! its history records: what is due at the coming sessions, how many reports were overdue over
//! time, and how often each body's reports were issued in time.

#[cfg(test)]
mod tests;

use super::{Deadlines, ObligationKind, Status};
use chrono::{Datelike, Months, NaiveDate};

/// What the figures need to know of one obligation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFacts {
    pub kind: ObligationKind,
    pub status: Status,
    /// The body the report is due to, if known.
    pub body: Option<String>,
    /// The session it is due at ("CCPCJ thirty-sixth session"), if known.
    pub session: Option<String>,
    pub deadlines: Option<Deadlines>,
    /// The first day its history records it as submitted (or further along).
    pub submitted_on: Option<NaiveDate>,
    /// The day its history records it as issued.
    pub issued_on: Option<NaiveDate>,
}

/// The reports due at one coming session, counted by status (workflow order, none left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionCounts {
    pub session: String,
    pub opens_on: NaiveDate,
    pub by_status: Vec<(Status, usize)>,
}

/// The item of `items` that `is_it`, made by `make` and added when there is none.
fn entry<T>(items: &mut Vec<T>, is_it: impl Fn(&T) -> bool, make: impl FnOnce() -> T) -> &mut T {
    let index = match items.iter().position(is_it) {
        Some(index) => index,
        None => {
            items.push(make());
            items.len() - 1
        }
    };
    &mut items[index]
}

impl SessionCounts {
    /// How many of the session's reports are in `status`.
    pub fn count(&self, status: Status) -> usize {
        self.by_status
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }
}

/// The first `limit` sessions opening on or after `today` that have reports due, earliest
/// first, each with its reports counted by status.
pub fn coming_sessions(
    facts: &[ReportFacts],
    today: NaiveDate,
    limit: usize,
) -> Vec<SessionCounts> {
    let mut sessions: Vec<SessionCounts> = Vec::new();
    for fact in facts.iter().filter(|f| f.kind == ObligationKind::Report) {
        let (Some(session), Some(opens_on)) =
            (&fact.session, fact.deadlines.and_then(|d| d.session_opens))
        else {
            continue;
        };
        if opens_on < today {
            continue;
        }
        let entry = entry(
            &mut sessions,
            |s| &s.session == session,
            || SessionCounts {
                session: session.clone(),
                opens_on,
                by_status: Status::ALL.iter().map(|&s| (s, 0)).collect(),
            },
        );
        if let Some(count) = entry.by_status.iter_mut().find(|(s, _)| *s == fact.status) {
            count.1 += 1;
        }
    }
    sessions.sort_by(|a, b| (a.opens_on, &a.session).cmp(&(b.opens_on, &b.session)));
    sessions.truncate(limit);
    sessions
}

/// Whether a report counted as overdue on `day`: its submission deadline had passed and its
/// history does not record it as submitted by then. Reports closed without a submission
/// (withdrawn, discontinued, merged) are left out, since the day they closed is not among the
/// facts.
fn overdue_on(fact: &ReportFacts, day: NaiveDate) -> bool {
    let closed_unsubmitted = matches!(
        fact.status,
        Status::Withdrawn | Status::Discontinued | Status::Merged
    );
    fact.kind == ObligationKind::Report
        && !closed_unsubmitted
        && fact.deadlines.is_some_and(|d| d.submission < day)
        && fact.submitted_on.is_none_or(|submitted| submitted > day)
}

/// How many reports were overdue on the first day of each of the last `months` months, and
/// on `today` (the last point), oldest first. Each report is judged against its session as the
/// calendar stands today: one deferred since counts against its new session, in the past too
/// (the history records the moves, but the figure does not replay them).
pub fn overdue_over_time(
    facts: &[ReportFacts],
    today: NaiveDate,
    months: u32,
) -> Vec<(NaiveDate, usize)> {
    let first_of_month = today.with_day(1).unwrap_or(today);
    let mut days: Vec<NaiveDate> = (1..=months)
        .rev()
        .filter_map(|back| first_of_month.checked_sub_months(Months::new(back - 1)))
        .filter(|day| *day < today)
        .collect();
    days.push(today);
    days.into_iter()
        .map(|day| (day, facts.iter().filter(|f| overdue_on(f, day)).count()))
        .collect()
}

/// One body's issued reports: how many, and how many were out by their issue-by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedInTime {
    pub body: String,
    pub issued: usize,
    pub in_time: usize,
}

impl IssuedInTime {
    /// The share issued in time, in whole percent (0 when nothing was issued).
    pub fn percent(&self) -> u32 {
        if self.issued == 0 {
            return 0;
        }
        let share = self.in_time as f64 / self.issued as f64;
        (share * 100.0).round() as u32
    }
}

/// Per body (by name), the reports with an issue date and a deadline, and how many were issued
/// on or before their issue-by date (six weeks before the session by default).
pub fn issued_in_time(facts: &[ReportFacts]) -> Vec<IssuedInTime> {
    let mut bodies: Vec<IssuedInTime> = Vec::new();
    for fact in facts {
        let (Some(body), Some(issued_on), Some(deadlines)) =
            (&fact.body, fact.issued_on, fact.deadlines)
        else {
            continue;
        };
        let entry = entry(
            &mut bodies,
            |b| &b.body == body,
            || IssuedInTime {
                body: body.clone(),
                issued: 0,
                in_time: 0,
            },
        );
        entry.issued += 1;
        if issued_on <= deadlines.issuance {
            entry.in_time += 1;
        }
    }
    bodies.sort_by(|a, b| a.body.cmp(&b.body));
    bodies
}
