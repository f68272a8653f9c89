//! Property tests: `transition` answers every input and agrees with `allowed_next`.

use proptest::prelude::*;

use super::tests::{OWN_ID, complete, symbol};
use super::*;

fn any_kind() -> impl Strategy<Value = ObligationKind> {
    prop::sample::select(ObligationKind::ALL.to_vec())
}

fn any_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn any_change() -> impl Strategy<Value = StatusChange> {
    (
        any_status(),
        any::<bool>(),
        prop::option::of(any::<i64>()),
        prop::option::of(prop_oneof![Just(OWN_ID), any::<i64>()]),
        prop::option::of("\\PC{0,12}"),
    )
        .prop_map(
            |(to, with_symbol, new_session, merged_into, reason)| StatusChange {
                to,
                document_symbol: with_symbol.then(symbol),
                new_session,
                merged_into,
                reason,
                public_note: true,
            },
        )
}

proptest! {
    /// Whatever the input, `transition` answers (no panic), only ever returns the status asked
    /// for, and only for a step `allowed_next` offers.
    #[test]
    fn transition_never_panics_and_agrees_with_allowed_next(
        kind in any_kind(),
        from in any_status(),
        own_id in prop_oneof![Just(OWN_ID), any::<i64>()],
        change in any_change(),
    ) {
        let offered = allowed_next(kind, from).contains(&change.to);
        match transition(kind, from, own_id, &change) {
            Ok(to) => {
                prop_assert_eq!(to, change.to);
                prop_assert!(offered);
            }
            Err(TransitionError::NotAllowed { .. } | TransitionError::NotForKind { .. }) => {
                prop_assert!(!offered);
            }
            Err(_) => prop_assert!(offered, "data errors only for offered steps"),
        }
    }

    /// Every step the UI offers succeeds once its data is supplied.
    #[test]
    fn every_offered_step_succeeds_with_complete_data(kind in any_kind(), from in any_status()) {
        for &to in allowed_next(kind, from) {
            prop_assert_eq!(transition(kind, from, OWN_ID, &complete(to)), Ok(to));
        }
    }
}
