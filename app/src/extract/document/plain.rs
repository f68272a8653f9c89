//! Lines that are neither headings nor numbered paragraphs: titles, preambular paragraphs,
//! unnumbered operative paragraphs, and the continuations that page breaks leave behind.

use super::super::context::Context;
use super::super::entity::{self, Side};
use super::super::{ParagraphKind, clean, lines, verbs};
use super::builder::Builder;
use super::{Line, Reading, is_open};

/// Whether a footnote line comes within the next few lines.
fn next_is_footnote(following: &[Line]) -> bool {
    for line in following.iter().take(6) {
        match line {
            Line::Blank | Line::Noise => continue,
            Line::Footnote => return true,
            Line::Text(_) => return false,
        }
    }
    false
}

pub(super) fn plain_line(b: &mut Builder, line: &Reading) {
    let text = line.text;
    let Some(c) = b.cur.as_mut() else {
        b.last_outside = Some(text.to_string());
        return;
    };
    if c.in_annex {
        return;
    }
    if !c.body_zone {
        if !c.title.is_empty() && lines::is_preamble_start(text, true) {
            b.start_para(None, ParagraphKind::Preambular, text);
        } else if !c.title.is_empty() && text.starts_with("At its ") {
            // a decision: "At its 15th plenary meeting, ..., the Council decided ..."
            b.start_para(None, ParagraphKind::Operative, text);
        } else {
            clean::join_continuation(&mut c.title, text);
        }
        return;
    }
    if !c.title.is_empty() && text == c.title {
        return; // running page header
    }
    let seen_operative = c.seen_operative;
    body_line(b, line, seen_operative);
}

/// Whether a line opens an operative clause ("Requests ...", "We decide ...").
fn opens_clause(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_uppercase)
        && if line.starts_with("We ") {
            !verbs::clause_verbs(line, 0).is_empty()
        } else {
            verbs::starts_with_verb(line)
        }
}

/// A plain line in the body of a resolution: a new paragraph, or more of the one being read.
fn body_line(b: &mut Builder, line: &Reading, seen_operative: bool) {
    let text = line.text;
    if b.para.as_ref().is_some_and(|p| p.text.is_empty()) {
        b.continue_para(text); // "16." on a line of its own: this is its text
        return;
    }
    let lower = text.chars().next().is_some_and(|ch| ch.is_lowercase());
    let open = b.para.as_ref().is_some_and(|p| is_open(&p.text));
    if open
        && line.after_blank
        && !lower
        && !line.footnote_since_para
        && next_is_footnote(line.following)
    {
        return; // footnote text whose number was lost, sitting at the foot of the page
    }
    if opens_clause(text) && (line.after_blank || !open) && !lines::is_preamble_start(text, true) {
        b.start_para(None, ParagraphKind::Operative, text);
        return;
    }
    let preamble = lines::is_preamble_start(text, open);
    let para_kind = b.para.as_ref().map(|p| p.kind);
    let continuation = b.para.is_some()
        && !(preamble && line.after_blank)
        && (!line.after_blank
            || lower
            || open
            || para_kind == Some(ParagraphKind::Preambular) && !seen_operative);
    if continuation {
        b.continue_para(text);
        return;
    }
    let kind = if seen_operative && !preamble {
        ParagraphKind::Operative
    } else {
        ParagraphKind::Preambular
    };
    b.start_para(None, kind, text);
}

/// The body a declaration ("We, the Heads of State ...") is adopted by: the first
/// intergovernmental body it names, else the General Assembly.
pub(super) fn declaration_body(line: &str) -> Option<String> {
    let mut ctx = Context::default();
    entity::scan(line, &mut ctx)
        .into_iter()
        .find(|m| m.side == Side::Intergov)
        .map(|m| m.name)
        .or_else(|| Some("General Assembly".to_string()))
}
