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
/// One pass over the bytes, stopping at each "o": this runs over most of every operative
/// paragraph, so it must not search the text once per spelling.
fn find_to(hay: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    let mut from = 1usize;
    while let Some(p) = bytes.get(from..)?.iter().position(|&c| c == b'o') {
        let o = from + p;
        from = o + 1;
        let t = bytes.get(o - 1).copied().unwrap_or(0);
        let next = bytes.get(o + 1).copied().unwrap_or(0);
        if !matches!(t, b't' | b'T') || !matches!(next, b' ' | b':') {
            continue;
        }
        let to = o - 1;
        if next == b':' && t == b'T' {
            continue;
        }
        let starts_word = to == 0 || before(hay, to).ends_with(|c: char| !c.is_alphanumeric());
        if starts_word {
            return Some(to);
        }
    }
    None
}
