//! Removal of PDF-export noise, so that paragraph text (and the quotes cut from it) reads as
//! the resolution was drafted: no page furniture, footnotes, italics markers or entities.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

mod paragraph;

pub use paragraph::{finish_paragraph, join_continuation};

use super::text::any_byte;

static INLINE_MARKUP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(r"\$\^\{[^$]{0,24}\$|\^\{[^}]{0,12}\}|<sup>[^<]{0,12}</sup>|\[\^\d{1,3}\]")
});

static PLAIN_FOOTNOTE: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::re(r#"^\d{1,3}(?:\s+|\t)(?:[A-Z"“]|See(?-u:\b)|Ibid)"#));

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

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
        out.push_str(stripped.get(run..i).unwrap_or(""));
        if let Some(r) = replacement {
            out.push(r);
        }
        run = i + c.len_utf8();
    }
    out.push_str(stripped.get(run..).unwrap_or(""));
    let kept = strip_bullet(out.trim());
    if kept.len() == out.len() {
        Cow::Owned(out)
    } else {
        Cow::Owned(kept.to_string())
    }
}

fn strip_bullet(s: &str) -> &str {
    let mut cur = s;
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

/// Decodes the HTML entities that show up in text exported through HTML/XML.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(rest.get(..pos).unwrap_or(""));
        let after = rest.get(pos..).unwrap_or("");
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| after.get(1..e)).and_then(entity_char);
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity_char(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "quot" => '"',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
        }
    };
    Some(c)
}

/// Page furniture: symbols ("E/2019/30"), job numbers ("V.19-03412"), page counters ("3/80"),
/// barcodes and distribution notes. Such lines carry no text of the resolution.
pub fn is_noise_line(line: &str) -> bool {
    if line.len() > 90 {
        return false;
    }
    if line.starts_with("Distr.") || line.starts_with("Original:") || line == "Please recycle" {
        return true;
    }
    let mut any = false;
    for tok in line.split_whitespace() {
        any = true;
        if !is_noise_token(tok) {
            return false;
        }
    }
    any
}

fn is_noise_token(t: &str) -> bool {
    let t = t.trim_matches(|c| c == '*' || c == '-' || c == '–');
    if t.is_empty() || t == "(E)" || t.eq_ignore_ascii_case("page") {
        return true;
    }
    if t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let bytes = t.as_bytes();
    // page counter "3/80"
    if let Some((a, b)) = t.split_once('/')
        && !a.is_empty()
        && !b.is_empty()
        && a.len() <= 3
        && b.len() <= 3
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // job number "V.19-03412" / "19-03412" / "GE.19-12345"
    let core = t
        .split_once('.')
        .map(|(p, r)| if p.len() <= 3 { r } else { t })
        .unwrap_or(t);
    if let Some((a, b)) = core.split_once('-')
        && a.len() == 2
        && b.len() >= 4
        && b.len() <= 6
        && (a.bytes().chain(b.bytes())).all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // document symbol "E/2019/30", "A/RES/73/186", "E/CN.15/2019/L.4/Rev.1"
    bytes.first().is_some_and(|c| c.is_ascii_uppercase())
        && t.contains('/')
        && t.len() <= 40
        && t.bytes().any(|c| c.is_ascii_digit())
        && t.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'.' | b'-' | b'(' | b')'))
}

/// A document symbol on a line of its own, kept as a fallback label for standalone texts.
pub fn symbol_of(line: &str) -> Option<&str> {
    if line.len() > 90 || !super::text::contains_short(line, "/RES/") {
        return None;
    }
    line.split_whitespace()
        .find(|t| t.contains("/RES/") && is_noise_token(t))
}

/// Footnote text at the foot of a page; its first characters are the footnote number.
pub fn is_footnote_line(raw: &str) -> bool {
    let t = raw.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if is_superscript_digit(c) => return true,
        Some('$' | '^') => return t.starts_with("$^") || t.starts_with("^{"),
        Some('<') => return t.starts_with("<sup>"),
        Some('[') => {
            return t.len() > 3
                && t.get(1..2)
                    .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
                && t.contains(']');
        }
        _ => {}
    }
    if !t.starts_with(|c: char| c.is_ascii_digit())
        || !PLAIN_FOOTNOTE.as_ref().is_some_and(|re| re.is_match(t))
    {
        return false;
    }
    let word = t
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    !MONTHS.contains(&word)
}
