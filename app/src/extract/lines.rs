//! What one cleaned line of a UN document is: a heading, a resolution label, the adopting
//! body's opening line, a numbered paragraph, or plain text.

use std::sync::LazyLock;

use regex::Regex;

mod preamble;

pub use preamble::is_preamble_start;

use super::entity::Side;
use super::names::full_name;

static CHAPTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::re(r"^(?:Chapter|CHAPTER)\s+[IVXLC]+(?-u:\b)"));
static ANNEX: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::re(r"^(?:Annex|ANNEX)(?:es)?(?:\s+[IVXLC\d]+)?\s*$"));
static SECTION: LazyLock<Option<Regex>> = LazyLock::new(|| super::re(r"^([A-Z])\.\s+(.{3,300})$"));
static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"^(?:(?:Draft|DRAFT)\s+)?(?:[Rr]esolution|[Dd]ecision|RESOLUTION|DECISION)",
        r"(?:\s+([IVXLC]+|[A-Z]{0,2}-?\d{1,4}/\d{1,3}[A-Z]?|\d{1,4}(?:\s+[A-Z])?\s*\([IVXLC]+\)))?\s*\.?$"
    ))
});
static NUMBERED_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(
        r#"^((?:[A-Z]{1,2}-)?\d{1,4}/\d{1,3}(?:\s+[A-Z])?|\d{3,4}(?:\s+[A-Z])?\s+\([IVXLC]+\))\.?\s+([A-Z"“].{3,})$"#,
    )
});
static ADOPTED: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::re(r"^(?:Resolution|Decision)s? adopted by the (.+?) (?:on|at) "));
static END_MARK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(r"^\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting(?-u:\b).{0,40}$")
});
static OPENER: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::re(r"^The\s+([A-Z][^,:;.]{2,140}?)\s*[,:]?$"));
static INLINE_OPENER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"^The\s+([A-Z][A-Za-z ,'’-]{2,140}?),?\s+(?:decides|recommends|requests|adopts|approves|endorses|takes note|",
        r"elects|appoints|confirms|authorizes|notes|reaffirms|welcomes|urges|invites)(?-u:\b)"
    ))
});
static BODY_PHRASE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?:for (?:adoption|approval|action) by|adopted by|for consideration by) the ",
        r"([A-Z][\w'’-]*(?:\s+(?:of|on|for|and|against|the|to|in|[A-Z][\w'’-]*))*)"
    ))
});

/// Structural role of a cleaned line.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Chapter,
    Annex,
    Section {
        letter: char,
        body: Option<String>,
    },
    Label {
        label: String,
        title: Option<String>,
    },
    AdoptedBy(Option<String>),
    EndMark,
    Opener {
        body: Option<String>,
        inline: bool,
    },
    Numbered(NumberedLine),
    Plain,
}

/// "12. Requests ..." or "(b) Takes note ...".
#[derive(Debug, Clone, PartialEq)]
pub struct NumberedLine {
    /// The number as printed: "12", "(b)".
    pub number: String,
    /// The line after the number.
    pub text: String,
    /// Whether the number is a letter or a roman numeral in brackets.
    pub lettered: bool,
}

/// Captures only after a cheap `is_match`: most lines match none of these patterns, and
/// asking for captures directly allocates them and may run the slower capturing engines.
fn cap<'a>(re: &'a LazyLock<Option<Regex>>, s: &'a str) -> Option<regex::Captures<'a>> {
    re.as_ref()
        .filter(|r| r.is_match(s))
        .and_then(|r| r.captures(s))
}

fn is(re: &LazyLock<Option<Regex>>, line: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(line))
}

const STRUCTURAL_PREFIXES: [&str; 12] = [
    "Chapter",
    "CHAPTER",
    "Annex",
    "ANNEX",
    "Draft",
    "DRAFT",
    "Resolution",
    "RESOLUTION",
    "Decision",
    "DECISION",
    "resolution",
    "decision",
];

/// "11 Condemns ...": a paragraph number that lost its full stop, before a capitalised
/// operative verb (a footnote would start with a name, "See" or a title).
pub fn is_numbered_clause(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && line.get(digits..digits + 1) == Some(" ")
        && line.get(digits + 1..).is_some_and(is_verb_start)
}

fn is_verb_start(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_ascii_uppercase()) && super::verbs::starts_with_verb(rest)
}

/// Role of one cleaned, trimmed line.
pub fn role(line: &str) -> Role {
    let first = line.chars().next().unwrap_or(' ');
    let maybe_structural = first.is_ascii_digit()
        || first == '('
        || line.get(1..2) == Some(".")
        || line.starts_with("The ")
        || line.starts_with("We")
        || STRUCTURAL_PREFIXES.iter().any(|p| line.starts_with(p));
    if !maybe_structural {
        return Role::Plain;
    }
    heading(line)
        .or_else(|| opening(line))
        .or_else(|| numbered(line))
        .unwrap_or(Role::Plain)
}

