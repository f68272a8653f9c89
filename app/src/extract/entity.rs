//! Names of bodies and officials. Resolutions name actors as chains of capitalised words
//! ("Executive Director of the United Nations Office on Drugs and Crime"), then refer back to
//! them in short ("the Office", "the Commission"), so mentions are found by scanning such
//! chains and short forms are resolved against what the text named before.

use super::context::Context;
use super::ordinal::parse_ordinal;
use super::text::{Words, contains_short, next_cap_word};

/// Which side an actor is on: only Secretariat-side actors and intergovernmental bodies can
/// receive mandates; only intergovernmental bodies receive reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Secretariat,
    Intergov,
}

/// Short references whose meaning depends on the text ("the Commission").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Head {
    Commission,
    Council,
    Office,
    Congress,
    ExpertGroup,
    WorkingGroup,
    ExecutiveDirector,
    SpecialRapporteur,
    Conference,
    Committee,
    Board,
    HighCommissioner,
}

/// One actor named in a paragraph, with its byte span in the paragraph text.
#[derive(Debug, Clone)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub side: Side,
    /// Congress number, when the name carries one ("Fourteenth").
    pub ordinal: Option<u32>,
}

const CONNECTORS: [&str; 10] = [
    "of", "on", "for", "to", "and", "against", "in", "a", "de", "des",
];
const SPLIT_STARTERS: [&str; 15] = [
    "United",
    "General",
    "Economic",
    "Human",
    "Security",
    "Secretary-General",
    "Commission",
    "Council",
    "Assembly",
    "Congress",
    "Executive",
    "Expert",
    "Working",
    "Secretariat",
    "Special",
];

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn only_space(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|g| g == " ")
}

