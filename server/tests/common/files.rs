//! Files the upload tests make: PDFs (lopdf), Word files (zip), and bad ones of each.

use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// A PDF of one page per entry of `pages`: its text lines (Helvetica) over a grey fill.
pub fn make_pdf(pages: &[&str]) -> Document {
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .map(|text| {
            let mut content = b"q 0.5 g 0 0 595 842 re f Q".to_vec();
            for (i, line) in text.lines().enumerate() {
                let y = 800 - 14 * i;
                content.extend(format!("\nBT /F1 11 Tf 50 {y} Td ({line}) Tj ET").bytes());
            }
            content
        })
        .collect();
    assemble(doc, &contents, resources)
}

/// Pages with these content streams, sharing `resources`.
pub fn assemble(mut doc: Document, contents: &[Vec<u8>], resources: Dictionary) -> Document {
    let pages_id = doc.new_object_id();
    let resources = doc.add_object(resources);
    let mut kids = Vec::new();
    for content in contents {
        let content = doc.add_object(Stream::new(dictionary! {}, content.clone()));
        let dict = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        };
        kids.push(Object::Reference(doc.add_object(dict)));
    }
    let count = kids.len() as i64;
    let pages = dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let id = Object::string_literal("0123456789abcdef");
    doc.trailer.set("ID", vec![id.clone(), id]);
    doc
}

pub fn pdf_bytes(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

pub const RESOLUTION_LINES: &str = "The General Assembly,\n\
    1. Requests the Secretary-General to submit a report to the General Assembly at its\n\
    seventy-ninth session on the implementation of the present resolution.";

pub fn encrypted(user_password: &str) -> Vec<u8> {
    let mut doc = make_pdf(&[RESOLUTION_LINES]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::PRINTABLE,
    };
    let state = EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    pdf_bytes(doc)
}

pub fn docx(document_xml: &[u8]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document_xml).unwrap();
    zip.finish().unwrap().into_inner()
}

pub const W: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

pub fn zip_of(name: &str, content: &[u8]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(name, SimpleFileOptions::default()).unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A .docx whose `word/document.xml` is `len` bytes made by `fill`, written a chunk at a time.
pub fn streamed_docx(len: usize, level: i64, mut fill: impl FnMut(&mut [u8])) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(level));
    zip.start_file("word/document.xml", options).unwrap();
    let mut chunk = vec![0u8; 1 << 20];
    let mut left = len;
    while left > 0 {
        let n = left.min(chunk.len());
        fill(&mut chunk[..n]);
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.finish().unwrap().into_inner()
}

/// Three pages, each a grey "scan" and a page number: pages, but no text to speak of.
pub fn scanned_pdf() -> Vec<u8> {
    pdf_bytes(make_pdf(&["1", "2", "3"]))
}

/// A PDF that needs a password to open.
pub fn encrypted_pdf() -> Vec<u8> {
    encrypted("secret")
}

/// A .docx of `text`, one paragraph (`w:p`) a line, as Word writes a pasted text.
pub fn docx_of(text: &str) -> Vec<u8> {
    let mut xml = String::from(W);
    for line in text.lines() {
        let line = line.replace('&', "&amp;").replace('<', "&lt;");
        xml.push_str(&format!(
            r#"<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>"#
        ));
    }
    xml.push_str("</w:body></w:document>");
    docx(xml.as_bytes())
}

/// 200 MB of spaces in a .docx of a few hundred kilobytes.
pub fn zip_bomb() -> Vec<u8> {
    streamed_docx(200 << 20, 6, |chunk| chunk.fill(b' '))
}
