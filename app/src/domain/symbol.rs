//! UN document symbols, checked once at the boundary.

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize, Serializer};

/// The longest symbol accepted; real ones stay well under 40 characters, so anything longer
/// is pasted text, not a symbol.
pub const MAX_SYMBOL_LEN: usize = 64;

/// Suffixes written in mixed case by the UN (`Add.1`, `Corr.2`, `Rev.1`, `Amend.1`). Only
/// these may contain lower-case letters, which is what catches lower-case garbage.
const SUFFIXES: [&str; 4] = ["Add", "Corr", "Rev", "Amend"];

/// A UN document symbol such as `E/CN.15/2020/9`, `A/RES/74/177` or `E/2019/30/Add.1`.
///
/// Parsed, not merely validated: holding a `DocumentSymbol` proves the text passed the rules
/// below, so issued reports, links and duplicate checks can rely on it. The rules:
/// - surrounding whitespace is trimmed; blank, inner whitespace or more than
///   [`MAX_SYMBOL_LEN`] characters are refused;
/// - at least two `/`-separated segments, none empty;
/// - the first segment (the series: `A`, `E`, `S`, `CTOC`, ...) is upper-case ASCII letters;
/// - other segments are ASCII upper-case letters, digits, `.` and `-`, starting with a letter
///   or a digit (`CN.15`, `2020`, `CONF.234`, `L.12`, `WG.6`);
/// - the symbol may end with suffix segments `Add.N`, `Corr.N`, `Rev.N` or `Amend.N`
///   (N = digits), chained in any order (`A/75/123/Add.1/Corr.1`), but not start with one.
///
/// Case is not normalised: `e/cn.15/2020/9` is refused rather than guessed at, because the
/// stored symbol is used verbatim to find the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct DocumentSymbol(String);

/// Why a text is not a document symbol; messages are shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SymbolError {
    #[error("a document symbol cannot be blank")]
    Blank,
    #[error("a document symbol has at most {MAX_SYMBOL_LEN} characters, this one has {0}")]
    TooLong(usize),
    #[error("a document symbol cannot contain spaces")]
    Whitespace,
    #[error("a document symbol has parts separated by '/', like A/75/123")]
    TooFewSegments,
    #[error("a document symbol cannot have an empty part between slashes")]
    EmptySegment,
    #[error(
        "a document symbol starts with its series in capital letters (A, E, S, CTOC), not '{0}'"
    )]
    InvalidSeries(String),
    #[error("'{0}' is not a valid part of a document symbol")]
    InvalidSegment(String),
    #[error("'{0}' must come at the end of a document symbol")]
    MisplacedSuffix(String),
}

impl DocumentSymbol {
    /// Parses `text` (trimmed) as a document symbol.
    pub fn parse(text: &str) -> Result<Self, SymbolError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SymbolError::Blank);
        }
        let len = text.chars().count();
        if len > MAX_SYMBOL_LEN {
            return Err(SymbolError::TooLong(len));
        }
        if text.chars().any(char::is_whitespace) {
            return Err(SymbolError::Whitespace);
        }
        let mut segments = text.split('/');
        let series = segments.next().unwrap_or_default();
        if series.is_empty() {
            return Err(SymbolError::EmptySegment);
        }
        if !series.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(SymbolError::InvalidSeries(series.to_owned()));
        }
        let mut body_segments = 1;
        let mut in_suffixes = false;
        let mut any_rest = false;
        for segment in segments {
            any_rest = true;
            if segment.is_empty() {
                return Err(SymbolError::EmptySegment);
            }
            if is_suffix(segment) {
                if body_segments < 2 {
                    return Err(SymbolError::MisplacedSuffix(segment.to_owned()));
                }
                in_suffixes = true;
            } else if is_body_segment(segment) {
                if in_suffixes {
                    return Err(SymbolError::MisplacedSuffix(segment.to_owned()));
                }
                body_segments += 1;
            } else {
                return Err(SymbolError::InvalidSegment(segment.to_owned()));
            }
        }
        if !any_rest {
            return Err(SymbolError::TooFewSegments);
        }
        Ok(Self(text.to_owned()))
    }

    /// The symbol as written, for display, links and storage.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the document is published, in English: `undocs.org` is the UN's permanent link
    /// service for symbols, which forwards to the Official Document System (ODS).
    pub fn official_url(&self) -> String {
        format!("https://undocs.org/en/{}", self.0)
    }

    /// Gives the owned text back, e.g. to bind it in a query.
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// `Add.1`, `Corr.12`, `Rev.2`, `Amend.1`.
fn is_suffix(segment: &str) -> bool {
    segment.split_once('.').is_some_and(|(word, number)| {
        SUFFIXES.contains(&word) && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
    })
}

/// `75`, `CN.15`, `RES`, `CONF.234`, `L.12`, `C.3`, `2020`, `WP-1`.
fn is_body_segment(segment: &str) -> bool {
    segment
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && segment
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

impl FromStr for DocumentSymbol {
    type Err = SymbolError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for DocumentSymbol {
    type Error = SymbolError;

    /// Lets serde (and `*Row` conversions) validate on the way in.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl TryFrom<&str> for DocumentSymbol {
    type Error = SymbolError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl AsRef<str> for DocumentSymbol {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentSymbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Serialised as the plain string, so JSON and forms see `"A/75/123"`, not a wrapper object.
impl Serialize for DocumentSymbol {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}
