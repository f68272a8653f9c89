//! What a clause asks for, in the tracker's coarse vocabulary. The main verb of the infinitive
//! and the few words after it decide; "in order to provide assistance" at the tail of a long
//! clause only counts when the main verb is about building the capacity to give it.

use std::sync::LazyLock;

use regex::Regex;

use super::Action;
use super::span::after;

static REPORT_REF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)(?:his|her|its|their|the next|the annual|an annual|the regular) (?:(?:regular|annual|periodic) )?report(?:s|ing)?(?-u:\b)|",
        r"(?-u:\b)reports? of the Secretary-General(?-u:\b)|(?-u:\b)reporting (?:obligations|requirements|mechanisms)(?-u:\b)|(?-u:\b)reports? (?:to|on) the(?-u:\b)"
    ))
});

const SKIP: [&str; 14] = [
    "to",
    "shall",
    "should",
    "continue",
    "begin",
    "further",
    "also",
    "then",
    "duly",
    "again",
    "thereafter",
    "subsequently",
    "still",
    "closely",
];

/// The main verb of an infinitive segment ("to continue to periodically collect ..." ->
/// "collect") and the offset in `seg` just after it.
pub fn main_verb(seg: &str) -> (String, usize) {
    let mut pos = 0usize;
    let mut guard = 0;
    while guard < 12 {
        guard += 1;
        let rest = after(seg, pos);
        let trimmed = rest.trim_start_matches([' ', ',']);
        let skip = rest.len() - trimmed.len();
        let word: String = trimmed
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if word.is_empty() {
            return (String::new(), pos);
        }
        let lower = word.to_lowercase();
        let next_pos = pos + skip + word.len();
        // "to continue his efforts to mobilize ...", "its work on studying ...": the task is
        // the verb after the effort
        if matches!(lower.as_str(), "his" | "her" | "its" | "their")
            && let Some(p) = effort_verb(seg, next_pos)
        {
            pos = p;
            continue;
        }
        if SKIP.contains(&lower.as_str())
            || (lower.ends_with("ly") && lower.len() > 4 && lower != "apply" && lower != "supply")
        {
            // "continue, within its mandate, to develop": jump to the next "to"
            if (lower == "continue" || lower == "begin")
                && after(seg, next_pos).starts_with(',')
                && let Some(p) = super::verbs::find_infinitive(seg, next_pos)
            {
                pos = p;
                continue;
            }
            pos = next_pos;
            continue;
        }
        return (lower, next_pos);
    }
    (String::new(), pos)
}

/// After "his"/"its": where the verb of "efforts to <verb>" / "work on <verb>ing" starts.
fn effort_verb(seg: &str, from: usize) -> Option<usize> {
    let rest = after(seg, from);
    let trimmed = rest.trim_start();
    let lead = from + rest.len() - trimmed.len();
    ["efforts to ", "work on ", "work to ", "effort to "]
        .iter()
        .find(|p| trimmed.starts_with(**p))
        .map(|p| lead + p.len())
}

/// Documents prepared for a meeting to work from, as a report is.
const PRE_SESSION_DOCUMENTS: [&str; 4] = [
    "discussion guide",
    "background paper",
    "working paper",
    "concept note",
];

/// Reporting kind of a segment, if it asks for a report.
pub fn reporting_action(seg: &str, has_target: bool) -> Option<Action> {
    let (verb, after_verb) = main_verb(seg);
    let lower = seg.to_lowercase();
    let report_word =
        lower.contains("report") || lower.contains("update") || lower.contains("overview");
    if verb == "that" {
        if lower.contains(" be prepared") && report_word {
            return Some(Action::PrepareReport);
        }
        let passive = [
            " be submitted",
            " be presented",
            " be transmitted",
            " be made available",
        ];
        return (report_word && passive.iter().any(|p| lower.contains(p)))
            .then_some(Action::SubmitReport);
    }
    match verb.as_str() {
        "report" => Some(Action::Report),
        "submit" | "present" | "transmit" if report_word || has_target => {
            Some(Action::SubmitReport)
        }
        "prepare" | "produce"
            if window(seg, after_verb, 6).contains("report")
                || PRE_SESSION_DOCUMENTS
                    .iter()
                    .any(|d| window(seg, after_verb, 4).contains(d))
                || (lower.contains("overview")
                    || lower.contains("study")
                    || lower.contains("analysis"))
                    && (lower.contains("presentation")
                        || lower.contains("submi")
                        || lower.contains("consideration")) =>
        {
            Some(Action::PrepareReport)
        }
        "include" | "provide" | "make" if REPORT_REF.as_ref().is_some_and(|r| r.is_match(seg)) => {
            Some(Action::Report)
        }
        "inform" | "brief" | "update" if has_target => Some(Action::Report),
        // "provide the Council with recommendations", "provide a briefing to the Council"
        "provide" | "give"
            if has_target
                && (["recommendations", "briefing", "information", "update"]
                    .iter()
                    .any(|w| window(seg, after_verb, 8).contains(w))
                    || [
                        " with recommendations",
                        " with information",
                        " with a report",
                    ]
                    .iter()
                    .any(|w| lower.contains(w))) =>
        {
            Some(Action::Report)
        }
        "keep" if lower.contains("informed") => Some(Action::Report),
        _ => None,
    }
}

