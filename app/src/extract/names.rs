//! Canonical names of UN actors. Addressees and targets are stored under one spelling so that
//! "UNODC", "the Office" and "United Nations Office on Drugs and Crime" count as one actor.

use super::entity::Side;
use super::text::{contains_short, find_short};

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

const UN_ENTITY_HEADS: [&str; 13] = [
    "Office",
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

const AGENCY_ACRONYMS: [&str; 19] = [
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
    "UNCTAD",
    "WHO",
    "WFP",
    "FAO",
    "ILO",
    "UNOPS",
    "UNITAR",
    "UNU",
    "DESA",
];

fn has_word(chain: &str, words: &[&str]) -> bool {
    chain.split(' ').any(|w| words.contains(&w))
}

/// Canonical name and side of a capitalised chain, or `None` when it names no UN actor.
pub fn full_name(chain: &str) -> Option<(String, Side)> {
    if let Some((name, side)) = fixed_name(chain) {
        return Some((name.to_string(), side));
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
    if AGENCY_ACRONYMS.contains(&chain) {
        return Some(chain.to_string());
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
        && !has_word(chain, &NOT_ACTORS))
    .then(|| chain.to_string())
}

/// Commissions, expert and working groups, conferences and committees.
fn intergov_name(chain: &str) -> Option<String> {
    if chain.starts_with("Commission on ") || chain.starts_with("Commission for ") {
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
