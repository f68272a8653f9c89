//! The extractor must never panic, whatever it is fed. Case count follows PROPTEST_CASES
//! (default 256), e.g. `PROPTEST_CASES=1000000 cargo test --release --test robust`.

use app::extract::{extract, extract_bytes};
use proptest::prelude::*;

const SEED: &str = include_str!("../../data/E-2019-30.txt");

/// Development-corpus texts of the kinds the seed lacks: a Security Council draft exported
/// from PDF, a Congress preparation text, a political declaration, a text with a briefing
/// timed by a meeting named earlier.
const CORPUS: [&str; 4] = [
    include_str!("../../data/corpus/texts/22-s-2018-221.txt"),
    include_str!("../../data/corpus/texts/13-e-res-2023-23.txt"),
    include_str!("../../data/corpus/texts/01-a-res-76-181.txt"),
    include_str!("../../data/corpus/texts/20-a-res-77-220.txt"),
];

const TOKENS: [&str; 56] = [
    "Requests",
    "requests that he submit",
    " the Secretary-General",
    " to report",
    " to the Commission",
    " at its ",
    "twenty-ninth",
    " session",
    ", and ",
    "; ",
    "\n\n",
    "1. ",
    "(a) ",
    "Draft resolution I\n",
    "Resolution 28/1\n",
    "The General Assembly,\n",
    "We, the Heads of State,\n",
    "A. Draft resolutions for adoption by the General Assembly\n",
    "Chapter II\n",
    "Annex\n",
    "¹²",
    " 9 ",
    "&quot;",
    "&#x1F600;",
    "&",
    "*",
    "- ",
    "through the Council",
    " as well as to ",
    "the Fourteenth Congress",
    " on a biennial basis",
    "V.19-03412 3/80\n",
    "E/2019/30\n",
    "é",
    "\u{FEFF}",
    "\r\n",
    " that a report be submitted",
    "Decides to request",
    "73/186. Title\n",
    "the Office",
    " during such meetings",
    ", from its eighty-second session onward,",
    " to prepare a discussion guide",
    " for the regional preparatory meetings",
    " for the Congress itself",
    " the regular collection of data",
    " a report on existing commitments and to strengthen",
    " (UNMISS)",
    "United Nations Mission in the Republic of South Sudan",
    " within 90 days of the adoption",
    " and every 90 days thereafter",
    "[^3]",
    "We request the Office",
    "At its 5th plenary meeting, on 3 June 2021, the Council decided to request",
    " no later than 31 March 2027",
    "persons.8 6. We",
];

fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn char_floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), any::<String>()).prop_map(|(a, s)| Edit::Insert(a, s)),
        (
            any::<usize>(),
            0usize..50,
            prop::sample::select(TOKENS.to_vec())
        )
            .prop_map(|(a, n, t)| Edit::Replace(a, n, t.to_string())),
    ]
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        let len = s.len().max(1);
        match e {
            Edit::Delete(a, n) => {
                let a = char_floor(&s, a % len);
                let b = char_floor(&s, a + n);
                s.replace_range(a..b, "");
            }
            Edit::Insert(a, t) => {
                let a = char_floor(&s, a % len);
                s.insert_str(a, t);
            }
            Edit::Replace(a, n, t) => {
                let a = char_floor(&s, a % len);
                let b = char_floor(&s, a + n);
                s.replace_range(a..b, t);
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        let _ = extract(&s);
    }

    #[test]
    fn arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = extract_bytes(&b);
    }

    #[test]
    fn token_soup(parts in prop::collection::vec(prop::sample::select(TOKENS.to_vec()), 0..80)) {
        let s: String = parts.concat();
        if let Ok(x) = extract(&s) {
            for r in &x.resolutions {
                for m in &r.mandates {
                    prop_assert!(r.paragraphs.iter().any(|p| p.text.contains(&m.quote)));
                }
            }
        }
    }

    #[test]
    fn mutated_seed(start in any::<usize>(), len in 0usize..40_000, edits in prop::collection::vec(edit(), 0..12)) {
        let a = char_floor(SEED, start % SEED.len());
        let b = char_floor(SEED, a + len);
        let text = apply(SEED[a..b].to_string(), &edits);
        if let Ok(x) = extract(&text) {
            for r in &x.resolutions {
                for m in &r.mandates {
                    prop_assert!(r.paragraphs.iter().any(|p| p.text.contains(&m.quote)));
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_corpus(which in 0usize..CORPUS.len(), start in any::<usize>(), len in 0usize..40_000, edits in prop::collection::vec(edit(), 0..12)) {
        let text = CORPUS[which];
        let a = char_floor(text, start % text.len());
        let b = char_floor(text, a + len);
        let text = apply(text[a..b].to_string(), &edits);
        if let Ok(x) = extract(&text) {
            for r in &x.resolutions {
                for m in &r.mandates {
                    prop_assert!(r.paragraphs.iter().any(|p| p.text.contains(&m.quote)));
                }
            }
        }
    }
}

#[test]
fn whole_seed_with_noise() {
    let mut s = SEED.replace("\n\n", "\n\nV.19-03412 3/80\n\n");
    s.push_str("\u{0}\u{FFFF}&#xD800;&#99999999;");
    assert!(extract(&s).is_ok());
}
