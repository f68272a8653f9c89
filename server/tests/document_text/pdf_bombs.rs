//! PDF decompression bombs: a stream that unpacks beyond the cap is refused before lopdf or
//! pdf-extract unpacks it, whether packed once, packed twice or wrapped in ASCII85, and an
//! object stream (which lopdf unpacks while it loads the file) packed up to three times; PDFs
//! whose streams are packed as usual are read.

use std::io::Write;
use std::time::Instant;

use flate2::{Compression, write::ZlibEncoder};
use lopdf::{Document, Object, Stream, dictionary};
use server::document_text::{MAX_PDF_UNPACKED_BYTES, Refusal, text_of};

use super::common::files::{RESOLUTION_LINES, make_pdf, pdf_bytes};
use super::refusal;

/// `len` spaces, zlib-packed as they are written (about 1000 to 1 at the default level).
fn packed_spaces(len: u64) -> Vec<u8> {
    packed_spaces_after(b"", len)
}

/// `start`, then `len` spaces, zlib-packed.
fn packed_spaces_after(start: &[u8], len: u64) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(start).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..len >> 20 {
        encoder.write_all(&chunk).unwrap();
    }
    encoder.finish().unwrap()
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// ASCII85 (Adobe's base-85), ending with `~>`.
fn ascii85(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for group in bytes.chunks(4) {
        let mut word = [0u8; 4];
        word[..group.len()].copy_from_slice(group);
        let mut n = u32::from_be_bytes(word);
        let mut digits = [0u8; 5];
        for digit in digits.iter_mut().rev() {
            *digit = b'!' + (n % 85) as u8;
            n /= 85;
        }
        out.extend_from_slice(&digits[..group.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}

fn names(filters: &[&str]) -> Vec<Object> {
    filters
        .iter()
        .map(|f| Object::Name(f.as_bytes().to_vec()))
        .collect()
}

/// The resolution PDF with a second content stream on its page: `data` under `filters`.
fn pdf_with_stream(data: Vec<u8>, filters: &[&str]) -> Vec<u8> {
    let mut doc = make_pdf(&[RESOLUTION_LINES]);
    let filters = names(filters);
    let extra = doc.add_object(Stream::new(dictionary! { "Filter" => filters }, data));
    let page = doc.get_pages()[&1];
    let first = doc.get_page_contents(page)[0];
    let dict = doc.get_dictionary_mut(page).unwrap();
    dict.set("Contents", vec![first.into(), extra.into()]);
    pdf_bytes(doc)
}

/// The resolution PDF with an object stream of `data` under `filters`, which lopdf's loader
/// unpacks whether anything refers to it or not.
fn pdf_with_object_stream(data: Vec<u8>, filters: &[&str]) -> Vec<u8> {
    let mut doc = make_pdf(&[RESOLUTION_LINES]);
    let dict =
        dictionary! { "Type" => "ObjStX", "N" => 1, "First" => 4, "Filter" => names(filters) };
    doc.add_object(Stream::new(dict, data));
    // lopdf's writer leaves object streams out (it makes its own): the stream is saved under a
    // type of the same length and renamed in the bytes, which keeps every offset.
    let mut bytes = pdf_bytes(doc);
    let at = bytes.windows(7).position(|w| w == b"/ObjStX").unwrap();
    bytes[at..at + 7].copy_from_slice(b"/ObjStm");
    bytes
}

#[test]
fn a_stream_that_unpacks_beyond_the_cap_is_refused() {
    let started = Instant::now();
    let len = MAX_PDF_UNPACKED_BYTES + (16 << 20);
    let packed = packed_spaces(len);
    println!(
        "{} MB of spaces packed into {} bytes in {:.2?}",
        len >> 20,
        packed.len(),
        started.elapsed()
    );
    let cases = [
        (
            "packed once",
            pdf_with_stream(packed.clone(), &["FlateDecode"]),
        ),
        (
            "packed twice",
            pdf_with_stream(zlib(&packed), &["FlateDecode", "FlateDecode"]),
        ),
        (
            "ASCII85 over zlib",
            pdf_with_stream(ascii85(&packed), &["ASCII85Decode", "FlateDecode"]),
        ),
    ];
    for (what, bytes) in cases {
        let started = Instant::now();
        assert_eq!(refusal(&bytes, "bomb.pdf"), Refusal::PdfBomb, "{what}");
        println!(
            "{what}: {} bytes, refused in {:.2?}",
            bytes.len(),
            started.elapsed()
        );
    }
    let message = Refusal::PdfBomb.to_string();
    assert!(message.contains("over 200 MB"), "{message}");
}

#[test]
fn an_object_stream_that_unpacks_beyond_the_cap_is_refused_before_loading() {
    // Only the count of the raw bytes stands between these and lopdf's loader: once loaded,
    // the object stream is unpacked (or dropped, its content being no objects).
    let len = MAX_PDF_UNPACKED_BYTES + (16 << 20);
    let packed = packed_spaces(len);
    let flate = ["FlateDecode"];
    let cases = [
        (
            "packed once",
            pdf_with_object_stream(packed.clone(), &flate),
        ),
        (
            "packed twice",
            pdf_with_object_stream(zlib(&packed), &[flate[0]; 2]),
        ),
        (
            "packed three times",
            pdf_with_object_stream(zlib(&zlib(&packed)), &[flate[0]; 3]),
        ),
        // Unpacked, it opens like zlib data that is damaged at once: still counted whole.
        (
            "opening like zlib data",
            pdf_with_object_stream(packed_spaces_after(b"\x78\x9c", len), &flate),
        ),
    ];
    for (what, bytes) in cases {
        let started = Instant::now();
        assert_eq!(refusal(&bytes, "bomb.pdf"), Refusal::PdfBomb, "{what}");
        println!(
            "object stream {what}: {} bytes, refused in {:.2?}",
            bytes.len(),
            started.elapsed()
        );
    }
}

#[test]
fn streams_packed_as_usual_are_read() {
    // The page's own text packed, plus a stream of 8 MB of spaces: well under the cap.
    let lines = format!(
        "BT /F1 11 Tf 50 700 Td ({}) Tj ET",
        "Requests the Secretary-General"
    );
    let bytes = pdf_with_stream(zlib(lines.as_bytes()), &["FlateDecode"]);
    let read = text_of(&bytes, "packed.pdf").unwrap();
    assert!(
        read.text
            .contains("Requests the Secretary-General to submit"),
        "{}",
        read.text
    );
    let big = pdf_with_stream(packed_spaces(8 << 20), &["FlateDecode"]);
    assert!(text_of(&big, "zeros.pdf").is_ok());
    let mut doc: Document = make_pdf(&[RESOLUTION_LINES]);
    doc.compress();
    let read = text_of(&pdf_bytes(doc), "compressed.pdf").unwrap();
    assert!(read.text.contains("seventy-ninth session"), "{}", read.text);
}
