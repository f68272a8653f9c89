//! Deadlines derived from session dates, and how urgent an obligation is today.
//!
//! Nothing here is stored: deadlines are computed from the session's current dates each
//! time, so when a session is postponed every deadline that depends on it moves with it.

#[cfg(test)]
mod tests;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::status::Status;

/// How many days before the submission deadline an open obligation counts as at risk, unless
/// a body's settings say otherwise.
pub const DEFAULT_WINDOW_DAYS: i64 = 21;

/// The real dates of one session of a body, as announced (never computed from rules, because
/// bodies move their openings).
///
/// Both dates may be unknown: a session is often named in a resolution years before it is
/// scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionDates {
    pub opening: Option<NaiveDate>,
    pub closing: Option<NaiveDate>,
}

impl SessionDates {
    /// A session with both dates known.
    pub fn new(opening: NaiveDate, closing: NaiveDate) -> Self {
        Self {
            opening: Some(opening),
            closing: Some(closing),
        }
    }

    /// Refuses a meeting that closes before it opens (either date may be unknown); `what` names
    /// it in the message ("The session", "The reconvened part").
    pub fn check_order(&self, what: &str) -> Result<(), DatesOutOfOrder> {
        match (self.opening, self.closing) {
            (Some(opening), Some(closing)) if closing < opening => Err(DatesOutOfOrder(format!(
                "{what} cannot close ({}) before it opens ({}).",
                day(closing),
                day(opening)
            ))),
            _ => Ok(()),
        }
    }
}

/// A meeting that would close before it opens, as a sentence for the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DatesOutOfOrder(pub String);

/// The months' names, as dates are written out (and as the extractor finds them in texts).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date as every page and message writes it, in full ("3 December 2020", as public
/// service style guides ask), in one place. Written out by hand so the browser bundle carries
/// no `strftime` parser for it.
pub fn day(date: NaiveDate) -> String {
    use chrono::Datelike;
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// Documentation lead times of a body, in weeks before a session opens.
///
/// Defaults follow the UN rules: pre-session documents go to the documents service about
/// ten weeks before the opening (for slotting and translation) and must be issued in all
/// languages six weeks before (the six-week rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadTimes {
    pub submission_weeks: u32,
    pub issuance_weeks: u32,
}

impl Default for LeadTimes {
    /// The one place the 10- and 6-week rules are written: new bodies are stored with these,
    /// and an obligation with no session yet is judged by them.
    fn default() -> Self {
        Self {
            submission_weeks: 10,
            issuance_weeks: 6,
        }
    }
}

impl LeadTimes {
    /// A body's lead times as stored (`None` when the obligation has no session, hence no body,
    /// yet), falling back to the defaults for what is missing or negative.
    pub fn stored(submission_weeks: Option<i32>, issuance_weeks: Option<i32>) -> Self {
        let default = Self::default();
        let weeks = |w: Option<i32>| w.and_then(|w| u32::try_from(w).ok());
        Self {
            submission_weeks: weeks(submission_weeks).unwrap_or(default.submission_weeks),
            issuance_weeks: weeks(issuance_weeks).unwrap_or(default.issuance_weeks),
        }
    }

    /// Refuses lead times that would have a document issued before it is submitted.
    pub fn check(&self) -> Result<(), LeadTimesOutOfOrder> {
        if self.issuance_weeks > self.submission_weeks {
            return Err(LeadTimesOutOfOrder(format!(
                "A document cannot be issued ({} weeks before the session) before it is \
                 submitted ({} weeks before).",
                self.issuance_weeks, self.submission_weeks
            )));
        }
        Ok(())
    }
}

/// Lead times that would issue a document before its submission, as a sentence for the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LeadTimesOutOfOrder(pub String);

/// The dates a report works towards: for one session, or for a day the text names
/// ([`Deadlines::on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// The session's opening day; `None` for an obligation due on a date rather than at a
    /// session.
    pub session_opens: Option<NaiveDate>,
    /// Last day to hand the document to the documents service.
    pub submission: NaiveDate,
    /// Last day for the document to be out in all languages.
    pub issuance: NaiveDate,
}

/// Derives a session's deadlines from its opening date.
///
/// `None` when the opening date is unknown (nothing can be computed yet) or when the lead
/// times are so large that the date would fall outside chrono's range.
pub fn deadlines(session: &SessionDates, lead: &LeadTimes) -> Option<Deadlines> {
    let session_opens = session.opening?;
    Some(Deadlines {
        session_opens: Some(session_opens),
        submission: weeks_before(session_opens, lead.submission_weeks)?,
        issuance: weeks_before(session_opens, lead.issuance_weeks)?,
    })
}

impl Deadlines {
    /// An obligation due on `day` (a date deadline, see [`super::due`]): the day is both the
    /// last day to submit and the last day to have it out.
    pub const fn on(day: NaiveDate) -> Self {
        Deadlines {
            session_opens: None,
            submission: day,
            issuance: day,
        }
    }
}

