//! Kinds the fourth version of the extractor reads (issue 11), each on sentences written for
//! the test in UN drafting style: reports timed by a meeting named earlier, a rhythm read
//! from "regular", documents prepared for meetings, a report's subject that runs on into an
//! infinitive, peace operations under one name, and the confidence of each field.

use super::super::{Action, Confidence, Field, Mandate, Recurrence};
use super::{ga, mandates};

fn in_paragraph(text: &str, number: &str) -> Vec<Mandate> {
    mandates(text)
        .into_iter()
        .filter(|m| m.paragraph == number)
        .collect()
}

fn doubted(m: &Mandate, field: Field) -> bool {
    m.doubts.iter().any(|d| d.field == field)
}

#[test]
fn briefing_timed_by_a_meeting_named_earlier() {
    let t = ga(
        "1. Decides to hold a high-level dialogue on the rule of law every three years, from its eighty-second session onward, and requests the Secretary-General to brief the Assembly at such dialogues on the progress made;",
    );
    let ms = in_paragraph(&t, "1");
    let briefing = ms
        .iter()
        .find(|m| m.is_reporting)
        .cloned()
        .unwrap_or_default();
    assert_eq!(briefing.target_body.as_deref(), Some("General Assembly"));
    assert_eq!(briefing.target_session, Some(82));
    assert_eq!(briefing.recurrence, Some(Recurrence::Triennial));
    assert!(doubted(&briefing, Field::TargetSession), "{briefing:#?}");
    assert!(doubted(&briefing, Field::Recurrence));
    assert!(!briefing.confidence.is_high());
    // with nothing named before, "such meetings" times nothing
    let alone = ga(
        "1. Requests the Secretary-General to brief the Assembly during such meetings on the progress made;",
    );
    let m = in_paragraph(&alone, "1")
        .into_iter()
        .next()
        .unwrap_or_default();
    assert_eq!(m.target_session, None);
    assert_eq!(m.recurrence, None);
}

#[test]
fn rhythm_read_from_regular_before_the_activity() {
    let t = ga(
        "1. Requests the Secretariat to continue the regular compilation of national legislation on the smuggling of migrants and to make it available online;\n\n\
         2. Requests the Secretary-General to include that information in his regular reports to the Assembly;",
    );
    let first = in_paragraph(&t, "1").into_iter().next().unwrap_or_default();
    assert_eq!(first.recurrence, Some(Recurrence::Periodic));
    assert!(doubted(&first, Field::Recurrence), "{first:#?}");
    // the vehicle of a report is no rhythm
    let second = in_paragraph(&t, "2").into_iter().next().unwrap_or_default();
    assert_eq!(second.recurrence, None, "{second:#?}");
}

#[test]
fn document_prepared_for_meetings_and_for_the_congress() {
    let t = "The General Assembly,\n\nRecalling the Sixteenth United Nations Congress on Crime Prevention and Criminal Justice,\n\n\
         1. Requests the Secretary-General to prepare a discussion guide for the regional preparatory meetings for the Sixteenth United Nations Congress on Crime Prevention and Criminal Justice and for the Congress itself, in consultation with Member States;\n";
    let ms = in_paragraph(t, "1");
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(
        ms.iter()
            .all(|m| m.action == Action::PrepareReport && m.is_reporting)
    );
    assert_eq!(
        ms[0].target_body.as_deref(),
        Some(
            "regional preparatory meetings for the Sixteenth United Nations Congress on Crime Prevention and Criminal Justice"
        )
    );
    assert_eq!(ms[0].target_session, None);
    assert_eq!(ms[1].target_session, Some(16));
    assert!(ms.iter().all(|m| doubted(m, Field::TargetBody)));
}

#[test]
fn report_subject_that_runs_on_into_an_infinitive() {
    // a bare "and" after the subject of the noun "a report": what the report is about
    let t = ga(
        "1. Requests the Secretary-General to submit to the General Assembly at its eighty-third session a report on existing partnerships and to improve coordination among the entities concerned;",
    );
    let ms = in_paragraph(&t, "1");
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert!(ms[0].quote.ends_with("among the entities concerned"));
    assert!(doubted(&ms[0], Field::Quote));
    // the verb "report on", then a task of its own
    let t = ga(
        "1. Requests the Secretary-General to continue to report on the financial situation of the Office and to continue to ensure that the Office has the staff it needs;",
    );
    assert_eq!(in_paragraph(&t, "1").len(), 2);
}

#[test]
fn a_peace_operation_under_one_name() {
    let t = "The Security Council,\n\nRecalling its previous resolutions,\n\n\
             1. Decides to extend the mandate of the United Nations Mission in the Republic of South Sudan (UNMISS) until 30 April 2027;\n\n\
             2. Requests UNMISS to strengthen its patrols in areas of high risk of conflict;\n\n\
             3. Requests the United Nations Mission in South Sudan to report to the Council every 90 days on the situation of civilians;\n";
    let ms = mandates(t);
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(
        ms.iter()
            .all(|m| m.addressee == "United Nations Mission in South Sudan")
    );
}

#[test]
fn each_doubt_names_its_field() {
    let t = ga(
        "1. Requests the Secretary-General and the High Commissioner for Human Rights to report thereon at its eighty-first session;",
    );
    let m = in_paragraph(&t, "1").into_iter().next().unwrap_or_default();
    assert!(doubted(&m, Field::Addressee), "{m:#?}");
    assert!(doubted(&m, Field::TargetBody));
    assert!(!doubted(&m, Field::TargetSession));
    // the mandate is as unsure as its first doubted field
    assert!(matches!(&m.confidence, Confidence::Low(r) if *r == m.doubts[0].reason));
    let sure = ga(
        "1. Requests the Secretary-General to report to the Assembly at its eighty-first session;",
    );
    let m = in_paragraph(&sure, "1")
        .into_iter()
        .next()
        .unwrap_or_default();
    assert!(m.doubts.is_empty() && m.confidence.is_high());
}

#[test]
fn how_often_a_periodic_deadline_falls() {
    let council = |ops: &str| {
        format!("The Security Council,\n\nRecalling its previous resolutions,\n\n{ops}\n")
    };
    let m = mandates(&council(
        "1. Requests the Secretary-General to report to the Council within 60 days of the adoption of this resolution and every 60 days thereafter on the situation in the region;",
    ))
    .into_iter()
    .next()
    .unwrap_or_default();
    assert_eq!(m.recurrence, Some(Recurrence::Periodic));
    assert_eq!(
        (m.due.due_within_days, m.due.every_days),
        (Some(60), Some(60))
    );
    let every = |ops: &str| {
        let m = mandates(&council(ops))
            .into_iter()
            .next()
            .unwrap_or_default();
        (m.due.every_days, m.due.every_months)
    };
    assert_eq!(
        every(
            "1. Requests the Secretary-General to brief the Council on a monthly basis on the operations of the Mission;"
        ),
        (None, Some(1))
    );
    assert_eq!(
        every(
            "1. Requests the Secretary-General to keep the Council informed quarterly of the progress made;"
        ),
        (None, Some(3))
    );
    assert_eq!(
        every(
            "1. Requests the Secretary-General to report to the Council every six months on the implementation of this resolution;"
        ),
        (None, Some(6))
    );
    // a rhythm in years is a recurrence of its own, not a span
    assert_eq!(
        every(
            "1. Requests the Secretary-General to report to the Council every two years on the measures taken;"
        ),
        (None, None)
    );
}
