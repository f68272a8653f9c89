//! Mandates written out for one clause: a substantive task, or one report per receiving body.

use super::super::span::{Span, before};
use super::super::target::{self, Target};
use super::super::{Field, Mandate, Recurrence, due, verbs};
use super::{Report, Task, Timing, action};

/// Where the mandates of one clause go: the fields they share (paragraph, verb, addressee)
/// and the list they are added to.
pub(super) struct ClauseOutput<'a> {
    pub(super) text: &'a str,
    pub(super) base: Mandate,
    pub(super) out: &'a mut Vec<Mandate>,
    /// Whether only reports count (a body's own decision, "decides that the Committee shall").
    pub(super) reports_only: bool,
    /// The report just written, if nothing came after it: where it sits in `out` and where
    /// its quote starts.
    pub(super) last_report: Option<(usize, usize)>,
}

impl ClauseOutput<'_> {
    /// A substantive task, from its quote start to `end`.
    pub(super) fn task(&mut self, task: &Task, end: usize) {
        if self.reports_only {
            return;
        }
        let action = Span::new(task.action_start, end).of(self.text);
        let mut m = self.base.clone();
        m.action = action::classify(action);
        m.recurrence = target::recurrence(action);
        if m.recurrence.is_none() {
            m.recurrence = target::regular_activity(action);
            if m.recurrence.is_some() {
                m.doubt(
                    Field::Recurrence,
                    "rhythm read from \"regular\" before the activity",
                );
            }
        }
        m.due = due::due_in(action);
        if m.recurrence == Some(Recurrence::Periodic) {
            target::set_every(action, &mut m.due);
        }
        m.quote = quote(self.text, Span::new(task.quote_start, end));
        self.out.push(m);
        self.last_report = None;
    }

    /// One reporting mandate per receiving body, each quoting its part of the segment.
    pub(super) fn reports(&mut self, report: &Report, segment: Span, quote_start: usize) {
        let stated = target::recurrence(segment.of(self.text));
        let (referred, rhythm) = match report.timing {
            Timing::Own => (false, None),
            Timing::Referred { rhythm } => (true, rhythm),
        };
        let recurrence = stated.or(rhythm);
        let mut due = due::due_in(segment.of(self.text));
        if recurrence == Some(Recurrence::Periodic) {
            target::set_every(segment.of(self.text), &mut due);
        }
        if self.continues_last(report, segment) {
            return;
        }
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
            if referred {
                let reason = "taken from the meeting named earlier in the paragraph";
                m.doubt(Field::TargetSession, reason);
                if stated.is_none() && recurrence.is_some() {
                    m.doubt(Field::Recurrence, reason);
                }
            }
            if report.prepared {
                m.doubt(
                    Field::TargetBody,
                    "a document prepared for the meetings named after \"for\", read as a report to them",
                );
            }
            if !report.named {
                m.doubt(
                    Field::TargetBody,
                    "no recipient named: the adopting body is assumed",
                );
            }
            self.last_report = Some((self.out.len(), quoted.start));
            self.out.push(m);
        }
    }

    /// Extends the quote of the report just written to `end`; false if there is none.
    pub(super) fn extend_last(&mut self, end: usize) -> bool {
        let Some((index, quote_start)) = self.last_report else {
            return false;
        };
        let Some(last) = self.out.get_mut(index) else {
            return false;
        };
        last.quote = quote(self.text, Span::new(quote_start, end));
        true
    }

    /// Marks the report just written as unsure in `field`.
    pub(super) fn doubt_last(&mut self, field: Field, reason: &str) {
        if let Some(last) = self.last_report.and_then(|(i, _)| self.out.get_mut(i)) {
            last.doubt(field, reason);
        }
    }

    /// "Continue to provide, in his reports, information on ..., and to provide the Council
    /// with recommendations": a second report to the same body, with no session or date of its
    /// own, right after the first, is more of the same report; its quote is extended instead.
    fn continues_last(&mut self, report: &Report, segment: Span) -> bool {
        let Some((index, quote_start)) = self.last_report else {
            return false;
        };
        let [target] = report.targets.as_slice() else {
            return false;
        };
        let joint = before(self.text, segment.start).trim_end();
        if !(joint.ends_with(" and") || joint.ends_with(" as well as")) {
            return false; // a list item of its own, "(c) ..."
        }
        let own_deadline = target.session.is_some()
            || target.label.is_some()
            || due::due_in(segment.of(self.text)) != super::super::Due::default()
            || target::recurrence(segment.of(self.text)).is_some();
        let Some(last) = self.out.get_mut(index) else {
            return false;
        };
        if own_deadline || last.target_body.as_deref() != Some(target.body.as_str()) {
            return false;
        }
        last.quote = quote(self.text, Span::new(quote_start, segment.end));
        true
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