/// An obligation's deadlines: its own day when it has one (`due_on`), else those of its session.
pub fn obligation_deadlines(
    due_on: Option<NaiveDate>,
    session: &SessionDates,
    lead: &LeadTimes,
) -> Option<Deadlines> {
    match due_on {
        Some(day) => Some(Deadlines::on(day)),
        None => deadlines(session, lead),
    }
}

fn weeks_before(date: NaiveDate, weeks: u32) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(weeks) * 7))
}

/// How pressing an obligation is today, for badges, sorting and alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Urgency {
    /// No submission deadline applies: the session has no opening date yet, or the obligation
    /// is an ongoing activity.
    NoDate,
    /// Nothing is owed against the deadline any more (submitted or later, or closed).
    Done,
    /// Not submitted and the submission deadline has passed, `days` days ago (at least 1).
    Overdue { days: i64 },
    /// Not submitted and the submission deadline is `days_left` days away, within the window
    /// (0 = due today).
    AtRisk { days_left: i64 },
    /// Not submitted, with more than the window left.
    OnTrack { days_left: i64 },
}

impl std::fmt::Display for Urgency {
    /// The words a badge shows ("overdue by 3 days", "at risk: 5 days left").
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let days = |n: i64| {
            if n == 1 {
                "1 day".to_string()
            } else {
                format!("{n} days")
            }
        };
        match *self {
            Urgency::NoDate => f.write_str("no date"),
            Urgency::Done => f.write_str("done"),
            Urgency::Overdue { days: n } => write!(f, "overdue by {}", days(n)),
            Urgency::AtRisk { days_left: 0 } => f.write_str("at risk: due today"),
            Urgency::AtRisk { days_left } => write!(f, "at risk: {} left", days(days_left)),
            Urgency::OnTrack { days_left } => write!(f, "{} left", days(days_left)),
        }
    }
}

impl Urgency {
    /// The badge's words for an obligation in `status`: the urgency, except that "done" is
    /// never said of a report that is only submitted (it still has to be issued).
    pub fn words(self, status: Status) -> String {
        match (self, status) {
            (Urgency::Done, Status::Submitted) => "awaiting issue".to_owned(),
            (Urgency::Done, Status::Issued | Status::Considered) => "issued".to_owned(),
            (Urgency::Done, Status::Completed) => "completed".to_owned(),
            (Urgency::Done, _) => "closed".to_owned(),
            (urgency, _) => urgency.to_string(),
        }
    }

    /// A sort key putting the most pressing first: overdue (longest overdue first), at risk and
    /// on track (nearest deadline first), then what has no date, then what is done.
    pub const fn pressing_first(self) -> (u8, i64) {
        match self {
            Urgency::Overdue { days } => (0, -days),
            Urgency::AtRisk { days_left } => (1, days_left),
            Urgency::OnTrack { days_left } => (2, days_left),
            Urgency::NoDate => (3, 0),
            Urgency::Done => (4, 0),
        }
    }
}

/// Judges `status` against the submission deadline on `today`.
///
/// Rules, chosen so that a badge never flips on the wrong day:
/// - Only statuses that still await submission (`pending`, `in_preparation`, `deferred`) are
///   judged. A deferred obligation is judged like a pending one: the caller passes the
///   deadlines of its *new* session.
/// - `submitted`, `issued`, `considered`, `merged`, `withdrawn`, `completed`,
///   `discontinued` are [`Urgency::Done`]: the submission deadline no longer concerns them
///   (issuance is the documents service's clock).
/// - `ongoing` activities are [`Urgency::NoDate`] even when deadlines are given: an activity
///   delivers no pre-session document; if it must be reported on, that report is its own
///   obligation with its own deadline.
/// - `days_left` = submission deadline − today, in days. The deadline day itself is still
///   in time: due *on* the deadline is `AtRisk { days_left: 0 }`, the day after is
///   `Overdue { days: 1 }`.
/// - At risk when `0 <= days_left <= window_days` (both ends inclusive); on track from
///   `window_days + 1`. A negative window is treated as 0.
pub fn urgency(
    status: Status,
    deadlines: Option<&Deadlines>,
    today: NaiveDate,
    window_days: i64,
) -> Urgency {
    if status == Status::Ongoing {
        return Urgency::NoDate;
    }
    if !status.awaits_submission() {
        return Urgency::Done;
    }
    let Some(deadlines) = deadlines else {
        return Urgency::NoDate;
    };
    let days_left = (deadlines.submission - today).num_days();
    if days_left < 0 {
        Urgency::Overdue { days: -days_left }
    } else if days_left <= window_days.max(0) {
        Urgency::AtRisk { days_left }
    } else {
        Urgency::OnTrack { days_left }
    }
}
