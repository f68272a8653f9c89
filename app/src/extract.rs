//! Mandate extraction from the text of UN resolutions and decisions.
//!
//! Secretariats need to know what each resolution asks of them, of whom, and for when. This
//! module reads plain text (clean XML exports or noisy PDF extractions, whole session reports
//! or a single resolution) and returns each resolution's paragraphs and the mandates in them.

use std::fmt;

use serde::{Deserialize, Serialize};

mod action;
mod clean;
mod context;
mod document;
mod due;
mod entity;
mod fields;
mod lines;
mod mandate;
mod markers;
mod names;
pub mod ordinal;
mod span;
mod target;
mod text;
mod verbs;

/// Largest input accepted (24 MiB); a session report is well under 1 MB, so anything beyond
/// this is a wrong file or an attack, and refusing it keeps memory use bounded. It leaves room
/// for the throughput benchmark's input, the seed report repeated 100 times (21.6 MB).
pub const MAX_INPUT_BYTES: usize = 24 * 1024 * 1024;

/// Bump whenever a change to the extractor, or to what `import` stores from its output, can
/// change the stored result: `import` then re-reads documents stored by an older version even
/// when their text is unchanged.
///
/// 2: every non-reporting mandate, and every report asked for "periodically", is also stored as
///    an `ongoing` activity obligation.
/// 3: the development corpus (issue 11): Security Council texts, decisions, date deadlines,
///    lists of sessions, and fewer addressees outside the Secretariat.
/// 4: reports timed by a meeting named earlier ("during such meetings"), documents prepared
///    for meetings, a rhythm read from "the regular <activity>", peace operations under one
///    name, and a confidence for each field (`Mandate::doubts`).
/// 5: "every month", "every quarter", "every week" and "every half year" (and "each ...") are
///    periodic rhythms with their span; the unit of "every N months" is read in any case, and
///    "6-month reports" and "six-monthly" count their months as "90-day reports" its days.
pub const EXTRACTOR_VERSION: i32 = 5;

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub resolutions: Vec<Resolution>,
}

/// One resolution or decision, labelled as the document prints it so that users can find it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// "A. Draft resolution II", "D. Resolution 28/1", "73/186", ...
    pub label: String,
    pub title: String,
    /// The body whose text this is; `None` when the document does not say.
    pub adopting_body: Option<String>,
    pub mandates: Vec<Mandate>,
    /// Kept so the app can show and store the text; left out of the gold-shaped view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Paragraph>,
}

/// Whether a paragraph recalls (preambular) or decides (operative): only operative
/// paragraphs create mandates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Preambular,
    Operative,
}

impl ParagraphKind {
    /// The spelling stored in the database's checked `paragraph.kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Preambular => "preambular",
            ParagraphKind::Operative => "operative",
        }
    }
}

/// A paragraph with PDF noise removed; mandate quotes are exact substrings of `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Operative number as printed ("11", "(a)"); `None` for unnumbered paragraphs.
    pub number: Option<String>,
    pub kind: ParagraphKind,
    pub text: String,
}

/// Coarse kind of work asked for, so workload can be counted by type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Action {
    #[serde(rename = "report")]
    Report,
    #[serde(rename = "submit report")]
    SubmitReport,
    #[serde(rename = "prepare report")]
    PrepareReport,
    #[serde(rename = "collect information")]
    CollectInformation,
    #[serde(rename = "convene meeting")]
    ConveneMeeting,
    #[serde(rename = "facilitate participation")]
    FacilitateParticipation,
    #[serde(rename = "provide resources")]
    ProvideResources,
    #[serde(rename = "provide technical assistance")]
    ProvideTechnicalAssistance,
    #[serde(rename = "other")]
    #[default]
    Other,
}

impl Action {
    /// Every action, for pickers and exhaustive tests.
    pub const ALL: [Action; 9] = [
        Action::Report,
        Action::SubmitReport,
        Action::PrepareReport,
        Action::CollectInformation,
        Action::ConveneMeeting,
        Action::FacilitateParticipation,
        Action::ProvideResources,
        Action::ProvideTechnicalAssistance,
        Action::Other,
    ];

    /// The gold annotation's word for the action, also stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Report => "report",
            Action::SubmitReport => "submit report",
            Action::PrepareReport => "prepare report",
            Action::CollectInformation => "collect information",
            Action::ConveneMeeting => "convene meeting",
            Action::FacilitateParticipation => "facilitate participation",
            Action::ProvideResources => "provide resources",
            Action::ProvideTechnicalAssistance => "provide technical assistance",
            Action::Other => "other",
        }
    }
}