/// Whether a task segment after a report is what the report should hold: "to make proposals
/// for possible future action", "to include recommendations".
pub fn is_report_content(seg: &str) -> bool {
    let (verb, after_verb) = main_verb(seg);
    let next = window(seg, after_verb, 3);
    match verb.as_str() {
        "make" | "include" | "provide" | "offer" => ["proposals", "recommendations", "suggestions"]
            .iter()
            .any(|w| next.contains(w)),
        "propose" | "recommend" | "suggest" => true,
        _ => false,
    }
}

/// The first `n` words of `seg` from offset `from`, lowercase, joined by single spaces.
fn window(seg: &str, from: usize, n: usize) -> String {
    after(seg, from)
        .split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What [`classify`] looks at in a task segment: its main verb, the twelve and the four words
/// after it, and the whole segment, all lowercase.
struct TaskWords {
    verb: String,
    near: String,
    next_four: String,
    all: String,
}

impl TaskWords {
    fn of(seg: &str) -> Self {
        let (verb, after_verb) = main_verb(seg);
        TaskWords {
            verb,
            near: window(seg, after_verb, 12),
            next_four: window(seg, after_verb, 4),
            all: seg.to_lowercase(),
        }
    }

    fn near_any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.near.contains(k))
    }

    fn coordinates(&self) -> bool {
        matches!(self.verb.as_str(), "coordinate" | "cooperate")
            || self.next_four.contains("coordination")
            || self.next_four.contains("cooperation")
    }

    fn convenes_meeting(&self) -> bool {
        matches!(
            self.verb.as_str(),
            "convene" | "organize" | "organise" | "hold"
        ) && self.near_any(&[
            "meeting",
            "conference",
            "workshop",
            "session",
            "forum",
            "seminar",
        ])
    }

    fn provides_resources(&self) -> bool {
        matches!(
            self.verb.as_str(),
            "provide" | "make" | "allocate" | "mobilize" | "ensure" | "continue"
        ) && self.near_any(&["resources", "funding", "funds", "financing"])
    }

    fn facilitates_participation(&self) -> bool {
        matches!(
            self.verb.as_str(),
            "facilitate" | "encourage" | "ensure" | "support" | "enable" | "promote" | "fund"
        ) && self.next_four.starts_with("the participation")
    }

    fn collects_information(&self) -> bool {
        let verb = self.verb.as_str();
        matches!(
            verb,
            "collect" | "gather" | "compile" | "study" | "studying" | "research"
        ) || matches!(verb, "seek" | "solicit")
            && self.near_any(&["views", "updates", "information", "data", "comments"])
            || matches!(verb, "maintain" | "update" | "keep")
                && self.near_any(&["list", "compilation", "database", "register", "up to date"])
            || matches!(verb, "strengthen" | "develop" | "conduct" | "undertake")
                && self.near_any(&["collection", "trend analyses", "studies", "research"])
            || self.near_any(&[
                "collection of information",
                "disseminating information",
                "collect information",
                "collection of data",
            ])
    }

    fn gives_assistance(&self) -> bool {
        let verb = self.verb.as_str();
        matches!(verb, "assist" | "support" | "supporting" | "providing")
            && (verb != "providing" || self.near.contains("assistance"))
            || self.near_any(&["assistance", "assist ", "capacity-building", "to support"])
            || (matches!(verb, "develop" | "take")
                && (self.all.contains("provide assistance")
                    || self.all.contains("technical assistance")))
    }
}

/// Category of a non-reporting task.
pub fn classify(seg: &str) -> Action {
    let words = TaskWords::of(seg);
    if words.coordinates() {
        Action::Other
    } else if words.convenes_meeting() {
        Action::ConveneMeeting
    } else if words.provides_resources() {
        Action::ProvideResources
    } else if words.facilitates_participation() {
        Action::FacilitateParticipation
    } else if words.collects_information() {
        Action::CollectInformation
    } else if words.gives_assistance() {
        Action::ProvideTechnicalAssistance
    } else {
        Action::Other
    }
}
