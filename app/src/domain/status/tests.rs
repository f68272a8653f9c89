use super::*;

#[test]
fn every_status_round_trips_through_its_stored_string() {
    for status in Status::ALL {
        assert_eq!(status.as_str().parse::<Status>(), Ok(status));
    }
}

#[test]
fn stored_strings_are_the_snake_case_names() {
    let strings: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        strings,
        [
            "pending",
            "in_preparation",
            "submitted",
            "issued",
            "considered",
            "deferred",
            "merged",
            "withdrawn",
            "ongoing",
            "completed",
            "discontinued",
        ]
    );
}

#[test]
fn serde_uses_the_stored_strings() {
    for status in Status::ALL {
        let json = serde_json::to_string(&status).unwrap();
        assert_eq!(json, format!("\"{}\"", status.as_str()));
        assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), status);
    }
    for kind in ObligationKind::ALL {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
    }
}

#[test]
fn unknown_or_differently_written_statuses_are_refused() {
    for text in [
        "",
        "Pending",
        "in preparation",
        "In preparation",
        " pending",
        "done",
    ] {
        let err = text.parse::<Status>().unwrap_err();
        assert_eq!(err.to_string(), format!("unknown status '{text}'"));
    }
}

#[test]
fn labels_are_human_and_display_uses_them() {
    assert_eq!(Status::InPreparation.label(), "In preparation");
    assert_eq!(Status::InPreparation.to_string(), "In preparation");
    assert_eq!(Status::Discontinued.to_string(), "Discontinued");
}

#[test]
fn obligation_kinds_round_trip_and_start_in_their_first_status() {
    for kind in ObligationKind::ALL {
        assert_eq!(kind.as_str().parse::<ObligationKind>(), Ok(kind));
        assert!(kind.initial_status().applies_to(kind));
    }
    assert_eq!(ObligationKind::Report.initial_status(), Status::Pending);
    assert_eq!(ObligationKind::Activity.initial_status(), Status::Ongoing);
    assert!("task".parse::<ObligationKind>().is_err());
}

#[test]
fn each_status_belongs_to_exactly_one_kind() {
    let activity = [Status::Ongoing, Status::Completed, Status::Discontinued];
    for status in Status::ALL {
        let expected = if activity.contains(&status) {
            ObligationKind::Activity
        } else {
            ObligationKind::Report
        };
        assert_eq!(status.kind(), expected, "{status:?}");
    }
}

#[test]
fn terminal_statuses_are_exactly_those_with_no_next_step() {
    for status in Status::ALL {
        let next = allowed_next(status.kind(), status);
        assert_eq!(status.is_terminal(), next.is_empty(), "{status:?}");
    }
}

#[test]
fn open_statuses_are_exactly_those_that_can_still_be_abandoned() {
    for status in Status::ALL {
        let next = allowed_next(status.kind(), status);
        let can_abandon = next.contains(&Status::Withdrawn) || next.contains(&Status::Discontinued);
        assert_eq!(status.is_open(), can_abandon, "{status:?}");
    }
}

#[test]
fn issued_is_neither_open_nor_terminal() {
    assert!(!Status::Issued.is_open());
    assert!(!Status::Issued.is_terminal());
}

#[test]
fn no_status_is_both_open_and_terminal() {
    for status in Status::ALL {
        assert!(!(status.is_open() && status.is_terminal()), "{status:?}");
    }
}

#[test]
fn only_pending_in_preparation_and_deferred_await_submission() {
    let awaiting: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| s.awaits_submission())
        .collect();
    assert_eq!(
        awaiting,
        [Status::Pending, Status::InPreparation, Status::Deferred]
    );
}
