//! Mandates in one operative paragraph: clause by clause, who is asked (addressee) and what
//! (infinitive segments). A reporting obligation is split off from a substantive task in the
//! same clause, and a report to several recipients becomes one mandate per recipient.

use std::sync::LazyLock;

use regex::Regex;

use super::action;
use super::context::Context;
use super::due;
use super::entity::{self, Mention, Side};
use super::span::{Span, after};
use super::target::{self, Target};
use super::verbs::{self, ClauseVerb};
use super::{Action, Confidence, Mandate};

mod addressee;

static SEGMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(
        r"(?:,\s*and\s+(?:(?:also|further|then|subsequently),?\s+)?|\s+and\s+(?:(?:also|further|then|subsequently)\s+)?|,?\s*as well as\s+|;\s*and\s+)(?P<to>to\s+(?P<w>[a-z][a-z-]*))",
    )
});

/// An operative paragraph being read for mandates: its number as printed, its text and the
/// actors named in it.
struct Operative<'a> {
    number: &'a str,
    text: &'a str,
    mentions: &'a [Mention],
    /// The last official named before this paragraph, for "he" and "his".
    person_before: Option<String>,
}

/// A clause of that paragraph that asks someone to act: its opening verb, and where it ends
/// (where the next clause starts, or at the end of the paragraph).
struct Clause<'a> {
    paragraph: &'a Operative<'a>,
    verb: &'a ClauseVerb,
    end: usize,
}

/// Mandates of one operative paragraph, in reading order.
pub fn paragraph_mandates(number: &str, text: &str, ctx: &mut Context) -> Vec<Mandate> {
    let person_before = ctx.last_person.clone();
    let mentions = entity::scan(text, ctx);
    let paragraph = Operative {
        number,
        text,
        mentions: &mentions,
        person_before,
    };
    let clauses = verbs::clause_verbs(text, leading_subject(text, &mentions));
    let mut out = Vec::new();
    for (k, verb) in clauses.iter().enumerate() {
        if !verb.mandate {
            continue;
        }
        let clause = Clause {
            paragraph: &paragraph,
            verb,
            end: clauses
                .get(k + 1)
                .map_or(text.len(), |next| next.span.start),
        };
        clause_mandates(&clause, ctx, &mut out);
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
        Some(m) if m.span.start <= 4 => {
            let rest = after(text, m.span.end);
            m.span.end + rest.len() - rest.trim_start_matches([',', ' ', ':']).len()
        }
        _ => 0,
    }
}

/// A run of non-reporting segments, written as one task: where its quote starts and where
/// its infinitive starts.
struct Task {
    quote_start: usize,
    action_start: usize,
}

/// What a reporting segment asks for, and of which bodies.
struct Report {
    kind: Action,
    targets: Vec<Target>,
    via: Option<String>,
}

fn clause_mandates(clause: &Clause, ctx: &mut Context, out: &mut Vec<Mandate>) {
    let Some(asked) = addressee::asked(clause, ctx) else {
        return;
    };
    // An intergovernmental body is only asked by a request ("invites the Commission" and
    // "encourages the Commission" leave it free), and its own decisions ("decides that the
    // Commission will consider ...") are no mandate unless they ask it to report.
    // Expert groups, which the Secretariat services, can be invited.
    let governing = asked.side == Side::Intergov && !entity::is_expert_body(&asked.addressee);
    if governing && !clause.verb.decides && !clause.verb.text.to_lowercase().contains("request") {
        return;
    }
    ctx.last_addressee = Some(asked.addressee.clone());
    let text = clause.paragraph.text;
    let segments = segments(text, Span::new(asked.action_start, clause.end));
    let mut base = base_mandate(clause.paragraph.number, asked.verb, asked.addressee);
    if let Some(reason) = asked.guess {
        base.confidence = Confidence::Low(reason.to_string());
    }
    let mut output = ClauseOutput {
        text,
        base,
        out,
        reports_only: governing && clause.verb.decides,
    };
    let mut group_start = clause.verb.span.start;
    let mut pending: Option<Task> = None;
    for (i, &segment) in segments.iter().enumerate() {
        match report_in(clause, segment, ctx) {
            None => {
                pending.get_or_insert(Task {
                    quote_start: group_start,
                    action_start: segment.start,
                });
            }
            Some(report) => {
                if let Some(task) = pending.take() {
                    output.task(&task, segment.start);
                }
                let quote_start = if i == 0 {
                    clause.verb.span.start
                } else {
                    segment.start
                };
                output.reports(&report, segment, quote_start);
            }
        }
        group_start = segment.end;
    }
    if let Some(task) = pending {
        output.task(&task, clause.end);
    }
}

