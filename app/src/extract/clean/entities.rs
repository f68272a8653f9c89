//! HTML entities in text exported through HTML or XML ("&amp;", "&#8217;").

use std::borrow::Cow;

use super::super::span::{after, before};

/// Decodes the HTML entities that show up in text exported through HTML/XML.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('&') {
        out.push_str(before(rest, pos));
        let entity = after(rest, pos);
        let end = entity
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| entity.get(1..e)).and_then(entity_char);
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = after(entity, e + 1);
            }
            _ => {
                out.push('&');
                rest = after(entity, 1);
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
