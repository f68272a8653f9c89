//! The one transition function and the table it enforces.

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::{ObligationKind, Status};
use crate::domain::symbol::DocumentSymbol;
use Status::{
    Completed, Considered, Deferred, Discontinued, InPreparation, Issued, Merged, Ongoing, Pending,
    Submitted, Withdrawn,
};

/// A requested status change together with the data that change needs.
///
/// The extra fields are optional because most changes need none of them; [`transition`]
/// refuses a change whose target needs a field that is missing. Fields a target does not
/// need are ignored by [`transition`] (e.g. a symbol already known at submission, or a note on
/// any change), so callers may record them in the history row as they see fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The status asked for.
    pub to: Status,
    /// Required for `issued`: the symbol the document was issued under.
    pub document_symbol: Option<DocumentSymbol>,
    /// Required for `deferred`: the id of the later session the obligation now targets.
    pub new_session: Option<i64>,
    /// Required for `merged`: the id of the obligation whose report fulfils this one.
    pub merged_into: Option<i64>,
    /// Required (non-blank) for `withdrawn` and `discontinued`; an optional note otherwise.
    pub reason: Option<String>,
    /// Whether everyone may read `reason` (else only staff). What the system writes is public;
    /// staff choose for each note.
    pub public_note: bool,
}

impl StatusChange {
    /// A change that needs no extra data (e.g. `in_preparation`, `submitted`, `considered`).
    pub fn new(to: Status) -> Self {
        Self {
            to,
            document_symbol: None,
            new_session: None,
            merged_into: None,
            reason: None,
            public_note: true,
        }
    }

    /// Marks a report issued under `symbol`.
    pub fn issued(symbol: DocumentSymbol) -> Self {
        Self {
            document_symbol: Some(symbol),
            ..Self::new(Status::Issued)
        }
    }

    /// Defers the obligation to the session with id `session_id`.
    pub fn deferred(session_id: i64) -> Self {
        Self {
            new_session: Some(session_id),
            ..Self::new(Status::Deferred)
        }
    }

    /// Records that the obligation with id `obligation_id` fulfils this one.
    pub fn merged_into(obligation_id: i64) -> Self {
        Self {
            merged_into: Some(obligation_id),
            ..Self::new(Status::Merged)
        }
    }

    /// Withdraws a report, saying why.
    pub fn withdrawn(reason: impl Into<String>) -> Self {
        Self::new(Status::Withdrawn).with_reason(reason)
    }

    /// Discontinues an activity, saying why.
    pub fn discontinued(reason: impl Into<String>) -> Self {
        Self::new(Status::Discontinued).with_reason(reason)
    }

    /// Attaches a reason or note, so any change can explain itself in the history.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

/// Why a status change was refused; the message is written to be shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The status is from the other workflow (e.g. `completed` on a report).
    #[error("'{status}' is not a status of {}", .kind.with_article())]
    NotForKind {
        kind: ObligationKind,
        status: Status,
    },
    /// Both statuses fit the kind, but the table does not lead from one to the other.
    #[error("cannot go from {from} to {to}")]
    NotAllowed { from: Status, to: Status },
    #[error("a document symbol is required to mark a report issued")]
    MissingDocumentSymbol,
    #[error("the new target session is required to defer an obligation")]
    MissingNewSession,
    #[error("the obligation whose report fulfils this one is required to mark it merged")]
    MissingMergedInto,
    #[error("an obligation cannot be merged into itself")]
    MergedIntoItself,
    /// Withdrawal and discontinuation end a mandate's tracking, so they must say why.
    #[error("a reason is required to mark {} {}", .to.kind().with_article(), .to.label().to_lowercase())]
    MissingReason { to: Status },
}

