//! The finder (`/obligations`): what a delegate asks for, as the address holds it, and one page
//! of answers.

use super::ObligationSchedule;
use crate::domain::finder::UrgencyFilter;
use crate::domain::{ObligationKind, Status, Urgency};
use serde::{Deserialize, Serialize};

/// Rows on one page of the finder.
pub const PAGE_SIZE: i64 = 50;

/// The finder's parameters exactly as the address (a GET form) carries them: short, readable,
/// every one optional (`/obligations?body=ccpcj&session=35&urgency=overdue&q=cybercrime`).
/// Blank values mean "any". [`FinderQuery::check`] reads them into an [`ObligationFilter`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct FinderQuery {
    /// A body by its usual acronym, any case (`ccpcj`, `ga`).
    pub body: Option<String>,
    /// A session number of that body (or of any body).
    pub session: Option<String>,
    /// Part of the addressee's name (`Secretary-General`, `UNODC`).
    pub addressee: Option<String>,
    pub status: Option<String>,
    pub urgency: Option<String>,
    pub kind: Option<String>,
    /// Part of the adopting body's name.
    pub adopted_by: Option<String>,
    /// A resolution's id (the per-resolution page links here).
    pub resolution: Option<String>,
    /// The year the session opens.
    pub year: Option<String>,
    /// Words to find in the mandate's words, its paragraph and its resolution's title.
    pub q: Option<String>,
    /// `deadline` (the default), `session` or `source`.
    pub sort: Option<String>,
    pub page: Option<String>,
}

/// How the finder orders its rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinderSort {
    /// Earliest submission deadline first; no deadline last.
    #[default]
    Deadline,
    /// By body, then session number.
    Session,
    /// By document, resolution and paragraph.
    Source,
}

impl FinderSort {
    pub const ALL: [FinderSort; 3] = [
        FinderSort::Deadline,
        FinderSort::Session,
        FinderSort::Source,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            FinderSort::Deadline => "deadline",
            FinderSort::Session => "session",
            FinderSort::Source => "source",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            FinderSort::Deadline => "Submission deadline",
            FinderSort::Session => "Body and session",
            FinderSort::Source => "Source document",
        }
    }
}

crate::domain::stored::parse_by_stored_text!(FinderSort, "sort order");

/// A checked [`FinderQuery`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObligationFilter {
    /// Lower case.
    pub body: Option<String>,
    pub session: Option<i32>,
    pub addressee: Option<String>,
    pub status: Option<Status>,
    pub urgency: Option<UrgencyFilter>,
    pub kind: Option<ObligationKind>,
    pub adopted_by: Option<String>,
    pub resolution: Option<i64>,
    pub year: Option<i32>,
    pub q: Option<String>,
    pub sort: FinderSort,
    /// From 1.
    pub page: i64,
}

/// A finder parameter the server cannot use, said for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FilterError {
    /// The parameter, so the form can show the message by its field.
    pub field: &'static str,
    pub message: String,
}

impl FinderQuery {
    /// Reads the parameters; the first one that makes no sense is refused with a sentence.
    pub fn check(&self) -> Result<ObligationFilter, FilterError> {
        let refuse = |field: &'static str, message: String| FilterError { field, message };
        let text = |value: &Option<String>, field: &'static str, max: usize| {
            let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty());
            match value {
                Some(v) if v.chars().count() > max => {
                    Err(refuse(field, format!("Use at most {max} characters here.")))
                }
                Some(v) if v.chars().any(char::is_control) => Err(refuse(
                    field,
                    "Remove the control characters from this field.".into(),
                )),
                other => Ok(other.map(str::to_owned)),
            }
        };
        let number = |value: &Option<String>, field: &'static str, what: &str, max: i64| match text(
            value, field, 20,
        )? {
            None => Ok(None),
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .map(Some)
                .ok_or_else(|| {
                    refuse(
                        field,
                        format!("{what} must be a whole number from 1 to {max}."),
                    )
                }),
        };
        let word = |value: &Option<String>, field: &'static str| {
            text(value, field, 40).map(|v| v.map(|v| v.to_lowercase()))
        };
        let status = match word(&self.status, "status")? {
            None => None,
            Some(v) => Some(v.parse::<Status>().map_err(|_| {
                refuse(
                    "status",
                    format!("There is no status '{v}'. Choose one from the list."),
                )
            })?),
        };
        let urgency = match word(&self.urgency, "urgency")? {
            None => None,
            Some(v) => Some(v.parse::<UrgencyFilter>().map_err(|_| {
                refuse(
                    "urgency",
                    "Urgency is overdue, at_risk, upcoming or done.".into(),
                )
            })?),
        };
        let kind = match word(&self.kind, "kind")? {
            None => None,
            Some(v) => Some(
                v.parse::<ObligationKind>()
                    .map_err(|_| refuse("kind", "Kind is report or activity.".into()))?,
            ),
        };
        let sort = match word(&self.sort, "sort")? {
            None => FinderSort::default(),
            Some(v) => v
                .parse::<FinderSort>()
                .map_err(|_| refuse("sort", "Sort by deadline, session or source.".into()))?,
        };
        let narrow = |n: Option<i64>| n.and_then(|n| i32::try_from(n).ok());
        Ok(ObligationFilter {
            body: word(&self.body, "body")?,
            // Bodies that number their sessions by year (ECOSOC's 2026 session) go past 999.
            session: narrow(number(&self.session, "session", "The session", 3000)?),
            addressee: text(&self.addressee, "addressee", 200)?,
            status,
            urgency,
            kind,
            adopted_by: text(&self.adopted_by, "adopted_by", 200)?,
            resolution: number(&self.resolution, "resolution", "The resolution", i64::MAX)?,
            year: narrow(number(&self.year, "year", "The year", 2200)?),
            q: text(&self.q, "q", 200)?,
            sort,
            page: number(&self.page, "page", "The page", 100_000)?.unwrap_or(1),
        })
    }

    /// The address of this query with `page` replaced, for the pagination links; blank
    /// parameters are left out so links stay short.
    pub fn href(&self, page: Option<i64>) -> String {
        let page = page.map(|p| p.to_string());
        let pairs = [
            ("body", &self.body),
            ("session", &self.session),
            ("addressee", &self.addressee),
            ("status", &self.status),
            ("urgency", &self.urgency),
            ("kind", &self.kind),
            ("adopted_by", &self.adopted_by),
            ("resolution", &self.resolution),
            ("year", &self.year),
            ("q", &self.q),
            ("sort", &self.sort),
            ("page", &page),
        ];
        let query: Vec<String> = pairs
            .iter()
            .filter_map(|(name, value)| {
                let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
                Some(format!("{name}={}", encode(value)))
            })
            .collect();
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    }
}

/// Percent-encodes a query value (spaces as `+`), for links the pages build.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One obligation found, with the words that matched the search marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundObligation {
    pub schedule: ObligationSchedule,
    pub urgency: Urgency,
    pub body_code: Option<String>,
    pub document_symbol: Option<String>,
    pub resolution_id: i64,
    /// The mandate's own words, split into plain and matched pieces (`true` = matched).
    pub quote: Vec<(String, bool)>,
}

/// A page of the finder, with the total that matched and what the filter panel offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinderPage {
    pub rows: Vec<FoundObligation>,
    pub total: i64,
    pub page: i64,
    /// The day urgency was judged on.
    pub today: chrono::NaiveDate,
}

impl FinderPage {
    pub fn pages(&self) -> i64 {
        ((self.total + PAGE_SIZE - 1) / PAGE_SIZE).max(1)
    }
}

#[cfg(test)]
mod tests;
