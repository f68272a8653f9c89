//! What a clause asks for, in the tracker's coarse vocabulary. The main verb of the infinitive
//! and the few words after it decide; "in order to provide assistance" at the tail of a long
//! clause only counts when the main verb is about building the capacity to give it.

use std::sync::LazyLock;

use regex::Regex;

use super::Action;

static REPORT_REF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)(?:his|her|its|their|the next|the annual|an annual|the regular) reports?(?-u:\b)|",
        r"(?-u:\b)reports? of the Secretary-General(?-u:\b)|(?-u:\b)reporting (?:obligations|requirements|mechanisms)(?-u:\b)|(?-u:\b)reports? (?:to|on) the(?-u:\b)"
    ))
});

const SKIP: [&str; 12] = [
    "to",
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
        let rest = seg.get(pos..).unwrap_or("");
        let trimmed = rest.trim_start_matches([' ', ',']);
        let skip = rest.len() - trimmed.len();
        let w: String = trimmed
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if w.is_empty() {
            return (String::new(), pos);
        }
        let lw = w.to_lowercase();
        let next_pos = pos + skip + w.len();
        if SKIP.contains(&lw.as_str())
            || (lw.ends_with("ly") && lw.len() > 4 && lw != "apply" && lw != "supply")
        {
            // "continue, within its mandate, to develop": jump to the next "to"
            let after = seg.get(next_pos..).unwrap_or("");
            if (lw == "continue" || lw == "begin")
                && after.starts_with(',')
                && let Some(p) = super::verbs::find_infinitive(seg, next_pos)
            {
                pos = p;
                continue;
            }
            pos = next_pos;
            continue;
        }
        return (lw, next_pos);
    }
    (String::new(), pos)
}

/// Reporting kind of a segment, if it asks for a report.
pub fn reporting_action(seg: &str, has_target: bool) -> Option<Action> {
    let (v, _) = main_verb(seg);
    let s = seg.to_lowercase();
    let report_word = s.contains("report") || s.contains("update") || s.contains("overview");
    if v == "that" {
        if s.contains(" be prepared") && report_word {
            return Some(Action::PrepareReport);
        }
        let passive = [
            " be submitted",
            " be presented",
            " be transmitted",
            " be made available",
        ];
        return (report_word && passive.iter().any(|p| s.contains(p)))
            .then_some(Action::SubmitReport);
    }
    match v.as_str() {
        "report" => Some(Action::Report),
        "submit" | "present" | "transmit" if report_word || has_target => {
            Some(Action::SubmitReport)
        }
        "prepare" | "produce"
            if s.contains("report")
                || (s.contains("overview") || s.contains("study") || s.contains("analysis"))
                    && (s.contains("presentation")
                        || s.contains("submi")
                        || s.contains("consideration")) =>
        {
            Some(Action::PrepareReport)
        }
        "include" | "provide" | "make" if REPORT_REF.as_ref().is_some_and(|r| r.is_match(seg)) => {
            Some(Action::Report)
        }
        "inform" | "brief" | "update" if has_target => Some(Action::Report),
        "keep" if s.contains("informed") => Some(Action::Report),
        _ => None,
    }
}

fn window(seg: &str, from: usize, n: usize) -> String {
    seg.get(from..)
        .unwrap_or("")
        .split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Category of a non-reporting task.
pub fn classify(seg: &str) -> Action {
    let (v, after) = main_verb(seg);
    let w = window(seg, after, 12);
    let short = window(seg, after, 4);
    let all = seg.to_lowercase();
    let v = v.as_str();
    if v == "coordinate"
        || short.contains("coordination")
        || short.contains("cooperation")
        || v == "cooperate"
    {
        return Action::Other;
    }
    if matches!(v, "convene" | "organize" | "organise" | "hold")
        && [
            "meeting",
            "conference",
            "workshop",
            "session",
            "forum",
            "seminar",
        ]
        .iter()
        .any(|k| w.contains(k))
    {
        return Action::ConveneMeeting;
    }
    if matches!(
        v,
        "provide" | "make" | "allocate" | "mobilize" | "ensure" | "continue"
    ) && ["resources", "funding", "funds", "financing"]
        .iter()
        .any(|k| w.contains(k))
    {
        return Action::ProvideResources;
    }
    if matches!(
        v,
        "facilitate" | "encourage" | "ensure" | "support" | "enable" | "promote" | "fund"
    ) && short.starts_with("the participation")
    {
        return Action::FacilitateParticipation;
    }
    if matches!(v, "collect" | "gather" | "compile")
        || w.contains("collection of information")
        || w.contains("disseminating information")
        || w.contains("collect information")
        || w.contains("collection of data")
    {
        return Action::CollectInformation;
    }
    if matches!(v, "assist" | "support" | "supporting" | "providing")
        && (v != "providing" || w.contains("assistance"))
        || w.contains("assistance")
        || w.contains("assist ")
        || w.contains("capacity-building")
        || w.contains("to support")
        || (matches!(v, "develop" | "take")
            && (all.contains("provide assistance") || all.contains("technical assistance")))
    {
        return Action::ProvideTechnicalAssistance;
    }
    Action::Other
}
