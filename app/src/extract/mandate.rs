//! Mandates in one operative paragraph: clause by clause, who is asked (addressee) and what
//! (infinitive segments). A reporting obligation is split off from a substantive task in the
//! same clause, and a report to several recipients becomes one mandate per recipient.

use std::sync::LazyLock;

use regex::Regex;

use super::action;
use super::context::Context;
use super::entity::{self, Mention};
use super::target;
use super::verbs::{self, ClauseVerb};
use super::{Action, Mandate};

static SEGMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(
        r"(?:,\s*and\s+(?:also\s+)?|\s+and\s+(?:also\s+)?|,?\s*as well as\s+|;\s*and\s+)(?P<to>to\s+(?P<w>[a-z][a-z-]*))",
    )
});

static THAT_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?-u:\b)(?:be|submit|report|prepare|present|include|provide|continue|convene|ensure|take|undertake|make|",
        r"transmit|inform|keep|consider|give|establish|develop|assist|support|organize|hold|conduct|seek|study|",
        r"examine|explore|review|shall|should|will|may|must)(?-u:\b)"
    ))
});

/// Mandates of one operative paragraph, in reading order.
pub fn paragraph_mandates(number: &str, text: &str, ctx: &mut Context) -> Vec<Mandate> {
    let mentions = entity::scan(text, ctx);
    let lead = leading_subject(text, &mentions);
    let clauses = verbs::clause_verbs(text, lead);
    let mut out = Vec::new();
    for (k, v) in clauses.iter().enumerate() {
        if !v.mandate {
            continue;
        }
        let end = clauses.get(k + 1).map_or(text.len(), |n| n.start);
        clause_mandates(number, text, v, end, &mentions, ctx, &mut out);
    }
    out
}

/// "The Economic and Social Council decides ...": skip the subject so the verb counts as the
/// clause start.
fn leading_subject(text: &str, mentions: &[Mention]) -> usize {
    if !text.starts_with("The ") {
        return 0;
    }
    match mentions.first() {
        Some(m) if m.start <= 4 => {
            m.end
                + text
                    .get(m.end..)
                    .map_or(0, |r| r.len() - r.trim_start_matches([',', ' ', ':']).len())
        }
        _ => 0,
    }
}

