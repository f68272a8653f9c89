//! A subscription as its manage page shows it.

use crate::domain::subscription::Cadence;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionView {
    pub email: String,
    /// The filter in words ("body “CCPCJ”, status “pending”").
    pub filter_words: String,
    /// The finder's query string of the filter (`?body=ccpcj&status=pending`, or empty).
    pub filter_href: String,
    /// The filter itself, for the manage form's fields.
    pub filter: crate::model::finder::FinderQuery,
    pub cadence: Cadence,
    pub horizon_weeks: i16,
    pub send_empty: bool,
    pub paused: bool,
}
