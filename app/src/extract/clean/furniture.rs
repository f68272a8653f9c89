//! Page furniture and footnotes: lines of a PDF export that carry no text of the resolution.

use std::sync::LazyLock;

use regex::Regex;

use super::is_superscript_digit;

static PLAIN_FOOTNOTE: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::super::re(r#"^\d{1,3}(?:\s+|\t)(?:[A-Z"“]|See(?-u:\b)|Ibid)"#));

use crate::domain::calendar::MONTHS;

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

fn is_noise_token(token: &str) -> bool {
    let token = token.trim_matches(|c| c == '*' || c == '-' || c == '–');
    if token.is_empty() || token == "(E)" || token.eq_ignore_ascii_case("page") {
        return true;
    }
    if token.len() <= 4 && token.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let bytes = token.as_bytes();
    // page counter "3/80"
    if let Some((a, b)) = token.split_once('/')
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
    let core = token
        .split_once('.')
        .map(|(p, r)| if p.len() <= 3 { r } else { token })
        .unwrap_or(token);
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
        && token.contains('/')
        && token.len() <= 40
        && token.bytes().any(|c| c.is_ascii_digit())
        && token
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'.' | b'-' | b'(' | b')'))
}

/// A document symbol on a line of its own, kept as a fallback label for standalone texts.
pub fn symbol_of(line: &str) -> Option<&str> {
    if line.len() > 90 || !super::super::text::contains_short(line, "/RES/") {
        return None;
    }
    line.split_whitespace()
        .find(|t| t.contains("/RES/") && is_noise_token(t))
}

/// Footnote text at the foot of a page; its first characters are the footnote number.
pub fn is_footnote_line(raw: &str) -> bool {
    let line = raw.trim_start();
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if is_superscript_digit(c) => return true,
        Some('$' | '^') => return line.starts_with("$^") || line.starts_with("^{"),
        Some('<') => return line.starts_with("<sup>"),
        Some('[') => {
            // "[12] ..." or "[^12]: ..." (Markdown footnotes)
            let digit_at = if line.starts_with("[^") { 2 } else { 1 };
            return line.len() > 3
                && line
                    .get(digit_at..digit_at + 1)
                    .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
                && line.contains(']');
        }
        _ => {}
    }
    if !line.starts_with(|c: char| c.is_ascii_digit())
        || !PLAIN_FOOTNOTE.as_ref().is_some_and(|re| re.is_match(line))
    {
        return false;
    }
    let word = line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    !MONTHS.contains(&word)
}
