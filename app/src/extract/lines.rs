//! What one cleaned line of a UN document is: a heading, a resolution label, the adopting
//! body's opening line, a numbered paragraph, or plain text.

use std::sync::LazyLock;

use regex::Regex;

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
    Numbered {
        number: String,
        text: String,
        lettered: bool,
    },
    Plain,
}

/// Captures only after a cheap `is_match`: most lines match none of these patterns, and
/// asking for captures directly allocates them and may run the slower capturing engines.
fn cap<'a>(re: &'a LazyLock<Option<Regex>>, s: &'a str) -> Option<regex::Captures<'a>> {
    re.as_ref()
        .filter(|r| r.is_match(s))
        .and_then(|r| r.captures(s))
}

fn is(re: &LazyLock<Option<Regex>>, s: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(s))
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

/// Role of one cleaned, trimmed line.
pub fn role(s: &str) -> Role {
    let first = s.chars().next().unwrap_or(' ');
    let maybe_structural = first.is_ascii_digit()
        || first == '('
        || s.get(1..2) == Some(".")
        || s.starts_with("The ")
        || s.starts_with("We")
        || STRUCTURAL_PREFIXES.iter().any(|p| s.starts_with(p));
    if !maybe_structural {
        return Role::Plain;
    }
    if s.len() < 200 && is(&CHAPTER, s) {
        return Role::Chapter;
    }
    if is(&ANNEX, s) {
        return Role::Annex;
    }
    if s.len() < 60 && is(&LABEL, s) {
        return Role::Label {
            label: s.split_whitespace().collect::<Vec<_>>().join(" "),
            title: None,
        };
    }
    if let Some(c) = cap(&NUMBERED_LABEL, s) {
        let label = c.get(1).map_or("", |m| m.as_str()).to_string();
        let title = c.get(2).map(|m| m.as_str().trim().to_string());
        return Role::Label { label, title };
    }
    if let Some(c) = cap(&SECTION, s) {
        let rest = c.get(2).map_or("", |m| m.as_str());
        let l = rest.to_lowercase();
        if ["resolution", "decision", "matters", "adoption", "adopted"]
            .iter()
            .any(|k| l.contains(k))
        {
            let letter = c
                .get(1)
                .and_then(|m| m.as_str().chars().next())
                .unwrap_or('A');
            return Role::Section {
                letter,
                body: body_phrase(rest),
            };
        }
    }
    if let Some(c) = cap(&ADOPTED, s) {
        return Role::AdoptedBy(c.get(1).and_then(|m| body_name(m.as_str())));
    }
    if is(&END_MARK, s) {
        return Role::EndMark;
    }
    if s.len() <= 150
        && let Some(c) = cap(&OPENER, s)
        && let Some(b) = c.get(1).and_then(|m| body_name(m.as_str()))
    {
        return Role::Opener {
            body: Some(b),
            inline: false,
        };
    }
    if s.starts_with("We, the ") || s.starts_with("We the ") {
        return Role::Opener {
            body: None,
            inline: false,
        };
    }
    if let Some(c) = cap(&INLINE_OPENER, s)
        && let Some(b) = c.get(1).and_then(|m| body_name(m.as_str()))
    {
        return Role::Opener {
            body: Some(b),
            inline: true,
        };
    }
    numbered(s).unwrap_or(Role::Plain)
}

/// "12. Requests ..." or "(b) Takes note ...", parsed by hand: these lines are long and
/// frequent, and a capturing regex over the whole line is the slow path.
fn numbered(s: &str) -> Option<Role> {
    let (number, rest, lettered) = if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')')?;
        let tag = inner.get(..close)?;
        let ok = (1..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
            || (1..=5).contains(&tag.len()) && tag.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
        if !ok {
            return None;
        }
        (format!("({tag})"), inner.get(close + 1..)?, true)
    } else {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || s.get(digits..digits + 1) != Some(".") {
            return None;
        }
        (s.get(..digits)?.to_string(), s.get(digits + 1..)?, false)
    };
    let text = rest.trim_start();
    if text.len() == rest.len() || text.is_empty() {
        return None;
    }
    Some(Role::Numbered {
        number,
        text: text.to_string(),
        lettered,
    })
}

/// Canonical name of an intergovernmental body written out in a heading or opening line.
pub fn body_name(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches([',', ':', '.']);
    let s = s.strip_prefix("the ").unwrap_or(s);
    match full_name(s) {
        Some((n, Side::Intergov)) => Some(n),
        _ => None,
    }
}

/// Body named by "for adoption by the ..." / "adopted by the ..." (the last such phrase wins:
/// "recommended by the Council for adoption by the General Assembly").
pub fn body_phrase(s: &str) -> Option<String> {
    let re = BODY_PHRASE.as_ref()?;
    let mut found = None;
    for c in re.captures_iter(s) {
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

/// Preambular paragraphs open with a participle or adjective ("Recalling", "Deeply
/// concerned", "Mindful"). With `strict`, only the common openers count, so that a page
/// break inside a sentence is not taken for a new paragraph.
pub fn is_preamble_start(s: &str, strict: bool) -> bool {
    let first = s
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    if !first.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    const KNOWN: [&str; 42] = [
        "Recalling",
        "Reaffirming",
        "Noting",
        "Recognizing",
        "Recognising",
        "Bearing",
        "Taking",
        "Welcoming",
        "Acknowledging",
        "Emphasizing",
        "Stressing",
        "Mindful",
        "Aware",
        "Conscious",
        "Convinced",
        "Concerned",
        "Deeply",
        "Gravely",
        "Alarmed",
        "Cognizant",
        "Considering",
        "Expressing",
        "Reiterating",
        "Underlining",
        "Underscoring",
        "Affirming",
        "Guided",
        "Determined",
        "Desirous",
        "Having",
        "Believing",
        "Encouraged",
        "Highlighting",
        "Appreciating",
        "Seriously",
        "Further",
        "Commending",
        "Reaffirms",
        "Deploring",
        "Regretting",
        "Looking",
        "Keeping",
    ];
    if KNOWN.contains(&first) {
        return first != "Reaffirms";
    }
    !strict
        && first.len() > 5
        && (first.ends_with("ing") || first.ends_with("ed"))
        && first != "United"
}
