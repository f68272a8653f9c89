//! Ordinal numbers as UN drafting spells them: session and congress numbers are written as
//! words ("twenty-ninth", "Fourteenth") or, in older or translated texts, as numerals ("29th").

const UNITS: [(&str, u32); 19] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];

const TENS_ORD: [(&str, u32); 8] = [
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// Reads an ordinal such as "twenty-ninth", "Seventy-fifth", "Fourteenth", "one hundred and
/// first" or "29th"; returns `None` for anything that is not an ordinal so callers can treat
/// "next session" and friends separately.
pub fn parse_ordinal(word: &str) -> Option<u32> {
    let t = word.trim();
    let ends_ordinal = [b"th", b"st", b"nd", b"rd"].iter().any(|suf| {
        t.len() >= 2
            && t.as_bytes()
                .get(t.len() - 2..)
                .is_some_and(|e| e.eq_ignore_ascii_case(*suf))
    });
    if !ends_ordinal {
        return None;
    }
    let w = t.to_lowercase();
    if w.is_empty() || w.len() > 60 {
        return None;
    }
    if let Some(n) = parse_numeral(&w) {
        return Some(n);
    }
    let w = w.replace(['\u{2010}', '\u{2011}', '\u{2013}', ' '], "-");
    let mut parts: Vec<&str> = w
        .split('-')
        .filter(|p| !p.is_empty() && *p != "and")
        .collect();
    let mut total = 0u32;
    if parts.len() >= 2 && parts.get(1) == Some(&"hundred") {
        let lead = parts.first().copied().unwrap_or("");
        let h = match lead {
            "one" | "a" => 1,
            "two" => 2,
            _ => return None,
        };
        total = h * 100;
        parts.drain(..2);
        if parts.is_empty() {
            return None;
        }
    } else if parts.first() == Some(&"hundredth") && parts.len() == 1 {
        return Some(100);
    }
    if parts.len() == 1 && total >= 100 && parts.first() == Some(&"hundredth") {
        return Some(total);
    }
    match parts.as_slice() {
        [one] => lookup(&UNITS, one)
            .or_else(|| lookup(&TENS_ORD, one))
            .map(|n| n + total),
        [tens, unit] => {
            let t = lookup(&TENS, tens)?;
            let u = lookup(&UNITS, unit).filter(|u| *u < 10)?;
            Some(total + t + u)
        }
        _ => None,
    }
}

/// Numerals with an English ordinal suffix ("29th", "1st", "75th"), as found in summaries and
/// some older texts.
fn parse_numeral(w: &str) -> Option<u32> {
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let suffix = w.get(digits.len()..)?;
    if !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::parse_ordinal;

    #[test]
    fn words_and_numerals() {
        assert_eq!(parse_ordinal("twenty-ninth"), Some(29));
        assert_eq!(parse_ordinal("seventy-fifth"), Some(75));
        assert_eq!(parse_ordinal("Fourteenth"), Some(14));
        assert_eq!(parse_ordinal("thirtieth"), Some(30));
        assert_eq!(parse_ordinal("first"), Some(1));
        assert_eq!(parse_ordinal("29th"), Some(29));
        assert_eq!(parse_ordinal("1st"), Some(1));
        assert_eq!(parse_ordinal("one hundred and first"), Some(101));
        assert_eq!(parse_ordinal("next"), None);
        assert_eq!(parse_ordinal("twenty"), None);
        assert_eq!(parse_ordinal("twenty-tenth"), None);
        assert_eq!(parse_ordinal(""), None);
    }
}
