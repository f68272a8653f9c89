#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Uploads to text (`server::document_text`): the real originals of the corpus give the
//! mandates of the corpus texts, and each kind of bad file is refused with its own reason.
//! Fixtures other than the corpus originals are made here (zip writer, lopdf). PDF in
//! document_text/pdf.rs, Word, Akoma Ntoso, other XML and plain text in
//! document_text/markup.rs; here the helpers and what every format shares.

use std::path::{Path, PathBuf};

use server::document_text::{DocumentFormat, MAX_UPLOAD_BYTES, Refusal, text_of};

mod common;

#[path = "document_text/markup.rs"]
mod markup;
#[path = "document_text/pdf.rs"]
mod pdf;
#[path = "document_text/pdf_bombs.rs"]
mod pdf_bombs;

fn corpus(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data/corpus")
        .join(relative)
}

fn read(relative: &str) -> Vec<u8> {
    std::fs::read(corpus(relative)).unwrap()
}

fn read_text(relative: &str) -> String {
    String::from_utf8(read(relative)).unwrap()
}

/// What the extractor finds: (paragraph, verb, addressee, target body, target session).
type Found = Vec<(String, String, String, Option<String>, Option<u32>)>;

fn mandates(text: &str) -> Found {
    let Ok(extraction) = app::extract::extract(text) else {
        return Vec::new();
    };
    let all = extraction.resolutions.into_iter().flat_map(|r| r.mandates);
    all.map(|m| {
        (
            m.paragraph,
            m.verb,
            m.addressee,
            m.target_body,
            m.target_session,
        )
    })
    .collect()
}

/// The originals with this extension, each with its corpus text (`texts/<same stem>.txt`).
fn originals(extension: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(corpus("originals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|name| {
            let stem = name.strip_suffix(extension)?.to_owned();
            Some((format!("originals/{name}"), format!("texts/{stem}.txt")))
        })
        .collect();
    found.sort();
    found
}

fn refusal(bytes: &[u8], name: &str) -> Refusal {
    match text_of(bytes, name) {
        Err(refusal) => refusal,
        Ok(text) => panic!("{name} was read as {:?}, not refused", text.format),
    }
}

// ---------------------------------------------------------------- every format

#[test]
fn empty_and_oversized_files_are_refused() {
    assert_eq!(refusal(b"", "empty.pdf"), Refusal::Empty);
    let big = vec![b'a'; MAX_UPLOAD_BYTES + 1];
    let got = refusal(&big, "big.txt");
    assert_eq!(
        got,
        Refusal::TooLarge {
            bytes: MAX_UPLOAD_BYTES + 1
        }
    );
    assert!(
        text_of(&big[..MAX_UPLOAD_BYTES], "big.txt").is_ok(),
        "the limit itself is accepted"
    );
}

#[test]
fn other_formats_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let got = refusal(png, "scan.png");
    assert!(matches!(got, Refusal::Unsupported { what } if what.contains("PNG")));
    let doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
    assert_eq!(refusal(doc, "old.doc"), Refusal::LegacyOffice);
    let html = b"<!DOCTYPE html>\n<html><body>A/RES/76/181</body></html>";
    let got = refusal(html, "page.xml");
    assert!(matches!(got, Refusal::Unsupported { what } if what.contains("HTML")));
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert!(matches!(
        refusal(&binary, "data.bin"),
        Refusal::Unsupported { .. }
    ));
    // The name is only a hint: it says what an unrecognised binary was meant to be ...
    assert_eq!(refusal(&binary, "resolution.pdf"), Refusal::BrokenPdf);
    assert_eq!(refusal(&binary, "resolution.docx"), Refusal::BrokenDocx);
    // ... and never overrides the bytes.
    let read = text_of(&read("originals/09-e-res-2021-21.xml"), "resolution.pdf").unwrap();
    assert_eq!(read.format, DocumentFormat::AkomaNtoso);
    let note = b"Minutes: the PDF header is %PDF-1.7, see the annex.";
    assert_eq!(
        text_of(note, "note.txt").unwrap().format,
        DocumentFormat::PlainText
    );
}

#[test]
fn every_refusal_says_what_to_do() {
    let all = [
        Refusal::Empty,
        Refusal::TooLarge { bytes: 31 << 20 },
        Refusal::Unsupported {
            what: "an image (PNG)",
        },
        Refusal::LegacyOffice,
        Refusal::ScannedPdf { pages: 3 },
        Refusal::EncryptedPdf,
        Refusal::BrokenPdf,
        Refusal::BrokenDocx,
        Refusal::ZipBomb,
        Refusal::PdfBomb,
        Refusal::MalformedXml {
            line: 4,
            reason: "x".into(),
        },
        Refusal::NotAkomaNtoso { root: "rss".into() },
        Refusal::NotUtf8 { offset: 42 },
    ];
    for refusal in all {
        let message = refusal.to_string();
        println!("{refusal:?}: {message}");
        assert!(
            message.ends_with('.') && message.contains("pload"),
            "{message}"
        );
    }
    let message = Refusal::TooLarge { bytes: 31 << 20 }.to_string();
    assert!(message.starts_with("The file is 31.0 MB, more than the 25 MB accepted."));
    let labels = [
        DocumentFormat::Pdf,
        DocumentFormat::Docx,
        DocumentFormat::AkomaNtoso,
        DocumentFormat::PlainText,
    ]
    .map(DocumentFormat::label);
    assert_eq!(
        labels,
        ["PDF", "Word (.docx)", "Akoma Ntoso XML", "plain text"]
    );
}
