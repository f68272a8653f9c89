use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn opening(d: NaiveDate) -> SessionDates {
    SessionDates {
        opening: Some(d),
        closing: None,
    }
}

#[test]
fn lead_times_default_to_ten_and_six_weeks() {
    let lead = LeadTimes::default();
    assert_eq!((lead.submission_weeks, lead.issuance_weeks), (10, 6));
}

#[test]
fn ccpcj_29_reconvened_in_december_2020_gives_the_real_deadlines() {
    let session = SessionDates::new(date(2020, 12, 3), date(2020, 12, 4));
    let d = deadlines(&session, &LeadTimes::default()).unwrap();
    assert_eq!(d.session_opens, Some(date(2020, 12, 3)));
    assert_eq!(d.submission, date(2020, 9, 24));
    assert_eq!(d.issuance, date(2020, 10, 22));
}

#[test]
fn postponing_a_session_moves_its_deadlines() {
    let lead = LeadTimes::default();
    // CCPCJ 29: planned to open 18 May 2020, held from 3 December 2020.
    let planned = deadlines(&opening(date(2020, 5, 18)), &lead).unwrap();
    assert_eq!(
        (planned.submission, planned.issuance),
        (date(2020, 3, 9), date(2020, 4, 6))
    );
    let held = deadlines(&opening(date(2020, 12, 3)), &lead).unwrap();
    assert_eq!(
        (held.submission, held.issuance),
        (date(2020, 9, 24), date(2020, 10, 22))
    );
    // Fourteenth Congress: planned for 20 April 2020, held from 7 March 2021.
    let planned = deadlines(&opening(date(2020, 4, 20)), &lead).unwrap();
    assert_eq!(
        (planned.submission, planned.issuance),
        (date(2020, 2, 10), date(2020, 3, 9))
    );
    let held = deadlines(&opening(date(2021, 3, 7)), &lead).unwrap();
    assert_eq!(
        (held.submission, held.issuance),
        (date(2020, 12, 27), date(2021, 1, 24))
    );
}

#[test]
fn the_same_obligation_changes_urgency_when_its_session_moves() {
    let lead = LeadTimes::default();
    let today = date(2020, 6, 1);
    let planned = deadlines(&opening(date(2020, 5, 18)), &lead);
    let held = deadlines(&opening(date(2020, 12, 3)), &lead);
    let before = urgency(
        Status::Pending,
        planned.as_ref(),
        today,
        DEFAULT_WINDOW_DAYS,
    );
    let after = urgency(Status::Pending, held.as_ref(), today, DEFAULT_WINDOW_DAYS);
    assert_eq!(before, Urgency::Overdue { days: 84 });
    assert_eq!(after, Urgency::OnTrack { days_left: 115 });
}

#[test]
fn a_session_without_an_opening_date_has_no_deadlines() {
    let lead = LeadTimes::default();
    assert_eq!(deadlines(&SessionDates::default(), &lead), None);
    let only_closing = SessionDates {
        opening: None,
        closing: Some(date(2026, 4, 30)),
    };
    assert_eq!(deadlines(&only_closing, &lead), None);
    assert_eq!(
        urgency(Status::Pending, None, date(2026, 1, 1), DEFAULT_WINDOW_DAYS),
        Urgency::NoDate
    );
}

#[test]
fn custom_lead_times_are_respected() {
    let lead = LeadTimes {
        submission_weeks: 12,
        issuance_weeks: 0,
    };
    let d = deadlines(&opening(date(2026, 4, 20)), &lead).unwrap();
    assert_eq!(d.submission, date(2026, 1, 26));
    assert_eq!(d.issuance, date(2026, 4, 20));
}

#[test]
fn absurd_lead_times_give_none_rather_than_panicking() {
    let lead = LeadTimes {
        submission_weeks: u32::MAX,
        issuance_weeks: 6,
    };
    assert_eq!(deadlines(&opening(date(2020, 12, 3)), &lead), None);
}

#[test]
fn a_session_closing_before_it_opens_is_refused() {
    assert!(
        SessionDates::new(date(2020, 12, 3), date(2020, 12, 4))
            .check_order("The session")
            .is_ok()
    );
    assert!(
        SessionDates::new(date(2020, 12, 3), date(2020, 12, 3))
            .check_order("The session")
            .is_ok()
    );
    assert_eq!(
        SessionDates::new(date(2020, 12, 4), date(2020, 12, 3))
            .check_order("The session")
            .unwrap_err()
            .to_string(),
        "The session cannot close (3 December 2020) before it opens (4 December 2020)."
    );
    assert!(SessionDates::default().check_order("The session").is_ok());
}

#[test]
fn urgency_boundaries_around_the_submission_deadline() {
    // Submission deadline 2020-09-24 (CCPCJ 29 reconvened); window 21 days.
    let d = deadlines(&opening(date(2020, 12, 3)), &LeadTimes::default()).unwrap();
    let cases = [
        (date(2020, 9, 2), Urgency::OnTrack { days_left: 22 }), // window + 1 days before
        (date(2020, 9, 3), Urgency::AtRisk { days_left: 21 }),  // exactly window days before
        (date(2020, 9, 23), Urgency::AtRisk { days_left: 1 }),  // day before the deadline
        (date(2020, 9, 24), Urgency::AtRisk { days_left: 0 }),  // on the deadline: in time
        (date(2020, 9, 25), Urgency::Overdue { days: 1 }),      // day after
        (date(2020, 12, 3), Urgency::Overdue { days: 70 }),     // session opens
    ];
    for status in [Status::Pending, Status::InPreparation, Status::Deferred] {
        for (today, expected) in cases {
            assert_eq!(
                urgency(status, Some(&d), today, DEFAULT_WINDOW_DAYS),
                expected,
                "{status:?} on {today}"
            );
        }
    }
}

