use super::*;
use crate::domain::symbol::DocumentSymbol;
use ObligationKind::{Activity, Report};

pub(super) const OWN_ID: i64 = 7;
pub(super) const OTHER_ID: i64 = 8;

/// The workflow, written out independently of the code: every (kind, from, to) allowed.
/// Every triple not listed here must be refused.
const ALLOWED: &[(ObligationKind, Status, Status)] = &[
    (Report, Pending, InPreparation),
    (Report, Pending, Submitted),
    (Report, Pending, Deferred),
    (Report, Pending, Merged),
    (Report, Pending, Withdrawn),
    (Report, InPreparation, Submitted),
    (Report, InPreparation, Deferred),
    (Report, InPreparation, Merged),
    (Report, InPreparation, Withdrawn),
    (Report, Submitted, Issued),
    (Report, Submitted, Deferred),
    (Report, Submitted, Merged),
    (Report, Submitted, Withdrawn),
    (Report, Issued, Considered),
    (Report, Deferred, InPreparation),
    (Report, Deferred, Submitted),
    (Report, Deferred, Deferred),
    (Report, Deferred, Merged),
    (Report, Deferred, Withdrawn),
    (Activity, Ongoing, Completed),
    (Activity, Ongoing, Discontinued),
];

pub(super) fn symbol() -> DocumentSymbol {
    DocumentSymbol::parse("E/CN.15/2020/9").unwrap()
}

/// A change to `to` carrying every piece of data any target could need.
pub(super) fn complete(to: Status) -> StatusChange {
    StatusChange {
        to,
        document_symbol: Some(symbol()),
        new_session: Some(30),
        merged_into: Some(OTHER_ID),
        reason: Some("overtaken by resolution 75/1".to_owned()),
        public_note: false,
    }
}

#[test]
fn every_pair_is_allowed_exactly_per_the_table() {
    let mut checked = 0;
    for kind in ObligationKind::ALL {
        for from in Status::ALL {
            for to in Status::ALL {
                checked += 1;
                let result = transition(kind, from, OWN_ID, &complete(to));
                if ALLOWED.contains(&(kind, from, to)) {
                    assert_eq!(result, Ok(to), "{kind:?} {from:?} -> {to:?}");
                } else {
                    let expected = if !from.applies_to(kind) {
                        TransitionError::NotForKind { kind, status: from }
                    } else if !to.applies_to(kind) {
                        TransitionError::NotForKind { kind, status: to }
                    } else {
                        TransitionError::NotAllowed { from, to }
                    };
                    assert_eq!(result, Err(expected), "{kind:?} {from:?} -> {to:?}");
                }
            }
        }
    }
    assert_eq!(checked, 2 * 11 * 11);
}

#[test]
fn allowed_next_lists_exactly_the_table() {
    for kind in ObligationKind::ALL {
        for from in Status::ALL {
            let mut expected: Vec<Status> = ALLOWED
                .iter()
                .filter(|(k, f, _)| *k == kind && *f == from)
                .map(|(_, _, to)| *to)
                .collect();
            let mut actual = allowed_next(kind, from).to_vec();
            expected.sort();
            actual.sort();
            assert_eq!(actual, expected, "{kind:?} from {from:?}");
        }
    }
}

#[test]
fn allowed_next_has_no_duplicates() {
    for kind in ObligationKind::ALL {
        for from in Status::ALL {
            let next = allowed_next(kind, from);
            let mut unique = next.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), next.len(), "{kind:?} from {from:?}");
        }
    }
}

#[test]
fn issuing_without_a_symbol_is_refused() {
    let change = StatusChange::new(Issued);
    assert_eq!(
        transition(Report, Submitted, OWN_ID, &change),
        Err(TransitionError::MissingDocumentSymbol)
    );
    assert_eq!(
        transition(Report, Submitted, OWN_ID, &StatusChange::issued(symbol())),
        Ok(Issued)
    );
}

