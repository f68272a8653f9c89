//! Canonical names of UN actors. Addressees and targets are stored under one spelling so that
//! "UNODC", "the Office" and "United Nations Office on Drugs and Crime" count as one actor.

use super::entity::Side;
use super::text::{contains_short, find_short};

mod missions;

const UNODC: &str = "United Nations Office on Drugs and Crime";
const OHCHR: &str = "Office of the United Nations High Commissioner for Human Rights";

const OFFICIAL_PREFIXES: [&str; 9] = [
    "Special Rapporteur",
    "Special Representative",
    "Special Envoy",
    "Special Adviser",
    "Independent Expert",
    "Under-Secretary-General",
    "Director-General",
    "Emergency Relief Coordinator",
    "Administrator of the United Nations",
];

const OFFICE_PREFIXES: [&str; 6] = [
    "Office of",
    "Office for",
    "Department of",
    "Department for",
    "Division for",
    "Division of",
];

const UN_ENTITY_HEADS: [&str; 16] = [
    "Office",
    "Mission",
    "Force",
    "Operation",
    "Programme",
    "Fund",
    "Institute",
    "Entity",
    "University",
    "Centre",
    "Agency",
    "Organization",
    "Commissioner",
    "Volunteers",
    "Habitat",
    "Women",
];

const NOT_ACTORS: [&str; 20] = [
    "Convention",
    "Protocol",
    "Rules",
    "Declaration",
    "Strategy",
    "Agenda",
    "Compact",
    "Plan",
    "Guidelines",
    "Principles",
    "Standards",
    "Model",
    "Charter",
    "Network",
    "Decade",
    "Day",
    "Year",
    "Summit",
    "Manual",
    "Handbook",
];

/// Acronyms of Secretariat departments and offices.
const SECRETARIAT_ACRONYMS: [&str; 4] = ["UNCTAD", "DESA", "UNITAR", "UNU"];

/// Funds, programmes and specialized agencies: named in resolutions, but outside the
/// Secretariat, so a request to them is not a mandate the tracker follows.
const AGENCY_ACRONYMS: [&str; 15] = [
    "UNDP",
    "UNICEF",
    "UNESCO",
    "UNHCR",
    "UNAIDS",
    "UN-Women",
    "UNEP",
    "UNFPA",
    "UN-Habitat",
    "UNIDO",
    "WHO",
    "WFP",
    "FAO",
    "ILO",
    "UNOPS",
];

/// Heads of names of funds, programmes and entities outside the Secretariat ("United Nations
/// Entity for Gender Equality ...", "United Nations Children's Fund").
const AGENCY_HEADS: [&str; 4] = ["Entity", "Fund", "Programme", "Women"];

fn has_word(chain: &str, words: &[&str]) -> bool {
    chain.split(' ').any(|w| words.contains(&w))
}

/// Canonical name and side of a capitalised chain, or `None` when it names no UN actor.
pub fn full_name(chain: &str) -> Option<(String, Side)> {
    if contains_short(chain, "SecretaryGeneral") {
        // a PDF export that lost the hyphen
        return full_name(&chain.replace("SecretaryGeneral", "Secretary-General"));
    }
    if let Some((name, side)) = fixed_name(chain) {
        return Some((name.to_string(), side));
    }
    if let Some(name) = missions::mission_name(chain) {
        return Some((name.to_string(), Side::Secretariat));
    }
    secretariat_name(chain)
        .map(|name| (name, Side::Secretariat))
        .or_else(|| intergov_name(chain).map(|name| (name, Side::Intergov)))
}

/// Names with one fixed spelling, and the other spellings that mean them.
fn fixed_name(chain: &str) -> Option<(&'static str, Side)> {
    use Side::{Intergov, Secretariat};
    Some(match chain {
        "Secretary-General" | "Secretary-General of the United Nations" => {
            ("Secretary-General", Secretariat)
        }
        "Secretariat" | "Secretariat of the United Nations" | "United Nations Secretariat" => {
            ("Secretariat", Secretariat)
        }
        "UNODC" | "United Nations Office on Drugs and Crime" => (UNODC, Secretariat),
        "UNICRI" => (
            "United Nations Interregional Crime and Justice Research Institute",
            Secretariat,
        ),
        "OHCHR"
        | "Office of the High Commissioner"
        | "Office of the High Commissioner for Human Rights" => (OHCHR, Secretariat),
        "High Commissioner for Human Rights"
        | "United Nations High Commissioner for Human Rights" => (
            "United Nations High Commissioner for Human Rights",
            Secretariat,
        ),
        "INCB" | "International Narcotics Control Board" => {
            ("International Narcotics Control Board", Intergov)
        }
        "United Nations" | "UN" => ("United Nations", Secretariat),
        "General Assembly" | "Assembly" => ("General Assembly", Intergov),
        "Economic and Social Council" | "ECOSOC" => ("Economic and Social Council", Intergov),
        "Human Rights Council" => ("Human Rights Council", Intergov),
        "Security Council" => ("Security Council", Intergov),
        "Statistical Commission" => ("Statistical Commission", Intergov),
        "Peacebuilding Commission" => ("Peacebuilding Commission", Intergov),
        _ => return None,
    })
}

