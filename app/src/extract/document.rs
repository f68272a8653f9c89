//! Splitting a document into resolutions and their paragraphs in one pass over its lines,
//! re-joining paragraphs that page breaks and footnote blocks cut apart.

mod plain;

use std::borrow::Cow;

use super::clean;
use super::lines::{self, Role};
use super::{Paragraph, ParagraphKind};

/// A resolution or decision as laid out in the document, before mandate analysis.
#[derive(Debug, Clone)]
pub struct RawResolution {
    pub label: String,
    pub title: String,
    pub adopting_body: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

enum Line<'a> {
    Blank,
    Noise,
    Footnote,
    /// Cleaned text, borrowed from the input unless cleaning changed it.
    Text(Cow<'a, str>),
}

struct Cur {
    label: String,
    title: String,
    body_zone: bool,
    opener_body: Option<String>,
    fallback_body: Option<String>,
    paragraphs: Vec<Paragraph>,
    seen_operative: bool,
    in_annex: bool,
}

struct Para {
    number: Option<String>,
    kind: ParagraphKind,
    text: String,
}

#[derive(Default)]
struct Builder {
    out: Vec<RawResolution>,
    section: Option<char>,
    section_body: Option<String>,
    adopted_by: Option<String>,
    symbol: Option<String>,
    last_outside: Option<String>,
    cur: Option<Cur>,
    para: Option<Para>,
}

/// Physical lines: split at '\n' first, then at form feeds, so that both splits are single
/// byte searches (one split on two characters decodes every character of the input).
fn classify_lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .flat_map(|l| l.split('\u{0C}'))
        .map(|raw| {
            let t = raw.trim();
            if t.is_empty() {
                Line::Blank
            } else if clean::is_noise_line(t) {
                Line::Noise
            } else if clean::is_footnote_line(t) {
                Line::Footnote
            } else {
                let c = clean::clean_line(t);
                if c.is_empty() {
                    Line::Blank
                } else {
                    Line::Text(c)
                }
            }
        })
        .collect()
}

fn is_open(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['"', '”', '’', '\'']);
    !t.ends_with(['.', ';', ':', ','])
}

impl Builder {
    fn flush_para(&mut self) {
        if let (Some(p), Some(cur)) = (self.para.take(), self.cur.as_mut()) {
            let text = clean::finish_paragraph(p.text);
            if !text.is_empty() {
                cur.paragraphs.push(Paragraph {
                    number: p.number,
                    kind: p.kind,
                    text,
                });
            }
        }
    }

    fn close(&mut self) {
        self.flush_para();
        if let Some(c) = self.cur.take()
            && !c.paragraphs.is_empty()
        {
            let body = c.opener_body.or(c.fallback_body);
            self.out.push(RawResolution {
                label: c.label,
                title: clean::finish_paragraph(c.title),
                adopting_body: body,
                paragraphs: c.paragraphs,
            });
        }
    }

    fn open(&mut self, label: String, title: String, body_zone: bool) {
        self.close();
        let fallback_body = self.adopted_by.take().or_else(|| self.section_body.clone());
        self.cur = Some(Cur {
            label,
            title,
            body_zone,
            opener_body: None,
            fallback_body,
            paragraphs: Vec::new(),
            seen_operative: false,
            in_annex: false,
        });
    }

    fn start_para(&mut self, number: Option<String>, kind: ParagraphKind, text: &str) {
        self.flush_para();
        if let Some(c) = self.cur.as_mut() {
            c.body_zone = true;
            if kind == ParagraphKind::Operative {
                c.seen_operative = true;
            }
        }
        self.para = Some(Para {
            number,
            kind,
            text: text.to_string(),
        });
    }

    fn default_label(&self) -> String {
        self.symbol
            .clone()
            .unwrap_or_else(|| "Resolution".to_string())
    }
}

/// Resolutions of `text`; with `implicit`, the whole text is read as one resolution body
/// (used when no label or opening line marks one).
pub fn split(text: &str, implicit: bool) -> Vec<RawResolution> {
    let lines = classify_lines(text);
    let mut b = Builder::default();
    if implicit {
        b.open("Resolution".to_string(), String::new(), true);
    }
    let mut last_blank = true;
    let mut in_footnote = false;
    let mut footnote_since_para = false;
    for (i, line) in lines.iter().enumerate() {
        let s = match line {
            Line::Blank => {
                last_blank = true;
                in_footnote = false;
                continue;
            }
            Line::Noise => {
                in_footnote = false;
                continue;
            }
            Line::Footnote => {
                in_footnote = true;
                footnote_since_para = true;
                continue;
            }
            Line::Text(s) => s.as_ref(),
        };
        if in_footnote && !last_blank {
            continue;
        }
        let was_blank = last_blank;
        last_blank = false;
        if b.symbol.is_none()
            && let Some(sym) = clean::symbol_of(s)
        {
            b.symbol = Some(sym.to_string());
        }
        match lines::role(s) {
            Role::Chapter => {
                b.close();
                b.section = None;
                b.section_body = None;
            }
            Role::Annex => {
                b.flush_para();
                if let Some(c) = b.cur.as_mut() {
                    c.in_annex = true;
                }
            }
            Role::Section { letter, body } => {
                b.close();
                b.section = Some(letter);
                b.section_body = body;
            }
            Role::Label { label, title } => {
                let label = match b.section {
                    Some(l) if title.is_none() => format!("{l}. {label}"),
                    _ => label,
                };
                b.open(label, title.unwrap_or_default(), false);
            }
            Role::AdoptedBy(body) => {
                b.close();
                b.adopted_by = body;
            }
            Role::EndMark => b.close(),
            Role::Opener { body, inline } => {
                let we = body.is_none();
                let annex = b.cur.as_ref().is_some_and(|c| c.in_annex);
                let needs_new = b
                    .cur
                    .as_ref()
                    .is_none_or(|c| c.body_zone && !c.paragraphs.is_empty() || c.in_annex);
                if needs_new {
                    let label = match b.cur.as_ref() {
                        Some(c) if annex => format!("{} annex", c.label),
                        _ => b.default_label(),
                    };
                    let title = b.last_outside.take().unwrap_or_default();
                    b.open(label, title, false);
                }
                let body = if we { plain::declaration_body(s) } else { body };
                if let Some(c) = b.cur.as_mut() {
                    c.opener_body = body.or(c.opener_body.take());
                    c.body_zone = true;
                }
                if inline || we {
                    b.start_para(None, ParagraphKind::Operative, s);
                    if we {
                        if let Some(c) = b.cur.as_mut() {
                            c.seen_operative = false;
                        }
                        b.para = b.para.take().map(|p| Para {
                            kind: ParagraphKind::Preambular,
                            ..p
                        });
                    }
                }
            }
            Role::Numbered {
                number,
                text,
                lettered,
            } => {
                let Some(c) = b.cur.as_ref() else {
                    if b.section_body.is_none() {
                        b.section_body = lines::body_phrase(&text);
                    }
                    continue;
                };
                if c.in_annex {
                    continue;
                }
                if lettered
                    && c.seen_operative
                    && b.para.as_ref().is_some_and(|p| p.number.is_some())
                {
                    if let Some(p) = b.para.as_mut() {
                        clean::join_continuation(&mut p.text, s);
                    }
                } else {
                    b.start_para(Some(number), ParagraphKind::Operative, &text);
                }
            }
            Role::Plain => {
                plain::plain_line(&mut b, s, was_blank, &lines, i, &mut footnote_since_para)
            }
        }
        if b.para.is_some() && !matches!(line, Line::Footnote) {
            footnote_since_para = false;
        }
    }
    b.close();
    b.out
}
