//! The groups of a clause-verb match, read without the regex's capture engines.

use std::ops::Range;

use regex::Regex;

/// Byte ranges of the `we`, `verb` and `core` groups of one `CLAUSE_VERB` match.
pub(super) struct Groups {
    pub(super) we: Option<Range<usize>>,
    pub(super) verb: Range<usize>,
    pub(super) core: Range<usize>,
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
    let s = m.as_str();
    if !s.is_ascii() {
        let caps = re.captures_at(text, m.start())?;
        let (verb, core) = (caps.name("verb")?, caps.name("core")?);
        return Some(Groups {
            we: caps.name("we").map(|w| w.range()),
            verb: verb.range(),
            core: core.range(),
        });
    }
    let b = s.as_bytes();
    let spaces = |from: usize| {
        b.get(from..).map_or(0, |r| {
            r.iter()
                .take_while(|c| c.is_ascii_whitespace() || **c == 0x0B)
                .count()
        })
    };
    let mut pos = 0usize;
    let mut we = None;
    if b.get(..2).is_some_and(|w| w.eq_ignore_ascii_case(b"we")) {
        let n = spaces(2);
        if n > 0 {
            we = Some(m.start()..m.start() + 2 + n);
            pos = 2 + n;
        }
    }
    let verb_start = pos;
    'adverbs: loop {
        for a in ADVERBS {
            let end = pos + a.len();
            if b.get(pos..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(a.as_bytes()))
            {
                let n = spaces(end);
                if n > 0 {
                    pos = end + n;
                    continue 'adverbs;
                }
            }
        }
        break;
    }
    Some(Groups {
        we,
        verb: m.start() + verb_start..m.end(),
        core: m.start() + pos..m.end(),
    })
}
