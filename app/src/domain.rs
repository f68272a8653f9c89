//! The Mandate Tracker's domain rules, free of I/O so the server and the browser share them.
//!
//! - [`status`]: the obligation status vocabulary and its one transition function;
//! - [`symbol`]: UN document symbols, parsed once at the boundary;
//! - [`calendar`]: deadlines derived from session dates (never stored), and urgency;
//! - [`due`]: deadlines written as a date or a span from adoption, not a session;
//! - [`recurrence`]: when a recurring report is next due, and when to create it;
//! - [`mandate`]: which mandates are tracked as reports, and a mandate's identity across imports;
//! - [`overview`]: the overview page's figures.
//!
//! Nothing here reads the clock: functions that depend on the date take `today`, so deadline
//! logic is testable and behaves the same on the server and in the browser.

pub mod body;
pub mod calendar;
pub mod due;
pub mod finder;
pub mod mail_text;
pub mod mandate;
pub mod overview;
pub mod preview;
pub mod recurrence;
pub mod review;
pub mod session_state;
pub mod status;
pub mod stored;
pub mod subscription;
pub mod symbol;
pub mod text;
pub mod upload;

pub use calendar::{
    DEFAULT_WINDOW_DAYS, Deadlines, LeadTimes, SessionDates, Urgency, deadlines,
    obligation_deadlines, urgency,
};
pub use due::{Due, DueUnit};
pub use recurrence::{
    Recurrence, SessionCadence, next_occurrence_session, next_session_number, should_spawn_next,
    spawns_next,
};
pub use session_state::SessionState;
pub use status::{
    ObligationKind, ParseEnumError, Status, StatusChange, TransitionError, allowed_next, transition,
};
pub use symbol::{DocumentSymbol, MAX_SYMBOL_LEN, SymbolError};
