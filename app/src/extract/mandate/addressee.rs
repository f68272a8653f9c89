//! Who a clause asks to act: the actor named after the verb ("Requests the Secretary-General
//! to ..."), or the subject of a "that" clause ("Requests that the Office submit ...").

use std::sync::LazyLock;

use regex::Regex;

use super::super::context::Context;
use super::super::entity::{Mention, Side};
use super::super::names;
use super::super::span::{Span, after, before};
use super::super::verbs;
use super::Clause;

static THAT_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::re(concat!(
        r"(?-u:\b)(?:be|submit|report|prepare|present|include|provide|continue|convene|ensure|take|undertake|make|",
        r"transmit|inform|keep|consider|give|establish|develop|assist|support|organize|hold|conduct|seek|study|",
        r"examine|explore|review|shall|should|will|may|must)(?-u:\b)"
    ))
});

/// Words before a verb of [`THAT_VERB`] that make it a noun ("the review", "a study").
const DETERMINERS: [&str; 9] = [
    "a", "an", "the", "its", "his", "her", "their", "this", "that",
];

/// Verbs after "Decides to" that pass the request on ("Decides to request the ... to").
const ASKING_VERBS: [&str; 6] = [
    "request",
    "invite",
    "entrust",
    "ask",
    "mandate",
    "authorize",
];

/// Who a clause asks, how its verb reads in the mandate, and where what it asks starts.
pub(super) struct Asked {
    pub(super) verb: String,
    pub(super) addressee: String,
    pub(super) side: Side,
    pub(super) action_start: usize,
    /// Why the addressee is a guess, when it is one (a pronoun, a passive).
    pub(super) guess: Option<&'static str>,
}

/// The addressee of a clause, `None` when it asks no actor the tracker follows.
pub(super) fn asked(clause: &Clause, ctx: &Context) -> Option<Asked> {
    let verb = capitalize(clause.verb.text.trim());
    let rest = Span::new(clause.verb.span.end, clause.end).of(clause.paragraph.text);
    let subject = rest.trim_start_matches([' ', ',']);
    if subject.starts_with("that ") {
        let that = clause.verb.span.end + (rest.len() - subject.len());
        that_clause(clause, that, verb, ctx)
    } else if let Some(that) = recommended(clause, rest) {
        // "Approves the recommendation of the Board that the Institute report ..."
        that_clause(clause, clause.verb.span.end + that, verb, ctx)
    } else if let Some(that) = that_after_aside(rest) {
        // "Reiterates its request, made in paragraph 40 of resolution 68/268, that ..."
        that_clause(clause, clause.verb.span.end + that, verb, ctx)
    } else {
        infinitive_clause(clause, verb)
    }
}

/// Where the "that" of an approved recommendation starts ("Approves the recommendation of
/// the Board that ..."), for a clause that approves one.
fn recommended(clause: &Clause, rest: &str) -> Option<usize> {
    if !clause.verb.text.to_lowercase().contains("approves") {
        return None;
    }
    let region = rest.get(..rest.len().min(300))?;
    let p = region.find(" that ")?;
    Some(p + 1)
}

/// Where "that" starts after an aside set off by commas ("request, made in ..., that"),
/// if the aside is one that qualifies the request.
fn that_after_aside(rest: &str) -> Option<usize> {
    let aside = rest.strip_prefix(", ")?;
    if !["made ", "contained ", "as ", "expressed "]
        .iter()
        .any(|w| aside.starts_with(w))
    {
        return None;
    }
    let p = aside.get(..aside.len().min(240))?.find(", that ")?;
    Some(2 + p + 2)
}

/// The person a pronoun ("he", "him", "his or her") stands for: the last official named before
/// `pos` in the paragraph, else in the text before it, else the Secretary-General.
fn person(clause: &Clause, pos: usize) -> String {
    clause
        .paragraph
        .mentions
        .iter()
        .rev()
        .find(|m| m.span.end <= pos && names::is_person(&m.name))
        .map(|m| m.name.clone())
        .or_else(|| clause.paragraph.person_before.clone())
        .unwrap_or_else(|| "Secretary-General".to_string())
}

fn is_personal_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "him" | "her" | "he or she" | "him or her"
    )
}

/// "Requests that the Secretary-General submit ...", "Decides that a report be prepared":
/// the subject of the "that" clause, or for a pronoun or a passive, the last addressee.
fn that_clause(clause: &Clause, that: usize, verb: String, ctx: &Context) -> Option<Asked> {
    let text = clause.paragraph.text;
    let subject_start = that + "that ".len();
    let that_verb = find_that_verb(Span::new(subject_start, clause.end).of(text))?;
    let subject = Span::new(subject_start, subject_start + that_verb.start());
    // the subject's head, not a name inside it ("the duration of the Congress shall ...")
    let named = clause
        .paragraph
        .mentions
        .iter()
        .find(|m| subject.contains(m.span) && addressee_ok(text, subject.start, m));
    let passive = that_verb.as_str() == "be";
    let said = subject.of(text).trim();
    let (addressee, side, guess) = match named {
        Some(m) => (m.name.clone(), m.side, None),
        None if is_personal_pronoun(said) => (
            person(clause, clause.verb.span.start),
            Side::Secretariat,
            Some("a pronoun stands for the addressee"),
        ),
        None if matches!(said, "it" | "they") || passive && !clause.verb.decides => (
            ctx.last_addressee
                .clone()
                .unwrap_or_else(|| "Secretary-General".to_string()),
            Side::Secretariat,
            Some(if passive {
                "a passive request names no addressee"
            } else {
                "a pronoun stands for the addressee"
            }),
        ),
        None => return None,
    };
    Some(Asked {
        verb,
        addressee,
        side,
        action_start: if passive { that } else { subject.end },
        guess,
    })
}

