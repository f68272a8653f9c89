#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Uploads to text (`server::document_text`): the real originals of the corpus give the
//! mandates of the corpus texts, and each kind of bad file is refused with its own reason.
//! Fixtures other than the corpus originals are made here (zip writer, lopdf).

use std::path::{Path, PathBuf};
use std::time::Instant;

use lopdf::{Dictionary, Document, Stream, dictionary};
use server::document_text::{DocumentFormat, MAX_UPLOAD_BYTES, Refusal, text_of};

mod common;
use common::files::{
    RESOLUTION_LINES, W, assemble, docx, encrypted, make_pdf, pdf_bytes, streamed_docx, zip_of,
};

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

// ---------------------------------------------------------------- Akoma Ntoso

#[test]
fn akoma_ntoso_originals_give_the_mandates_of_the_corpus_texts() {
    let files = originals(".xml");
    assert_eq!(files.len(), 19);
    let (mut same_mandates, mut same_bytes) = (0, 0);
    for (xml, txt) in &files {
        let read = text_of(&read(xml), xml).unwrap();
        assert_eq!(
            (read.format, read.pages),
            (DocumentFormat::AkomaNtoso, None)
        );
        let corpus_text = read_text(txt);
        let (ours, theirs) = (mandates(&read.text), mandates(&corpus_text));
        assert!(!theirs.is_empty(), "{txt}");
        same_mandates += usize::from(ours == theirs);
        same_bytes += usize::from(read.text == corpus_text);
        println!(
            "{xml}: {} mandates, the text's {}",
            ours.len(),
            theirs.len()
        );
    }
    println!(
        "Akoma Ntoso: {same_mandates} of {} give exactly the mandates of their corpus text \
         ({same_bytes} byte-identical texts)",
        files.len()
    );
    assert_eq!(same_mandates, files.len());
    assert_eq!(
        same_bytes,
        files.len(),
        "the converter's output, byte for byte"
    );
}

#[test]
fn akoma_ntoso_details() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>
  <meta><identification><FRBRthis value="x"/></identification><p>left out</p></meta>
  <preface><p><docNumber>77/1.</docNumber> <docTitle>A &amp; B &#8211; C</docTitle></p></preface>
  <mainBody>
    <paragraph><num>1.</num><content><p>	<i>Requests</i> the Secretary-General,<authorialNote
      marker="4"><p>See <a href="u">A/77/1</a>.</p></authorialNote> to:</p></content></paragraph>
    <paragraph><num>2.</num><list><point><num>(a)</num><content><p>Report;</p></content>
      <list><point><num>(i)</num><content><p>deeper</p></content></point></list></point></list>
    </paragraph>
    <paragraph><num>3.</num></paragraph>
  </mainBody>
  <conclusions><p>1st meeting<eol/>2 May 2023</p></conclusions>
</statement></akomaNtoso>"#;
    let read = text_of(xml.as_bytes(), "").unwrap();
    assert_eq!(
        read.text,
        "77/1. A & B \u{2013} C\n\n1. Requests the Secretary-General,4 to:\n\n2.\n\n    \
         (a) Report;\n\n        (i) deeper\n\n3.\n\n1st meeting 2 May 2023\n\n\
         __________________\n\n4 See A/77/1.\n"
    );
    assert_eq!(text_of(b"<akomaNtoso/>", "").unwrap().text, "\n");
}

// ---------------------------------------------------------------- PDF

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

// ---------------------------------------------------------------- Word

#[test]
fn a_word_file_gives_the_mandates_of_its_text() {
    let txt = read_text("texts/09-e-res-2021-21.txt");
    let mut xml = String::from(W);
    for line in txt.lines() {
        let line = line.replace('&', "&amp;").replace('<', "&lt;");
        xml.push_str(&format!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>"#
        ));
    }
    xml.push_str("</w:body></w:document>");
    let read = text_of(&docx(xml.as_bytes()), "09.docx").unwrap();
    assert_eq!((read.format, read.pages), (DocumentFormat::Docx, None));
    assert_eq!(
        read.text,
        txt.trim_end(),
        "one line per paragraph; tab stops are no text"
    );
    let found = mandates(&read.text);
    assert_eq!(found.len(), 3);
    assert_eq!(found, mandates(&txt));
}

#[test]
fn word_tabs_breaks_and_references_are_text() {
    let xml = format!(
        r#"{W}<w:p><w:r><w:t>1.</w:t><w:tab/><w:t xml:space="preserve">Requests </w:t></w:r><w:r><w:t>A &amp; B</w:t><w:br/><w:t>&#8220;next&#8221;</w:t></w:r></w:p><w:p/><w:p><w:r><w:delText>gone</w:delText><w:instrText>PAGE</w:instrText><w:t>end</w:t></w:r></w:p></w:body></w:document>"#
    );
    let read = text_of(&docx(xml.as_bytes()), "").unwrap();
    assert_eq!(read.text, "1.\tRequests A & B\n\u{201c}next\u{201d}\n\nend");
}

