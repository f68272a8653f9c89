//! Akoma Ntoso XML (the UN's markup of GA and ECOSOC resolutions) to plain text.
//!
//! The text is shaped like the corpus texts (`data/corpus/texts/`): one block per line with a
//! blank line between blocks, a paragraph's number before its text ("1. Requests ..."),
//! lettered subparagraphs (`<point>`) indented by four spaces, footnote markers inline as bare
//! digits ("Congress1") and the footnotes after a separator line at the end. `<meta>` is left
//! out.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{Refusal, malformed, xml_reference};

/// Elements that start and end a block of text; every other element is inline.
const BLOCKS: &str = "\
    akomaNtoso act bill doc statement debate judgment documentCollection amendment coverPage \
    preface preamble mainBody body conclusions attachments attachment components component \
    embeddedStructure formula container blockContainer recitals recital citations citation \
    longTitle heading subheading crossHeading paragraph subparagraph article section chapter \
    part division clause level hcontainer content intro wrapUp list point blockList \
    listIntroduction listWrapUp item tblock block p table tr th td ul ol li toc tocItem";

fn is_block(name: &[u8]) -> bool {
    BLOCKS
        .split_ascii_whitespace()
        .any(|b| b.as_bytes() == name)
}

/// Elements left out with everything inside them.
const SKIPPED: &[&[u8]] = &[b"meta"];

/// Blocks whose `<num>` is written alone when no text follows it.
const NUMBERED: &[&[u8]] = &[b"paragraph", b"subparagraph", b"point", b"item", b"level"];

const FOOTNOTE_SEPARATOR: &str = "__________________";

/// The text of an Akoma Ntoso document, or why it is refused.
pub(super) fn read(text: &str) -> Result<String, Refusal> {
    let mut reader = Reader::from_str(text);
    let mut walker = Walker::default();
    let mut depth = 0usize;
    let mut root_seen = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(text, reader.error_position(), e))?;
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if depth == 0 => {
                if root_seen {
                    return Err(malformed(
                        text,
                        reader.buffer_position(),
                        "a second root element",
                    ));
                }
                root_seen = true;
                let root = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if root != "akomaNtoso" {
                    return Err(Refusal::NotAkomaNtoso { root });
                }
                check_attributes(&e, text, &reader)?;
                // The root is a block; an empty root gives an empty text.
                if opens {
                    depth += 1;
                }
            }
            Event::Start(e) => {
                check_attributes(&e, text, &reader)?;
                depth += 1;
                walker.start(&e);
            }
            Event::Empty(e) => {
                check_attributes(&e, text, &reader)?;
                walker.empty(&e);
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                walker.end(e.local_name().as_ref());
            }
            Event::Text(t) => {
                let content = t
                    .xml10_content()
                    .map_err(|e| malformed(text, reader.buffer_position(), e))?;
                if depth == 0 {
                    if !content.trim().is_empty() {
                        let at = reader.buffer_position();
                        return Err(malformed(text, at, "text outside the root element"));
                    }
                } else {
                    walker.text(&content);
                }
            }
            Event::CData(c) => {
                let content = c
                    .decode()
                    .map_err(|e| malformed(text, reader.buffer_position(), e))?;
                walker.text(&content);
            }
            Event::GeneralRef(r) => {
                let Some(resolved) = xml_reference(&r) else {
                    let name = String::from_utf8_lossy(&r).into_owned();
                    let at = reader.buffer_position();
                    return Err(malformed(text, at, format!("unknown entity &{name};")));
                };
                if depth == 0 {
                    let at = reader.buffer_position();
                    return Err(malformed(text, at, "text outside the root element"));
                }
                walker.text(&resolved);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !root_seen {
        return Err(malformed(text, 0, "no element found"));
    }
    if depth > 0 {
        let at = reader.buffer_position();
        return Err(malformed(
            text,
            at,
            "the file ends before its elements are closed",
        ));
    }
    Ok(walker.finish())
}

/// Attribute syntax is part of well-formedness; quick-xml checks it only when asked.
fn check_attributes(e: &BytesStart<'_>, text: &str, reader: &Reader<&[u8]>) -> Result<(), Refusal> {
    for attribute in e.attributes() {
        attribute.map_err(|err| malformed(text, reader.buffer_position(), err))?;
    }
    Ok(())
}