/// The first verb of a "that" clause that is not a noun after a determiner.
fn find_that_verb(region: &str) -> Option<regex::Match<'_>> {
    THAT_VERB.as_ref()?.find_iter(region).find(|m| {
        let preceding = before(region, m.start()).trim_end();
        !DETERMINERS.iter().any(|d| {
            preceding
                .strip_suffix(d)
                .is_some_and(|p| p.is_empty() || p.ends_with(' '))
        })
    })
}

/// "Requests the Secretary-General to ...": the actor named between the verb and the
/// infinitive. "Decides to request X to ..." reads as the verb "Decides to request".
fn infinitive_clause(clause: &Clause, verb: String) -> Option<Asked> {
    let text = clause.paragraph.text;
    let mut verb = verb;
    let mut verb_end = clause.verb.span.end;
    let mut infinitive = infinitive_in(clause, verb_end)?;
    // "Approves the recommendation ... to request the Office to ...": passed on like "Decides to"
    let approves = clause.verb.text.to_lowercase().contains("approves");
    let gap_free = Span::new(verb_end, infinitive).of(text).trim().is_empty();
    if clause.verb.decides && gap_free
        || approves && asking_verb(after(text, infinitive + "to ".len())).is_some()
    {
        let asking = asking_verb(after(text, infinitive + "to ".len()))?;
        verb = format!("{verb} to {asking}");
        verb_end = infinitive + "to ".len() + asking.len();
        infinitive = infinitive_in(clause, verb_end)?;
    }
    let asked_span = Span::new(verb_end, infinitive);
    let mentions = clause.paragraph.mentions;
    let Some(first) = mentions.iter().position(|m| {
        asked_span.contains(m.span)
            && addressee_ok(text, verb_end, m)
            && !names::is_outside(&m.name)
    }) else {
        let said = asked_span.of(text).trim().trim_end_matches(',');
        return is_personal_pronoun(said).then(|| Asked {
            verb,
            addressee: person(clause, clause.verb.span.start),
            side: Side::Secretariat,
            action_start: infinitive,
            guess: Some("a pronoun stands for the addressee"),
        });
    };
    // "the United Nations, especially the Office, to ...": the one singled out
    let addressee = mentions
        .get(first + 1..)
        .unwrap_or_default()
        .iter()
        .find(|m| asked_span.contains(m.span) && singled_out(text, m))
        .or_else(|| mentions.get(first))?;
    // "the Secretary-General and the High Commissioner": one mandate, for the first
    let joint = mentions
        .get(first + 1..)
        .unwrap_or_default()
        .iter()
        .any(|m| {
            asked_span.contains(m.span)
                && m.side == Side::Secretariat
                && m.name != addressee.name
                && before(text, m.span.start).trim_end().ends_with(" and the")
        });
    Some(Asked {
        verb,
        addressee: addressee.name.clone(),
        side: addressee.side,
        action_start: infinitive,
        guess: joint
            .then_some("asked together with another Secretariat actor; recorded for the first"),
    })
}

/// Whether a mention is singled out from the one before it ("especially the Office").
fn singled_out(text: &str, m: &Mention) -> bool {
    let preceding = before(text, m.span.start).trim_end();
    let preceding = preceding
        .strip_suffix("the")
        .unwrap_or(preceding)
        .trim_end();
    ["especially", "in particular", "particularly", "notably"]
        .iter()
        .any(|w| preceding.ends_with(w))
}

/// The first infinitive of the clause at or after `from`.
fn infinitive_in(clause: &Clause, from: usize) -> Option<usize> {
    verbs::find_infinitive(clause.paragraph.text, from).filter(|p| *p < clause.end)
}

/// The verb of "Decides to request ...", if it is one that passes a request on.
fn asking_verb(rest: &str) -> Option<String> {
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    ASKING_VERBS.contains(&word.as_str()).then_some(word)
}

/// Whether the mention reads as the one asked: only articles and qualifiers ("the relevant",
/// "all other") or a joint ("and", "as well as") stand between it and the verb.
fn addressee_ok(text: &str, region_start: usize, m: &Mention) -> bool {
    let mut preceding = Span::new(region_start, m.span.start).of(text).trim_end();
    for _ in 0..3 {
        for qualifier in ["the", "its", "relevant", "other", "all"] {
            if let Some(p) = preceding.strip_suffix(qualifier)
                && (p.is_empty() || p.ends_with(' ') || p.ends_with(','))
            {
                preceding = p.trim_end();
            }
        }
    }
    if preceding.is_empty() || preceding.ends_with(',') || preceding.ends_with(';') {
        return true;
    }
    ["and", "or", "to", "upon", "on", "as well as"]
        .iter()
        .any(|joint| {
            preceding
                .strip_suffix(joint)
                .is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
        })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
