//! Names of bodies and officials. Resolutions name actors as chains of capitalised words
//! ("Executive Director of the United Nations Office on Drugs and Crime"), then refer back to
//! them in short ("the Office", "the Commission"), so mentions are found by scanning such
//! chains and short forms are resolved against what the text named before.

mod chain;

use chain::{chain_end, first_name_word};

use super::context::Context;
use super::names;
use super::ordinal::parse_ordinal;
use super::span::{Span, after};
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

/// An actor as the text names it: canonical name, side and, for a Crime Congress, its number.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub side: Side,
    pub ordinal: Option<u32>,
}

/// One actor named in a paragraph, with its byte span in the paragraph text.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub name: String,
    pub side: Side,
    /// Congress number, when the name carries one ("Fourteenth").
    pub ordinal: Option<u32>,
}

/// Finds every actor mention in `text`, resolving short forms through `ctx` and feeding each
/// full name back into it, in reading order.
pub fn scan(text: &str, ctx: &mut Context) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut words = Words::new(text);
    let mut saw_educational = false;
    // Chains start at capitalised words, so the text between them is skipped, not tokenised;
    // `words` holds the words of one chain (index 0 is its first word), read as far as needed.
    let mut pos = 0usize;
    while let Some(first_word) = next_cap_word(text, pos) {
        words.restart(first_word);
        let last = chain_end(&mut words);
        let first = first_name_word(&mut words, last);
        let chain = Span::new(
            words.get(first).unwrap_or(first_word).start,
            words.get(last).unwrap_or(first_word).end,
        );
        if let Some(m) =
            secretariat_of(text, chain).or_else(|| classify(chain.of(text), chain, ctx))
            && (m.name != "United Nations" || names::stands_alone(after(text, chain.end)))
        {
            if let Some(acronym) = names::defined_acronym(after(text, chain.end)) {
                ctx.define_acronym(acronym, &m.name, m.side);
            }
            if names::is_person(&m.name) {
                ctx.last_person = Some(m.name.clone());
            }
            out.push(m);
        }
        saw_educational |= words.any_is("Educational");
        pos = chain.end.max(first_word.end);
    }
    // The long name has a comma, so chains miss it. Every capitalised word passes through
    // `words`, so the word check spares a substring search over paragraphs that lack it.
    if saw_educational {
        add_unesco(text, &mut out);
    }
    out
}

/// "the secretariat of the United Nations Conference on Trade and Development": the staff
/// that serve a body or conference are the Secretariat, whatever the body is.
fn secretariat_of(text: &str, chain: Span) -> Option<Mention> {
    const LEAD: &str = "secretariat of the ";
    let start = chain.start.checked_sub(LEAD.len())?;
    if Span::new(start, chain.start).of(text) != LEAD {
        return None;
    }
    let name = chain.of(text);
    if !name.starts_with("United Nations ") {
        return None;
    }
    Some(Mention {
        span: Span::new(start, chain.end),
        name: format!("{LEAD}{name}"),
        side: Side::Secretariat,
        ordinal: None,
    })
}

const UNESCO: &str = "United Nations Educational, Scientific and Cultural Organization";

fn add_unesco(text: &str, out: &mut Vec<Mention>) {
    if let Some(p) = text.find(UNESCO) {
        out.push(Mention {
            // one byte short of the name, as it has always been: spans decide which clause
            // a mention belongs to, and stored results must not change
            span: Span::new(p, p + UNESCO.len() - 1),
            name: UNESCO.into(),
            side: Side::Secretariat,
            ordinal: None,
        });
        out.sort_by_key(|m| m.span.start);
    }
}

/// The mention a chain makes, if it names an actor: a Crime Congress by number, a short
/// reference resolved through what the text named before, or a full name.
fn classify(chain: &str, span: Span, ctx: &mut Context) -> Option<Mention> {
    let mention = |actor: Actor| Mention {
        span,
        name: actor.name,
        side: actor.side,
        ordinal: actor.ordinal,
    };
    if let Some(congress) = numbered_congress(chain, ctx) {
        return Some(mention(congress));
    }
    if let Some(head) = short_head(chain) {
        return ctx.resolve(head).map(mention);
    }
    let Some((name, side)) = full_name(chain) else {
        return ctx.acronym(chain).map(mention);
    };
    if let Some(h) = head_of(&name) {
        ctx.observe(h, &name);
    }
    let ordinal = if contains_short(&name, " Congress") {
        name.split(' ').next().and_then(parse_ordinal)
    } else {
        None
    };
    Some(mention(Actor {
        name,
        side,
        ordinal,
    }))
}

/// "Fourteenth Congress", "Eleventh United Nations Congress on ...".
fn numbered_congress(chain: &str, ctx: &mut Context) -> Option<Actor> {
    let first = chain.split(' ').next().unwrap_or("");
    let number = parse_ordinal(first)?;
    let rest = after(chain, first.len()).trim_start();
    let name = if rest == "Congress" {
        ctx.congress_name(number)
    } else if rest.starts_with("United Nations Congress on") {
        chain.to_string()
    } else {
        return None;
    };
    ctx.observe(Head::Congress, &name);
    Some(Actor {
        name,
        side: Side::Intergov,
        ordinal: Some(number),
    })
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

/// Expert and working groups: intergovernmental, but serviced by the Secretariat and
/// invited to act as readily as asked.
pub fn is_expert_body(name: &str) -> bool {
    contains_short(name, "Expert Group") || contains_short(name, "Working Group")
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