/// From `pending` (and `deferred`, which is "pending for a later session"): work may start,
/// or the report may be recorded as submitted directly, because secretariats often record
/// late and the in-preparation step is then history nobody wrote down.
const FROM_PENDING: &[Status] = &[InPreparation, Submitted, Deferred, Merged, Withdrawn];
const FROM_IN_PREPARATION: &[Status] = &[Submitted, Deferred, Merged, Withdrawn];
/// A submitted document may still be deferred, merged or withdrawn before it is issued.
const FROM_SUBMITTED: &[Status] = &[Issued, Deferred, Merged, Withdrawn];
/// An issued document is out of the Secretariat's hands: it can only be considered.
const FROM_ISSUED: &[Status] = &[Considered];
const FROM_ONGOING: &[Status] = &[Completed, Discontinued];
const NONE: &[Status] = &[];

/// The statuses the UI may offer after `from`, in the order they should be listed.
///
/// Design decisions, beyond the plain workflow:
/// - `pending -> submitted` is allowed (skipping `in_preparation`); `pending -> issued` is not:
///   a late recorder goes through `submitted`, so the history still shows both steps.
/// - `deferred` is a real status recorded in the history; from it the choices are exactly
///   those from `pending` (including deferring again), because a deferred obligation is
///   pending for its new session. A *postponed session* is not a deferral: the obligation
///   keeps its session and its deadlines move with the session's dates.
/// - Deferral, merge and withdrawal are allowed from every open report status (`pending`,
///   `in_preparation`, `submitted`, `deferred`), but not from `issued`: if a body postpones
///   consideration of an issued report, it stays `issued` until considered.
/// - No step goes backwards (e.g. `in_preparation -> pending`): corrections are a separate,
///   audited concern, not part of the workflow.
/// - Activities only end: `ongoing -> completed | discontinued`.
/// - A status of the other kind, or a terminal status, has no next step (empty slice).
pub fn allowed_next(kind: ObligationKind, from: Status) -> &'static [Status] {
    match (kind, from) {
        (ObligationKind::Report, Pending | Deferred) => FROM_PENDING,
        (ObligationKind::Report, InPreparation) => FROM_IN_PREPARATION,
        (ObligationKind::Report, Submitted) => FROM_SUBMITTED,
        (ObligationKind::Report, Issued) => FROM_ISSUED,
        (ObligationKind::Activity, Ongoing) => FROM_ONGOING,
        _ => NONE,
    }
}

/// Checks a requested change for an obligation of `kind` with id `own_id`, now in `from`,
/// and returns the status to store.
///
/// This is the only place a status changes; the caller writes the returned status and the
/// history row in one transaction. Checks, in order: both statuses belong to `kind`; the
/// table ([`allowed_next`]) allows the step; the target's data is present — a symbol for
/// `issued`, a new session for `deferred`, another obligation for `merged`, a non-blank
/// reason for `withdrawn` and `discontinued`.
///
/// What it cannot check, for want of the database: that the new session is later than the
/// current one and belongs to the same body, and that `merged_into` exists.
pub fn transition(
    kind: ObligationKind,
    from: Status,
    own_id: i64,
    change: &StatusChange,
) -> Result<Status, TransitionError> {
    let to = change.to;
    for status in [from, to] {
        if !status.applies_to(kind) {
            return Err(TransitionError::NotForKind { kind, status });
        }
    }
    if !allowed_next(kind, from).contains(&to) {
        return Err(TransitionError::NotAllowed { from, to });
    }
    match to {
        Issued if change.document_symbol.is_none() => Err(TransitionError::MissingDocumentSymbol),
        Deferred if change.new_session.is_none() => Err(TransitionError::MissingNewSession),
        Merged => match change.merged_into {
            None => Err(TransitionError::MissingMergedInto),
            Some(other) if other == own_id => Err(TransitionError::MergedIntoItself),
            Some(_) => Ok(to),
        },
        Withdrawn | Discontinued if is_blank(change.reason.as_deref()) => {
            Err(TransitionError::MissingReason { to })
        }
        _ => Ok(to),
    }
}

fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}
