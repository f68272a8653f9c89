//! PDF files: loaded with `lopdf` (encryption, page count), text from `pdf-extract`.
//!
//! `pdf-extract` can panic on unusual files; both it and the loader run under
//! `catch_unwind`, and a panic is the "damaged PDF" refusal. It also follows a page's `Parent`
//! links and runs form XObjects (`Do`) by recursion without a guard, so a cycle in either
//! overflows the stack, which aborts the whole process (there is no panic to catch): the
//! document's object graph is checked for that first, with lopdf. Neither caps what it
//! unpacks, so what the file's streams unpack to is counted first ([`unpacked`]), before
//! lopdf loads the file and again before pdf-extract reads it.

mod unpacked;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use pdf_extract::{PlainTextOutput, output_doc};

use super::Refusal;
use unpacked::Budget;
pub use unpacked::MAX_UNPACKED_BYTES;

/// Fewer non-space characters than this per page, on average: a scan without a text layer.
pub const MIN_CHARACTERS_PER_PAGE: usize = 20;

/// The text of a PDF and its number of pages.
pub(super) fn read(bytes: &[u8]) -> Result<(String, usize), Refusal> {
    unpacked::raw_streams(bytes, &mut Budget::default()).map_err(|_| Refusal::PdfBomb)?;
    let document = catch_unwind(|| Document::load_mem(bytes))
        .map_err(|_| Refusal::BrokenPdf)?
        .map_err(|_| Refusal::BrokenPdf)?;
    // A PDF whose only password is the owner's (printing or copying restricted) is decrypted
    // on loading and its `/Encrypt` entry removed; one that needs a password to open keeps it.
    if document.trailer.get(b"Encrypt").is_ok() || document.is_encrypted() {
        return Err(Refusal::EncryptedPdf);
    }
    unpacked::document_streams(&document, &mut Budget::default()).map_err(|_| Refusal::PdfBomb)?;
    let pages = document.get_pages().len();
    if pages == 0 || endless(&document) {
        return Err(Refusal::BrokenPdf);
    }
    let raw = catch_unwind(AssertUnwindSafe(|| {
        let mut text = String::new();
        output_doc(&document, &mut PlainTextOutput::new(&mut text)).map(|()| text)
    }))
    .map_err(|_| Refusal::BrokenPdf)?
    .map_err(|_| Refusal::BrokenPdf)?;
    let characters = raw.chars().filter(|c| !c.is_whitespace()).count();
    if characters < MIN_CHARACTERS_PER_PAGE * pages {
        return Err(Refusal::ScannedPdf { pages });
    }
    Ok((normalise(&raw), pages))
}

/// Longest chain of `Parent` links from a page (lopdf reads page trees 256 levels deep).
const MAX_PARENT_CHAIN: usize = 256;
/// Deepest nesting of form XObjects; real documents nest a few levels.
const MAX_FORM_NESTING: usize = 32;
/// Most form XObjects run in one document (a form used twice in a form used twice ... grows
/// exponentially, and pdf-extract would run each one).
const MAX_FORM_RUNS: usize = 20_000;

/// Whether pdf-extract would recurse without end (or nearly so) on this document.
fn endless(document: &Document) -> bool {
    let mut forms = Forms {
        document,
        invoked: HashMap::new(),
        runs: 0,
    };
    document.page_iter().any(|page| {
        let Ok(dict) = document.get_dictionary(page) else {
            return false;
        };
        let Some(chain) = parent_chain(document, dict) else {
            return true;
        };
        let resources = chain
            .iter()
            .find_map(|d| d.get(b"Resources").ok())
            .and_then(|r| dictionary(document, r));
        let content = document.get_page_content(page).unwrap_or_default();
        forms.endless(&invoked_names(&content), resources, &mut Vec::new())
    })
}

/// A page and its ancestors, as pdf-extract looks up inherited attributes; `None` if the
/// `Parent` links loop or run too deep.
fn parent_chain<'a>(document: &'a Document, page: &'a Dictionary) -> Option<Vec<&'a Dictionary>> {
    let mut chain = vec![page];
    let mut ids = Vec::new();
    let mut current = page;
    while let Ok(parent) = current.get(b"Parent").and_then(Object::as_reference) {
        if ids.contains(&parent) || ids.len() >= MAX_PARENT_CHAIN {
            return None;
        }
        ids.push(parent);
        let Ok(dict) = document.get_dictionary(parent) else {
            break;
        };
        chain.push(dict);
        current = dict;
    }
    Some(chain)
}

/// Follows form XObjects the way pdf-extract runs them.
struct Forms<'a> {
    document: &'a Document,
    /// The XObject names each form's content invokes (`/Name Do`).
    invoked: HashMap<ObjectId, Vec<Vec<u8>>>,
    runs: usize,
}

impl<'a> Forms<'a> {
    /// Runs the `names` invoked with `resources`; `open` are the forms being run.
    fn endless(
        &mut self,
        names: &[Vec<u8>],
        resources: Option<&'a Dictionary>,
        open: &mut Vec<ObjectId>,
    ) -> bool {
        let document = self.document;
        for name in names {
            let Some((id, form)) = resources
                .and_then(|r| r.get(b"XObject").ok())
                .and_then(|x| dictionary(document, x))
                .and_then(|x| x.get(name).ok())
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(id, o)| Some((id, o.as_stream().ok()?)))
            else {
                continue;
            };
            self.runs += 1;
            let cycle = id.is_some_and(|id| open.contains(&id));
            if cycle || open.len() >= MAX_FORM_NESTING || self.runs > MAX_FORM_RUNS {
                return true;
            }
            let inner = match id {
                Some(id) => self
                    .invoked
                    .entry(id)
                    .or_insert_with(|| invoked_names(&stream_content(form)))
                    .clone(),
                None => invoked_names(&stream_content(form)),
            };
            let own = form.dict.get(b"Resources").ok();
            let inner_resources = own.and_then(|r| dictionary(document, r)).or(resources);
            open.extend(id);
            let endless = self.endless(&inner, inner_resources, open);
            if id.is_some() {
                open.pop();
            }
            if endless {
                return true;
            }
        }
        false
    }
}

/// The operand names of the `Do` operators of a content stream.
fn invoked_names(content: &[u8]) -> Vec<Vec<u8>> {
    let Ok(content) = Content::decode(content) else {
        return Vec::new();
    };
    content
        .operations
        .into_iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
        .collect()
}

/// A stream's data, unpacked when its filters are known (as pdf-extract reads it).
fn stream_content(stream: &Stream) -> Vec<u8> {
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

fn dictionary<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    document.dereference(object).ok()?.1.as_dict().ok()
}

/// Tidies `pdf-extract` output: line ends, trailing blanks, runs of blank lines.
pub(super) fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.replace("\r\n", "\n").split(['\n', '\r', '\x0C']) {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
