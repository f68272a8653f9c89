//! Where a session (a meeting of a body) stands: planned, held or postponed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A session's state. Stored as [`SessionState::as_str`] in `session.state` (a checked text
/// column) and in `session_event`; the strings never change even if a label is reworded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// Scheduled; dates may still move.
    #[default]
    Planned,
    /// The session took place.
    Held,
    /// Put off to dates not yet set (or later dates).
    Postponed,
}

impl SessionState {
    pub const ALL: [SessionState; 3] = [
        SessionState::Planned,
        SessionState::Held,
        SessionState::Postponed,
    ];

    /// The stored text.
    pub const fn as_str(self) -> &'static str {
        match self {
            SessionState::Planned => "planned",
            SessionState::Held => "held",
            SessionState::Postponed => "postponed",
        }
    }

    /// The word pages show.
    pub const fn label(self) -> &'static str {
        match self {
            SessionState::Planned => "Planned",
            SessionState::Held => "Held",
            SessionState::Postponed => "Postponed",
        }
    }
}

impl fmt::Display for SessionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

super::stored::parse_by_stored_text!(SessionState, "session state");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_states_round_trip_through_their_stored_text() {
        for state in SessionState::ALL {
            assert_eq!(state.as_str().parse::<SessionState>(), Ok(state));
        }
        assert!("cancelled".parse::<SessionState>().is_err());
    }
}
