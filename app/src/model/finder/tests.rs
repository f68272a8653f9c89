use super::*;

fn query(pairs: &[(&str, &str)]) -> FinderQuery {
    let json: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
        .collect();
    serde_json::from_value(serde_json::Value::Object(json)).unwrap()
}

#[test]
fn readable_parameters_become_a_filter() {
    let filter = query(&[
        ("body", "CCPCJ"),
        ("session", "35"),
        ("urgency", "overdue"),
        ("status", "pending"),
        ("q", " cybercrime "),
        ("page", "2"),
        ("kind", ""),
    ])
    .check()
    .unwrap();
    assert_eq!(filter.body.as_deref(), Some("ccpcj"));
    assert_eq!(filter.session, Some(35));
    assert_eq!(filter.urgency, Some(UrgencyFilter::Overdue));
    assert_eq!(filter.status, Some(Status::Pending));
    assert_eq!(filter.q.as_deref(), Some("cybercrime"));
    assert_eq!(filter.page, 2);
    assert_eq!(filter.kind, None);
    assert_eq!(filter.sort, FinderSort::Deadline);
}

#[test]
fn nonsense_is_refused_by_field_with_a_sentence() {
    for (field, value) in [
        ("session", "abc"),
        ("session", "0"),
        ("page", "99999999999999999999"),
        ("status", "finished"),
        ("urgency", "soon"),
        ("kind", "memo"),
        ("sort", "random"),
        ("year", "-4713"),
        ("q", "a\u{0}b"),
    ] {
        let err = query(&[(field, value)]).check().unwrap_err();
        assert_eq!(err.field, field, "{value}");
        assert!(err.message.ends_with('.'), "{}", err.message);
    }
    let long = "x".repeat(201);
    assert_eq!(query(&[("q", &long)]).check().unwrap_err().field, "q");
}

#[test]
fn links_keep_the_filter_and_drop_blanks() {
    let q = query(&[
        ("body", "ccpcj"),
        ("q", "trafficking in persons"),
        ("kind", ""),
    ]);
    assert_eq!(
        q.href(Some(3)),
        "?body=ccpcj&q=trafficking+in+persons&page=3"
    );
    assert_eq!(FinderQuery::default().href(None), "");
}
