//! The plain text of an uploaded file, for the mandate extractor (`app::extract::extract`).
//!
//! Uploads come as PDF, Word (.docx), Akoma Ntoso XML (the UN's own markup of GA and ECOSOC
//! resolutions) or plain text. The format is read from the bytes (`%PDF-`, a zip holding
//! `word/document.xml`, XML whose root is `<akomaNtoso>`, UTF-8 text); the file name's extension
//! only picks the wording of a refusal for an unrecognised file. Each format's text comes out of
//! a kept library: `pdf-extract` (with `lopdf`), `zip` + `quick-xml`, `quick-xml`.
//!
//! A file that cannot give text is refused with a [`Refusal`], whose message tells a secretariat
//! user what to upload instead. Whether the text holds a resolution is not decided here: the
//! caller runs the extractor, which says so. Reading is synchronous and a PDF can take a while,
//! so async callers run [`text_of`] in `spawn_blocking`. No input makes it panic: the parsers
//! run under `catch_unwind`, and a panic becomes the "damaged file" refusal of the format.

mod akn;
mod docx;
mod pdf;

use std::panic::{AssertUnwindSafe, catch_unwind};

use quick_xml::events::BytesRef;

/// Largest upload accepted: the import's limit, which the pages state too. Resolutions are well
/// under 1 MB as text and a few MB as PDF; a whole session report as PDF stays under it.
pub use app::domain::upload::MAX_UPLOAD_BYTES;
/// Most bytes the streams of an uploaded PDF may unpack to.
pub use pdf::MAX_UNPACKED_BYTES as MAX_PDF_UNPACKED_BYTES;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    Pdf,
    Docx,
    AkomaNtoso,
    PlainText,
}

impl DocumentFormat {
    /// The format's name in messages to users.
    pub fn label(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "PDF",
            DocumentFormat::Docx => "Word (.docx)",
            DocumentFormat::AkomaNtoso => "Akoma Ntoso XML",
            DocumentFormat::PlainText => "plain text",
        }
    }
}

/// The text read from an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentText {
    pub format: DocumentFormat,
    /// Lines separated by `\n` (no `\r`).
    pub text: String,
    /// Number of pages, for PDFs.
    pub pages: Option<usize>,
}

/// Why an upload gives no text. Each message is for the person who uploaded the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "The file is empty. Choose the resolution's PDF, Word (.docx), Akoma Ntoso XML or text \
         file and upload it again."
    )]
    Empty,
    #[error(
        "The file is {} MB, more than the {} MB accepted. Upload the resolution on its own rather \
         than a whole compilation, or its Word or text version.",
        megabytes(*bytes),
        MAX_UPLOAD_BYTES / (1024 * 1024)
    )]
    TooLarge { bytes: usize },
    #[error(
        "This file is {what}, which cannot be read here. Upload the resolution as a PDF, a Word \
         (.docx) file, Akoma Ntoso XML or plain text."
    )]
    Unsupported { what: &'static str },
    #[error(
        "This is an old-format Word (.doc) file or a password-protected Office file, which \
         cannot be read here. Open it in Word, save it as .docx (without a password) or as PDF, \
         and upload that."
    )]
    LegacyOffice,
    #[error(
        "This PDF has no text layer (it looks scanned: {pages} page(s) with almost no text). \
         Upload the PDF from the Official Document System or a Word file."
    )]
    ScannedPdf { pages: usize },
    #[error(
        "This PDF is password-protected, so its text cannot be read. Upload an unprotected copy \
         (for example from the Official Document System) or a Word file."
    )]
    EncryptedPdf,
    #[error(
        "This PDF is damaged or incomplete and cannot be read. Download it again (an \
         interrupted download cuts the file short) or upload a Word file."
    )]
    BrokenPdf,
    #[error(
        "This Word (.docx) file is damaged or incomplete and cannot be opened. Save it again \
         from Word, or upload it as PDF."
    )]
    BrokenDocx,
    #[error(
        "This Word (.docx) file unpacks to far more text than any resolution has, so it is \
         refused as possibly damaged or malicious. Save it again from Word, or upload it as PDF."
    )]
    ZipBomb,
    #[error(
        "This PDF unpacks to far more data than any resolution has (over {} MB), so it is \
         refused as possibly damaged or malicious. Upload the PDF from the Official Document \
         System or a Word file.",
        pdf::MAX_UNPACKED_BYTES / (1024 * 1024)
    )]
    PdfBomb,
    #[error(
        "This XML file is not well-formed (line {line}: {reason}). Upload the Akoma Ntoso file \
         exactly as published, or the resolution's PDF."
    )]
    MalformedXml { line: usize, reason: String },
    #[error(
        "This XML file is not Akoma Ntoso (its main element is <{root}>, not <akomaNtoso>). \
         Upload the resolution's Akoma Ntoso XML, its PDF or a Word file."
    )]
    NotAkomaNtoso { root: String },
    #[error(
        "This text file is not UTF-8 (unreadable bytes at position {offset}). Save it as UTF-8 \
         (in Notepad: Save as, Encoding: UTF-8) and upload it again."
    )]
    NotUtf8 { offset: usize },
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// The text of an uploaded file, or why there is none. `file_name` is only a hint.
pub fn text_of(bytes: &[u8], file_name: &str) -> Result<DocumentText, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(Refusal::TooLarge { bytes: bytes.len() });
    }
    let (format, text, pages) = match sniff(bytes, file_name)? {
        Sniffed::Pdf => {
            let (text, pages) = guarded(|| pdf::read(bytes), Refusal::BrokenPdf)?;
            (DocumentFormat::Pdf, text, Some(pages))
        }
        Sniffed::Zip => (
            DocumentFormat::Docx,
            guarded(|| docx::read(bytes), Refusal::BrokenDocx)?,
            None,
        ),
        Sniffed::Text(text) => {
            if looks_like_xml(text) {
                let broken = Refusal::MalformedXml {
                    line: 1,
                    reason: "the XML reader failed".into(),
                };
                (
                    DocumentFormat::AkomaNtoso,
                    guarded(|| akn::read(text), broken)?,
                    None,
                )
            } else {
                (DocumentFormat::PlainText, plain_text(text), None)
            }
        }
    };
    Ok(DocumentText {
        format,
        text,
        pages,
    })
}