#[test]
fn delivered_or_closed_obligations_are_done_whatever_the_date() {
    let d = deadlines(&opening(date(2020, 12, 3)), &LeadTimes::default()).unwrap();
    for status in [
        Status::Submitted,
        Status::Issued,
        Status::Considered,
        Status::Merged,
        Status::Withdrawn,
        Status::Completed,
        Status::Discontinued,
    ] {
        for today in [date(2020, 1, 1), date(2020, 9, 25), date(2021, 1, 1)] {
            assert_eq!(urgency(status, Some(&d), today, 21), Urgency::Done);
            assert_eq!(urgency(status, None, today, 21), Urgency::Done);
        }
    }
}

#[test]
fn ongoing_activities_have_no_date_even_with_deadlines() {
    let d = deadlines(&opening(date(2020, 12, 3)), &LeadTimes::default()).unwrap();
    assert_eq!(
        urgency(Status::Ongoing, Some(&d), date(2020, 12, 1), 21),
        Urgency::NoDate
    );
}

#[test]
fn a_zero_or_negative_window_only_flags_the_deadline_day() {
    let d = deadlines(&opening(date(2020, 12, 3)), &LeadTimes::default()).unwrap();
    for window in [0, -5] {
        let on_day = urgency(Status::Pending, Some(&d), date(2020, 9, 24), window);
        let day_before = urgency(Status::Pending, Some(&d), date(2020, 9, 23), window);
        assert_eq!(on_day, Urgency::AtRisk { days_left: 0 });
        assert_eq!(day_before, Urgency::OnTrack { days_left: 1 });
    }
}

#[test]
fn urgency_serialises_with_a_kind_tag() {
    let json = serde_json::to_value(Urgency::Overdue { days: 3 }).unwrap();
    assert_eq!(json, serde_json::json!({ "kind": "overdue", "days": 3 }));
    let json = serde_json::to_value(Urgency::NoDate).unwrap();
    assert_eq!(json, serde_json::json!({ "kind": "no_date" }));
}

proptest! {
    /// Deadlines never panic, keep their order (submission before issuance before opening when
    /// lead times are ordered), and urgency is consistent with the arithmetic.
    #[test]
    fn deadlines_and_urgency_are_consistent(
        open_offset in -200_000i64..200_000,
        today_offset in -200_000i64..200_000,
        issuance_weeks in 0u32..30,
        extra_weeks in 0u32..30,
        window in -10i64..100,
    ) {
        let base = date(2000, 1, 1);
        let open = base + chrono::TimeDelta::days(open_offset);
        let today = base + chrono::TimeDelta::days(today_offset);
        let lead = LeadTimes { submission_weeks: issuance_weeks + extra_weeks, issuance_weeks };
        let d = deadlines(&opening(open), &lead).unwrap();
        prop_assert!(d.submission <= d.issuance && Some(d.issuance) <= d.session_opens);
        let left = (d.submission - today).num_days();
        match urgency(Status::Pending, Some(&d), today, window) {
            Urgency::Overdue { days } => prop_assert!(days >= 1 && days == -left),
            Urgency::AtRisk { days_left } => prop_assert!(days_left == left && left >= 0 && left <= window.max(0)),
            Urgency::OnTrack { days_left } => prop_assert!(days_left == left && left > window.max(0)),
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}

#[test]
fn urgency_reads_as_a_badge() {
    assert_eq!(Urgency::Overdue { days: 1 }.to_string(), "overdue by 1 day");
    assert_eq!(
        Urgency::Overdue { days: 12 }.to_string(),
        "overdue by 12 days"
    );
    assert_eq!(
        Urgency::AtRisk { days_left: 0 }.to_string(),
        "at risk: due today"
    );
    assert_eq!(
        Urgency::AtRisk { days_left: 5 }.to_string(),
        "at risk: 5 days left"
    );
    assert_eq!(
        Urgency::OnTrack { days_left: 40 }.to_string(),
        "40 days left"
    );
    assert_eq!(Urgency::Done.to_string(), "done");
    assert_eq!(Urgency::NoDate.to_string(), "no date");
}

#[test]
fn a_submitted_report_is_not_called_done() {
    assert_eq!(Urgency::Done.words(Status::Submitted), "awaiting issue");
    assert_eq!(Urgency::Done.words(Status::Issued), "issued");
    assert_eq!(Urgency::Done.words(Status::Considered), "issued");
    assert_eq!(Urgency::Done.words(Status::Completed), "completed");
    assert_eq!(Urgency::Done.words(Status::Withdrawn), "closed");
    assert_eq!(
        Urgency::Overdue { days: 2 }.words(Status::Pending),
        "overdue by 2 days"
    );
}

#[test]
fn the_most_pressing_sort_first() {
    let mut urgencies = vec![
        Urgency::Done,
        Urgency::OnTrack { days_left: 40 },
        Urgency::NoDate,
        Urgency::AtRisk { days_left: 9 },
        Urgency::Overdue { days: 2 },
        Urgency::OnTrack { days_left: 31 },
        Urgency::AtRisk { days_left: 0 },
        Urgency::Overdue { days: 30 },
    ];
    urgencies.sort_by_key(|u| u.pressing_first());
    assert_eq!(
        urgencies,
        [
            Urgency::Overdue { days: 30 },
            Urgency::Overdue { days: 2 },
            Urgency::AtRisk { days_left: 0 },
            Urgency::AtRisk { days_left: 9 },
            Urgency::OnTrack { days_left: 31 },
            Urgency::OnTrack { days_left: 40 },
            Urgency::NoDate,
            Urgency::Done,
        ]
    );
}
