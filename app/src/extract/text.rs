//! Small string helpers for the hot loops. The extractor calls them once per word or per
//! short name, millions of times on a large input, so they avoid what the std versions cost
//! there: `str::find(&str)` builds a two-way searcher per call, and `to_lowercase` allocates.

use super::span::Span;

/// First byte offset of `needle` in `hay`, like `str::find`, by direct comparison: faster for
/// the short haystacks (names, words) this is used on, where searcher setup would dominate.
pub fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .find(|&i| h.get(i) == Some(&first) && h.get(i..i + n.len()).is_some_and(|w| w == n))
}

/// Whether `hay` contains `needle` (see [`find_short`]).
pub fn contains_short(hay: &str, needle: &str) -> bool {
    find_short(hay, needle).is_some()
}

/// Calls `f` with the lowercase form of `word`: lowered on the stack when it is short ASCII
/// (the common case), through `to_lowercase` otherwise, so the result is the same.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len()
        && word.is_ascii()
        && let Some(dst) = buf.get_mut(..word.len())
    {
        dst.copy_from_slice(word.as_bytes());
        dst.make_ascii_lowercase();
        if let Ok(s) = std::str::from_utf8(dst) {
            return f(s);
        }
    }
    f(&word.to_lowercase())
}

/// Whether any byte satisfies `f`. Blocks of 32 bytes are tested without early exit, so that
/// the compiler vectorises the test: a prefilter over whole lines and paragraphs costs a
/// fraction of a byte-by-byte loop. `f` should combine conditions with `|`, not `||`.
pub fn any_byte(bytes: &[u8], f: impl Fn(u8) -> bool) -> bool {
    bytes
        .chunks(32)
        .any(|c| c.iter().fold(false, |acc, &b| acc | f(b)))
}

/// Whether any two adjacent bytes satisfy `f`, vectorised like [`any_byte`].
pub fn any_pair(bytes: &[u8], f: impl Fn(u8, u8) -> bool) -> bool {
    let (Some(a), Some(b)) = (bytes.get(..bytes.len().saturating_sub(1)), bytes.get(1..)) else {
        return false;
    };
    a.chunks(32)
        .zip(b.chunks(32))
        .any(|(x, y)| x.iter().zip(y).fold(false, |acc, (&p, &q)| acc | f(p, q)))
}

/// Word characters for actor names: letters, digits and the joiners of "Secretary-General"
/// and "Member States'".
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'\''
}

/// End of the word that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !is_word_byte(b) {
                return i;
            }
            i += 1;
        } else {
            match text.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// The first word (maximal run of word characters) at or after `from`.
pub fn next_word(text: &str, from: usize) -> Option<Span> {
    let rest = text.get(from..)?;
    let (off, _) = rest.char_indices().find(|&(_, c)| is_word_char(c))?;
    let start = from + off;
    Some(Span::new(start, word_end(text, start)))
}

/// The first word at or after `from` that starts with an uppercase letter. Bytes that cannot
/// start one are skipped without decoding; a candidate counts only at a word start, so the
/// result is the same as tokenising the whole text and filtering.
pub fn next_cap_word(text: &str, from: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let p = i + bytes
            .get(i..)?
            .iter()
            .position(|&b| b.is_ascii_uppercase() || b >= 0xC0)?;
        let c = text.get(p..)?.chars().next()?;
        let at_start = text
            .get(..p)
            .and_then(|b| b.chars().next_back())
            .is_none_or(|pc| !is_word_char(pc));
        if at_start && c.is_uppercase() && is_word_char(c) {
            return Some(Span::new(p, word_end(text, p)));
        }
        i = p + c.len_utf8();
    }
}

/// The words of one chain, read from the text as far as the chain needs them.
pub struct Words<'a> {
    text: &'a str,
    words: Vec<Span>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        Words {
            text,
            words: Vec::new(),
        }
    }

    /// The text the words are read from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Starts a new chain at the word `first`.
    pub fn restart(&mut self, first: Span) {
        self.words.clear();
        self.words.push(first);
    }

    /// Word `k` of the chain (0 is its first word), `None` past the end of the text.
    pub fn get(&mut self, k: usize) -> Option<Span> {
        while self.words.len() <= k {
            let from = self.words.last().map_or(0, |w| w.end);
            let word = next_word(self.text, from)?;
            self.words.push(word);
        }
        self.words.get(k).copied()
    }

    /// The text of word `k` of the chain ("" past the end of the text).
    pub fn text_of(&mut self, k: usize) -> &'a str {
        let text = self.text;
        self.get(k).map_or("", |w| w.of(text))
    }

    /// Whether any word read so far is `word`.
    pub fn any_is(&self, word: &str) -> bool {
        self.words.iter().any(|w| w.of(self.text) == word)
    }
}

#[cfg(test)]
mod tests {
    use super::{Span, any_byte, any_pair, contains_short, find_short, next_cap_word, with_lower};

    #[test]
    fn same_as_std() {
        for (h, n) in [
            ("Expert Group on X", "Expert Group"),
            ("a", "ab"),
            ("", "a"),
            ("abc", ""),
            ("ééx Group", "Group"),
            ("GroupGroup", "Group"),
        ] {
            assert_eq!(find_short(h, n), h.find(n));
            assert_eq!(contains_short(h, n), h.contains(n));
        }
        for w in [
            "Requests",
            "ÉTAT",
            "x",
            "",
            "AVeryLongWordThatIsLongerThanThirtyTwoBytes",
        ] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase());
        }
        let long = "a".repeat(70) + "  b";
        assert!(any_pair(long.as_bytes(), |a, b| (a == b' ') & (b == b' ')));
        assert!(!any_pair(b"a b", |a, b| (a == b' ') & (b == b' ')));
        assert!(!any_pair(b"", |_, _| true) && !any_pair(b"x", |_, _| true));
        assert!(any_byte(long.as_bytes(), |b| b == b'b') && !any_byte(b"", |_| true));
        let t = "the United x-Nations’ Élan d’Or";
        assert_eq!(next_cap_word(t, 0), Some(Span::new(4, 10)));
        assert_eq!(next_cap_word(t, 10), Some(Span::new(24, 29)));
        assert_eq!(next_cap_word(t, 25), None);
    }
}
