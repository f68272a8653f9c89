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
    let trimmed = word.trim();
    let ends_ordinal = [b"th", b"st", b"nd", b"rd"].iter().any(|suf| {
        trimmed.len() >= 2
            && trimmed
                .as_bytes()
                .get(trimmed.len() - 2..)
                .is_some_and(|e| e.eq_ignore_ascii_case(*suf))
    });
    if !ends_ordinal {
        return None;
    }
    let lower = trimmed.to_lowercase();
    if lower.is_empty() || lower.len() > 60 {
        return None;
    }
    if let Some(n) = parse_numeral(&lower) {
        return Some(n);
    }
    parse_words(&lower)
}

/// "twenty-ninth", "one hundred and first": ordinals written as words, lowercase.
fn parse_words(word: &str) -> Option<u32> {
    let word = word.replace(['\u{2010}', '\u{2011}', '\u{2013}', ' '], "-");
    let parts: Vec<&str> = word
        .split('-')
        .filter(|p| !p.is_empty() && *p != "and")
        .collect();
    let (hundreds, rest) = split_hundreds(&parts)?;
    match rest {
        ["hundredth"] => Some(if hundreds == 0 { 100 } else { hundreds }),
        [one] => lookup(&UNITS, one)
            .or_else(|| lookup(&TENS_ORD, one))
            .map(|n| n + hundreds),
        [tens, unit] => {
            let tens = lookup(&TENS, tens)?;
            let unit = lookup(&UNITS, unit).filter(|u| *u < 10)?;
            Some(hundreds + tens + unit)
        }
        _ => None,
    }
}

/// "one hundred ...", "two hundred ...": the hundreds and the words after them; no hundreds
/// and all the words otherwise. `None` for other multiples or nothing after "hundred".
fn split_hundreds<'a, 'b>(parts: &'a [&'b str]) -> Option<(u32, &'a [&'b str])> {
    let Some((lead, ["hundred", rest @ ..])) = parts.split_first() else {
        return Some((0, parts));
    };
    let hundreds = match *lead {
        "one" | "a" => 100,
        "two" => 200,
        _ => return None,
    };
    (!rest.is_empty()).then_some((hundreds, rest))
}

/// Numerals with an English ordinal suffix ("29th", "1st", "75th"), as found in summaries and
/// some older texts.
fn parse_numeral(lower: &str) -> Option<u32> {
    let digits: String = lower.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let suffix = lower.get(digits.len()..)?;
    if !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

const CARDINAL_UNITS: [(&str, u32); 19] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Reads a count as UN texts write it: "90", "six", "twenty-one", "a" (one), "one hundred",
/// "one hundred and twenty"; `None` for anything else.
pub fn parse_cardinal(word: &str) -> Option<u32> {
    let lower = word.trim().to_lowercase();
    if lower.is_empty() || lower.len() > 40 {
        return None;
    }
    if lower.bytes().all(|b| b.is_ascii_digit()) {
        return lower.parse().ok().filter(|n| *n > 0);
    }
    if matches!(lower.as_str(), "a" | "an") {
        return Some(1);
    }
    let normalised = lower.replace(['\u{2010}', '\u{2011}', '\u{2013}', ' '], "-");
    let parts: Vec<&str> = normalised
        .split('-')
        .filter(|p| !p.is_empty() && *p != "and")
        .collect();
    let (hundreds, rest) = match parts.as_slice() {
        [lead, "hundred", rest @ ..] => (lookup(&CARDINAL_UNITS, lead)?.checked_mul(100)?, rest),
        _ => (0, parts.as_slice()),
    };
    let below = match rest {
        [] => 0,
        [one] => lookup(&CARDINAL_UNITS, one).or_else(|| lookup(&TENS, one))?,
        [tens, unit] => lookup(&TENS, tens)? + lookup(&CARDINAL_UNITS, unit).filter(|u| *u < 10)?,
        _ => return None,
    };
    Some(hundreds + below).filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::{parse_cardinal, parse_ordinal};

    #[test]
    fn cardinals() {
        assert_eq!(parse_cardinal("90"), Some(90));
        assert_eq!(parse_cardinal("six"), Some(6));
        assert_eq!(parse_cardinal("Eleven"), Some(11));
        assert_eq!(parse_cardinal("twenty-one"), Some(21));
        assert_eq!(parse_cardinal("a"), Some(1));
        assert_eq!(parse_cardinal("one hundred and twenty"), Some(120));
        assert_eq!(parse_cardinal("several"), None);
        assert_eq!(parse_cardinal("0"), None);
        assert_eq!(parse_cardinal(""), None);
    }

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