#[test]
fn zips_that_are_not_word_files_are_refused() {
    let xlsx = zip_of("xl/workbook.xml", b"<workbook/>");
    let got = refusal(&xlsx, "book.xlsx");
    assert!(matches!(got, Refusal::Unsupported { what } if what.contains("Excel")));
    let got = refusal(&zip_of("notes.txt", b"hello"), "notes.docx");
    assert!(matches!(got, Refusal::Unsupported { what } if what.contains("zip archive")));
}

#[test]
fn a_broken_zip_is_refused() {
    let xml = format!("{W}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>");
    let whole = docx(xml.as_bytes());
    for keep in [whole.len() / 2, whole.len() - 10, 30] {
        assert_eq!(
            refusal(&whole[..keep], "cut.docx"),
            Refusal::BrokenDocx,
            "{keep} bytes"
        );
    }
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend(std::iter::repeat_n(0x5A, 500));
    assert_eq!(refusal(&garbage, "garbage.docx"), Refusal::BrokenDocx);
    let unclosed = format!("{W}<w:p><w:r><w:t>x</w:t>");
    assert_eq!(
        refusal(&docx(unclosed.as_bytes()), "bad.docx"),
        Refusal::BrokenDocx
    );
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let started = Instant::now();
    let bomb = streamed_docx(200 << 20, 6, |chunk| chunk.fill(b' '));
    println!(
        "200 MB of spaces packed into {} bytes in {:.2?}",
        bomb.len(),
        started.elapsed()
    );
    let started = Instant::now();
    assert_eq!(refusal(&bomb, "bomb.docx"), Refusal::ZipBomb);
    assert!(started.elapsed().as_secs() < 2, "refused without unpacking");
}

#[test]
fn document_xml_beyond_the_cap_is_refused() {
    // 60 MB that packs only about 10:1, under the ratio limit: unpacking stops at the cap.
    let mut seed = 7u64;
    let big = streamed_docx(60 << 20, 1, |chunk| {
        for byte in chunk.iter_mut() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            *byte = if seed >> 60 == 0 {
                b'a' + (seed >> 40) as u8 % 26
            } else {
                b' '
            };
        }
    });
    assert!(
        big.len() < MAX_UPLOAD_BYTES && big.len() * 100 > 60 << 20,
        "{}",
        big.len()
    );
    assert_eq!(refusal(&big, "big.docx"), Refusal::ZipBomb);
}

// ---------------------------------------------------------------- XML and plain text

#[test]
fn xml_that_is_not_well_formed_is_refused() {
    let cases: &[&[u8]] = &[
        b"<akomaNtoso><p>unclosed</akomaNtoso>",
        b"<akomaNtoso><p>text</p>",
        b"<akomaNtoso>\n<p a=1>x</p></akomaNtoso>",
        b"<akomaNtoso>&nbsp;</akomaNtoso>",
        b"<akomaNtoso/><akomaNtoso/>",
        b"<akomaNtoso/> trailing text",
    ];
    for case in cases {
        let got = refusal(case, "bad.xml");
        let case = String::from_utf8_lossy(case);
        assert!(
            matches!(got, Refusal::MalformedXml { .. }),
            "{case}: {got:?}"
        );
    }
    let original = read("originals/21-a-res-77-257.xml");
    let got = refusal(&original[..original.len() / 2], "cut.xml");
    assert!(
        matches!(got, Refusal::MalformedXml { line, .. } if line > 100),
        "{got:?}"
    );
}

#[test]
fn xml_that_is_not_akoma_ntoso_is_refused() {
    let got = refusal(
        b"<?xml version=\"1.0\"?>\n<rss><channel/></rss>",
        "feed.xml",
    );
    assert_eq!(got, Refusal::NotAkomaNtoso { root: "rss".into() });
    let got = refusal(
        format!("{W}</w:body></w:document>").as_bytes(),
        "document.xml",
    );
    assert_eq!(
        got,
        Refusal::NotAkomaNtoso {
            root: "document".into()
        }
    );
}

#[test]
fn plain_text_loses_its_bom_and_carriage_returns() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(b"The General Assembly,\r\n\r\n1. Requests the Secretary-General\r\n");
    let read = text_of(&bytes, "resolution.txt").unwrap();
    assert_eq!((read.format, read.pages), (DocumentFormat::PlainText, None));
    assert_eq!(
        read.text,
        "The General Assembly,\n\n1. Requests the Secretary-General\n"
    );
    let txt = read_text("texts/16-s-2021-523.txt");
    let crlf = txt.replace('\n', "\r\n");
    assert_eq!(text_of(crlf.as_bytes(), "16.txt").unwrap().text, txt);
}

#[test]
fn text_that_is_not_utf8_is_refused() {
    let latin1 = b"The General Assembly,\n1. Requests the Secr\xe9tariat to report.";
    assert_eq!(
        refusal(latin1, "resolution.txt"),
        Refusal::NotUtf8 { offset: 42 }
    );
    let utf16: Vec<u8> = "\u{feff}The General Assembly"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        refusal(&utf16, "unicode.txt"),
        Refusal::NotUtf8 { offset: 0 }
    );
}

// ---------------------------------------------------------------- everything else

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
