//! The resolutions read so far, and the one and the paragraph being read: what each kind of
//! line does to them.

use super::super::clean;
use super::super::lines::{self, NumberedLine};
use super::super::{Paragraph, ParagraphKind};
use super::{RawResolution, plain};

/// The resolution being read.
pub(super) struct Cur {
    pub(super) label: String,
    pub(super) title: String,
    /// Whether its paragraphs have started (its title is complete).
    pub(super) body_zone: bool,
    opener_body: Option<String>,
    fallback_body: Option<String>,
    paragraphs: Vec<Paragraph>,
    pub(super) seen_operative: bool,
    pub(super) in_annex: bool,
}

/// The paragraph being read.
pub(super) struct Para {
    number: Option<String>,
    pub(super) kind: ParagraphKind,
    pub(super) text: String,
}

#[derive(Default)]
pub(super) struct Builder {
    pub(super) out: Vec<RawResolution>,
    pub(super) section: Option<char>,
    pub(super) section_body: Option<String>,
    pub(super) adopted_by: Option<String>,
    pub(super) symbol: Option<String>,
    /// The last plain line outside any resolution: the title of a resolution that an opening
    /// line starts.
    pub(super) last_outside: Option<String>,
    pub(super) cur: Option<Cur>,
    pub(super) para: Option<Para>,
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

    pub(super) fn close(&mut self) {
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

    pub(super) fn open(&mut self, label: String, title: String, body_zone: bool) {
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

    pub(super) fn start_para(&mut self, number: Option<String>, kind: ParagraphKind, text: &str) {
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

    /// The number the next operative paragraph would carry: one more than the last numbered
    /// one of the resolution being read, 1 if none is numbered yet; `None` outside a
    /// resolution or in an annex that is not read.
    pub(super) fn next_number(&self) -> Option<u32> {
        let cur = self.cur.as_ref().filter(|c| !c.in_annex && c.body_zone)?;
        let numeric = |n: &Option<String>| n.as_deref().and_then(|n| n.parse::<u32>().ok());
        let last = self
            .para
            .as_ref()
            .and_then(|p| numeric(&p.number))
            .or_else(|| cur.paragraphs.iter().rev().find_map(|p| numeric(&p.number)));
        Some(last.map_or(1, |n| n + 1))
    }

    /// Adds `line` to the paragraph being read, if there is one.
    pub(super) fn continue_para(&mut self, line: &str) {
        if let Some(p) = self.para.as_mut() {
            clean::join_continuation(&mut p.text, line);
        }
    }

    fn default_label(&self) -> String {
        self.symbol
            .clone()
            .unwrap_or_else(|| "Resolution".to_string())
    }

    /// "Annex": what follows is not the resolution's text.
    pub(super) fn start_annex(&mut self) {
        self.flush_para();
        if let Some(c) = self.cur.as_mut() {
            c.in_annex = true;
        }
    }

    /// "Draft resolution II", "Resolution 28/1 Title": a new resolution, labelled within its
    /// lettered section.
    pub(super) fn label(&mut self, label: String, title: Option<String>) {
        let label = match self.section {
            Some(letter) if title.is_none() => format!("{letter}. {label}"),
            _ => label,
        };
        self.open(label, title.unwrap_or_default(), false);
    }

    /// "The General Assembly,", "We, the Heads of State": the body that speaks, opening a new
    /// resolution unless it heads the one just labelled. A declaration's opening line is its
    /// first (preambular) paragraph; an inline opener's, its first operative one.
    pub(super) fn opener(&mut self, line: &str, body: Option<String>, inline: bool) {
        let declaration = body.is_none();
        self.open_for_opener();
        let body = if declaration {
            plain::declaration_body(line)
        } else {
            body
        };
        if let Some(c) = self.cur.as_mut() {
            c.opener_body = body.or(c.opener_body.take());
            c.body_zone = true;
        }
        if inline || declaration {
            self.start_para(None, ParagraphKind::Operative, line);
        }
        if declaration {
            if let Some(c) = self.cur.as_mut() {
                c.seen_operative = false;
            }
            if let Some(p) = self.para.as_mut() {
                p.kind = ParagraphKind::Preambular;
            }
        }
    }

    fn open_for_opener(&mut self) {
        let in_annex = self.cur.as_ref().is_some_and(|c| c.in_annex);
        let needs_new = self
            .cur
            .as_ref()
            .is_none_or(|c| c.body_zone && !c.paragraphs.is_empty() || c.in_annex);
        if !needs_new {
            return;
        }
        let label = match self.cur.as_ref() {
            Some(c) if in_annex => format!("{} annex", c.label),
            _ => self.default_label(),
        };
        let title = self.last_outside.take().unwrap_or_default();
        self.open(label, title, false);
    }

    /// "12. Requests ...", "(b) ...": a new operative paragraph, or for a lettered
    /// subparagraph of a numbered one, part of it. Outside a resolution, such a line can
    /// still say which body the section's resolutions are for.
    pub(super) fn numbered(&mut self, line: &str, numbered: NumberedLine) {
        let Some(c) = self.cur.as_ref() else {
            if self.section_body.is_none() {
                self.section_body = lines::body_phrase(&numbered.text);
            }
            return;
        };
        if c.in_annex {
            return;
        }
        let subparagraph = numbered.lettered
            && c.seen_operative
            && self.para.as_ref().is_some_and(|p| p.number.is_some());
        if subparagraph {
            self.continue_para(line);
        } else {
            self.start_para(
                Some(numbered.number),
                ParagraphKind::Operative,
                &numbered.text,
            );
        }
    }
}
