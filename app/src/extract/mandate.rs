//! Mandates in one operative paragraph: clause by clause, who is asked (addressee) and what
//! (infinitive segments). A reporting obligation is split off from a substantive task in the
//! same clause, and a report to several recipients becomes one mandate per recipient.

use super::action;
use super::context::Context;
use super::entity::{self, Mention, Side};
use super::span::{Span, after, before};
use super::target::{self, Target};
use super::verbs::{self, ClauseVerb};
use super::{Action, Field, Mandate, Recurrence};

mod addressee;
mod output;
mod segments;

use output::ClauseOutput;
use segments::segments;

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
            end: clause_end(text, &clauses, k),
        };
        clause_mandates(&clause, ctx, &mut out);
    }
    out
}

/// Where clause `k` ends: where the next starts, unless the infinitive they share comes
/// after the next ("requests the Commission, and encourages other stakeholders, to ...").
fn clause_end(text: &str, clauses: &[ClauseVerb], k: usize) -> usize {
    let start_of = |i: usize| clauses.get(i).map_or(text.len(), |c| c.span.start);
    let end = start_of(k + 1);
    let Some(verb) = clauses.get(k) else {
        return end;
    };
    let own_infinitive = verbs::find_infinitive(text, verb.span.end).is_some_and(|p| p < end);
    let joined = after_joint(Span::new(verb.span.end, end).of(text));
    if own_infinitive || !joined {
        return end;
    }
    start_of(k + 2)
}

/// Whether a clause's text ends in ", and" before the next verb.
fn after_joint(region: &str) -> bool {
    region.trim_end().ends_with(", and")
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
    /// Whether the text names who receives it (else the adopting body is assumed).
    named: bool,
    /// Whether a meeting named earlier in the paragraph times it.
    timing: Timing,
    /// A document prepared for the meetings or bodies named after "for the".
    prepared: bool,
}

/// Where a report's session and rhythm come from.
#[derive(Clone, Copy)]
enum Timing {
    /// Its own words, or nowhere: no meeting named earlier times it.
    Own,
    /// A meeting named earlier in the paragraph ("during such meetings"), whose session the
    /// report's targets take, and whose rhythm it takes when it states none (`None` when the
    /// meeting has none).
    Referred { rhythm: Option<Recurrence> },
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
        base.doubt(Field::Addressee, reason);
    }
    if clause.paragraph.number.is_empty() {
        base.doubt(Field::Paragraph, "no paragraph number");
    }
    let mut output = ClauseOutput {
        text,
        base,
        out,
        reports_only: governing && clause.verb.decides,
        last_report: None,
    };
    let mut group_start = clause.verb.span.start;
    let mut pending: Option<Task> = None;
    for (i, &segment) in segments.iter().enumerate() {
        match report_in(clause, segment, ctx) {
            // "to report ... and to make proposals for future action": what the report holds
            None if pending.is_none()
                && action::is_report_content(segment.of(text))
                && output.extend_last(segment.end) => {}
            None if pending.is_none()
                && continues_subject(text, segment)
                && output.extend_last(segment.end) =>
            {
                output.doubt_last(
                    Field::Quote,
                    "the infinitive after the report's subject is read as part of it, not as a second task",
                );
            }
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

/// "a report ... on existing commitments and to strengthen international coordination": an
/// infinitive joined by a bare "and" (no comma) to the subject of the report before it says
/// what the report is about, not a second task.
fn continues_subject(text: &str, segment: Span) -> bool {
    let joint = before(text, segment.start).trim_end();
    let Some(head) = joint.strip_suffix(" and") else {
        return false;
    };
    // the noun ("submit a report ... on"), not the verb ("to report on ... and to ensure")
    let Some(noun) = head.rfind(" a report").and_then(|p| head.get(p..)) else {
        return false;
    };
    noun.rfind(" on ")
        .and_then(|p| noun.get(p..))
        .is_some_and(|subject| !subject.contains([',', ';']))
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
    let mut prepared = false;
    if kind == Action::PrepareReport && !explicit {
        let meetings = target::prepared_for(paragraph.text, segment, paragraph.mentions);
        if !meetings.is_empty() {
            targets = meetings;
            prepared = true;
        }
    }
    let mut timing = Timing::Own;
    if targets
        .iter()
        .all(|t| t.session.is_none() && t.label.is_none())
        && let Some((session, rhythm)) = target::referred_meeting(
            segment.of(paragraph.text),
            before(paragraph.text, segment.start),
        )
    {
        for t in targets.iter_mut() {
            t.session = session.as_ref().and_then(|s| s.number);
            t.label = session.as_ref().and_then(|s| s.label.clone());
        }
        timing = Timing::Referred { rhythm };
    }
    Some(Report {
        kind,
        targets,
        via,
        named: explicit || prepared,
        timing,
        prepared,
    })
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
