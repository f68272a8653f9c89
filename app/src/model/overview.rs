//! The overview page (`/overview`): figures drawn as SVG on the server, each with its numbers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// The day the figures are judged on.
    pub today: NaiveDate,
    pub figures: Vec<Figure>,
}

/// One chart: its title, a sentence that says what it shows, the drawing (SVG markup made on
/// the server from numbers only) and the same numbers as a table, for screen readers and for
/// anyone who wants the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub svg: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
