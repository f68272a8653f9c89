//! Whether a line opens a preambular paragraph.

/// The common openers of preambular paragraphs ("Reaffirms", an operative verb, is listed and
/// answers no).
const OPENERS: [&str; 42] = [
    "Recalling",
    "Reaffirming",
    "Noting",
    "Recognizing",
    "Recognising",
    "Bearing",
    "Taking",
    "Welcoming",
    "Acknowledging",
    "Emphasizing",
    "Stressing",
    "Mindful",
    "Aware",
    "Conscious",
    "Convinced",
    "Concerned",
    "Deeply",
    "Gravely",
    "Alarmed",
    "Cognizant",
    "Considering",
    "Expressing",
    "Reiterating",
    "Underlining",
    "Underscoring",
    "Affirming",
    "Guided",
    "Determined",
    "Desirous",
    "Having",
    "Believing",
    "Encouraged",
    "Highlighting",
    "Appreciating",
    "Seriously",
    "Further",
    "Commending",
    "Reaffirms",
    "Deploring",
    "Regretting",
    "Looking",
    "Keeping",
];

/// Preambular paragraphs open with a participle or adjective ("Recalling", "Deeply
/// concerned", "Mindful"). With `strict`, only the common openers count, so that a page
/// break inside a sentence is not taken for a new paragraph.
pub fn is_preamble_start(line: &str, strict: bool) -> bool {
    let first = line
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    if !first.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    if OPENERS.contains(&first) {
        return first != "Reaffirms";
    }
    !strict
        && first.len() > 5
        && (first.ends_with("ing") || first.ends_with("ed"))
        && first != "United"
}
