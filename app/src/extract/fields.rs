//! The fields mandates gained for texts that set deadlines by date (issue 11): the deadline
//! itself, and how far the extractor trusts what it read.

use serde::{Deserialize, Serialize};

use super::Mandate;

/// A deadline stated as a calendar date or as a delay from adoption ("within 90 days of the
/// adoption of the present resolution"); delays need the adoption date, which the text of a
/// draft does not carry, so they are kept as delays (`domain::Due::of_extracted(..).date(..)`
/// turns them into dates).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    /// "no later than 31 March 2027", "by the end of 2026" (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// "within 90 days of the adoption of the present resolution".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_within_days: Option<u32>,
    /// "within 100 working days of its adoption".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_within_working_days: Option<u32>,
    /// "within six months", "no later than 12 months after the adoption".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_within_months: Option<u32>,
    /// The rhythm of a periodic deadline, in days: "and every 90 days thereafter".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every_days: Option<u32>,
    /// The rhythm in months: "on a monthly basis" (1), "quarterly" (3), "every six months".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every_months: Option<u32>,
}

/// How far a mandate can be trusted without a second look.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", content = "reason", rename_all = "lowercase")]
pub enum Confidence {
    #[default]
    High,
    /// Read, but worth checking: the reason says what the extractor had to guess.
    Low(String),
}

impl Confidence {
    pub fn is_high(&self) -> bool {
        matches!(self, Confidence::High)
    }
}

/// A field of a mandate the extractor can be unsure of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Paragraph,
    Addressee,
    TargetBody,
    TargetSession,
    Recurrence,
    Due,
    /// Where the mandate's words start and end, and so whether it is one mandate or two.
    Quote,
}

impl Field {
    /// The field's name as the review page labels it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Paragraph => "Paragraph",
            Field::Addressee => "Addressee",
            Field::TargetBody => "Target body",
            Field::TargetSession => "Target session",
            Field::Recurrence => "Recurrence",
            Field::Due => "Deadline",
            Field::Quote => "Quote",
        }
    }
}

/// A field read with low confidence, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doubt {
    pub field: Field,
    pub reason: String,
}

impl Mandate {
    /// Marks `field` as read with low confidence, for `reason`; the mandate as a whole is then
    /// as unsure as its least sure field (its first doubt gives the reason).
    pub fn doubt(&mut self, field: Field, reason: &str) {
        if !self.doubts.iter().any(|d| d.field == field) {
            self.doubts.push(Doubt {
                field,
                reason: reason.to_string(),
            });
        }
        if self.confidence.is_high() {
            self.confidence = Confidence::Low(reason.to_string());
        }
    }
}
