//! Footnote markers that lost their superscript in the export ("the Convention on the Rights
//! of the Child, 9 in which"). They must go, but real numbers ("resolution 73/24", "Goals 4, 5
//! and 16", "of 37 countries") must stay, so a number only counts as a marker when nothing
//! around it reads like a quantity or a reference.

use std::borrow::Cow;

use super::span::{Span, after, before};
use super::text::{any_pair, with_lower};

const STOP_WORDS: [&str; 65] = [
    "within",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "article",
    "articles",
    "art",
    "rule",
    "rules",
    "principle",
    "principles",
    "goal",
    "goals",
    "target",
    "targets",
    "vol",
    "vols",
    "no",
    "nos",
    "chapter",
    "chapters",
    "chap",
    "section",
    "sections",
    "sect",
    "annex",
    "item",
    "items",
    "part",
    "parts",
    "page",
    "pages",
    "p",
    "pp",
    "of",
    "and",
    "or",
    "to",
    "from",
    "the",
    "by",
    "in",
    "at",
    "on",
    "with",
    "than",
    "about",
    "over",
    "under",
    "between",
    "for",
    "all",
    "its",
    "their",
    "some",
    "least",
    "nearly",
    "almost",
    "approximately",
    "session",
];

const STOP_WORDS_2: [&str; 22] = [
    "meeting",
    "meetings",
    "phase",
    "stage",
    "table",
    "figure",
    "footnote",
    "note",
    "level",
    "category",
    "group",
    "protocol",
    "recommendation",
    "recommendations",
    "option",
    "step",
    "annexes",
    "these",
    "those",
    "only",
    "every",
    "each",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Removes plain-digit footnote markers (1 to 3 digits after a word or closing punctuation);
/// borrows `text` when there is none, as in most paragraphs.
pub fn remove_plain_markers(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // a marker is a number after a space; most paragraphs have none worth a closer look
    if !any_pair(bytes, |a, b| (a == b' ') & b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut last = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        if b.is_ascii_digit() && i > 0 && bytes.get(i - 1) == Some(&b' ') {
            let mut j = i;
            while j < bytes.len() && bytes.get(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
            if j - i <= 3 && is_marker(text, Span::new(i, j)) {
                if out.is_empty() {
                    out.reserve(text.len());
                }
                out.push_str(Span::new(last, i - 1).of(text));
                last = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if last == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(after(text, last));
    Cow::Owned(out)
}

/// Whether the number `digits` of `text` is a footnote marker.
fn is_marker(text: &str, digits: Span) -> bool {
    let preceding = before(text, digits.start.saturating_sub(1));
    let following = after(text, digits.end);
    let prev_char = preceding.chars().next_back();
    if !prev_char
        .is_some_and(|c| c.is_alphabetic() || matches!(c, ',' | ';' | ')' | '"' | '”' | '’' | '\''))
    {
        return false;
    }
    let mut next = following.chars();
    match next.next() {
        None => {}
        Some(' ' | ',' | ';' | ':' | ')') => {}
        Some('.') if next.next().is_some_and(|c| !c.is_whitespace()) => {
            return false;
        }
        Some(_) => return false,
    }
    let prev_word = preceding
        .trim_end_matches([',', ';', ')', '"', '”', '’', '\''])
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let prev_ok = with_lower(prev_word, |w| {
        !(w.is_empty()
            || w.chars().any(|c| c.is_ascii_digit())
            || STOP_WORDS.contains(&w)
            || STOP_WORDS_2.contains(&w)
            || MONTHS.contains(&w))
    });
    if !prev_ok {
        return false;
    }
    let next_word = following
        .trim_start_matches([' ', ',', ';', ':'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    with_lower(next_word, |w| !is_quantity_word(w))
}

/// Words after a number that make it a quantity or a range rather than a marker.
fn is_quantity_word(next_word: &str) -> bool {
    MONTHS.contains(&next_word)
        || matches!(
            next_word,
            "per"
                | "percent"
                | "working"
                | "business"
                | "calendar"
                | "weeks"
                | "week"
                | "day"
                | "month"
                | "years"
                | "year"
                | "days"
                | "months"
                | "countries"
                | "states"
                | "members"
                | "member"
                | "and"
                | "or"
                | "to"
        )
}

#[cfg(test)]
mod tests {
    use super::remove_plain_markers as r;

    #[test]
    fn markers_removed() {
        assert_eq!(
            r("the Rights of the Child, 9 in which"),
            "the Rights of the Child, in which"
        );
        assert_eq!(
            r("Sustainable Development 15 through sports"),
            "Sustainable Development through sports"
        );
        assert_eq!(r("related to terrorism, 41"), "related to terrorism,");
    }

    #[test]
    fn numbers_kept() {
        for s in [
            "resolution 73/24 of 3 December 2018",
            "Goals 4, 5, 8, 10 and 16;",
            "paragraphs 29 and 30 of the statement",
            "of 37 countries",
            "agenda item 3, entitled",
            "vol. 1577, No. 27531.",
            "article 2, paragraph (b), of",
            "from 20 to 27 April 2020",
            "within 80 working days of its adoption",
            "every 90 days thereafter",
        ] {
            assert_eq!(r(s), s);
        }
    }
}
