//! Recurring reports: when the next occurrence is due, and when to create it.

#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::status::Status;

/// How often a mandate asks for its report, as the extractor reads it from the text
/// ("at each annual session", "on a biennial basis", "periodically").
///
/// The serde and [`Recurrence::as_str`] strings (`annual`, `biennial`, `triennial`,
/// `quadrennial`, `periodic`) are shared with the extractor and must not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Recurrence {
    Annual,
    Biennial,
    Triennial,
    Quadrennial,
    /// "Periodically": recurring, but with no interval the tracker can compute.
    Periodic,
}

impl Recurrence {
    /// Every recurrence, for pickers and exhaustive tests.
    pub const ALL: [Recurrence; 5] = [
        Recurrence::Annual,
        Recurrence::Biennial,
        Recurrence::Triennial,
        Recurrence::Quadrennial,
        Recurrence::Periodic,
    ];

    /// The stable text stored and exchanged with the extractor.
    pub const fn as_str(self) -> &'static str {
        match self {
            Recurrence::Annual => "annual",
            Recurrence::Biennial => "biennial",
            Recurrence::Triennial => "triennial",
            Recurrence::Quadrennial => "quadrennial",
            Recurrence::Periodic => "periodic",
        }
    }

    /// The label shown to people.
    pub const fn label(self) -> &'static str {
        match self {
            Recurrence::Annual => "Annual",
            Recurrence::Biennial => "Biennial",
            Recurrence::Triennial => "Triennial",
            Recurrence::Quadrennial => "Quadrennial",
            Recurrence::Periodic => "Periodic",
        }
    }

    /// Years between occurrences; `None` for `Periodic`, whose next date a person decides.
    pub const fn interval_years(self) -> Option<u32> {
        match self {
            Recurrence::Annual => Some(1),
            Recurrence::Biennial => Some(2),
            Recurrence::Triennial => Some(3),
            Recurrence::Quadrennial => Some(4),
            Recurrence::Periodic => None,
        }
    }
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

super::stored::parse_by_stored_text!(Recurrence, "recurrence");

/// How often a body holds its regular, numbered sessions.
///
/// The Commission and the General Assembly hold one numbered session a year (`Annual`, even
/// though the Commission's session N spans a December opening, May and a reconvened
/// December); the Crime Congress meets every five years (`EveryNYears(5)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionCadence {
    Annual,
    EveryNYears(u32),
}

impl SessionCadence {
    /// Years between two consecutive sessions.
    pub const fn years(self) -> u32 {
        match self {
            SessionCadence::Annual => 1,
            SessionCadence::EveryNYears(n) => n,
        }
    }
}

/// The number of the session at which the next occurrence is due, after the one due at
/// session `current`.
///
/// Counts sessions, not dates: an annual report due at the twenty-ninth session of an
/// annual body is next due at the thirtieth, a biennial one at the thirty-first, whenever
/// those sessions are actually held. `None` when it cannot be computed — a `Periodic`
/// mandate, a cadence of zero years, an interval that is not a whole number of sessions
/// (an annual report to a five-yearly Congress), or overflow — in which case a person sets
/// the next session by hand.
pub fn next_session_number(
    recurrence: Recurrence,
    current: i32,
    cadence: SessionCadence,
) -> Option<i32> {
    let interval = recurrence.interval_years()?;
    let years = cadence.years();
    if years == 0 || interval % years != 0 {
        return None;
    }
    current.checked_add(i32::try_from(interval / years).ok()?)
}

/// Whether an occurrence in `status` has delivered, so the next occurrence of a recurring
/// mandate should exist.
///
/// True for `issued` and `considered` (the report is out) and also for `merged`: a merged
/// occurrence is fulfilled by another report, but the mandate itself keeps recurring, and
/// not creating the next occurrence would silently drop it from the tracker. `withdrawn`
/// ends the mandate's tracking and `deferred` moves the same occurrence, so neither spawns.
pub const fn spawns_next(status: Status) -> bool {
    matches!(status, Status::Issued | Status::Considered | Status::Merged)
}

/// Whether the change `from -> to` is the one moment to create the next occurrence.
///
/// True only when the change crosses *into* the delivered set ([`spawns_next`]); since no
/// transition leads out of that set, this is true at most once along any obligation's
/// history: on `submitted -> issued` and not again on `issued -> considered`. Call it after
/// [`transition`](super::status::transition) has accepted the change, in the same database
/// transaction that records it.
pub const fn should_spawn_next(from: Status, to: Status) -> bool {
    !spawns_next(from) && spawns_next(to)
}

/// The session number of the next occurrence to create for the change `from -> to`, if any:
/// [`should_spawn_next`] combined with [`next_session_number`], for callers that want one
/// answer. `None` also when the mandate does not recur.
pub fn next_occurrence_session(
    recurrence: Option<Recurrence>,
    from: Status,
    to: Status,
    current: i32,
    cadence: SessionCadence,
) -> Option<i32> {
    if !should_spawn_next(from, to) {
        return None;
    }
    next_session_number(recurrence?, current, cadence)
}
