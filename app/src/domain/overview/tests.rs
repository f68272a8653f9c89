use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A report due at `session`, opening on `opens` (submission 10 weeks, issuance 6 before).
fn report(status: Status, body: &str, session: &str, opens: &str) -> ReportFacts {
    let opens = day(opens);
    ReportFacts {
        kind: ObligationKind::Report,
        status,
        body: Some(body.to_owned()),
        session: Some(session.to_owned()),
        deadlines: Some(Deadlines {
            session_opens: Some(opens),
            submission: opens - chrono::Duration::weeks(10),
            issuance: opens - chrono::Duration::weeks(6),
        }),
        submitted_on: None,
        issued_on: None,
    }
}

fn count(counts: &SessionCounts, status: Status) -> usize {
    counts
        .by_status
        .iter()
        .find(|(s, _)| *s == status)
        .unwrap()
        .1
}

#[test]
fn coming_sessions_are_counted_by_status_earliest_first() {
    let today = day("2026-12-01");
    let facts = vec![
        report(Status::Pending, "CCPCJ", "CCPCJ 36", "2027-05-17"),
        report(Status::InPreparation, "CCPCJ", "CCPCJ 36", "2027-05-17"),
        report(Status::Pending, "CCPCJ", "CCPCJ 36", "2027-05-17"),
        report(Status::Deferred, "HRC", "HRC 64", "2027-02-22"),
        // Opened already: not a coming session.
        report(Status::Pending, "CCPCJ", "CCPCJ 35", "2026-05-18"),
        ReportFacts {
            kind: ObligationKind::Activity,
            ..report(Status::Ongoing, "GA", "GA 82", "2027-09-07")
        },
    ];
    let coming = coming_sessions(&facts, today, 5);
    let names: Vec<&str> = coming.iter().map(|s| s.session.as_str()).collect();
    assert_eq!(names, ["HRC 64", "CCPCJ 36"]);
    assert_eq!(count(&coming[1], Status::Pending), 2);
    assert_eq!(count(&coming[1], Status::InPreparation), 1);
    assert_eq!(count(&coming[0], Status::Deferred), 1);
    assert_eq!(coming[0].by_status.len(), Status::ALL.len());
    assert_eq!(coming_sessions(&facts, today, 1).len(), 1);
}

#[test]
fn a_report_is_overdue_from_the_day_after_its_deadline_until_it_is_submitted() {
    // Opens 2020-05-18: submission due 2020-03-09.
    let mut fact = report(Status::Submitted, "CCPCJ", "CCPCJ 29", "2020-05-18");
    fact.submitted_on = Some(day("2020-04-15"));
    assert!(!overdue_on(&fact, day("2020-03-09")));
    assert!(overdue_on(&fact, day("2020-03-10")));
    // Overdue up to the day before it was submitted, not from that day on.
    assert!(overdue_on(&fact, day("2020-04-14")));
    assert!(!overdue_on(&fact, day("2020-04-15")));
    let never = report(Status::Pending, "CCPCJ", "CCPCJ 29", "2020-05-18");
    assert!(overdue_on(&never, day("2026-12-01")));
    let withdrawn = report(Status::Withdrawn, "CCPCJ", "CCPCJ 29", "2020-05-18");
    assert!(!overdue_on(&withdrawn, day("2026-12-01")));
}

#[test]
fn overdue_over_time_samples_the_first_of_each_month_and_today() {
    let facts = vec![
        report(Status::Pending, "CCPCJ", "CCPCJ 36", "2026-11-16"), // due 2026-09-07
        report(Status::Pending, "CCPCJ", "CCPCJ 29", "2020-05-18"),
    ];
    let series = overdue_over_time(&facts, day("2026-12-15"), 4);
    let days: Vec<String> = series.iter().map(|(d, _)| d.to_string()).collect();
    assert_eq!(
        days,
        [
            "2026-09-01",
            "2026-10-01",
            "2026-11-01",
            "2026-12-01",
            "2026-12-15"
        ]
    );
    let counts: Vec<usize> = series.iter().map(|(_, n)| *n).collect();
    assert_eq!(counts, [1, 2, 2, 2, 2]);
    // On the first of a month, today is that day once.
    assert_eq!(overdue_over_time(&facts, day("2026-12-01"), 2).len(), 2);
}

#[test]
fn issued_in_time_means_by_the_issue_by_date() {
    // Opens 2020-05-18: issue by 2020-04-06.
    let issued = |on: &str, body: &str| ReportFacts {
        issued_on: Some(day(on)),
        ..report(Status::Issued, body, "x", "2020-05-18")
    };
    let facts = vec![
        issued("2020-04-06", "CCPCJ"),
        issued("2020-04-07", "CCPCJ"),
        issued("2020-03-01", "CCPCJ"),
        issued("2020-05-01", "GA"),
        report(Status::Pending, "HRC", "y", "2020-05-18"),
    ];
    let rates = issued_in_time(&facts);
    assert_eq!(
        rates,
        [
            IssuedInTime {
                body: "CCPCJ".into(),
                issued: 3,
                in_time: 2
            },
            IssuedInTime {
                body: "GA".into(),
                issued: 1,
                in_time: 0
            },
        ]
    );
    assert_eq!(rates[0].percent(), 67);
    assert_eq!(rates[1].percent(), 0);
}
