//! Word (.docx) files: `word/document.xml` from the zip, its paragraphs (`w:p`) as lines.
//!
//! Only text runs count: `w:t` is text, `w:tab` a tab, `w:br` / `w:cr` a line break; paragraph
//! properties (tab stops), deleted text and field codes are left out. The XML is read through
//! [`Read::take`] with a cap, and an entry declaring an extreme compression ratio is refused
//! before it is unpacked, so a zip bomb costs neither memory nor time.

use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use zip::ZipArchive;

use super::{Refusal, xml_reference};

const DOCUMENT_XML: &str = "word/document.xml";

/// Largest `word/document.xml` read (50 MiB unpacked); the longest resolutions are under 1 MB.
pub const MAX_DOCUMENT_XML_BYTES: u64 = 50 * 1024 * 1024;

/// Largest compression ratio declared by an entry of more than [`RATIO_CHECKED_ABOVE`] bytes.
/// Word's XML packs about 5-15 to 1; a run of repeated bytes packs about 1000 to 1.
pub const MAX_COMPRESSION_RATIO: u64 = 100;
const RATIO_CHECKED_ABOVE: u64 = 1024 * 1024;

const WORDPROCESSING_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of a .docx (or the refusal of another kind of zip).
pub(super) fn read(bytes: &[u8]) -> Result<String, Refusal> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::BrokenDocx)?;
    let Some(index) = archive.index_for_name(DOCUMENT_XML) else {
        return Err(other_zip(&archive));
    };
    let entry = archive.by_index(index).map_err(|_| Refusal::BrokenDocx)?;
    let (size, packed) = (entry.size(), entry.compressed_size());
    if size > RATIO_CHECKED_ABOVE && size > packed.saturating_mul(MAX_COMPRESSION_RATIO) {
        return Err(Refusal::ZipBomb);
    }
    let mut xml = Vec::new();
    entry
        .take(MAX_DOCUMENT_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|_| Refusal::BrokenDocx)?;
    if xml.len() as u64 > MAX_DOCUMENT_XML_BYTES {
        return Err(Refusal::ZipBomb);
    }
    let xml = std::str::from_utf8(&xml).map_err(|_| Refusal::BrokenDocx)?;
    paragraphs(xml).ok_or(Refusal::BrokenDocx)
}

/// A zip that is not a Word file: says what it looks like.
fn other_zip<R: Read + std::io::Seek>(archive: &ZipArchive<R>) -> Refusal {
    let has = |prefix: &str| {
        archive
            .file_names()
            .flatten()
            .any(|n| n.starts_with(prefix))
    };
    let what = if has("xl/") {
        "an Excel workbook (.xlsx)"
    } else if has("ppt/") {
        "a PowerPoint presentation (.pptx)"
    } else if has("mimetype") {
        "an OpenDocument file (.odt, .ods)"
    } else {
        "a zip archive, not a Word (.docx) file"
    };
    Refusal::Unsupported { what }
}

/// The paragraphs of `word/document.xml`, one per line; `None` if the XML is broken.
fn paragraphs(xml: &str) -> Option<String> {
    let mut reader = NsReader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut in_text = false;
    // Open elements: the XML must close them all (a cut file does not).
    let mut depth = 0usize;
    // Depth inside paragraph properties, whose `w:tab` elements are tab stops, not tabs.
    let mut in_properties = 0usize;
    loop {
        let (namespace, event) = reader.read_resolved_event().ok()?;
        let word =
            matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == WORDPROCESSING_NS);
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.checked_sub(1)?,
            _ => {}
        }
        match event {
            Event::Start(e) if word => match e.local_name().as_ref() {
                b"p" if !line.is_empty() => lines.push(std::mem::take(&mut line)),
                b"t" => in_text = true,
                b"pPr" => in_properties += 1,
                name if in_properties == 0 => run_content(name, &mut line),
                _ => {}
            },
            Event::Empty(e) if word => match e.local_name().as_ref() {
                b"p" => lines.push(std::mem::take(&mut line)),
                name if in_properties == 0 => run_content(name, &mut line),
                _ => {}
            },
            Event::End(e) if word => match e.local_name().as_ref() {
                b"p" => lines.push(std::mem::take(&mut line)),
                b"t" => in_text = false,
                b"pPr" => in_properties = in_properties.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_text => line.push_str(&t.xml10_content().ok()?),
            Event::CData(t) if in_text => line.push_str(&t.decode().ok()?),
            Event::GeneralRef(r) if in_text => line.push_str(&xml_reference(&r)?),
            Event::Eof if depth == 0 => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines.join("\n"))
}

/// Elements of a run that stand for characters.
fn run_content(name: &[u8], line: &mut String) {
    match name {
        b"tab" => line.push('\t'),
        b"br" | b"cr" => line.push('\n'),
        b"noBreakHyphen" => line.push('-'),
        _ => {}
    }
}
