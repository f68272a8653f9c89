use proptest::prelude::*;

use super::*;

#[test]
fn real_symbols_are_accepted_as_written() {
    for text in [
        "E/CN.15/2020/9",
        "A/75/123",
        "A/RES/74/177",
        "E/2019/30/Add.1",
        "CTOC/COP/2020/3",
        "A/CONF.234/4",
        "E/CN.15/2020/L.3/Rev.1",
        "A/C.3/75/L.12/Rev.1",
        "A/75/123/Add.1/Corr.1",
        "S/2020/1",
        "E/CN.15/2019/INF/1",
        "A/HRC/WG.6/35/NZL/1",
        "ST/SGB/2019/8",
        "A/75/PV.45",
        "CAC/COSP/2019/Amend.1",
    ] {
        let symbol = DocumentSymbol::parse(text).unwrap();
        assert_eq!(symbol.as_str(), text);
        assert_eq!(symbol.to_string(), text);
    }
}

#[test]
fn surrounding_whitespace_is_trimmed() {
    let symbol: DocumentSymbol = "  A/RES/74/177\n".parse().unwrap();
    assert_eq!(symbol.as_str(), "A/RES/74/177");
}

#[test]
fn bad_text_is_refused_with_the_reason() {
    let cases: &[(&str, SymbolError)] = &[
        ("", SymbolError::Blank),
        ("   \t", SymbolError::Blank),
        ("A/75 /123", SymbolError::Whitespace),
        ("A/ RES/74/177", SymbolError::Whitespace),
        ("A", SymbolError::TooFewSegments),
        ("CTOC", SymbolError::TooFewSegments),
        ("/A/75", SymbolError::EmptySegment),
        ("A//75", SymbolError::EmptySegment),
        ("A/75/", SymbolError::EmptySegment),
        ("e/cn.15/2020/9", SymbolError::InvalidSeries("e".into())),
        ("report/final", SymbolError::InvalidSeries("report".into())),
        ("hello", SymbolError::InvalidSeries("hello".into())),
        ("1/2", SymbolError::InvalidSeries("1".into())),
        ("A/res/74/177", SymbolError::InvalidSegment("res".into())),
        ("A/75/add.1", SymbolError::InvalidSegment("add.1".into())),
        ("A/75/Add.", SymbolError::InvalidSegment("Add.".into())),
        ("A/75/Add.x", SymbolError::InvalidSegment("Add.x".into())),
        ("A/.75", SymbolError::InvalidSegment(".75".into())),
        ("A/75_1", SymbolError::InvalidSegment("75_1".into())),
        ("A/75/É", SymbolError::InvalidSegment("É".into())),
        ("A/Add.1", SymbolError::MisplacedSuffix("Add.1".into())),
        ("A/75/Add.1/3", SymbolError::MisplacedSuffix("3".into())),
    ];
    for (text, error) in cases {
        assert_eq!(DocumentSymbol::parse(text).as_ref(), Err(error), "{text:?}");
    }
}

#[test]
fn length_is_capped_at_sixty_four_characters() {
    let at_limit = format!("A/{}", "1".repeat(MAX_SYMBOL_LEN - 2));
    assert!(DocumentSymbol::parse(&at_limit).is_ok());
    let over = format!("A/{}", "1".repeat(MAX_SYMBOL_LEN - 1));
    assert_eq!(
        DocumentSymbol::parse(&over),
        Err(SymbolError::TooLong(MAX_SYMBOL_LEN + 1))
    );
}

#[test]
fn serde_reads_and_writes_a_plain_string_and_validates_on_the_way_in() {
    let symbol = DocumentSymbol::parse("A/75/123").unwrap();
    assert_eq!(serde_json::to_string(&symbol).unwrap(), "\"A/75/123\"");
    let back: DocumentSymbol = serde_json::from_str("\" A/75/123 \"").unwrap();
    assert_eq!(back, symbol);
    assert!(serde_json::from_str::<DocumentSymbol>("\"a/75/123\"").is_err());
    assert!(serde_json::from_str::<DocumentSymbol>("\"\"").is_err());
}

#[test]
fn messages_explain_the_rule() {
    assert_eq!(
        SymbolError::Blank.to_string(),
        "a document symbol cannot be blank"
    );
    assert_eq!(
        SymbolError::TooLong(70).to_string(),
        "a document symbol has at most 64 characters, this one has 70"
    );
}

proptest! {
    /// Parsing any text never panics, and whatever is accepted is trimmed, bounded and
    /// parses again to itself.
    #[test]
    fn parsing_never_panics_and_accepted_symbols_are_stable(text in "\\PC{0,80}") {
        if let Ok(symbol) = DocumentSymbol::parse(&text) {
            prop_assert_eq!(symbol.as_str(), text.trim());
            prop_assert!(symbol.as_str().chars().count() <= MAX_SYMBOL_LEN);
            prop_assert_eq!(DocumentSymbol::parse(symbol.as_str()), Ok(symbol.clone()));
        }
    }

    /// Symbols built from the grammar are always accepted.
    #[test]
    fn symbols_built_from_the_grammar_are_accepted(
        text in "[A-Z]{1,5}(/[A-Z0-9][A-Z0-9.-]{0,6}){1,4}(/(Add|Corr|Rev|Amend)\\.[0-9]{1,2}){0,2}"
    ) {
        prop_assert!(DocumentSymbol::parse(&text).is_ok(), "{}", text);
    }
}

#[test]
fn a_symbol_links_to_the_official_document_system() {
    let symbol = DocumentSymbol::parse("E/CN.15/2020/9").unwrap();
    assert_eq!(
        symbol.official_url(),
        "https://undocs.org/en/E/CN.15/2020/9"
    );
}