/// Finds every actor mention in `text`, resolving short forms through `ctx` and feeding each
/// full name back into it, in reading order.
pub fn scan(text: &str, ctx: &mut Context) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut ws = Words::new(text);
    let mut saw_educational = false;
    // Chains start at capitalised words, so the text between them is skipped, not tokenised;
    // `ws` holds the words of one chain (index 0 is its first word), read as far as needed.
    let mut pos = 0usize;
    while let Some((s, e)) = next_cap_word(text, pos) {
        ws.restart((s, e));
        let i = 0usize;
        // grow a chain of capitalised words joined by single spaces and connectors
        let mut last = i;
        let mut j = i + 1;
        while let Some((_, pe)) = ws.get(last) {
            let mut k = j;
            let mut conn = 0usize;
            let mut prev_end = pe;
            while let Some((cs, ce)) = ws.get(k) {
                let cw = text.get(cs..ce).unwrap_or("");
                if !only_space(text, prev_end, cs) || is_cap(cw) {
                    break;
                }
                let ok = match conn {
                    0 => CONNECTORS.contains(&cw),
                    1 => {
                        matches!(cw, "the" | "a")
                            && k > 0
                            && ws
                                .get(k - 1)
                                .and_then(|(a, b)| text.get(a..b))
                                .is_some_and(|p| p != "and" && p != "a")
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                conn += 1;
                prev_end = ce;
                k += 1;
            }
            let Some((ns, ne)) = ws.get(k) else { break };
            let nw = text.get(ns..ne).unwrap_or("");
            if !only_space(text, prev_end, ns) || !is_cap(nw) {
                break;
            }
            if conn > 0 && (SPLIT_STARTERS.contains(&nw) || parse_ordinal(nw).is_some()) {
                let first_conn = ws.get(j).and_then(|(a, b)| text.get(a..b)).unwrap_or("");
                if first_conn != "of" {
                    break;
                }
            }
            last = k;
            j = k + 1;
        }
        // drop sentence-initial verbs and participles ("Requests", "Recalling", "The")
        let mut first = i;
        while first < last {
            let fw = ws
                .get(first)
                .and_then(|(a, b)| text.get(a..b))
                .unwrap_or("");
            if is_leading_noise(fw) {
                first += 1;
            } else {
                break;
            }
        }
        let (cs, _) = ws.get(first).unwrap_or((s, e));
        let (_, ce) = ws.get(last).unwrap_or((s, e));
        let chain = text.get(cs..ce).unwrap_or("");
        if let Some(m) = classify(chain, cs, ce, ctx) {
            out.push(m);
        }
        saw_educational |= ws.any_is("Educational");
        pos = ce.max(e);
    }
    // The long name has a comma, so chains miss it. Every capitalised word passes through
    // `ws`, so the word check spares a substring search over paragraphs that lack it.
    if saw_educational
        && let Some(p) =
            text.find("United Nations Educational, Scientific and Cultural Organization")
    {
        out.push(Mention {
            start: p,
            end: p + 63,
            name: "United Nations Educational, Scientific and Cultural Organization".into(),
            side: Side::Secretariat,
            ordinal: None,
        });
        out.sort_by_key(|m| m.start);
    }
    out
}

fn is_leading_noise(w: &str) -> bool {
    super::text::with_lower(w, is_leading_noise_lower)
}

fn is_leading_noise_lower(l: &str) -> bool {
    if matches!(
        l,
        "the" | "we" | "also" | "further" | "in" | "as" | "with" | "by" | "at" | "and"
    ) {
        return true;
    }
    if super::verbs::is_operative_word(l) {
        return true;
    }
    (l.ends_with("ing") && !matches!(l, "working" | "standing" | "training"))
        || (l.ends_with("ed") && !matches!(l, "united" | "red" | "least-developed"))
}

fn classify(chain: &str, start: usize, end: usize, ctx: &mut Context) -> Option<Mention> {
    let mk = |name: String, side: Side, ordinal: Option<u32>| Mention {
        start,
        end,
        name,
        side,
        ordinal,
    };
    let first = chain.split(' ').next().unwrap_or("");
    let ordinal = parse_ordinal(first);
    let rest_after_ord = if ordinal.is_some() {
        chain.get(first.len()..).unwrap_or("").trim_start()
    } else {
        chain
    };
    if let (Some(n), true) = (
        ordinal,
        rest_after_ord == "Congress" || rest_after_ord.starts_with("United Nations Congress on"),
    ) {
        let name = if rest_after_ord == "Congress" {
            ctx.congress_name(n)
        } else {
            chain.to_string()
        };
        ctx.observe(Head::Congress, &name);
        return Some(mk(name, Side::Intergov, Some(n)));
    }
    if let Some(head) = short_head(chain) {
        let (name, side, ord) = ctx.resolve(head)?;
        return Some(mk(name, side, ord));
    }
    let (name, side) = full_name(chain)?;
    if let Some(h) = head_of(&name) {
        ctx.observe(h, &name);
    }
    let ord = if contains_short(&name, " Congress") {
        name.split(' ').next().and_then(parse_ordinal)
    } else {
        None
    };
    Some(mk(name, side, ord))
}

fn short_head(chain: &str) -> Option<Head> {
    Some(match chain {
        "Commission" => Head::Commission,
        "Council" => Head::Council,
        "Office" => Head::Office,
        "Congress" => Head::Congress,
        "Expert Group" => Head::ExpertGroup,
        "Working Group" => Head::WorkingGroup,
        "Executive Director" => Head::ExecutiveDirector,
        "Special Rapporteur" => Head::SpecialRapporteur,
        "Conference" => Head::Conference,
        "Committee" => Head::Committee,
        "Board" => Head::Board,
        "High Commissioner" => Head::HighCommissioner,
        _ => return None,
    })
}

/// The short form that later refers back to a full name.
pub fn head_of(name: &str) -> Option<Head> {
    let h = if name.starts_with("Executive Director") {
        Head::ExecutiveDirector
    } else if name.starts_with("Special Rapporteur") {
        Head::SpecialRapporteur
    } else if contains_short(name, "High Commissioner") && !name.starts_with("Office") {
        Head::HighCommissioner
    } else if name.starts_with("Office") || name.starts_with("United Nations Office") {
        Head::Office
    } else if name.starts_with("Commission") || name.ends_with("Commission") {
        Head::Commission
    } else if name.ends_with("Council") {
        Head::Council
    } else if contains_short(name, "Congress") {
        Head::Congress
    } else if contains_short(name, "Expert Group") {
        Head::ExpertGroup
    } else if contains_short(name, "Working Group") {
        Head::WorkingGroup
    } else if name.starts_with("Conference") {
        Head::Conference
    } else if name.starts_with("Committee") || name.ends_with("Committee") {
        Head::Committee
    } else if name.ends_with("Board") {
        Head::Board
    } else {
        return None;
    };
    Some(h)
}

/// Canonical name and side of a full chain, or `None` for anything that is not a UN actor
/// (Member States, treaties, programmes, outside organisations).
pub fn full_name(chain: &str) -> Option<(String, Side)> {
    super::names::full_name(chain)
}
