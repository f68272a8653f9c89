//! The verbs that open operative clauses, and the small grammar around them: where a clause
//! starts, where it ends, and where its infinitive ("to report ...") begins.

use std::sync::LazyLock;

use regex::Regex;

mod groups;
mod infinitive;

use groups::{Groups, groups};
pub use infinitive::{find_infinitive, is_infinitive_word};

use super::span::{Span, after, before};

/// Adverbs, then the verb itself ("also requests", "reiterates its request"); the core verb is
/// captured as `core`.
const VERB_BODY: &str = concat!(
    r"(?:(?:also|further|again|once again|strongly|urgently|respectfully|kindly|",
    r"moreover|furthermore|finally|lastly)\s+)*",
    r"(?P<core>(?:reiterates?|renews?|reaffirms?|repeats?)\s+(?:its|our)\s+(?:requests?|invitation|encouragement|calls?|appeals?)",
    r"|decided|requested|requests?|invites?|encourages?|urges?|calls?\s+(?:up)?on|decides?|directs?|instructs?|authorizes?|",
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
        r"|accordingly|therefore|in addition|moreover|furthermore|further|thus|hence|also)\s*,?\s*$"
    ))
});

/// A clause-opening verb found in a paragraph.
#[derive(Debug, Clone)]
pub struct ClauseVerb {
    /// The verb phrase: where the clause (and its quote) starts, and where the verb ends.
    pub span: Span,
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
    let mut out: Vec<ClauseVerb> = Vec::new();
    for m in re.find_iter(text) {
        let Some(Groups { we, verb, core }) = groups(re, text, m) else {
            continue;
        };
        let start = we.as_ref().map_or(verb.start, |w| w.start);
        let preceding = before(text, start);
        // "At its 12th plenary meeting, ..., the Council decided to request ...": a decision
        // whose first verb follows the body that speaks
        let after_body = out.is_empty() && ends_with_body(preceding);
        let at_start = start <= lead || preceding.trim().is_empty() || after_body;
        if !at_start && !is_boundary(preceding) {
            continue;
        }
        let core = core.of(text).to_lowercase();
        let first_word = core.split_whitespace().next().unwrap_or("");
        // past tense only in a decision's report of itself, not in "and requested" recalled
        if first_word.ends_with("ed") && !after_body {
            continue;
        }
        let third_person = first_word.ends_with('s') || after_body;
        if !third_person && we.is_none() && !at_start {
            continue;
        }
        // "Approves the recommendation of the Board that the Institute report ..."
        let approves_recommendation = first_word == "approves"
            && after(text, verb.end)
                .trim_start()
                .starts_with("the recommendation");
        let mandate = asks_to_act(&core, first_word) || approves_recommendation;
        // "Requests and encourages the Special Representative to ...": one verb phrase
        if let Some(prev) = out.last_mut()
            && mandate
            && prev.mandate
            && Span::new(prev.span.end, start).of(text) == " and "
        {
            prev.span.end = verb.end;
            prev.text = Span::new(prev.span.start, verb.end).of(text).to_string();
            continue;
        }
        out.push(ClauseVerb {
            span: verb,
            text: verb.of(text).to_string(),
            mandate,
            decides: first_word.starts_with("decide"),
        });
    }
    out
}

/// Whether the text before a verb ends with the name of the body that speaks ("..., the
/// Economic and Social Council").
fn ends_with_body(preceding: &str) -> bool {
    let last = preceding.trim_end().rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "Council" | "Assembly" | "Commission" | "Committee" | "Conference" | "Board"
    )
}

/// Whether a core verb (lowercase, `first_word` its first word) asks someone to act:
/// "requests", "reiterates its request", but not "reiterates" alone or "calls for".
fn asks_to_act(core: &str, first_word: &str) -> bool {
    if ["reiterat", "renew", "reaffirm", "repeat"]
        .iter()
        .any(|p| first_word.starts_with(p))
    {
        ["request", "invitation", "encouragement", "call", "appeal"]
            .iter()
            .any(|w| core.contains(w))
    } else {
        MANDATE_CORES.iter().any(|m| first_word.starts_with(m)) && !core.starts_with("calls for")
    }
}

/// Whether the first clause verb of `s` (as [`clause_verbs`] finds it, with no lead) starts
/// at offset 0: a verb match at 0 is always accepted, and a "we" subject would move the
/// verb's start past 0.
pub fn starts_with_verb(line: &str) -> bool {
    VERB_AT_START.as_ref().is_some_and(|re| re.is_match(line))
}

/// Whether the text before a verb ends in a joint between clauses (", and", ";"), an
/// adverbial tail ("; in this regard,") aside.
fn is_boundary(preceding: &str) -> bool {
    let mut joint = preceding.trim_end();
    if let Some(m) = ADV_TAIL.as_ref().and_then(|re| re.find(joint)) {
        joint = joint.get(..m.start()).unwrap_or(joint).trim_end();
    }
    joint.ends_with(',')
        || joint.ends_with(';')
        || joint.ends_with(':')
        || ends_with_word(joint, "and")
        || after_list_tag(joint)
}

/// Whether `joint` ends with the tag of a list item that starts after ";" or ":" ("...; (f)").
fn after_list_tag(joint: &str) -> bool {
    let Some(inner) = joint.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let tag = inner.get(open + 1..).unwrap_or("");
    (1..=4).contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_lowercase())
        && before(inner, open).trim_end().ends_with([';', ':'])
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
}

/// Cuts joints and closing punctuation off the end of a clause, so that a quote ends on its
/// last word ("... for its information" rather than "... for its information, and,").
pub fn trim_clause_end(clause: &str) -> &str {
    let mut rest = clause;
    loop {
        let untrimmed = rest;
        rest = rest
            .trim_end()
            .trim_end_matches([',', ';', ':', '.'])
            .trim_end();
        if let Some(m) = ADV_TAIL.as_ref().and_then(|re| re.find(rest)) {
            let head = before(rest, m.start()).trim_end();
            if m.start() > 0 && (head.ends_with(',') || ends_with_word(head, "and")) {
                rest = head;
            }
        }
        for joint in ["and", "as well as", "or"] {
            if ends_with_word(rest, joint) {
                rest = rest.get(..rest.len() - joint.len()).unwrap_or(rest);
            }
        }
        // "...; (f)": the tag of the next list item
        if after_list_tag(rest)
            && let Some(open) = rest.rfind('(')
        {
            rest = before(rest, open);
        }
        if rest.len() == untrimmed.len() {
            return rest;
        }
    }
}
