//! The matched words of a search, as PostgreSQL's `ts_headline` marks them in a quote.

/// What marks the start and the end of a matched word in a quote (private-use characters, which
/// texts do not hold, so no markup ever passes through the database).
pub(super) const MATCH_START: char = '\u{E000}';
pub(super) const MATCH_END: char = '\u{E001}';

/// A quote with its matched words marked, as (text, matched) pieces.
pub(super) fn marked_pieces(marked: &str) -> Vec<(String, bool)> {
    let mut pieces = Vec::new();
    for (i, part) in marked.split(MATCH_START).enumerate() {
        match part.split_once(MATCH_END) {
            Some((matched, rest)) if i > 0 => {
                pieces.push((matched.to_owned(), true));
                if !rest.is_empty() {
                    pieces.push((rest.to_owned(), false));
                }
            }
            _ if !part.is_empty() => pieces.push((part.to_owned(), false)),
            _ => {}
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_words_become_pieces() {
        let marked = format!(
            "Requests the {MATCH_START}Office{MATCH_END} to {MATCH_START}report{MATCH_END}"
        );
        assert_eq!(
            marked_pieces(&marked),
            vec![
                ("Requests the ".to_string(), false),
                ("Office".to_string(), true),
                (" to ".to_string(), false),
                ("report".to_string(), true),
            ]
        );
        assert_eq!(marked_pieces("plain"), vec![("plain".to_string(), false)]);
    }
}
