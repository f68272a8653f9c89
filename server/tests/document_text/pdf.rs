//! PDF: the corpus originals give usable text; scanned, encrypted, truncated, damaged and
//! endlessly recursive files are refused, and none makes the reader panic.

use std::time::Instant;

use lopdf::{Dictionary, Document, Stream, dictionary};
use server::document_text::{DocumentFormat, Refusal, text_of};

use super::common::files::{RESOLUTION_LINES, assemble, encrypted, make_pdf, pdf_bytes};
use super::{mandates, originals, read, read_text, refusal};

#[test]
fn pdf_originals_give_usable_text() {
    // pdftotext made the corpus texts; pdf-extract's text must serve the extractor as well.
    for (pdf, txt) in originals(".pdf") {
        let started = Instant::now();
        let read = text_of(&read(&pdf), &pdf).unwrap();
        let took = started.elapsed();
        assert_eq!(read.format, DocumentFormat::Pdf);
        let (ours, theirs) = (mandates(&read.text), mandates(&read_text(&txt)));
        let same = ours.iter().filter(|m| theirs.contains(m)).count();
        println!(
            "{pdf}: {} pages, text in {took:.2?}; mandates: {} from pdf-extract, {} from \
             pdftotext, {same} identical",
            read.pages.unwrap(),
            ours.len(),
            theirs.len(),
        );
        assert!(ours.len() >= theirs.len(), "{pdf}: {ours:?}\n{theirs:?}");
        // Same verbs and targets; pdf-extract keeps paragraph numbers and hyphens.
        let key = |m: &(String, String, String, Option<String>, Option<u32>)| {
            (m.1.clone(), m.3.clone(), m.4)
        };
        for m in &theirs {
            assert!(
                ours.iter().any(|o| key(o) == key(m)),
                "{pdf}: {m:?} missing"
            );
        }
        assert!(ours.iter().all(|m| !m.0.is_empty()), "{pdf}: {ours:?}");
    }
}

#[test]
fn a_pdf_made_here_is_read() {
    let read = text_of(&pdf_bytes(make_pdf(&[RESOLUTION_LINES])), "made.pdf").unwrap();
    assert_eq!((read.format, read.pages), (DocumentFormat::Pdf, Some(1)));
    assert!(
        read.text
            .contains("1. Requests the Secretary-General to submit"),
        "{}",
        read.text
    );
    assert_eq!(mandates(&read.text).len(), 1, "{}", read.text);
}

#[test]
fn a_scanned_pdf_is_refused() {
    // Each page an image (the scan) and, as OCR-less scanners print, a page number.
    let mut seed = 3u64;
    let pixels: Vec<u8> = (0..64 * 64)
        .map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 56) as u8
        })
        .collect();
    let mut doc = make_pdf(&["1", "2", "3"]);
    let image = dictionary! {
        "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 64,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
    };
    let image = doc.add_object(Stream::new(image, pixels));
    for (_, page) in doc.get_pages() {
        let content = doc.get_page_contents(page)[0];
        let stream = doc
            .get_object_mut(content)
            .unwrap()
            .as_stream_mut()
            .unwrap();
        stream.set_content(
            b"q 595 0 0 842 0 0 cm /Im1 Do Q\nBT /F1 9 Tf 290 20 Td (1) Tj ET".to_vec(),
        );
    }
    for (_, object) in doc.objects.iter_mut() {
        if let Ok(dict) = object.as_dict_mut()
            && dict.has(b"Font")
        {
            dict.set("XObject", dictionary! { "Im1" => image });
        }
    }
    assert_eq!(
        refusal(&pdf_bytes(doc), "scan.pdf"),
        Refusal::ScannedPdf { pages: 3 }
    );
}

#[test]
fn a_pdf_that_needs_a_password_is_refused() {
    let bytes = encrypted("secret");
    assert!(bytes.windows(8).any(|w| w == b"/Encrypt"));
    assert_eq!(refusal(&bytes, "locked.pdf"), Refusal::EncryptedPdf);
}

#[test]
fn a_pdf_with_only_an_owner_password_is_read() {
    // Printing or copying restricted, but anyone may open it (and pdftotext reads it too).
    let read = text_of(&encrypted(""), "restricted.pdf").unwrap();
    assert!(
        read.text.contains("Requests the Secretary-General"),
        "{}",
        read.text
    );
}

#[test]
fn a_truncated_pdf_is_refused() {
    let bytes = read("originals/16-s-2021-523.pdf");
    for keep in [bytes.len() / 2, bytes.len() * 9 / 10, 2000] {
        assert_eq!(
            refusal(&bytes[..keep], "cut.pdf"),
            Refusal::BrokenPdf,
            "{keep} bytes"
        );
    }
    assert_eq!(
        refusal(b"%PDF-1.7\n", "header-only.pdf"),
        Refusal::BrokenPdf
    );
}

#[test]
fn damaged_pdfs_never_panic() {
    // Bytes overwritten at spread positions: each result is a text or a refusal, never a panic
    // (pdf-extract does panic on some of these; the panic is caught).
    let original = read("originals/16-s-2021-523.pdf");
    let mut seed = 0x2545_f491_u64;
    for _ in 0..24 {
        let mut bytes = original.clone();
        for _ in 0..40 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let at = (seed >> 33) as usize % bytes.len();
            bytes[at] = (seed >> 20) as u8;
        }
        let _ = text_of(&bytes, "damaged.pdf");
    }
}

/// A one-page PDF whose page runs form `Fm0`; form `i` runs `Fm{i+1}` `fanout` times, and
/// the last form runs `last` (naming an earlier form makes a cycle).
fn pdf_with_forms(forms: usize, fanout: usize, last: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let mut names = Dictionary::new();
    for i in 0..forms {
        let runs = match last {
            _ if i + 1 < forms => format!("/Fm{} Do\n", i + 1).repeat(fanout),
            Some(name) => format!("/{name} Do\n"),
            None => String::new(),
        };
        let form = dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
        };
        names.set(
            format!("Fm{i}"),
            doc.add_object(Stream::new(form, runs.into_bytes())),
        );
    }
    let resources = dictionary! { "XObject" => names };
    pdf_bytes(assemble(doc, &[b"/Fm0 Do".to_vec()], resources))
}

#[test]
fn pdfs_that_would_recurse_without_end_are_refused() {
    // pdf-extract follows these by recursion without a guard: the stack would overflow and
    // abort the server (no panic to catch), so they are refused before extraction.
    let cases = [
        (1, 1, Some("Fm0"), "a form that runs itself"),
        (3, 1, Some("Fm0"), "a loop of three forms"),
        (40, 1, None, "forms nested 40 deep"),
        (20, 3, None, "3^19 form runs"),
    ];
    for (forms, fanout, last, what) in cases {
        let got = refusal(&pdf_with_forms(forms, fanout, last), "forms.pdf");
        assert_eq!(got, Refusal::BrokenPdf, "{what}");
    }
    // A page that is its own parent, with an attribute (MediaBox) to look up there.
    let mut doc = make_pdf(&[RESOLUTION_LINES]);
    let page = doc.get_pages()[&1];
    let dict = doc.get_dictionary_mut(page).unwrap();
    dict.remove(b"MediaBox");
    dict.set("Parent", page);
    assert_eq!(refusal(&pdf_bytes(doc), "parent.pdf"), Refusal::BrokenPdf);
    // Nested forms that end are run (here they draw nothing: no text).
    let got = refusal(&pdf_with_forms(5, 2, None), "forms.pdf");
    assert_eq!(got, Refusal::ScannedPdf { pages: 1 });
}
