//! Removal of PDF-export noise, so that paragraph text (and the quotes cut from it) reads as
//! the resolution was drafted: no page furniture, footnotes, italics markers or entities.

use std::sync::LazyLock;

use regex::Regex;

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

/// Inline cleanup of one physical line: entities decoded, italics/superscript markers and
/// leading bullets dropped, odd spaces normalised. Structure detection runs on the result.
pub fn clean_line(line: &str) -> String {
    if !line
        .bytes()
        .any(|b| !(0x20..0x80).contains(&b) || matches!(b, b'*' | b'&' | b'$' | b'^' | b'<' | b'['))
    {
        return strip_bullet(line.trim()).to_string();
    }
    let special = |c: char| {
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
    };
    if !line.contains(special) {
        return strip_bullet(line.trim()).to_string();
    }
    let decoded = decode_entities(line);
    let stripped = match INLINE_MARKUP.as_ref() {
        Some(re) if decoded.contains(['$', '^', '<', '[']) => re.replace_all(&decoded, ""),
        _ => std::borrow::Cow::Borrowed(decoded.as_str()),
    };
    let mut out = String::with_capacity(stripped.len());
    for c in stripped.chars() {
        match c {
            '*' => {}
            c if is_superscript_digit(c) => {}
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' | '\u{0C}' => out.push(' '),
            '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    strip_bullet(out.trim()).to_string()
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
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
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
    out
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
    if line.len() > 90 || !line.contains("/RES/") {
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
            let stem = buf
                .get(stem_start..buf.len().saturating_sub(1))
                .unwrap_or("")
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

/// Final paragraph cleanup: plain-number footnote markers ("Child, 9 in which") removed and
/// whitespace collapsed.
pub fn finish_paragraph(text: &str) -> String {
    let t = text.trim();
    let mut prev_space = false;
    let tidy = t.chars().all(|c| {
        let bad = c.is_whitespace() && (c != ' ' || prev_space);
        prev_space = c == ' ';
        !bad
    });
    if tidy {
        return tail_fixes(t);
    }
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
    tail_fixes(out.trim())
}

fn tail_fixes(t: &str) -> String {
    let out = if t.bytes().any(|b| b.is_ascii_digit()) {
        super::markers::remove_plain_markers(t)
    } else {
        t.to_string()
    };
    if out.contains(" ,") || out.contains(" ;") {
        return out.replace(" ,", ",").replace(" ;", ";").trim().to_string();
    }
    out
}
