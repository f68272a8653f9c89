//! Byte ranges of a paragraph or line. The extractor finds positions with regexes and scans,
//! then reads the text between them; a position can fall outside the text or inside a
//! character when the input is odd, so reading a range never panics: such a range reads as "",
//! which every caller treats as "nothing here".

/// A byte range `start..end` of some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The part of `text` this span covers ("" if it does not fall on `text`'s characters).
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `inner` lies entirely within this span.
    pub fn contains(self, inner: Span) -> bool {
        inner.start >= self.start && inner.end <= self.end
    }
}

/// `text` up to byte `end` ("" if `end` is not a character boundary of `text`).
pub fn before(text: &str, end: usize) -> &str {
    text.get(..end).unwrap_or("")
}

/// `text` from byte `start` on ("" if `start` is not a character boundary of `text`).
pub fn after(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or("")
}

impl From<regex::Match<'_>> for Span {
    fn from(m: regex::Match<'_>) -> Self {
        Span::new(m.start(), m.end())
    }
}
