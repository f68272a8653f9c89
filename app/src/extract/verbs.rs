//! The verbs that open operative clauses, and the small grammar around them: where a clause
//! starts, where it ends, and where its infinitive ("to report ...") begins.

use std::sync::LazyLock;

use regex::Regex;

mod groups;

use groups::{Groups, groups};

/// Adverbs, then the verb itself ("also requests", "reiterates its request"); the core verb is
/// captured as `core`.
const VERB_BODY: &str = concat!(
    r"(?:(?:also|further|again|once again|strongly|urgently|respectfully|kindly|",
    r"moreover|furthermore|finally|lastly)\s+)*",
    r"(?P<core>(?:reiterates?|renews?|reaffirms?|repeats?)\s+(?:its|our)\s+(?:requests?|invitation|encouragement|calls?|appeals?)",
    r"|requests?|invites?|encourages?|urges?|calls?\s+(?:up)?on|decides?|directs?|instructs?|authorizes?|",
    r"entrusts?|mandates?|asks?|recommends?|welcomes|notes|takes\s+note|stresses|emphasizes|recognizes|",
    r"reaffirms|reiterates|acknowledges|expresses|affirms|underlines|underscores|commends|appreciates|",
    r"endorses|approves|adopts|supports|condemns|deplores|regrets|considers|agrees|declares|proclaims|",
    r"recalls|highlights|reminds|looks\s+forward|designates|confirms|calls\s+for|appeals\s+to|",
    r"emphasises|recognises|authorises)"
);

static CLAUSE_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(&format!(
        r"(?i)(?-u:\b)(?P<we>we\s+)?(?P<verb>{VERB_BODY})(?-u:\b)"
    ))
});

/// [`CLAUSE_VERB`] anchored at the start of the text and without the "we" subject: asking
/// whether a line opens with a verb then fails within a few bytes instead of scanning it.
static VERB_AT_START: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::re(&format!(r"^(?i)(?-u:\b)(?:{VERB_BODY})(?-u:\b)")));

static ADV_TAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?:,\s*)?(?:(?:in|to|for|with|at)\s+(?:this|that|these|those|the same)\s+",
        r"(?:regard|end|connection|context|respect|purpose|spirit|vein|effect)",
        r"|accordingly|therefore|in addition|moreover|furthermore|thus|hence|also)\s*,?\s*$"
    ))
});

/// A clause-opening verb found in a paragraph.
#[derive(Debug, Clone)]
pub struct ClauseVerb {
    /// Byte offset where the clause (and its quote) starts.
    pub start: usize,
    /// Byte offset just after the verb phrase.
    pub end: usize,
    /// The verb phrase as written ("also requests", "reiterates its encouragement").
    pub text: String,
    /// Whether the verb asks someone to act (as opposed to "welcomes", "notes").
    pub mandate: bool,
    pub decides: bool,
}

const MANDATE_CORES: [&str; 14] = [
    "request",
    "invite",
    "encourage",
    "urge",
    "call",
    "decide",
    "direct",
    "instruct",
    "authorize",
    "entrust",
    "mandate",
    "ask",
    "recommend",
    "reiterate",
];

/// True for words that open operative clauses; used to tell a verb from a name.
pub fn is_operative_word(lower: &str) -> bool {
    matches!(
        lower,
        "requests"
            | "invites"
            | "encourages"
            | "urges"
            | "calls"
            | "decides"
            | "welcomes"
            | "notes"
            | "takes"
            | "stresses"
            | "emphasizes"
            | "recognizes"
            | "reaffirms"
            | "reiterates"
            | "acknowledges"
            | "expresses"
            | "affirms"
            | "underlines"
            | "commends"
            | "endorses"
            | "approves"
            | "recommends"
            | "recalls"
            | "request"
            | "invite"
            | "encourage"
            | "urge"
            | "decide"
            | "reaffirm"
            | "recognize"
            | "also"
    )
}

