//! The obligation status vocabulary and its state machine.
//!
//! Everything about which status may follow which lives here (in [`transition`] and
//! [`allowed_next`]), so the server, the UI and the database check agree by construction.

mod transition;

#[cfg(test)]
mod tests;

use std::fmt;

pub use super::stored::ParseEnumError;

use serde::{Deserialize, Serialize};

pub use transition::{StatusChange, TransitionError, allowed_next, transition};

/// What kind of thing the mandate asks for, because the two follow different workflows.
///
/// A *report* is a document that goes through the documents pipeline to a session of a body;
/// an *activity* (technical assistance, a study, a meeting to convene) is carried out over time
/// and is never "issued".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    Report,
    Activity,
}

impl ObligationKind {
    /// Every kind, for exhaustive tables and pickers.
    pub const ALL: [ObligationKind; 2] = [ObligationKind::Report, ObligationKind::Activity];

    /// The stable text stored in the database and sent over the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            ObligationKind::Report => "report",
            ObligationKind::Activity => "activity",
        }
    }

    /// The lower-case noun used inside sentences ("a report", "an activity").
    pub const fn label(self) -> &'static str {
        match self {
            ObligationKind::Report => "report",
            ObligationKind::Activity => "activity",
        }
    }

    /// The noun with its article, for messages ("a report", "an activity").
    pub const fn with_article(self) -> &'static str {
        match self {
            ObligationKind::Report => "a report",
            ObligationKind::Activity => "an activity",
        }
    }

    /// The status a new obligation of this kind starts in, so creation code has no choice to
    /// get wrong.
    pub const fn initial_status(self) -> Status {
        match self {
            ObligationKind::Report => Status::Pending,
            ObligationKind::Activity => Status::Ongoing,
        }
    }
}

impl fmt::Display for ObligationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

super::stored::parse_by_stored_text!(ObligationKind, "obligation kind");

/// Where an obligation stands.
///
/// Reports: `pending -> in_preparation -> submitted -> issued -> considered`, and from an open
/// step `deferred`, `merged` or `withdrawn`. Activities: `ongoing -> completed | discontinued`.
/// See [`allowed_next`] for the full table and the reasons behind it.
///
/// `Display` gives the human label; storage must use [`Status::as_str`] / `FromStr` (the same
/// snake_case strings serde uses), which never change even if a label is reworded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    InPreparation,
    Submitted,
    Issued,
    Considered,
    Deferred,
    Merged,
    Withdrawn,
    Ongoing,
    Completed,
    Discontinued,
}

impl Status {
    /// Every status, in workflow order, for exhaustive tables and filters.
    pub const ALL: [Status; 11] = [
        Status::Pending,
        Status::InPreparation,
        Status::Submitted,
        Status::Issued,
        Status::Considered,
        Status::Deferred,
        Status::Merged,
        Status::Withdrawn,
        Status::Ongoing,
        Status::Completed,
        Status::Discontinued,
    ];

    /// The stable snake_case text stored in the database (a checked text column or a Postgres
    /// enum with these labels) and used in URLs and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::InPreparation => "in_preparation",
            Status::Submitted => "submitted",
            Status::Issued => "issued",
            Status::Considered => "considered",
            Status::Deferred => "deferred",
            Status::Merged => "merged",
            Status::Withdrawn => "withdrawn",
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
            Status::Discontinued => "discontinued",
        }
    }

    /// The label shown to people, kept apart from [`Status::as_str`] so wording can change
    /// without a migration.
    pub const fn label(self) -> &'static str {
        match self {
            Status::Pending => "Pending",
            Status::InPreparation => "In preparation",
            Status::Submitted => "Submitted",
            Status::Issued => "Issued",
            Status::Considered => "Considered",
            Status::Deferred => "Deferred",
            Status::Merged => "Merged",
            Status::Withdrawn => "Withdrawn",
            Status::Ongoing => "Ongoing",
            Status::Completed => "Completed",
            Status::Discontinued => "Discontinued",
        }
    }

    /// The kind of obligation this status belongs to: the two vocabularies do not overlap, so
    /// a stored status also tells which workflow it is in.
    pub const fn kind(self) -> ObligationKind {
        match self {
            Status::Ongoing | Status::Completed | Status::Discontinued => ObligationKind::Activity,
            _ => ObligationKind::Report,
        }
    }

    /// Whether this status is part of `kind`'s workflow.
    pub fn applies_to(self, kind: ObligationKind) -> bool {
        self.kind() == kind
    }

    /// Open = the Secretariat still owes something and the obligation may still be deferred,
    /// merged or withdrawn (reports) or discontinued (activities).
    ///
    /// `Issued` is deliberately neither open nor terminal: the document is out of the
    /// Secretariat's hands and only awaits consideration by the body, so it can no longer be
    /// deferred, merged or withdrawn.
    pub const fn is_open(self) -> bool {
        matches!(
            self,
            Status::Pending
                | Status::InPreparation
                | Status::Submitted
                | Status::Deferred
                | Status::Ongoing
        )
    }

    /// Terminal = no further status can follow; the obligation's story is over.
    pub const fn is_terminal(self) -> bool {
        matches!(
            self,
            Status::Considered
                | Status::Merged
                | Status::Withdrawn
                | Status::Completed
                | Status::Discontinued
        )
    }

    /// Whether the document has yet to reach the documents service, which is what the
    /// submission deadline measures. A deferred report is waiting for its new session just as
    /// a pending one is.
    pub const fn awaits_submission(self) -> bool {
        matches!(
            self,
            Status::Pending | Status::InPreparation | Status::Deferred
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

super::stored::parse_by_stored_text!(Status, "status");