/// Agencies, officials, offices and departments, and "United Nations" entities.
fn secretariat_name(chain: &str) -> Option<String> {
    if SECRETARIAT_ACRONYMS.contains(&chain) {
        return Some(chain.to_string());
    }
    if AGENCY_ACRONYMS.contains(&chain) {
        return None;
    }
    if let Some(rest) = chain.strip_prefix("Executive Director of the ") {
        let org = full_name(rest)
            .map(|(n, _)| n)
            .unwrap_or_else(|| rest.to_string());
        return Some(format!("Executive Director of the {org}"));
    }
    if OFFICIAL_PREFIXES.iter().any(|p| chain.starts_with(p)) && chain.contains(' ') {
        return Some(chain.to_string());
    }
    if OFFICE_PREFIXES.iter().any(|p| chain.starts_with(p)) {
        if contains_short(chain, "High Commissioner for Human Rights") {
            return Some(OHCHR.to_string());
        }
        return Some(chain.to_string());
    }
    (chain.starts_with("United Nations ")
        && has_word(chain, &UN_ENTITY_HEADS)
        && !has_word(chain, &NOT_ACTORS)
        && !has_word(chain, &AGENCY_HEADS))
    .then(|| chain.to_string())
}

/// Commissions, expert and working groups, conferences and committees.
fn intergov_name(chain: &str) -> Option<String> {
    if chain.starts_with("Commission on ") || chain.starts_with("Commission for ") {
        return Some(chain.to_string());
    }
    // the Main Committees of the General Assembly
    if let Some(ordinal) = chain.strip_suffix(" Committee")
        && matches!(
            ordinal,
            "First" | "Second" | "Third" | "Fourth" | "Fifth" | "Sixth"
        )
    {
        return Some(chain.to_string());
    }
    // "International Civil Service Commission", "International Law Commission"
    if chain.starts_with("International ") && chain.ends_with(" Commission") {
        return Some(chain.to_string());
    }
    for head in ["Expert Group", "Working Group"] {
        if let Some(p) = find_short(chain, head)
            && chain.len() > head.len() + p
        {
            return Some(chain.get(p..).unwrap_or(chain).to_string());
        }
    }
    (chain.starts_with("Conference of the ")
        || chain.starts_with("Committee on ")
        || chain.starts_with("Committee against ")
        || chain.starts_with("Committee for ")
        || chain == "Advisory Committee")
        .then(|| chain.to_string())
}

/// Officials who act for the Secretary-General or head a Secretariat office: the ones a
/// personal pronoun ("he", "his or her") can stand for.
pub fn is_person(name: &str) -> bool {
    name == "Secretary-General"
        || [
            "Executive Director",
            "Special Representative",
            "Special Envoy",
            "Special Adviser",
            "Under-Secretary-General",
            "Director-General",
            "Emergency Relief Coordinator",
            "Administrator",
        ]
        .iter()
        .any(|p| name.starts_with(p))
        || name.ends_with("High Commissioner for Human Rights") && !name.starts_with("Office")
}

/// Independent experts of the human rights system (special rapporteurs, independent
/// experts): named like officials, but not the Secretariat, so requests to them are not
/// mandates the tracker follows.
pub fn is_outside(name: &str) -> bool {
    name.starts_with("Special Rapporteur") || name.starts_with("Independent Expert")
}

/// Words after "the United Nations" that keep it the Organization acting (through its
/// Secretariat), as in "requests the United Nations to"; any other lowercase word makes it
/// part of a wider name ("the United Nations system", "United Nations entities").
const AFTER_ORGANIZATION: [&str; 12] = [
    "to", "and", "or", "in", "on", "at", "as", "with", "when", "through", "shall", "should",
];

/// Whether "United Nations", followed by `rest`, names the Organization itself.
pub fn stands_alone(rest: &str) -> bool {
    let rest = rest.trim_start();
    let word: &str = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    !word.starts_with(|c: char| c.is_lowercase()) || AFTER_ORGANIZATION.contains(&word)
}

/// The acronym a name defines right after it: "United Nations Mission in South Sudan
/// (UNMISS)" -> "UNMISS".
pub fn defined_acronym(rest: &str) -> Option<&str> {
    let inner = rest.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let acronym = inner.get(..close)?;
    ((2..=12).contains(&acronym.len())
        && acronym.starts_with(|c: char| c.is_ascii_uppercase())
        && acronym
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'))
    .then_some(acronym)
}

#[cfg(test)]
mod tests {
    use super::full_name;

    #[test]
    fn canonical() {
        assert_eq!(
            full_name("UNODC").map(|x| x.0).as_deref(),
            Some("United Nations Office on Drugs and Crime")
        );
        assert_eq!(
            full_name("Executive Director of the UNODC")
                .map(|x| x.0)
                .as_deref(),
            Some("Executive Director of the United Nations Office on Drugs and Crime")
        );
        assert!(full_name("United Nations Convention against Corruption").is_none());
        assert!(full_name("Member States").is_none());
        assert!(full_name("International Olympic Committee").is_none());
        assert!(
            full_name("United Nations Global Counter-Terrorism Coordination Compact").is_none()
        );
    }
}
