//! Managing the work on one obligation (staff only): its responsible office and focal point,
//! and whether the reader follows it; and a staff member's choice of notices.

use serde::{Deserialize, Serialize};

/// What the staff panel of an obligation page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkPanel {
    pub obligation_id: i64,
    pub office: Option<String>,
    pub focal_point: Option<i64>,
    /// Every staff member who can be made focal point (editors and administrators), by
    /// (id, name), by name.
    pub staff: Vec<(i64, String)>,
    /// Whether the reader follows the obligation.
    pub following: bool,
    /// How many staff members follow it.
    pub followers: i64,
    /// Whether the reader may change the office and focal point (viewers may only follow).
    pub can_edit: bool,
}

/// Which short notices a staff member is mailed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSettings {
    /// An obligation is made theirs (they are its new focal point).
    pub assigned: bool,
    /// One of theirs enters the at-risk window before its submission deadline.
    pub at_risk: bool,
    /// One they follow changes status.
    pub followed: bool,
}

/// What `/my-work` lists: the open obligations the reader is focal point of or that are
/// assigned to their office, most pressing first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyWork {
    /// The reader's office, when they have set one.
    pub office: Option<String>,
    pub rows: Vec<WorkRow>,
    /// The day the rows' urgency was judged on.
    pub today: chrono::NaiveDate,
}

/// One obligation of [`MyWork`], with why it is listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkRow {
    pub obligation: crate::model::ObligationUrgency,
    pub office: Option<String>,
    /// The reader is its focal point (else it is their office's).
    pub focal_point: bool,
}
