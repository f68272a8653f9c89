//! What a body is, as administrators describe one: its kind and its acronym.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The kinds of intergovernmental body the calendar knows (the `body.kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Commission,
    Assembly,
    Council,
    Congress,
    ExpertGroup,
}

impl BodyKind {
    pub const ALL: [BodyKind; 5] = [
        BodyKind::Commission,
        BodyKind::Assembly,
        BodyKind::Council,
        BodyKind::Congress,
        BodyKind::ExpertGroup,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            BodyKind::Commission => "commission",
            BodyKind::Assembly => "assembly",
            BodyKind::Council => "council",
            BodyKind::Congress => "congress",
            BodyKind::ExpertGroup => "expert_group",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            BodyKind::Commission => "Commission",
            BodyKind::Assembly => "Assembly",
            BodyKind::Council => "Council",
            BodyKind::Congress => "Congress",
            BodyKind::ExpertGroup => "Expert group",
        }
    }
}

impl FromStr for BodyKind {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        BodyKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(())
    }
}

/// A body's acronym as the calendar and its addresses use it (`/sessions/ccpcj/29`): 2 to 12
/// letters, digits or hyphens, starting with a letter; stored upper-case.
pub fn body_code(input: &str) -> Result<String, String> {
    let code = input.trim().to_uppercase();
    let fits = (2..=12).contains(&code.chars().count())
        && code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if fits {
        Ok(code)
    } else {
        Err("The acronym must have 2 to 12 letters, digits or hyphens, starting with a letter, like CCPCJ.".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_acronyms_are_checked() {
        for kind in BodyKind::ALL {
            assert_eq!(kind.as_str().parse::<BodyKind>(), Ok(kind));
        }
        assert!("club".parse::<BodyKind>().is_err());
        assert_eq!(body_code(" ccpcj "), Ok("CCPCJ".into()));
        assert_eq!(body_code("UNGASS-2026"), Ok("UNGASS-2026".into()));
        for bad in ["", "C", "1CND", "CC PCJ", "CCPCJ/29", "ABCDEFGHIJKLM", "É"] {
            assert!(body_code(bad).is_err(), "{bad:?}");
        }
    }
}
