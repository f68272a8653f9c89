//! Managing the work on one obligation (staff only): its responsible office and focal point,
//! and whether the reader follows it; and a staff member's choice of notices.

use serde::{Deserialize, Serialize};

/// What the staff panel of an obligation page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkPanel {
    pub obligation_id: i64,
    pub office: Option<String>,
    pub focal_point: Option<i64>,
    /// Every staff member who can be made focal point, by (id, name), by name.
    pub staff: Vec<(i64, String)>,
    /// Whether the reader follows the obligation.
    pub following: bool,
    /// How many staff members follow it.
    pub followers: i64,
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
