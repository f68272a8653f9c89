//! Where a report goes and when: the receiving body, its session, the route ("through the
//! Commission") and the rhythm ("on a biennial basis").

use std::sync::LazyLock;

use regex::Regex;

use super::Recurrence;
use super::context::Context;
use super::entity::{Mention, Side};
use super::ordinal::parse_ordinal;

static SESSION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)at\s+(?:the\s+(?:main|first|second|resumed|reconvened|regular|substantive|organizational)\s+part\s+of\s+)?",
        r"(?:its|the|their)\s+(?:(?P<label>(?:(?:resumed|reconvened|regular|special|substantive|organizational|thematic)\s+)?",
        r"(?P<ord>[a-z]+(?:-[a-z]+)?|\d{1,4}(?:st|nd|rd|th)?)\s+(?:(?:regular|special|resumed|substantive|emergency special)\s+)?",
        r"session)|(?P<ylabel>(?:meeting|session)s?\s+(?:in|of)\s+(?P<year>\d{4})))"
    ))
});

static RECURRENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)(?P<annual>annually|on an annual basis|at each annual session|each annual session|every year|each year|",
        r"yearly|annual reports?)(?-u:\b)|(?-u:\b)(?P<biennial>biennial|biennially|every two years|every other year|every second year)(?-u:\b)|",
        r"(?-u:\b)(?P<triennial>triennial|triennially|every three years)(?-u:\b)|(?-u:\b)(?P<quad>quadrennial|quadrennially|every four years)(?-u:\b)|",
        r"(?-u:\b)(?P<periodic>periodically|periodic|regularly|on a regular basis|from time to time)(?-u:\b)"
    ))
});

/// A session anchor found in text.
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
    for c in re.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        if let (Some(label), Some(year)) = (c.name("ylabel"), c.name("year")) {
            out.push(SessionRef {
                start: all.start(),
                number: year.as_str().parse().ok(),
                label: Some(label.as_str().to_string()),
            });
            continue;
        }
        let (Some(label), Some(ord)) = (c.name("label"), c.name("ord")) else {
            continue;
        };
        let o = ord.as_str();
        let number = if o.len() == 4 && o.bytes().all(|b| b.is_ascii_digit()) {
            o.parse().ok()
        } else {
            parse_ordinal(o)
        };
        let known_word = matches!(
            o.to_lowercase().as_str(),
            "next" | "forthcoming" | "following" | "current" | "present" | "upcoming"
        );
        if number.is_none() && !known_word {
            continue;
        }
        out.push(SessionRef {
            start: all.start(),
            number,
            label: Some(label.as_str().to_string()),
        });
    }
    out
}

/// Rhythm of a task as the clause states it.
pub fn recurrence(text: &str) -> Option<Recurrence> {
    let c = RECURRENCE.as_ref()?.captures(text)?;
    Some(if c.name("annual").is_some() {
        Recurrence::Annual
    } else if c.name("biennial").is_some() {
        Recurrence::Biennial
    } else if c.name("triennial").is_some() {
        Recurrence::Triennial
    } else if c.name("quad").is_some() {
        Recurrence::Quadrennial
    } else {
        Recurrence::Periodic
    })
}

/// A body a report is addressed to, with the offset where its part of the clause starts when
/// the clause names recipients one after the other ("..., as well as to the Congress").
#[derive(Debug, Clone)]
pub struct Target {
    pub pos: usize,
    pub body: String,
    pub session: Option<u32>,
    pub label: Option<String>,
    pub split_at: Option<usize>,
}

fn preceded_by(text: &str, pos: usize) -> &str {
    let b = text.get(..pos).unwrap_or("").trim_end();

    (b.strip_suffix("the").unwrap_or(b).trim_end()) as _
}

/// Receiving bodies named in `seg` (a byte range of `text`), with sessions attached, and the
/// route body if the report goes "through" another body.
pub fn targets(
    text: &str,
    range: (usize, usize),
    mentions: &[Mention],
    ctx: &Context,
) -> (Vec<Target>, Option<String>) {
    let (a, b) = range;
    let mut out: Vec<Target> = Vec::new();
    let mut via = None;
    for m in mentions
        .iter()
        .filter(|m| m.start >= a && m.end <= b && m.side == Side::Intergov)
    {
        let pre = preceded_by(text, m.start);
        let after = text.get(m.end..).unwrap_or("").trim_start();
        if after.starts_with("resolution") || after.starts_with("decision") {
            continue;
        }
        if pre.ends_with("through") {
            via.get_or_insert_with(|| m.name.clone());
            continue;
        }
        let ok = [
            "to",
            "at",
            "and",
            "before",
            "as well as",
            "consideration by",
            "session of",
            "presentation to",
        ]
        .iter()
        .any(|w| pre.ends_with(w));
        if !ok {
            continue;
        }
        if out.last().is_some_and(|t| t.body == m.name) {
            continue;
        }
        let split_at = if out.is_empty() {
            None
        } else {
            let p = text.get(..m.start).unwrap_or("");
            [
                "as well as to the ",
                "as well as to ",
                "and to the ",
                "and to ",
            ]
            .iter()
            .find(|s| p.ends_with(*s))
            .map(|s| {
                if s.starts_with("and") {
                    m.start - s.len() + 4
                } else {
                    m.start - s.len()
                }
            })
        };
        let session = if m.ordinal.is_some() && m.name.contains("Congress") {
            m.ordinal
        } else {
            None
        };
        out.push(Target {
            pos: m.start,
            body: m.name.clone(),
            session,
            label: None,
            split_at,
        });
    }
    let seg = text.get(a..b).unwrap_or("");
    let refs = sessions(seg);
    if out.is_empty() {
        // "report thereon at its twenty-ninth session", "submit to it": the adopting body
        if let Some(body) = ctx.adopting.clone().filter(|b| !b.is_empty()) {
            out.push(Target {
                pos: a,
                body,
                session: None,
                label: None,
                split_at: None,
            });
        }
    }
    for r in refs {
        let abs = a + r.start;
        let idx = out.iter().rposition(|t| t.pos <= abs).unwrap_or(0);
        if let Some(t) = out.get_mut(idx)
            && t.session.is_none()
            && t.label.is_none()
        {
            t.session = r.number;
            t.label = r.label;
        }
    }
    (out, via)
}