/// Runs a parser; a panic inside it becomes `on_panic`.
fn guarded<T>(read: impl FnOnce() -> Result<T, Refusal>, on_panic: Refusal) -> Result<T, Refusal> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or(Err(on_panic))
}

/// What the bytes are, before reading them.
enum Sniffed<'a> {
    Pdf,
    Zip,
    /// UTF-8 text without its byte-order mark.
    Text(&'a str),
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn sniff<'a>(bytes: &'a [u8], file_name: &str) -> Result<Sniffed<'a>, Refusal> {
    // Readers accept the `%PDF-` header anywhere in the first kilobyte; after other bytes it
    // counts only in a binary file, so a text quoting "%PDF-1.7" stays a text.
    let head = bytes.get(..1024).unwrap_or(bytes);
    if bytes.starts_with(b"%PDF-")
        || (memchr::memmem::find(head, b"%PDF-").is_some() && std::str::from_utf8(bytes).is_err())
    {
        return Ok(Sniffed::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Sniffed::Zip);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Refusal::LegacyOffice);
    }
    if let Some(what) = known_binary(bytes) {
        return Err(Refusal::Unsupported { what });
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // UTF-16 text ("Unicode" in Notepad): the first unreadable byte is the mark itself.
        return Err(Refusal::NotUtf8 { offset: 0 });
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if looks_binary(body) {
        return Err(unknown_binary(file_name));
    }
    let text = std::str::from_utf8(body).map_err(|e| Refusal::NotUtf8 {
        offset: e.valid_up_to() + (bytes.len() - body.len()),
    })?;
    let start = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Err(Refusal::Unsupported {
            what: "a web page (HTML)",
        });
    }
    Ok(Sniffed::Text(text))
}

/// Formats recognised by their first bytes that are not read here.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "an image (PNG)"),
        (b"\xFF\xD8\xFF", "an image (JPEG)"),
        (b"GIF8", "an image (GIF)"),
        (b"II*\x00", "an image (TIFF)"),
        (b"MM\x00*", "an image (TIFF)"),
        (b"{\\rtf", "a Rich Text (RTF) file"),
        (b"\x1F\x8B", "a compressed (gzip) file"),
        (b"Rar!", "a compressed (RAR) file"),
        (b"7z\xBC\xAF", "a compressed (7-Zip) file"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// NUL bytes, or more than one control character in a hundred, in the first 8 KB: not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    head.contains(&0) || controls * 100 > head.len()
}

/// An unrecognised binary; a file named as a PDF or Word file is most likely a damaged one.
fn unknown_binary(file_name: &str) -> Refusal {
    let extension = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("pdf") => Refusal::BrokenPdf,
        Some("docx") => Refusal::BrokenDocx,
        Some("doc") => Refusal::LegacyOffice,
        _ => Refusal::Unsupported {
            what: "of a kind not recognised (not a document format read here)",
        },
    }
}

/// XML is what starts with `<` (after blank space); anything else is read as plain text.
fn looks_like_xml(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// Line ends made `\n` (CRLF and lone CR).
fn plain_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The text of an entity or character reference (`&amp;`, `&#8217;`); `None` if undefined.
fn xml_reference(reference: &BytesRef<'_>) -> Option<String> {
    if let Some(c) = reference.resolve_char_ref().ok()? {
        return Some(c.to_string());
    }
    let name = reference.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
}

/// A well-formedness refusal at byte `offset` of `text`.
fn malformed(text: &str, offset: u64, reason: impl std::fmt::Display) -> Refusal {
    let offset = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    let before = text.as_bytes().get(..offset).unwrap_or_default();
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    Refusal::MalformedXml {
        line,
        reason: reason.to_string(),
    }
}
