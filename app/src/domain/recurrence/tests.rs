use proptest::prelude::*;

use super::*;
use crate::domain::status::{ObligationKind, allowed_next};

#[test]
fn strings_match_the_extractor() {
    let strings: Vec<String> = Recurrence::ALL
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    assert_eq!(
        strings,
        [
            "\"annual\"",
            "\"biennial\"",
            "\"triennial\"",
            "\"quadrennial\"",
            "\"periodic\""
        ]
    );
    for r in Recurrence::ALL {
        assert_eq!(r.as_str().parse::<Recurrence>(), Ok(r));
        let json = format!("\"{}\"", r.as_str());
        assert_eq!(serde_json::from_str::<Recurrence>(&json).unwrap(), r);
    }
    assert!("Annual".parse::<Recurrence>().is_err());
    assert!("one-time".parse::<Recurrence>().is_err());
}

#[test]
fn intervals_are_in_years_and_periodic_has_none() {
    let intervals: Vec<Option<u32>> = Recurrence::ALL.iter().map(|r| r.interval_years()).collect();
    assert_eq!(intervals, [Some(1), Some(2), Some(3), Some(4), None]);
}

#[test]
fn next_session_number_for_yearly_and_five_yearly_bodies() {
    use Recurrence::*;
    use SessionCadence::EveryNYears;
    let congress = EveryNYears(5);
    let cases = [
        (Annual, 29, SessionCadence::Annual, Some(30)),
        (Biennial, 78, SessionCadence::Annual, Some(80)),
        (Triennial, 75, SessionCadence::Annual, Some(78)),
        (Quadrennial, 75, SessionCadence::Annual, Some(79)),
        (Periodic, 29, SessionCadence::Annual, None),
        (Annual, 14, congress, None),
        (Quadrennial, 14, congress, None),
        (Biennial, 10, EveryNYears(2), Some(11)),
        (Quadrennial, 10, EveryNYears(2), Some(12)),
        (Triennial, 10, EveryNYears(2), None),
        (Annual, 10, EveryNYears(1), Some(11)),
        (Annual, 10, EveryNYears(0), None),
        (Annual, i32::MAX, SessionCadence::Annual, None),
    ];
    for (recurrence, current, cadence, expected) in cases {
        assert_eq!(
            next_session_number(recurrence, current, cadence),
            expected,
            "{recurrence:?} at {current} with {cadence:?}"
        );
    }
}

#[test]
fn delivered_statuses_spawn_the_next_occurrence() {
    let spawning: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| spawns_next(*s))
        .collect();
    assert_eq!(
        spawning,
        [Status::Issued, Status::Considered, Status::Merged]
    );
}

#[test]
fn the_next_occurrence_is_created_on_issue_and_not_again_on_consideration() {
    assert!(should_spawn_next(Status::Submitted, Status::Issued));
    assert!(!should_spawn_next(Status::Issued, Status::Considered));
    assert!(should_spawn_next(Status::Pending, Status::Merged));
    assert!(!should_spawn_next(Status::Pending, Status::Withdrawn));
    assert!(!should_spawn_next(Status::Pending, Status::Deferred));
    assert!(!should_spawn_next(Status::Ongoing, Status::Completed));
}

#[test]
fn only_spawning_transitions_are_entries_into_the_delivered_set() {
    for kind in ObligationKind::ALL {
        for from in Status::ALL {
            for &to in allowed_next(kind, from) {
                let expected = matches!(
                    (from, to),
                    (Status::Submitted, Status::Issued) | (_, Status::Merged)
                );
                assert_eq!(should_spawn_next(from, to), expected, "{from:?} -> {to:?}");
            }
        }
    }
}

#[test]
fn next_occurrence_session_combines_both_rules() {
    let annual = Some(Recurrence::Annual);
    let yearly = SessionCadence::Annual;
    let issue = (Status::Submitted, Status::Issued);
    let consider = (Status::Issued, Status::Considered);
    assert_eq!(
        next_occurrence_session(annual, issue.0, issue.1, 29, yearly),
        Some(30)
    );
    assert_eq!(
        next_occurrence_session(annual, consider.0, consider.1, 29, yearly),
        None
    );
    assert_eq!(
        next_occurrence_session(None, issue.0, issue.1, 29, yearly),
        None
    );
    let periodic = Some(Recurrence::Periodic);
    assert_eq!(
        next_occurrence_session(periodic, issue.0, issue.1, 29, yearly),
        None
    );
}

fn any_kind() -> impl Strategy<Value = ObligationKind> {
    prop::sample::select(ObligationKind::ALL.to_vec())
}

proptest! {
    /// Along any path the workflow allows, the next occurrence is created at most once, and
    /// exactly once if the path reaches a delivered status.
    #[test]
    fn any_valid_path_spawns_at_most_once(
        kind in any_kind(),
        choices in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
    ) {
        let mut status = kind.initial_status();
        let mut spawned = 0;
        for choice in choices {
            let next = allowed_next(kind, status);
            if next.is_empty() {
                break;
            }
            let to = *choice.get(next);
            if should_spawn_next(status, to) {
                spawned += 1;
            }
            status = to;
        }
        prop_assert!(spawned <= 1);
        prop_assert_eq!(spawned == 1, spawns_next(status));
    }

    #[test]
    fn next_session_number_never_panics_and_moves_forward(
        recurrence in prop::sample::select(Recurrence::ALL.to_vec()),
        current in any::<i32>(),
        years in 0u32..8,
    ) {
        if let Some(next) = next_session_number(recurrence, current, SessionCadence::EveryNYears(years)) {
            prop_assert!(next > current);
        }
    }
}
