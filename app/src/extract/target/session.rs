//! Session anchors: "at its twenty-ninth session", "for the seventy-seventh session of the
//! General Assembly", "no later than the main part of its seventy-eighth session", "at its
//! eightieth and eighty-fifth sessions", "at its meeting in 2024".

use std::sync::LazyLock;

use regex::Regex;

use super::super::ordinal::parse_ordinal;

const ORD: &str = r"[a-z]+(?:-[a-z]+)?|\d{1,4}(?:st|nd|rd|th)?";

static SESSION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::re(&format!(
        concat!(
            r"(?i)(?-u:\b)(?:at|during|for|from|by|before|no later than|not later than|until)\s+",
            r"(?:the\s+(?:main|first|second|resumed|reconvened|regular|substantive|organizational)\s+part\s+of\s+)?",
            r"(?:its|the|their)\s+(?:(?P<label>(?:(?:resumed|reconvened|regular|special|substantive|organizational|thematic)\s+)?",
            r"(?P<ord>{ord})\s+(?:(?:regular|special|resumed|substantive|emergency special)\s+)?",
            r"session)(?-u:\b)|(?P<list>(?:(?:{ord}),\s+)*(?:{ord}),?\s+and\s+(?:{ord}))\s+sessions(?-u:\b)|",
            r"(?P<ylabel>(?:meeting|session)s?\s+(?:in|of)\s+(?P<year>\d{{4}})))"
        ),
        ord = ORD
    ))
});

/// A session anchor found in text. The sessions of one list share their `start`.
#[derive(Debug, Clone)]
pub struct SessionRef {
    pub start: usize,
    pub number: Option<u32>,
    pub label: Option<String>,
}

/// Session anchors in `text`, in order.
pub fn sessions(text: &str) -> Vec<SessionRef> {
    let Some(re) = SESSION.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // the fast engine finds each anchor; groups are read only from where it starts
    for found in re.find_iter(text) {
        let Some(c) = re.captures_at(text, found.start()) else {
            continue;
        };
        let Some(all) = c.get(0) else { continue };
        let start = all.start();
        if let (Some(label), Some(year)) = (c.name("ylabel"), c.name("year")) {
            out.push(SessionRef {
                start,
                number: year.as_str().parse().ok(),
                label: Some(label.as_str().to_string()),
            });
        } else if let Some(list) = c.name("list") {
            // "eightieth and eighty-fifth sessions": each its own, labelled in the singular
            let words = list
                .as_str()
                .split([',', ' '])
                .filter(|w| !w.is_empty() && *w != "and");
            let parsed: Vec<SessionRef> = words
                .filter_map(|w| {
                    number(w).map(|n| SessionRef {
                        start,
                        number: Some(n),
                        label: Some(format!("{w} session")),
                    })
                })
                .collect();
            out.extend(parsed);
        } else if let (Some(label), Some(ord)) = (c.name("label"), c.name("ord")) {
            let ordinal = ord.as_str();
            let known_word = matches!(
                ordinal.to_lowercase().as_str(),
                "next" | "forthcoming" | "following" | "current" | "present" | "upcoming"
            );
            let number = number(ordinal);
            if number.is_some() || known_word {
                out.push(SessionRef {
                    start,
                    number,
                    label: Some(label.as_str().to_string()),
                });
            }
        }
    }
    out
}

/// The number of an ordinal, or of a year written in place of one.
fn number(ordinal: &str) -> Option<u32> {
    if ordinal.len() == 4 && ordinal.bytes().all(|b| b.is_ascii_digit()) {
        ordinal.parse().ok()
    } else {
        parse_ordinal(ordinal)
    }
}
