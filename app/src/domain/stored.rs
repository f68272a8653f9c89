//! Closed vocabularies stored as fixed text: obligation kinds and statuses, session states,
//! recurrences. Each has `ALL` and `as_str`; reading one back accepts exactly those strings.

/// A stored or submitted string that names none of an enum's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{value}'")]
pub struct ParseEnumError {
    what: &'static str,
    value: String,
}

impl ParseEnumError {
    pub(crate) fn new(what: &'static str, value: &str) -> Self {
        Self {
            what,
            value: value.to_owned(),
        }
    }
}

/// `FromStr` for a vocabulary with `ALL` and `as_str`: exactly the stored strings are accepted.
/// Stored values are machine-written, so anything else is a bug worth surfacing, not guessing.
macro_rules! parse_by_stored_text {
    ($vocabulary:ty, $what:literal) => {
        impl std::str::FromStr for $vocabulary {
            type Err = $crate::domain::stored::ParseEnumError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$vocabulary>::ALL
                    .into_iter()
                    .find(|value| value.as_str() == s)
                    .ok_or_else(|| $crate::domain::stored::ParseEnumError::new($what, s))
            }
        }
    };
}

pub(crate) use parse_by_stored_text;
