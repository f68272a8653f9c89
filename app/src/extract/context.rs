//! What the text has named so far, used to resolve short references ("the Commission", "the
//! Office", "the Congress", "its") to full names the way a reader of the resolution would.

use super::entity::{Actor, Head, Side};
use super::ordinal::parse_ordinal;

const MAX_ENTRIES: usize = 48;

#[derive(Debug, Clone)]
struct Entry {
    head: Head,
    name: String,
    count: u32,
    seq: u64,
}

/// Running state over one document; counts restart with each resolution, recency does not.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub adopting: Option<String>,
    pub last_addressee: Option<String>,
    /// The last official named (Secretary-General, Executive Director ...), for "he".
    pub last_person: Option<String>,
    entries: Vec<Entry>,
    seq: u64,
    /// Acronyms the text defined ("... (UNMISS)"), with the name and side they stand for.
    acronyms: Vec<(String, String, Side)>,
}

const ORDINAL_WORDS: [&str; 20] = [
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
];

impl Context {
    /// Starts a new resolution: earlier names stay available, but no longer outweigh the
    /// names this resolution uses.
    pub fn start_resolution(&mut self, adopting: Option<String>) {
        self.adopting = adopting;
        self.last_addressee = None;
        for e in &mut self.entries {
            e.count = 0;
        }
        if let Some(body) = self.adopting.clone()
            && let Some(h) = super::entity::head_of(&body)
        {
            self.observe(h, &body);
        }
    }

    pub fn observe(&mut self, head: Head, name: &str) {
        self.seq += 1;
        let seq = self.seq;
        if let Some(e) = self
            .entries
            .iter_mut()
            .find(|e| e.head == head && e.name == name)
        {
            e.count += 1;
            e.seq = seq;
            return;
        }
        if self.entries.len() >= MAX_ENTRIES
            && let Some(pos) = self
                .entries
                .iter()
                .enumerate()
                .min_by_key(|(_, e)| e.seq)
                .map(|(i, _)| i)
        {
            self.entries.swap_remove(pos);
        }
        self.entries.push(Entry {
            head,
            name: name.to_string(),
            count: 1,
            seq,
        });
    }

    fn most_frequent(&self, head: Head) -> Option<&str> {
        self.entries
            .iter()
            .filter(|e| e.head == head)
            .max_by_key(|e| (e.count, e.seq))
            .map(|e| e.name.as_str())
    }

    fn most_recent(&self, head: Head) -> Option<&str> {
        self.entries
            .iter()
            .filter(|e| e.head == head)
            .max_by_key(|e| e.seq)
            .map(|e| e.name.as_str())
    }

    fn adopting_if(&self, f: impl Fn(&str) -> bool) -> Option<&str> {
        self.adopting.as_deref().filter(|a| f(a))
    }

    /// Records that `acronym` stands for `name` (the first definition stays).
    pub fn define_acronym(&mut self, acronym: &str, name: &str, side: Side) {
        if acronym != name
            && self.acronyms.len() < MAX_ENTRIES
            && !self.acronyms.iter().any(|(a, _, _)| a == acronym)
        {
            self.acronyms
                .push((acronym.to_string(), name.to_string(), side));
        }
    }

    /// The actor an acronym the text defined stands for.
    pub fn acronym(&self, chain: &str) -> Option<Actor> {
        self.acronyms
            .iter()
            .find(|(a, _, _)| a == chain)
            .map(|(_, name, side)| Actor {
                name: name.clone(),
                side: *side,
                ordinal: None,
            })
    }

    /// Full name for a short reference, with the side it belongs to.
    pub fn resolve(&self, head: Head) -> Option<Actor> {
        let name = match head {
            Head::Congress => {
                let name = self.most_recent(head)?.to_string();
                let ordinal = name.split(' ').next().and_then(parse_ordinal);
                return Some(Actor {
                    name,
                    side: Side::Intergov,
                    ordinal,
                });
            }
            Head::ExecutiveDirector => self.executive_director(),
            Head::Commission | Head::Council | Head::Office => self
                .most_used(head)
                .unwrap_or(default_name(head))
                .to_string(),
            _ => self
                .most_recent(head)
                .unwrap_or(default_name(head))
                .to_string(),
        };
        Some(Actor {
            name,
            side: side_of(head),
            ordinal: None,
        })
    }

    /// For bodies a resolution refers to again and again: the adopting body when it is one,
    /// else the name used most often.
    fn most_used(&self, head: Head) -> Option<&str> {
        let adopting = match head {
            Head::Commission => {
                self.adopting_if(|a| a.starts_with("Commission") || a.ends_with("Commission"))
            }
            Head::Council => self.adopting_if(|a| a.ends_with("Council")),
            _ => None,
        };
        adopting.or_else(|| self.most_frequent(head))
    }

    fn executive_director(&self) -> String {
        if let Some(name) = self.most_recent(Head::ExecutiveDirector) {
            return name.to_string();
        }
        match self.most_frequent(Head::Office) {
            Some(office) if office.starts_with("United Nations") => {
                format!("Executive Director of the {office}")
            }
            _ => "Executive Director".to_string(),
        }
    }

    /// Full name of the Crime Congress with number `n`, as named earlier or as the series
    /// has been called (since the Eleventh: "on Crime Prevention and Criminal Justice").
    pub fn congress_name(&self, n: u32) -> String {
        let known = self
            .entries
            .iter()
            .filter(|e| {
                e.head == Head::Congress
                    && e.name.split(' ').next().and_then(parse_ordinal) == Some(n)
            })
            .max_by_key(|e| e.seq);
        if let Some(e) = known {
            return e.name.clone();
        }
        let word = ORDINAL_WORDS
            .get((n as usize).saturating_sub(1))
            .copied()
            .unwrap_or("Next");
        if n >= 11 {
            format!("{word} United Nations Congress on Crime Prevention and Criminal Justice")
        } else {
            format!(
                "{word} United Nations Congress on the Prevention of Crime and the Treatment of Offenders"
            )
        }
    }
}

/// What a short reference means when the text has named nothing it could refer to.
fn default_name(head: Head) -> &'static str {
    match head {
        Head::Commission => "Commission",
        Head::Council => "Economic and Social Council",
        Head::Office => "Office",
        Head::Congress => "Congress",
        Head::ExpertGroup => "Expert Group",
        Head::WorkingGroup => "Working Group",
        Head::ExecutiveDirector => "Executive Director",
        Head::SpecialRapporteur => "Special Rapporteur",
        Head::Conference => "Conference",
        Head::Committee => "Committee",
        Head::Board => "Board",
        Head::HighCommissioner => "United Nations High Commissioner for Human Rights",
    }
}

fn side_of(head: Head) -> Side {
    match head {
        Head::Office
        | Head::ExecutiveDirector
        | Head::SpecialRapporteur
        | Head::HighCommissioner => Side::Secretariat,
        Head::Commission
        | Head::Council
        | Head::Congress
        | Head::ExpertGroup
        | Head::WorkingGroup
        | Head::Conference
        | Head::Committee
        | Head::Board => Side::Intergov,
    }
}
