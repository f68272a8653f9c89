use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap_or(NaiveDate::MIN)
}

#[test]
fn a_named_day_needs_no_adoption_date() {
    let due = Due::On {
        date: d("2027-03-31"),
    };
    assert_eq!(due.date(None), Some(d("2027-03-31")));
    assert_eq!(due.words(), "by 31 March 2027");
}

#[test]
fn spans_count_from_the_adoption() {
    let adopted = Some(d("2018-03-15"));
    let days = Due::Within {
        count: 90,
        unit: DueUnit::Days,
    };
    assert_eq!(days.date(adopted), Some(d("2018-06-13")));
    assert_eq!(days.date(None), None, "no adoption date, no day");
    let months = Due::Within {
        count: 6,
        unit: DueUnit::Months,
    };
    assert_eq!(months.date(Some(d("2024-05-24"))), Some(d("2024-11-24")));
    // A day that the later month lacks falls on its last day.
    let one = Due::Within {
        count: 1,
        unit: DueUnit::Months,
    };
    assert_eq!(one.date(Some(d("2027-01-31"))), Some(d("2027-02-28")));
    assert_eq!(one.words(), "within 1 month of adoption");
}

#[test]
fn working_days_skip_weekends() {
    // Thursday 29 June 2023: five working days later is Thursday 6 July.
    let five = Due::Within {
        count: 5,
        unit: DueUnit::WorkingDays,
    };
    assert_eq!(five.date(Some(d("2023-06-29"))), Some(d("2023-07-06")));
    // Adopted on a Saturday: the first working day is the Monday.
    let one = Due::Within {
        count: 1,
        unit: DueUnit::WorkingDays,
    };
    assert_eq!(one.date(Some(d("2026-12-05"))), Some(d("2026-12-07")));
    assert_eq!(
        Due::Within {
            count: 0,
            unit: DueUnit::WorkingDays
        }
        .date(Some(d("2026-12-05"))),
        Some(d("2026-12-05"))
    );
}

#[test]
fn the_stored_text_reads_back() {
    for due in [
        Due::On {
            date: d("2026-12-31"),
        },
        Due::Within {
            count: 90,
            unit: DueUnit::Days,
        },
        Due::Within {
            count: 100,
            unit: DueUnit::WorkingDays,
        },
        Due::Within {
            count: 12,
            unit: DueUnit::Months,
        },
    ] {
        assert_eq!(due.to_string().parse::<Due>(), Ok(due));
    }
    for bad in ["", "90", "ninety days", "90 weeks", "2026-13-01", "-1 days"] {
        assert!(bad.parse::<Due>().is_err(), "{bad:?}");
    }
}

#[test]
fn spans_beyond_the_calendar_give_no_day() {
    let far = Due::Within {
        count: u32::MAX,
        unit: DueUnit::Days,
    };
    assert_eq!(far.date(Some(NaiveDate::MAX)), None);
    let months = Due::Within {
        count: u32::MAX,
        unit: DueUnit::Months,
    };
    assert_eq!(months.date(Some(d("2026-01-01"))), None);
}