#[test]
fn withdrawing_without_a_real_reason_is_refused() {
    for reason in [None, Some(""), Some("   "), Some("\t\n")] {
        let change = StatusChange {
            reason: reason.map(str::to_owned),
            ..StatusChange::new(Withdrawn)
        };
        assert_eq!(
            transition(Report, Pending, OWN_ID, &change),
            Err(TransitionError::MissingReason { to: Withdrawn }),
            "{reason:?}"
        );
    }
    let change = StatusChange::withdrawn("mandate superseded");
    assert_eq!(transition(Report, Pending, OWN_ID, &change), Ok(Withdrawn));
}

#[test]
fn discontinuing_an_activity_needs_a_reason_but_completing_does_not() {
    let blank = StatusChange::discontinued(" ");
    assert_eq!(
        transition(Activity, Ongoing, OWN_ID, &blank),
        Err(TransitionError::MissingReason { to: Discontinued })
    );
    let change = StatusChange::discontinued("no extrabudgetary funding");
    assert_eq!(
        transition(Activity, Ongoing, OWN_ID, &change),
        Ok(Discontinued)
    );
    let done = StatusChange::new(Completed);
    assert_eq!(transition(Activity, Ongoing, OWN_ID, &done), Ok(Completed));
}

#[test]
fn merging_into_itself_or_into_nothing_is_refused() {
    assert_eq!(
        transition(Report, Pending, OWN_ID, &StatusChange::merged_into(OWN_ID)),
        Err(TransitionError::MergedIntoItself)
    );
    assert_eq!(
        transition(Report, Pending, OWN_ID, &StatusChange::new(Merged)),
        Err(TransitionError::MissingMergedInto)
    );
    assert_eq!(
        transition(
            Report,
            Pending,
            OWN_ID,
            &StatusChange::merged_into(OTHER_ID)
        ),
        Ok(Merged)
    );
}

#[test]
fn deferring_without_a_new_session_is_refused() {
    assert_eq!(
        transition(Report, InPreparation, OWN_ID, &StatusChange::new(Deferred)),
        Err(TransitionError::MissingNewSession)
    );
    assert_eq!(
        transition(Report, Deferred, OWN_ID, &StatusChange::deferred(31)),
        Ok(Deferred)
    );
}

#[test]
fn a_forbidden_step_is_reported_before_missing_data() {
    assert_eq!(
        transition(Report, Pending, OWN_ID, &StatusChange::new(Issued)),
        Err(TransitionError::NotAllowed {
            from: Pending,
            to: Issued
        })
    );
}

#[test]
fn messages_read_as_sentences() {
    let cases = [
        (
            TransitionError::NotAllowed {
                from: Issued,
                to: Pending,
            },
            "cannot go from Issued to Pending",
        ),
        (
            TransitionError::NotForKind {
                kind: Report,
                status: Completed,
            },
            "'Completed' is not a status of a report",
        ),
        (
            TransitionError::NotForKind {
                kind: Activity,
                status: Pending,
            },
            "'Pending' is not a status of an activity",
        ),
        (
            TransitionError::MissingDocumentSymbol,
            "a document symbol is required to mark a report issued",
        ),
        (
            TransitionError::MissingReason { to: Withdrawn },
            "a reason is required to mark a report withdrawn",
        ),
        (
            TransitionError::MissingReason { to: Discontinued },
            "a reason is required to mark an activity discontinued",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn a_change_travels_as_json_with_a_plain_symbol() {
    let change = StatusChange::issued(symbol());
    let json = serde_json::to_value(&change).unwrap();
    assert_eq!(json["to"], "issued");
    assert_eq!(json["document_symbol"], "E/CN.15/2020/9");
    let back: StatusChange = serde_json::from_value(json).unwrap();
    assert_eq!(back, change);
    let bad = serde_json::json!({ "to": "issued", "document_symbol": "not a symbol" });
    assert!(serde_json::from_value::<StatusChange>(bad).is_err());
}