/// Builds the lines while the XML is read.
#[derive(Default)]
struct Walker {
    lines: Vec<String>,
    footnotes: Vec<String>,
    /// Text of the block being read.
    line: String,
    /// The last `<num>`, waiting for the text it numbers.
    number: Option<String>,
    /// Inside `<num>`: its text so far.
    num_text: Option<String>,
    /// Inside `<authorialNote>`: its marker, its text so far and its element depth.
    note: Option<(String, String, usize)>,
    /// Depth inside an element in [`SKIPPED`].
    skip: usize,
    /// Depth of `<point>` elements (lettered subparagraphs).
    points: usize,
}

impl Walker {
    fn start(&mut self, e: &BytesStart<'_>) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 || SKIPPED.contains(&name) {
            self.skip += 1;
            return;
        }
        if let Some((_, text, depth)) = &mut self.note {
            *depth += 1;
            if is_block(name) {
                text.push(' ');
            }
            return;
        }
        match name {
            b"authorialNote" => {
                let marker = attribute(e, b"marker")
                    .unwrap_or_else(|| (self.footnotes.len() + 1).to_string());
                self.line.push_str(&marker);
                self.note = Some((marker, String::new(), 1));
            }
            b"num" => {
                self.flush();
                self.number_alone();
                self.num_text = Some(String::new());
            }
            _ if is_block(name) => {
                self.flush();
                if NUMBERED.contains(&name) {
                    self.number_alone();
                }
                if name == b"point" {
                    self.points += 1;
                }
            }
            _ => {}
        }
    }

    fn empty(&mut self, e: &BytesStart<'_>) {
        let name = e.local_name();
        if self.skip > 0 || SKIPPED.contains(&name.as_ref()) {
            return;
        }
        match name.as_ref() {
            b"eol" | b"eop" | b"br" => self.text(" "),
            n if is_block(n) && self.note.is_none() => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if let Some((marker, text, depth)) = &mut self.note {
            *depth -= 1;
            if *depth == 0 {
                self.footnotes.push(format!("{marker} {}", collapse(text)));
                self.note = None;
            } else if is_block(name) {
                text.push(' ');
            }
            return;
        }
        if name == b"num" {
            if let Some(num) = self.num_text.take() {
                self.number = Some(collapse(&num));
            }
            return;
        }
        if is_block(name) {
            self.flush();
            if NUMBERED.contains(&name) {
                self.number_alone();
            }
            if name == b"point" {
                self.points = self.points.saturating_sub(1);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        if let Some((_, note, _)) = &mut self.note {
            note.push_str(text);
        } else if let Some(num) = &mut self.num_text {
            num.push_str(text);
        } else {
            self.line.push_str(text);
        }
    }

    /// Ends the current block: its text, after the waiting number, becomes a line.
    fn flush(&mut self) {
        let text = collapse(&std::mem::take(&mut self.line));
        if text.is_empty() {
            return;
        }
        let line = match self.number.take() {
            Some(number) => format!("{number} {text}"),
            None => text,
        };
        self.push_line(line);
    }

    /// A number that no text followed (a paragraph made only of subparagraphs) on its own line.
    fn number_alone(&mut self) {
        if let Some(number) = self.number.take() {
            self.push_line(number);
        }
    }

    fn push_line(&mut self, line: String) {
        let indent = "    ".repeat(self.points);
        self.lines.push(format!("{indent}{line}"));
    }

    fn finish(mut self) -> String {
        self.flush();
        self.number_alone();
        let mut out = self.lines.join("\n\n");
        if !self.footnotes.is_empty() {
            out.push_str("\n\n");
            out.push_str(FOOTNOTE_SEPARATOR);
            out.push_str("\n\n");
            out.push_str(&self.footnotes.join("\n"));
        }
        out.push('\n');
        out
    }
}

/// An attribute's value, if present and readable.
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let value = e.try_get_attribute(name).ok()??;
    value
        .normalized_value(XmlVersion::Implicit1_0)
        .ok()
        .map(|v| collapse(&v))
}

/// Runs of blank space (tabs, newlines, no-break spaces) made one space; ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
