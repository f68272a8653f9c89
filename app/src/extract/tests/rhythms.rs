//! Rhythms stated with "every" or "each" and a month, quarter, week or half year, on sentences
//! written for the test in UN drafting style: such a deadline is periodic, and its interval is
//! read from the same phrase that made it so.

use super::super::{Due, Recurrence, target};
use super::mandates;

/// The rhythm the extractor reads from a Security Council paragraph `op`, with its interval
/// in days and in months.
fn council_rhythm(op: &str) -> (Option<Recurrence>, Option<u32>, Option<u32>) {
    let text = format!("The Security Council,\n\nRecalling its previous resolutions,\n\n{op}\n");
    let m = mandates(&text).into_iter().next().unwrap_or_default();
    (m.recurrence, m.due.every_days, m.due.every_months)
}

/// The recurrence of `clause` and the interval `set_every` reads from it, in days and months.
fn clause_rhythm(clause: &str) -> (Option<Recurrence>, Option<u32>, Option<u32>) {
    let mut due = Due::default();
    target::set_every(clause, &mut due);
    (target::recurrence(clause), due.every_days, due.every_months)
}

#[test]
fn every_month_quarter_week_and_half_year_are_periodic() {
    let periodic = Some(Recurrence::Periodic);
    let cases = [
        (
            "to brief the Council every month on the humanitarian situation",
            (None, Some(1)),
        ),
        (
            "to inform the Committee each month of the cases referred to it",
            (None, Some(1)),
        ),
        (
            "to report every quarter on the disbursement of the trust fund",
            (None, Some(3)),
        ),
        (
            "to present each quarter an update on the electoral calendar",
            (None, Some(3)),
        ),
        (
            "to convene the working group every week during the transition",
            (Some(7), None),
        ),
        (
            "to publish each week the figures on returns of refugees",
            (Some(7), None),
        ),
        (
            "to review every half year the list of designated individuals",
            (None, Some(6)),
        ),
        (
            "to submit Every Month a note on detention conditions",
            (None, Some(1)),
        ),
    ];
    for (clause, (days, months)) in cases {
        assert_eq!(clause_rhythm(clause), (periodic, days, months), "{clause}");
    }
}

#[test]
fn every_month_in_a_paragraph_makes_a_periodic_report() {
    assert_eq!(
        council_rhythm(
            "1. Requests the Secretary-General to brief the Council every month on the situation of the civilian population;"
        ),
        (Some(Recurrence::Periodic), None, Some(1))
    );
    assert_eq!(
        council_rhythm(
            "1. Requests the Secretary-General to report to the Council every quarter on the progress of the ceasefire talks;"
        ),
        (Some(Recurrence::Periodic), None, Some(3))
    );
    assert_eq!(
        council_rhythm(
            "1. Requests the Secretary-General to report to the Council each week on the delivery of humanitarian assistance;"
        ),
        (Some(Recurrence::Periodic), Some(7), None)
    );
}

#[test]
fn interval_comes_from_the_first_phrase_that_counts_in_days_or_months() {
    // "regularly" makes the rhythm periodic; the interval is in the phrase after it
    assert_eq!(
        clause_rhythm("to consult regularly with the parties, and every 45 days thereafter"),
        (Some(Recurrence::Periodic), Some(45), None)
    );
    // a rhythm in years counts no interval, and one that follows it still does
    assert_eq!(
        clause_rhythm("to hold a review every five years and to report every 30 days"),
        (Some(Recurrence::Periodic), Some(30), None)
    );
    // a count that cannot be read sets no interval, even if a readable one follows
    assert_eq!(
        clause_rhythm("to meet every few months and every 60 days after a crisis"),
        (Some(Recurrence::Periodic), None, None)
    );
}

#[test]
fn a_year_or_a_monthly_word_inside_another_is_no_new_rhythm() {
    assert_eq!(
        clause_rhythm("to report each year on the activities of the Office"),
        (Some(Recurrence::Annual), None, None)
    );
    assert_eq!(
        clause_rhythm("to issue a bimonthly bulletin and weekday statements"),
        (None, None, None)
    );
}

#[test]
fn the_unit_of_every_n_months_is_read_in_any_case() {
    // the recurrence and the interval read the unit alike, whatever its case
    assert_eq!(
        clause_rhythm("to report to the Council every 12 Months on the situation"),
        (Some(Recurrence::Annual), None, Some(12))
    );
    assert_eq!(
        clause_rhythm("to report to the Council every Two Years on the situation"),
        (Some(Recurrence::Biennial), None, None)
    );
    assert_eq!(
        clause_rhythm("to brief the Committee every 3 MONTHS on its work"),
        (Some(Recurrence::Periodic), None, Some(3))
    );
}

#[test]
fn n_month_reports_count_their_months_as_n_day_reports_count_their_days() {
    let cases = [
        ("90-day reports", (Some(90), None)),
        ("6-month reports", (None, Some(6))),
        ("a 3-month report", (None, Some(3))),
        ("six-monthly reports", (None, Some(6))),
        ("6-monthly updates", (None, Some(6))),
        // a count that cannot be read sets no interval, not one of a month
        ("a bi-monthly bulletin", (None, None)),
    ];
    for (phrase, (days, months)) in cases {
        let clause = format!("to submit {phrase} on the operations of the Mission");
        let expected = (Some(Recurrence::Periodic), days, months);
        assert_eq!(clause_rhythm(&clause), expected, "{clause}");
    }
}