/// How often the task recurs, when the text says so; drives repeating deadlines. One type for
/// the extractor and the obligation workflow.
pub use crate::domain::Recurrence;

pub use fields::{Confidence, Doubt, Due, Field};

/// One obligation: who must do what, and for reports, for whom and when.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Mandate {
    /// Operative paragraph number as printed ("" for unnumbered paragraphs).
    pub paragraph: String,
    /// Verb phrase as written, capitalised ("Requests", "Also reiterates its request").
    pub verb: String,
    pub addressee: String,
    pub action: Action,
    pub is_reporting: bool,
    pub target_body: Option<String>,
    /// Session number; for bodies that number sessions by year, the year.
    pub target_session: Option<u32>,
    pub target_session_label: Option<String>,
    pub via_body: Option<String>,
    pub recurrence: Option<Recurrence>,
    /// Exact substring of the paragraph's cleaned text.
    pub quote: String,
    /// A deadline given as a date or a delay rather than a session.
    #[serde(flatten)]
    pub due: Due,
    /// How sure the extractor is of this mandate, and why not when it is not.
    #[serde(default, skip_serializing_if = "Confidence::is_high")]
    pub confidence: Confidence,
    /// The fields read with low confidence, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<Doubt>,
}

/// Why a text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// Input longer than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// Input bytes are not UTF-8; `offset` is where decoding failed.
    NotUtf8 { offset: usize },
    /// No resolution, decision or operative paragraph was recognised.
    NoResolution,
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes, max } => {
                write!(f, "input is {bytes} bytes, more than the {max} accepted")
            }
            Self::NotUtf8 { offset } => write!(f, "input is not valid UTF-8 (at byte {offset})"),
            Self::NoResolution => write!(f, "no resolution or decision found in the text"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// Compiles a built-in pattern; `None` only if a pattern were invalid, which the tests rule
/// out, so that no code path can panic.
fn re(pattern: &str) -> Option<regex::Regex> {
    regex::Regex::new(pattern).ok()
}

/// Reads resolutions, paragraphs and mandates from the plain text of a UN document.
pub fn extract(text: &str) -> Result<Extraction, ExtractError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            bytes: text.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let raws = raw_resolutions(text);
    if raws.is_empty() {
        return Err(ExtractError::NoResolution);
    }
    let mut ctx = context::Context::default();
    let resolutions = raws
        .into_iter()
        .map(|raw| read_resolution(raw, &mut ctx))
        .collect();
    Ok(Extraction { resolutions })
}

fn raw_resolutions(text: &str) -> Vec<document::RawResolution> {
    let raws = document::split(text, false);
    if !raws.is_empty() {
        return raws;
    }
    // Lenient reading of a text with no heading or opening line: it counts as a resolution
    // only if it has operative paragraphs, so a letter or a blank page is refused with
    // `NoResolution` instead of being stored as an empty resolution.
    document::split(text, true)
        .into_iter()
        .filter(|r| {
            r.paragraphs
                .iter()
                .any(|p| p.kind == ParagraphKind::Operative)
        })
        .collect()
}

/// The mandates of one resolution; `ctx` carries what earlier resolutions named.
fn read_resolution(raw: document::RawResolution, ctx: &mut context::Context) -> Resolution {
    ctx.start_resolution(raw.adopting_body.clone());
    entity::scan(&raw.title, ctx);
    let mut mandates = Vec::new();
    for p in &raw.paragraphs {
        match p.kind {
            ParagraphKind::Operative => {
                let number = p.number.as_deref().unwrap_or("");
                mandates.extend(mandate::paragraph_mandates(number, &p.text, ctx));
            }
            ParagraphKind::Preambular => {
                entity::scan(&p.text, ctx);
            }
        }
    }
    Resolution {
        label: raw.label,
        title: raw.title,
        adopting_body: raw.adopting_body,
        mandates,
        paragraphs: raw.paragraphs,
    }
}

/// Like [`extract`], for raw bytes: callers reading files need not decode them first.
pub fn extract_bytes(bytes: &[u8]) -> Result<Extraction, ExtractError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            bytes: bytes.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ExtractError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    extract(text)
}

impl Extraction {
    /// The gold-annotation shape (no paragraphs), for comparison and for the CLI.
    pub fn gold_view(&self) -> Extraction {
        Extraction {
            resolutions: self
                .resolutions
                .iter()
                .map(|r| Resolution {
                    paragraphs: Vec::new(),
                    ..r.clone()
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