/// Clause-opening verbs of a paragraph, in order: the first one at the start, the others after
/// ", and", ";" or similar joints.
pub fn clause_verbs(text: &str, lead: usize) -> Vec<ClauseVerb> {
    let Some(re) = CLAUSE_VERB.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in re.find_iter(text) {
        let Some(Groups { we, verb, core }) = groups(re, text, m) else {
            continue;
        };
        let start = we.as_ref().map_or(verb.start, |w| w.start);
        let before = text.get(..start).unwrap_or("");
        let at_start = start <= lead || before.trim().is_empty();
        if !at_start && !is_boundary(before) {
            continue;
        }
        let core_l = text.get(core).unwrap_or("").to_lowercase();
        let first_word = core_l.split_whitespace().next().unwrap_or("");
        let third_person = first_word.ends_with('s');
        if !third_person && we.is_none() && !at_start {
            continue;
        }
        let mandate = if ["reiterat", "renew", "reaffirm", "repeat"]
            .iter()
            .any(|p| first_word.starts_with(p))
        {
            ["request", "invitation", "encouragement", "call", "appeal"]
                .iter()
                .any(|w| core_l.contains(w))
        } else {
            MANDATE_CORES.iter().any(|m| first_word.starts_with(m))
                && !core_l.starts_with("calls for")
        };
        out.push(ClauseVerb {
            start: verb.start,
            end: verb.end,
            text: text.get(verb.clone()).unwrap_or("").to_string(),
            mandate,
            decides: first_word.starts_with("decide"),
        });
    }
    out
}

/// Whether the first clause verb of `s` (as [`clause_verbs`] finds it, with no lead) starts
/// at offset 0: a verb match at 0 is always accepted, and a "we" subject would move the
/// verb's start past 0.
pub fn starts_with_verb(s: &str) -> bool {
    VERB_AT_START.as_ref().is_some_and(|re| re.is_match(s))
}

fn is_boundary(before: &str) -> bool {
    let mut b = before.trim_end();
    if let Some(m) = ADV_TAIL.as_ref().and_then(|re| re.find(b)) {
        b = b.get(..m.start()).unwrap_or(b).trim_end();
    }
    b.ends_with(',') || b.ends_with(';') || b.ends_with(':') || ends_with_word(b, "and")
}

fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w)
        .is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
}

/// Cuts joints and closing punctuation off the end of a clause, so that a quote ends on its
/// last word ("... for its information" rather than "... for its information, and,").
pub fn trim_clause_end(s: &str) -> &str {
    let mut cur = s;
    loop {
        let before = cur;
        cur = cur
            .trim_end()
            .trim_end_matches([',', ';', ':', '.'])
            .trim_end();
        if let Some(m) = ADV_TAIL.as_ref().and_then(|re| re.find(cur)) {
            let head = cur.get(..m.start()).unwrap_or("").trim_end();
            if m.start() > 0 && (head.ends_with(',') || ends_with_word(head, "and")) {
                cur = head;
            }
        }
        for w in ["and", "as well as", "or"] {
            if ends_with_word(cur, w) {
                cur = cur.get(..cur.len() - w.len()).unwrap_or(cur);
            }
        }
        if cur.len() == before.len() {
            return cur;
        }
    }
}

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
        let abs = search + p;
        let after = hay.get(abs + 3..).unwrap_or("");
        let w: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if is_infinitive_word(&w) {
            return Some(from + abs);
        }
        search = abs + 3;
    }
    None
}

fn find_to(h: &str) -> Option<usize> {
    let mut from = 0usize;
    while let Some(p) = h
        .get(from..)
        .and_then(|x| x.find("to ").or_else(|| x.find("To ")))
    {
        let abs = from + p;
        let prev_ok = abs == 0
            || h.get(..abs)
                .is_some_and(|b| b.ends_with(|c: char| !c.is_alphanumeric()));
        if prev_ok {
            return Some(abs);
        }
        from = abs + 3;
    }
    None
}
