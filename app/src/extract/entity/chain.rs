//! Chains of capitalised words joined by connectors ("Executive Director of the United
//! Nations Office on Drugs and Crime"): where one ends, and where the name in it starts.

use super::super::ordinal::parse_ordinal;
use super::super::span::Span;
use super::super::text::{Words, with_lower};
use super::super::verbs::is_operative_word;

/// Lowercase words that can join the capitalised words of one name.
const CONNECTORS: [&str; 10] = [
    "of", "on", "for", "to", "and", "against", "in", "a", "de", "des",
];
/// Words that start a name of their own: after a connector other than "of" they end the chain
/// instead of extending it.
const SPLIT_STARTERS: [&str; 15] = [
    "United",
    "General",
    "Economic",
    "Human",
    "Security",
    "Secretary-General",
    "Commission",
    "Council",
    "Assembly",
    "Congress",
    "Executive",
    "Expert",
    "Working",
    "Secretariat",
    "Special",
];

/// Whether `word` starts a name of its own ("General", "Fourteenth").
fn starts_name(word: &str) -> bool {
    SPLIT_STARTERS.contains(&word) || parse_ordinal(word).is_some()
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the words around `gap` are separated by exactly one space.
fn only_space(text: &str, gap: Span) -> bool {
    gap.of(text) == " "
}

/// Connector words after a chain word ("of", "of the"): the index of the word after them,
/// how many there are, and where the last of them ends.
struct Joint {
    next: usize,
    count: usize,
    end: usize,
}

/// Index of the last word of the chain that starts at word 0: capitalised words joined by
/// single spaces and connectors.
pub(super) fn chain_end(words: &mut Words) -> usize {
    let text = words.text();
    let (mut last, mut next) = (0usize, 1usize);
    while let Some(last_word) = words.get(last) {
        let joint = connectors(words, next, last_word.end);
        let Some(word) = words.get(joint.next) else {
            break;
        };
        let name_word = word.of(text);
        if !only_space(text, Span::new(joint.end, word.start)) || !is_cap(name_word) {
            break;
        }
        // "... Office on Drugs and Crime and the General Assembly": a connector other than
        // "of" before a word that starts a name of its own ends the chain
        if joint.count > 0 && starts_name(name_word) && words.text_of(next) != "of" {
            break;
        }
        last = joint.next;
        next = joint.next + 1;
    }
    last
}

/// The connectors from word `from` on, the previous word ending at `prev_end`.
fn connectors(words: &mut Words, from: usize, prev_end: usize) -> Joint {
    let text = words.text();
    let mut joint = Joint {
        next: from,
        count: 0,
        end: prev_end,
    };
    while let Some(word) = words.get(joint.next) {
        let connector = word.of(text);
        if !only_space(text, Span::new(joint.end, word.start)) || is_cap(connector) {
            break;
        }
        let ok = match joint.count {
            0 => CONNECTORS.contains(&connector),
            1 => {
                matches!(connector, "the" | "a")
                    && !matches!(words.text_of(joint.next - 1), "and" | "a")
            }
            _ => false,
        };
        if !ok {
            break;
        }
        joint.count += 1;
        joint.end = word.end;
        joint.next += 1;
    }
    joint
}

/// Index of the first word of the name: sentence-initial verbs and participles ("Requests",
/// "Recalling", "The") are dropped.
pub(super) fn first_name_word(words: &mut Words, last: usize) -> usize {
    let mut first = 0;
    while first < last && is_leading_noise(words.text_of(first)) {
        first += 1;
    }
    first
}

fn is_leading_noise(w: &str) -> bool {
    with_lower(w, is_leading_noise_lower)
}

fn is_leading_noise_lower(l: &str) -> bool {
    if matches!(
        l,
        "the" | "we" | "also" | "further" | "in" | "as" | "with" | "by" | "at" | "and"
    ) {
        return true;
    }
    if is_operative_word(l) {
        return true;
    }
    (l.ends_with("ing") && !matches!(l, "working" | "standing" | "training"))
        || (l.ends_with("ed") && !matches!(l, "united" | "red" | "least-developed"))
}
