//! Splitting a document into resolutions and their paragraphs in one pass over its lines,
//! re-joining paragraphs that page breaks and footnote blocks cut apart.

mod builder;
mod plain;

use std::borrow::Cow;

use super::Paragraph;
use super::clean;
use super::lines::{self, Role};
use super::span::{after, before};
use super::text::any_pair;
use builder::Builder;

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

/// A text line being read, with what its reading depends on around it.
struct Reading<'a> {
    text: &'a str,
    /// Whether a blank line came just before it.
    after_blank: bool,
    /// Whether a footnote line came since the current paragraph started.
    footnote_since_para: bool,
    /// The lines after it, for a look ahead at footnotes.
    following: &'a [Line<'a>],
}

/// What the lines read so far leave behind for the next text line.
struct LineState {
    last_blank: bool,
    in_footnote: bool,
    footnote_since_para: bool,
}

impl LineState {
    /// The text of `line` and whether a blank line came before it; `None` for lines that are
    /// not read (blank lines, page furniture, footnotes and their continuation lines).
    fn text_of<'a>(&mut self, line: &'a Line) -> Option<(&'a str, bool)> {
        match line {
            Line::Blank => {
                self.last_blank = true;
                self.in_footnote = false;
                None
            }
            Line::Noise => {
                self.in_footnote = false;
                None
            }
            Line::Footnote => {
                self.in_footnote = true;
                self.footnote_since_para = true;
                None
            }
            Line::Text(text) => {
                if self.in_footnote && !self.last_blank {
                    return None;
                }
                let after_blank = self.last_blank;
                self.last_blank = false;
                Some((text.as_ref(), after_blank))
            }
        }
    }
}

/// Physical lines: split at '\n' first, then at form feeds, so that both splits are single
/// byte searches (one split on two characters decodes every character of the input).
fn classify_lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .flat_map(|l| l.split('\u{0C}'))
        .map(|raw| {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                Line::Blank
            } else if clean::is_noise_line(trimmed) {
                Line::Noise
            } else if clean::is_footnote_line(trimmed) && !lines::is_numbered_clause(trimmed) {
                Line::Footnote
            } else {
                let cleaned = clean::clean_line(trimmed);
                if cleaned.is_empty() {
                    Line::Blank
                } else {
                    Line::Text(cleaned)
                }
            }
        })
        .collect()
}

/// Whether a paragraph's text stops mid-sentence, so that the next line may continue it.
fn is_open(text: &str) -> bool {
    let closing = text.trim_end().trim_end_matches(['"', '”', '’', '\'']);
    !closing.ends_with(['.', ';', ':', ','])
}

/// Resolutions of `text`; with `implicit`, the whole text is read as one resolution body
/// (used when no label or opening line marks one).
pub fn split(text: &str, implicit: bool) -> Vec<RawResolution> {
    let lines = classify_lines(text);
    let mut b = Builder {
        symbol: leading_symbol(text).map(str::to_string),
        ..Builder::default()
    };
    if implicit {
        b.open("Resolution".to_string(), String::new(), true);
    }
    let mut state = LineState {
        last_blank: true,
        in_footnote: false,
        footnote_since_para: false,
    };
    for (i, line) in lines.iter().enumerate() {
        let Some((text, after_blank)) = state.text_of(line) else {
            continue;
        };
        let mut rest = text;
        let mut after_blank = after_blank;
        // "... persons.8 6. We recall ...": a paragraph number run on after the last sentence
        while let Some(cut) = expected_number(&b, rest).and_then(|n| run_on_number(rest, n)) {
            let head = Reading {
                text: before(rest, cut).trim_end(),
                after_blank,
                footnote_since_para: state.footnote_since_para,
                following: &[],
            };
            read_line(&mut b, &head);
            rest = after(rest, cut);
            after_blank = false;
        }
        let reading = Reading {
            text: rest,
            after_blank,
            footnote_since_para: state.footnote_since_para,
            following: lines.get(i + 1..).unwrap_or_default(),
        };
        read_line(&mut b, &reading);
        if b.para.is_some() {
            state.footnote_since_para = false;
        }
    }
    b.close();
    b.out
}

/// The paragraph number that could be run on inside `line`: one more than the number it
/// starts with, else the next of the resolution. `None` (the common case, checked on bytes)
/// when no number follows a full stop in the line.
fn expected_number(b: &Builder, line: &str) -> Option<u32> {
    if !any_pair(line.as_bytes(), |a, c| a.is_ascii_digit() & (c == b'.')) {
        return None;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.get(..digits).and_then(|d| d.parse::<u32>().ok()) {
        Some(own) if line.get(digits..digits + 2) == Some(". ") => Some(own + 1),
        _ => b.next_number(),
    }
}

/// Where paragraph number `n` starts inside `line`, run on after the end of a sentence ("...
/// persons.8 6. We recall ..."): after a full stop, semicolon or colon (and a footnote number),
/// before a capitalised word.
fn run_on_number(line: &str, n: u32) -> Option<usize> {
    let needle = format!(" {n}. ");
    let mut from = 0usize;
    while let Some(p) = after(line, from).find(&needle) {
        let at = from + p;
        from = at + needle.len();
        let head = before(line, at).trim_end_matches(|c: char| c.is_ascii_digit());
        let next_cap = after(line, at + needle.len()).starts_with(|c: char| c.is_uppercase());
        if next_cap && head.ends_with(['.', ';', ':']) && head.len() > 1 {
            return Some(at + 1);
        }
    }
    None
}

/// A document symbol heading the text on a line of its own ("S/2018/221", as Security
/// Council drafts start): the label of a resolution the text does not number.
fn leading_symbol(text: &str) -> Option<&str> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    (first.contains('/') && !first.contains(' ') && clean::is_noise_line(first)).then_some(first)
}

fn read_line(b: &mut Builder, line: &Reading) {
    let text = line.text;
    if b.symbol.is_none()
        && let Some(symbol) = clean::symbol_of(text)
    {
        b.symbol = Some(symbol.to_string());
    }
    match lines::role(text) {
        Role::Chapter => {
            b.close();
            b.section = None;
            b.section_body = None;
        }
        Role::Annex => b.start_annex(),
        Role::Section { letter, body } => {
            b.close();
            b.section = Some(letter);
            b.section_body = body;
        }
        Role::Label { label, title } => b.label(label, title),
        Role::AdoptedBy(body) => {
            b.close();
            b.adopted_by = body;
        }
        Role::EndMark => b.close(),
        Role::Opener { body, inline } => b.opener(text, body, inline),
        Role::Numbered(numbered) => b.numbered(text, numbered),
        Role::Plain => plain::plain_line(b, line),
    }
}