/// The infinitive segments of a clause's action: "to convene ..., and to present a report
/// ...", each up to the next.
fn segments(text: &str, action: Span) -> Vec<Span> {
    let mut starts = vec![action.start];
    if let Some(re) = SEGMENT.as_ref() {
        for c in re.captures_iter(action.of(text)) {
            if let (Some(to), Some(word)) = (c.name("to"), c.name("w"))
                && verbs::is_infinitive_word(word.as_str())
                && to.start() > 0
            {
                starts.push(action.start + to.start());
            }
        }
    }
    let ends = starts.iter().skip(1).copied().chain([action.end]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| Span::new(start, end))
        .collect()
}

/// The report a segment asks for, if it asks for one. A segment that names no receiving body
/// still gets one target, without a body, so that the report is written out.
fn report_in(clause: &Clause, segment: Span, ctx: &Context) -> Option<Report> {
    let paragraph = clause.paragraph;
    let (mut targets, via) = target::targets(paragraph.text, segment, paragraph.mentions, ctx);
    if targets.is_empty() {
        targets.push(Target::at(segment.start, String::new()));
    }
    let explicit = targets
        .iter()
        .any(|t| t.pos > segment.start && !t.body.is_empty());
    let kind = action::reporting_action(segment.of(paragraph.text), explicit)?;
    Some(Report { kind, targets, via })
}

fn base_mandate(number: &str, verb: String, addressee: String) -> Mandate {
    Mandate {
        paragraph: number.to_string(),
        verb,
        addressee,
        action: Action::Other,
        is_reporting: false,
        target_body: None,
        target_session: None,
        target_session_label: None,
        via_body: None,
        recurrence: None,
        quote: String::new(),
        ..Mandate::default()
    }
}

/// Where the mandates of one clause go: the fields they share (paragraph, verb, addressee)
/// and the list they are added to.
struct ClauseOutput<'a> {
    text: &'a str,
    base: Mandate,
    out: &'a mut Vec<Mandate>,
    /// Whether only reports count (a body's own decision, "decides that the Committee shall").
    reports_only: bool,
}

impl ClauseOutput<'_> {
    /// A substantive task, from its quote start to `end`.
    fn task(&mut self, task: &Task, end: usize) {
        if self.reports_only {
            return;
        }
        let action = Span::new(task.action_start, end).of(self.text);
        let mut m = self.base.clone();
        m.action = action::classify(action);
        m.recurrence = target::recurrence(action);
        m.due = due::due_in(action);
        m.quote = quote(self.text, Span::new(task.quote_start, end));
        self.out.push(m);
    }

    /// One reporting mandate per receiving body, each quoting its part of the segment.
    fn reports(&mut self, report: &Report, segment: Span, quote_start: usize) {
        let recurrence = target::recurrence(segment.of(self.text));
        let due = due::due_in(segment.of(self.text));
        for (index, target) in report.targets.iter().enumerate() {
            let quoted = quote_span(&report.targets, index, quote_start, segment.end);
            let mut m = self.base.clone();
            m.action = report.kind;
            m.is_reporting = true;
            m.target_body = Some(target.body.clone()).filter(|b| !b.is_empty());
            m.target_session = target.session;
            m.target_session_label = target
                .label
                .clone()
                .filter(|_| !target.body.contains("Congress"));
            m.via_body = report.via.clone();
            m.recurrence = recurrence;
            m.due = due.clone();
            m.quote = quote(self.text, quoted);
            self.out.push(m);
        }
    }
}

/// The part of a segment quoted for target `index`: the first target's part starts with the
/// segment's quote, a later one where the text turns to it ("and to the Council"); each part
/// ends where a later one starts.
fn quote_span(targets: &[Target], index: usize, quote_start: usize, segment_end: usize) -> Span {
    let start = if index == 0 {
        quote_start
    } else {
        targets
            .iter()
            .take(index + 1)
            .rev()
            .find_map(|t| t.split_at)
            .unwrap_or(quote_start)
    };
    let end = targets
        .iter()
        .skip(index + 1)
        .find_map(|t| t.split_at)
        .unwrap_or(segment_end);
    Span::new(start, end)
}

fn quote(text: &str, span: Span) -> String {
    verbs::trim_clause_end(span.of(text))
        .trim_start()
        .to_string()
}
