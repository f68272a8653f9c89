//! The markup formats and plain text: Akoma Ntoso and Word files give the mandates of their
//! texts; broken zips, zip bombs, bad XML and text that is not UTF-8 are refused.

use std::time::Instant;

use server::document_text::{DocumentFormat, MAX_UPLOAD_BYTES, Refusal, text_of};

use super::common::files::{W, docx, streamed_docx, zip_of};
use super::{mandates, originals, read, read_text, refusal};

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