fn addressee_ok(text: &str, region_start: usize, m: &Mention) -> bool {
    let mut pre = text.get(region_start..m.start).unwrap_or("").trim_end();
    for _ in 0..3 {
        for w in ["the", "its", "relevant", "other", "all"] {
            if let Some(p) = pre.strip_suffix(w)
                && (p.is_empty() || p.ends_with(' ') || p.ends_with(','))
            {
                pre = p.trim_end();
            }
        }
    }
    if pre.is_empty() || pre.ends_with(',') || pre.ends_with(';') {
        return true;
    }
    ["and", "or", "to", "upon", "on", "as well as"]
        .iter()
        .any(|w| {
            pre.strip_suffix(w)
                .is_some_and(|p| p.is_empty() || p.ends_with(|c: char| !c.is_alphanumeric()))
        })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn clause_mandates(
    number: &str,
    text: &str,
    v: &ClauseVerb,
    end: usize,
    mentions: &[Mention],
    ctx: &mut Context,
    out: &mut Vec<Mandate>,
) {
    let mut verb_text = capitalize(v.text.trim());
    let mut after = v.end;
    let rest = text.get(after..end).unwrap_or("");
    let rest_t = rest.trim_start_matches([' ', ',']);
    let (addressee, action_start) = if rest_t.starts_with("that ") {
        let that = after + (rest.len() - rest_t.len());
        let subj_from = that + 5;
        let region = text.get(subj_from..end).unwrap_or("");
        let Some(vm) = THAT_VERB.as_ref().and_then(|re| {
            re.find_iter(region).find(|m| {
                let pre = region.get(..m.start()).unwrap_or("").trim_end();
                ![
                    "a", "an", "the", "its", "his", "her", "their", "this", "that",
                ]
                .iter()
                .any(|d| {
                    pre.strip_suffix(d)
                        .is_some_and(|p| p.is_empty() || p.ends_with(' '))
                })
            })
        }) else {
            return;
        };
        let subj_end = subj_from + vm.start();
        let subject = text.get(subj_from..subj_end).unwrap_or("").trim();
        let named = mentions
            .iter()
            .find(|m| m.start >= subj_from && m.end <= subj_end)
            .map(|m| m.name.clone());
        let passive = vm.as_str() == "be";
        let who = match named {
            Some(n) => n,
            None if matches!(subject, "he" | "she" | "it" | "they") || passive && !v.decides => ctx
                .last_addressee
                .clone()
                .unwrap_or_else(|| "Secretary-General".to_string()),
            None => return,
        };
        (who, if passive { that } else { subj_end })
    } else {
        let Some(mut inf) = verbs::find_infinitive(text, after).filter(|p| *p < end) else {
            return;
        };
        if v.decides && text.get(after..inf).is_some_and(|r| r.trim().is_empty()) {
            // "Decides to request the Secretary-General to ..."
            let w: String = text
                .get(inf + 3..)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if !matches!(
                w.as_str(),
                "request" | "invite" | "entrust" | "ask" | "mandate" | "authorize"
            ) {
                return;
            }
            verb_text = format!("{verb_text} to {w}");
            after = inf + 3 + w.len();
            match verbs::find_infinitive(text, after).filter(|p| *p < end) {
                Some(p) => inf = p,
                None => return,
            }
        }
        let Some(m) = mentions
            .iter()
            .find(|m| m.start >= after && m.end <= inf && addressee_ok(text, after, m))
        else {
            return;
        };
        (m.name.clone(), inf)
    };
    ctx.last_addressee = Some(addressee.clone());
    // infinitive segments: "to convene ..., and to present a report ..."
    let mut starts = vec![action_start];
    if let Some(re) = SEGMENT.as_ref() {
        let hay = text.get(action_start..end).unwrap_or("");
        for c in re.captures_iter(hay) {
            if let (Some(to), Some(w)) = (c.name("to"), c.name("w"))
                && verbs::is_infinitive_word(w.as_str())
                && to.start() > 0
            {
                starts.push(action_start + to.start());
            }
        }
    }
    let base = Mandate {
        paragraph: number.to_string(),
        verb: verb_text,
        addressee,
        action: Action::Other,
        is_reporting: false,
        target_body: None,
        target_session: None,
        target_session_label: None,
        via_body: None,
        recurrence: None,
        quote: String::new(),
    };
    let mut group_start = v.start;
    let mut pending: Option<(usize, usize)> = None; // non-reporting run: (quote start, action start)
    for (i, &s) in starts.iter().enumerate() {
        let seg_end = starts.get(i + 1).copied().unwrap_or(end);
        let seg = text.get(s..seg_end).unwrap_or("");
        let (mut tg, via) = target::targets(text, (s, seg_end), mentions, ctx);
        if tg.is_empty() {
            tg.push(target::Target {
                pos: s,
                body: String::new(),
                session: None,
                label: None,
                split_at: None,
            });
        }
        let explicit = tg.iter().any(|t| t.pos > s && !t.body.is_empty());
        match action::reporting_action(seg, explicit) {
            None => {
                if pending.is_none() {
                    pending = Some((group_start, s));
                }
            }
            Some(kind) => {
                if let Some((q, a)) = pending.take() {
                    push_task(out, &base, text, q, a, s);
                }
                let qstart = if i == 0 { v.start } else { s };
                let rec = target::recurrence(seg);
                let n = tg.len();
                for (ti, t) in tg.iter().enumerate() {
                    let q0 = if ti > 0 {
                        t.split_at.unwrap_or(qstart)
                    } else {
                        qstart
                    };
                    let q1 = tg
                        .iter()
                        .skip(ti + 1)
                        .find_map(|x| x.split_at)
                        .filter(|_| n > 1)
                        .unwrap_or(seg_end);
                    let q0 = if ti > 0 && t.split_at.is_none() {
                        prev_quote_start(&tg, ti, qstart)
                    } else {
                        q0
                    };
                    let mut m = base.clone();
                    m.action = kind;
                    m.is_reporting = true;
                    m.target_body = Some(t.body.clone()).filter(|b| !b.is_empty());
                    m.target_session = t.session;
                    m.target_session_label =
                        t.label.clone().filter(|_| !t.body.contains("Congress"));
                    m.via_body = via.clone();
                    m.recurrence = rec;
                    m.quote = quote(text, q0, q1);
                    out.push(m);
                }
            }
        }
        group_start = seg_end;
    }
    if let Some((q, a)) = pending {
        push_task(out, &base, text, q, a, end);
    }
}

fn prev_quote_start(tg: &[target::Target], ti: usize, qstart: usize) -> usize {
    tg.iter()
        .take(ti + 1)
        .rev()
        .find_map(|t| t.split_at)
        .unwrap_or(qstart)
}

fn push_task(
    out: &mut Vec<Mandate>,
    base: &Mandate,
    text: &str,
    quote_start: usize,
    action_start: usize,
    end: usize,
) {
    let seg = text.get(action_start..end).unwrap_or("");
    let mut m = base.clone();
    m.action = action::classify(seg);
    m.recurrence = target::recurrence(seg);
    m.quote = quote(text, quote_start, end);
    out.push(m);
}

fn quote(text: &str, a: usize, b: usize) -> String {
    let s = text.get(a..b).unwrap_or("");
    verbs::trim_clause_end(s).trim_start().to_string()
}
