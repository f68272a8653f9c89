//! Paragraph-level cleanup: lines joined into paragraphs across hyphenated line breaks, and
//! the finished paragraph tidied. These run over nearly every byte of a document, so the
//! common case (nothing to fix) is detected with vectorised byte scans and costs no copy.

use std::borrow::Cow;

use super::super::span::Span;
use super::super::text::{any_byte, any_pair};

/// Appends a continuation line, repairing end-of-line hyphenation ("imple-" + "mentation").
pub fn join_continuation(buf: &mut String, next: &str) {
    if buf.is_empty() {
        buf.push_str(next);
        return;
    }
    let first = next.chars().next();
    if buf.ends_with('-') && !buf.ends_with(" -") && !buf.ends_with("--") {
        if first.is_some_and(|c| c.is_lowercase()) {
            let stem_start = buf
                .trim_end_matches('-')
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + 1);
            let stem = Span::new(stem_start, buf.len().saturating_sub(1))
                .of(buf)
                .to_lowercase();
            if !KEEP_HYPHEN.contains(&stem.as_str()) {
                buf.pop();
            }
        }
        buf.push_str(next);
        return;
    }
    buf.push(' ');
    buf.push_str(next);
}

const KEEP_HYPHEN: [&str; 28] = [
    "follow",
    "non",
    "self",
    "co",
    "anti",
    "cross",
    "well",
    "long",
    "short",
    "high",
    "low",
    "counter",
    "capacity",
    "decision",
    "cost",
    "multi",
    "gender",
    "child",
    "age",
    "evidence",
    "community",
    "state",
    "open",
    "sports",
    "human",
    "drug",
    "money",
    "in",
];

/// Whether `t` has no whitespace but single spaces (`char::is_whitespace` semantics), checked
/// on bytes: only the few lead bytes of non-ASCII whitespace need decoding.
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !any_pair(bytes, |a, b| (a == b' ') & (b == b' '))
        && !any_byte(bytes, |b| {
            (b < 0x20) | (b == 0xC2) | (b.wrapping_sub(0xE1) < 3)
        })
    {
        return true;
    }
    let mut prev_space = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if b.is_ascii_whitespace() || b == 0x0B {
            return false;
        }
        if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
            && text
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_whitespace)
        {
            return false;
        }
    }
    true
}

/// Final paragraph cleanup: plain-number footnote markers ("Child, 9 in which") removed and
/// whitespace collapsed. Takes the paragraph's buffer so that a clean paragraph, the common
/// case, is returned without a copy.
pub fn finish_paragraph(mut text: String) -> String {
    let trimmed = text.trim();
    if !is_tidy(trimmed) {
        let mut out = String::with_capacity(text.len());
        let mut prev_space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(c);
                prev_space = false;
            }
        }
        return tail_fixes(out.trim()).unwrap_or_else(|| out.trim().to_string());
    }
    if let Some(fixed) = tail_fixes(trimmed) {
        return fixed;
    }
    let (start, end) = (text.len() - text.trim_start().len(), text.trim_end().len());
    text.truncate(end);
    text.drain(..start.min(end));
    text
}

/// `t` with markers and spaces before commas removed, or `None` if it has neither.
fn tail_fixes(text: &str) -> Option<String> {
    let out = super::super::markers::remove_plain_markers(text);
    // one vectorised byte scan instead of two substring searches
    if any_pair(out.as_bytes(), |a, b| {
        (a == b' ') & ((b == b',') | (b == b';'))
    }) {
        return Some(out.replace(" ,", ",").replace(" ;", ";").trim().to_string());
    }
    match out {
        Cow::Owned(o) => Some(o),
        Cow::Borrowed(_) => None,
    }
}
