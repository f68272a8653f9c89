//! Lines that are neither headings nor numbered paragraphs: titles, preambular paragraphs,
//! unnumbered operative paragraphs, and the continuations that page breaks leave behind.

use super::super::ParagraphKind;
use super::super::{clean, lines};
use super::{Builder, Line, is_open};

fn next_is_footnote(lines: &[Line], i: usize) -> bool {
    for l in lines.iter().skip(i + 1).take(6) {
        match l {
            Line::Blank | Line::Noise => continue,
            Line::Footnote => return true,
            Line::Text(_) => return false,
        }
    }
    false
}

pub(super) fn plain_line(
    b: &mut Builder,
    s: &str,
    was_blank: bool,
    lines: &[Line],
    i: usize,
    fn_since: &mut bool,
) {
    let Some(c) = b.cur.as_mut() else {
        b.last_outside = Some(s.to_string());
        return;
    };
    if c.in_annex {
        return;
    }
    if !c.body_zone {
        if !c.title.is_empty() && lines::is_preamble_start(s, true) {
            b.start_para(None, ParagraphKind::Preambular, s);
        } else {
            clean::join_continuation(&mut c.title, s);
        }
        return;
    }
    if !c.title.is_empty() && s == c.title {
        return; // running page header
    }
    let seen_op = c.seen_operative;
    let lower = s.chars().next().is_some_and(|ch| ch.is_lowercase());
    let open = b.para.as_ref().is_some_and(|p| is_open(&p.text));
    if open && was_blank && !lower && !*fn_since && next_is_footnote(lines, i) {
        return; // footnote text whose number was lost, sitting at the foot of the page
    }
    let opens_clause = s.chars().next().is_some_and(char::is_uppercase)
        && if s.starts_with("We ") {
            !super::super::verbs::clause_verbs(s, 0).is_empty()
        } else {
            super::super::verbs::starts_with_verb(s)
        };
    if opens_clause && (was_blank || !open) && !lines::is_preamble_start(s, true) {
        b.start_para(None, ParagraphKind::Operative, s);
        return;
    }
    let preamble = lines::is_preamble_start(s, open);
    let para_kind = b.para.as_ref().map(|p| p.kind);
    let continuation = b.para.is_some()
        && !(preamble && was_blank)
        && (!was_blank
            || lower
            || open
            || para_kind == Some(ParagraphKind::Preambular) && !seen_op);
    if continuation {
        if let Some(p) = b.para.as_mut() {
            clean::join_continuation(&mut p.text, s);
        }
        return;
    }
    let kind = if seen_op && !preamble {
        ParagraphKind::Operative
    } else {
        ParagraphKind::Preambular
    };
    b.start_para(None, kind, s);
}

pub(super) fn declaration_body(s: &str) -> Option<String> {
    let mut ctx = super::super::context::Context::default();
    let ms = super::super::entity::scan(s, &mut ctx);
    ms.into_iter()
        .find(|m| m.side == super::super::entity::Side::Intergov)
        .map(|m| m.name)
        .or_else(|| Some("General Assembly".to_string()))
}
