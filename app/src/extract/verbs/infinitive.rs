//! Where a clause's infinitive begins: "to" followed by a verb, not by a noun phrase ("to the
//! Commission", "to all Member States").

use super::super::span::{after, before};

const NOT_INFINITIVE: [&str; 44] = [
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "these",
    "those",
    "all",
    "any",
    "each",
    "every",
    "both",
    "such",
    "other",
    "relevant",
    "member",
    "states",
    "it",
    "them",
    "him",
    "which",
    "whom",
    "what",
    "date",
    "international",
    "national",
    "regional",
    "civil",
    "non-governmental",
    "some",
    "most",
    "more",
    "many",
    "several",
    "victims",
    "women",
    "children",
    "one",
    "end",
];

/// Whether `word`, following "to", starts an infinitive rather than a noun phrase.
pub fn is_infinitive_word(word: &str) -> bool {
    let first = word.chars().next();
    if !first.is_some_and(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if NOT_INFINITIVE.contains(&word) {
        return false;
    }
    !(word.ends_with("ing") && word.len() > 5 && !word.ends_with("bring"))
}

/// Offset of the first "to <verb>" at or after `from`.
pub fn find_infinitive(text: &str, from: usize) -> Option<usize> {
    let hay = text.get(from..)?;
    let mut search = 0usize;
    while let Some(p) = hay.get(search..).and_then(find_to) {
        let to = search + p;
        if after(hay, to + "to".len()).starts_with(':') {
            return Some(from + to); // "Requests the Secretary-General to: (a) ..."
        }
        let word: String = after(hay, to + "to ".len())
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if is_infinitive_word(&word) {
            return Some(from + to);
        }
        search = to + "to ".len();
    }
    None
}

/// Offset of the first "to " or "To " (or "to:", before a list) in `hay` that starts a word.
fn find_to(hay: &str) -> Option<usize> {
    let mut from = 0usize;
    while let Some(p) = hay.get(from..).and_then(|rest| {
        [rest.find("to "), rest.find("To "), rest.find("to:")]
            .into_iter()
            .flatten()
            .min()
    }) {
        let to = from + p;
        let starts_word = to == 0 || before(hay, to).ends_with(|c: char| !c.is_alphanumeric());
        if starts_word {
            return Some(to);
        }
        from = to + "to ".len();
    }
    None
}
