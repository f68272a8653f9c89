//! Free text typed by a person (notes, reasons, labels, venues), checked once at the boundary.
//!
//! Every free-text field has a limit, stated in its form, because what is accepted is copied
//! into append-only histories and onto public pages: a megabyte venue would weigh on every page
//! that shows the session, forever. Control characters (a NUL byte above all, which PostgreSQL
//! cannot store) are refused rather than silently dropped, so what is stored is what was typed.

use std::fmt;

/// A kind of free-text field and how long it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimit {
    /// What the field is, as a form calls it ("the note").
    pub what: &'static str,
    /// The most characters (not bytes) it may hold.
    pub max_chars: usize,
}

/// A note or a reason on a status change or a session change.
pub const NOTE: TextLimit = TextLimit {
    what: "The note",
    max_chars: 4000,
};
/// A body's full name ("Commission on Crime Prevention and Criminal Justice").
pub const BODY_NAME: TextLimit = TextLimit {
    what: "The body's name",
    max_chars: 200,
};

/// The name an account is shown by ("Ana Pérez, Justice Section").
pub const DISPLAY_NAME: TextLimit = TextLimit {
    what: "The name",
    max_chars: 200,
};

/// An office responsible for work ("UNODC, Division for Treaty Affairs").
pub const OFFICE: TextLimit = TextLimit {
    what: "The office",
    max_chars: 200,
};

/// What a session is called ("thirty-fifth session").
pub const SESSION_LABEL: TextLimit = TextLimit {
    what: "The session's name",
    max_chars: 200,
};
/// Where a session meets.
pub const VENUE: TextLimit = TextLimit {
    what: "The venue",
    max_chars: 200,
};

/// Why a text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    TooLong(TextLimit, usize),
    ControlCharacter(TextLimit),
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::TooLong(limit, chars) => write!(
                f,
                "{} can be at most {} characters long; this one has {}.",
                limit.what,
                thousands(limit.max_chars),
                thousands(*chars)
            ),
            TextError::ControlCharacter(limit) => write!(
                f,
                "{} holds an invisible control character (perhaps pasted from another program); \
                 please retype it.",
                limit.what
            ),
        }
    }
}

impl std::error::Error for TextError {}

impl TextLimit {
    /// The text trimmed, `None` when blank; refused when too long or holding control
    /// characters other than line breaks and tabs.
    pub fn check(self, value: Option<&str>) -> Result<Option<String>, TextError> {
        let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(TextError::ControlCharacter(self));
        }
        let chars = text.chars().count();
        if chars > self.max_chars {
            return Err(TextError::TooLong(self, chars));
        }
        Ok(Some(text.to_owned()))
    }

    /// The hint a form shows under the field ("Up to 4,000 characters.").
    pub fn hint(self) -> String {
        format!("Up to {} characters.", thousands(self.max_chars))
    }
}

/// 4000 → "4,000", as the forms write numbers.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_absent_and_text_is_trimmed() {
        assert_eq!(NOTE.check(None), Ok(None));
        assert_eq!(NOTE.check(Some("   ")), Ok(None));
        assert_eq!(NOTE.check(Some(" late \n")), Ok(Some("late".into())));
    }

    #[test]
    fn text_over_the_limit_is_refused_with_its_length() {
        let long = "é".repeat(201);
        let err = VENUE.check(Some(&long)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The venue can be at most 200 characters long; this one has 201."
        );
        assert!(VENUE.check(Some(&"é".repeat(200))).is_ok());
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_are_kept() {
        assert!(matches!(
            NOTE.check(Some("a\0b")),
            Err(TextError::ControlCharacter(_))
        ));
        assert!(NOTE.check(Some("a\u{1b}b")).is_err());
        assert_eq!(
            NOTE.check(Some("line one\r\n\tline two")),
            Ok(Some("line one\r\n\tline two".into()))
        );
    }

    #[test]
    fn hints_write_numbers_with_thousands_separators() {
        assert_eq!(NOTE.hint(), "Up to 4,000 characters.");
        assert_eq!(VENUE.hint(), "Up to 200 characters.");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