/// Chapter, annex, resolution label or lettered section heading.
fn heading(line: &str) -> Option<Role> {
    if line.len() < 200 && is(&CHAPTER, line) {
        return Some(Role::Chapter);
    }
    if is(&ANNEX, line) {
        return Some(Role::Annex);
    }
    if line.len() < 60 && is(&LABEL, line) {
        return Some(Role::Label {
            label: line.split_whitespace().collect::<Vec<_>>().join(" "),
            title: None,
        });
    }
    if let Some(c) = cap(&NUMBERED_LABEL, line) {
        let label = c.get(1).map_or("", |m| m.as_str()).to_string();
        let title = c.get(2).map(|m| m.as_str().trim().to_string());
        return Some(Role::Label { label, title });
    }
    let c = cap(&SECTION, line)?;
    let rest = c.get(2).map_or("", |m| m.as_str());
    let lower = rest.to_lowercase();
    if !["resolution", "decision", "matters", "adoption", "adopted"]
        .iter()
        .any(|k| lower.contains(k))
    {
        return None;
    }
    let letter = c
        .get(1)
        .and_then(|m| m.as_str().chars().next())
        .unwrap_or('A');
    Some(Role::Section {
        letter,
        body: body_phrase(rest),
    })
}

/// "Resolution adopted by ...", the end mark of a resolution, or the line naming the body
/// that speaks ("The General Assembly,", "We, the Heads of State").
fn opening(line: &str) -> Option<Role> {
    if let Some(c) = cap(&ADOPTED, line) {
        return Some(Role::AdoptedBy(
            c.get(1).and_then(|m| body_name(m.as_str())),
        ));
    }
    if is(&END_MARK, line) {
        return Some(Role::EndMark);
    }
    let opener = |body, inline| Some(Role::Opener { body, inline });
    if line.len() <= 150
        && let Some(c) = cap(&OPENER, line)
        && let Some(b) = c.get(1).and_then(|m| body_name(m.as_str()))
    {
        return opener(Some(b), false);
    }
    if line.starts_with("We, ") || line.starts_with("We the ") {
        return opener(None, false);
    }
    let c = cap(&INLINE_OPENER, line)?;
    let body = c.get(1).and_then(|m| body_name(m.as_str()))?;
    opener(Some(body), true)
}

/// "12. Requests ..." or "(b) Takes note ...", parsed by hand: these lines are long and
/// frequent, and a capturing regex over the whole line is the slow path.
fn numbered(line: &str) -> Option<Role> {
    let (number, rest, lettered) = if let Some(inner) = line.strip_prefix('(') {
        let close = inner.find(')')?;
        let tag = inner.get(..close)?;
        let ok = (1..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
            || (1..=5).contains(&tag.len()) && tag.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
        if !ok {
            return None;
        }
        (format!("({tag})"), inner.get(close + 1..)?, true)
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let number = line.get(..digits)?.to_string();
        match line.get(digits..digits + 1) {
            // "16." alone: the paragraph's text starts on the next line
            Some(".") if line.get(digits + 1..)?.trim().is_empty() => {
                return Some(Role::Numbered(NumberedLine {
                    number,
                    text: String::new(),
                    lettered: false,
                }));
            }
            Some(".") => (number, line.get(digits + 1..)?, false),
            // "11 Condemns ...": a number that lost its full stop, before an operative verb
            Some(" ") if is_verb_start(line.get(digits + 1..)?) => {
                (number, line.get(digits..)?, false)
            }
            _ => return None,
        }
    };
    let text = rest.trim_start();
    if text.len() == rest.len() || text.is_empty() {
        return None;
    }
    Some(Role::Numbered(NumberedLine {
        number,
        text: text.to_string(),
        lettered,
    }))
}

/// Canonical name of an intergovernmental body written out in a heading or opening line.
pub fn body_name(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches([',', ':', '.']);
    let text = text.strip_prefix("the ").unwrap_or(text);
    match full_name(text) {
        Some((n, Side::Intergov)) => Some(n),
        _ => None,
    }
}

/// Body named by "for adoption by the ..." / "adopted by the ..." (the last such phrase wins:
/// "recommended by the Council for adoption by the General Assembly").
pub fn body_phrase(text: &str) -> Option<String> {
    let re = BODY_PHRASE.as_ref()?;
    let mut found = None;
    for c in re.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        let mut words: Vec<&str> = m.as_str().split_whitespace().collect();
        while words
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        {
            words.pop();
        }
        if let Some(b) = body_name(&words.join(" ")) {
            found = Some(b);
        }
    }
    found
}
