//! The groups of a clause-verb match, read without the regex's capture engines.

use regex::Regex;

use super::super::span::Span;

/// Byte ranges of the `we`, `verb` and `core` groups of one `CLAUSE_VERB` match.
pub(super) struct Groups {
    pub(super) we: Option<Span>,
    pub(super) verb: Span,
    pub(super) core: Span,
}

const ADVERBS: [&str; 12] = [
    "also",
    "further",
    "again",
    "once again",
    "strongly",
    "urgently",
    "respectfully",
    "kindly",
    "moreover",
    "furthermore",
    "finally",
    "lastly",
];

/// Groups of the match `m`. Asking the regex for captures runs a backtracker over every match;
/// for an ASCII match they are read off directly instead: the core verb never starts with an
/// adverb and the verb never with "we" and a space, so the split is unambiguous. Other matches
/// (where case folding can match non-ASCII letters) still ask the regex.
pub(super) fn groups(re: &Regex, text: &str, m: regex::Match<'_>) -> Option<Groups> {
    if m.as_str().is_ascii() {
        return Some(ascii_groups(m));
    }
    let caps = re.captures_at(text, m.start())?;
    let (verb, core) = (caps.name("verb")?, caps.name("core")?);
    Some(Groups {
        we: caps.name("we").map(Span::from),
        verb: verb.into(),
        core: core.into(),
    })
}

fn ascii_groups(m: regex::Match<'_>) -> Groups {
    let bytes = m.as_str().as_bytes();
    let mut pos = 0usize;
    let mut we = None;
    if bytes
        .get(..2)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"we"))
    {
        let n = spaces(bytes, 2);
        if n > 0 {
            we = Some(Span::new(m.start(), m.start() + 2 + n));
            pos = 2 + n;
        }
    }
    let verb_start = pos;
    let core_start = skip_adverbs(bytes, pos);
    Groups {
        we,
        verb: Span::new(m.start() + verb_start, m.end()),
        core: Span::new(m.start() + core_start, m.end()),
    }
}

/// Length of the whitespace run at `from`.
fn spaces(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |r| {
        r.iter()
            .take_while(|c| c.is_ascii_whitespace() || **c == 0x0B)
            .count()
    })
}

/// Offset after the adverbs (each followed by whitespace) that start at `pos`.
fn skip_adverbs(bytes: &[u8], mut pos: usize) -> usize {
    'adverbs: loop {
        for adverb in ADVERBS {
            let end = pos + adverb.len();
            if bytes
                .get(pos..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(adverb.as_bytes()))
            {
                let n = spaces(bytes, end);
                if n > 0 {
                    pos = end + n;
                    continue 'adverbs;
                }
            }
        }
        return pos;
    }
}
