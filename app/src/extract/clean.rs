//! Removal of PDF-export noise, so that paragraph text (and the quotes cut from it) reads as
//! the resolution was drafted: no page furniture, footnotes, italics markers or entities.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

mod entities;
mod furniture;
mod paragraph;

use entities::decode_entities;
pub use furniture::{is_footnote_line, is_noise_line, symbol_of};
pub use paragraph::{finish_paragraph, join_continuation};

use super::span::{Span, after};
use super::text::any_byte;

static INLINE_MARKUP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(r"\$\^\{[^$]{0,24}\$|\^\{[^}]{0,12}\}|<sup>[^<]{0,12}</sup>|\[\^\d{1,3}\]")
});

fn is_superscript_digit(c: char) -> bool {
    matches!(
        c,
        '\u{2070}' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2074}'..='\u{2079}'
    )
}

/// Whether `c` is dropped or rewritten by [`clean_line`].
fn is_special(c: char) -> bool {
    c.is_control()
        || is_superscript_digit(c)
        || matches!(
            c,
            '*' | '&'
                | '$'
                | '^'
                | '<'
                | '['
                | '\u{00A0}'
                | '\u{2007}'
                | '\u{202F}'
                | '\u{00AD}'
                | '\u{200B}'
                | '\u{FEFF}'
        )
}

/// Whether [`clean_line`] has anything to do. One pass over the bytes: most lines are plain
/// ASCII and are then returned as a slice. A lone DEL (0x7F) does not count on its own; this
/// has always been so and is kept so that stored texts do not change.
fn needs_cleaning(line: &str) -> bool {
    let bytes = line.as_bytes();
    let suspicious = |b: u8| {
        // b < 0x20 or b >= 0x7F, in one compare
        (b.wrapping_sub(0x20) >= 0x5F)
            | (b == b'*')
            | (b == b'&')
            | (b == b'$')
            | (b == b'^')
            | (b == b'<')
            | (b == b'[')
    };
    if !any_byte(bytes, suspicious) {
        return false;
    }
    let (mut non_ascii, mut del) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            if b < 0x20 || matches!(b, b'*' | b'&' | b'$' | b'^' | b'<' | b'[') {
                return true;
            }
            del |= b == 0x7F;
        } else {
            non_ascii = true;
            // Only these lead bytes start a special non-ASCII character (C1 controls and
            // U+00A0..U+00B9, U+2007..U+2079, U+FEFF).
            if matches!(b, 0xC2 | 0xE2 | 0xEF)
                && line
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(is_special)
            {
                return true;
            }
        }
        if del && non_ascii {
            return true;
        }
    }
    false
}

/// Inline cleanup of one physical line: entities decoded, italics/superscript markers and
/// leading bullets dropped, odd spaces normalised. Structure detection runs on the result.
/// Borrows from `line` when nothing but trimming is needed, which is most lines.
pub fn clean_line(line: &str) -> Cow<'_, str> {
    if !needs_cleaning(line) {
        return Cow::Borrowed(strip_bullet(line.trim()));
    }
    let decoded = decode_entities(line);
    let stripped = match INLINE_MARKUP.as_ref() {
        Some(re) if decoded.contains(['$', '^', '<', '[']) => re.replace_all(&decoded, ""),
        _ => Cow::Borrowed(&*decoded),
    };
    // Copy runs of ordinary characters whole; only the special ones are looked at singly.
    let mut out = String::with_capacity(stripped.len());
    let mut run = 0usize;
    for (i, c) in stripped.char_indices() {
        let replacement = match c {
            '*' | '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => None,
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' | '\u{0C}' => Some(' '),
            c if is_superscript_digit(c) || c.is_control() => None,
            _ => continue,
        };
        out.push_str(Span::new(run, i).of(&stripped));
        if let Some(r) = replacement {
            out.push(r);
        }
        run = i + c.len_utf8();
    }
    out.push_str(after(&stripped, run));
    let kept = strip_bullet(out.trim());
    if kept.len() == out.len() {
        Cow::Owned(out)
    } else {
        Cow::Owned(kept.to_string())
    }
}

fn strip_bullet(line: &str) -> &str {
    let mut cur = line;
    for _ in 0..3 {
        let mut chars = cur.chars();
        match (chars.next(), chars.next()) {
            (Some('-' | '•' | '·' | '▪' | '●' | '◦' | '–' | '○' | '■' | '➢'), Some(' ')) =>
            {
                cur = chars.as_str().trim_start();
            }
            _ => break,
        }
    }
    cur
}
