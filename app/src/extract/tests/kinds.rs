//! One test per kind of text the development corpus taught (issue 11), each on sentences
//! written for the test in UN drafting style, not cut from a scored text.

use super::super::{Action, Confidence, Mandate, Recurrence, extract};
use super::{ga, mandates};

/// The day `m` is due by for a text adopted on `adopted`, by the domain's one date rule.
fn due_date(m: &Mandate, adopted: &str) -> Option<String> {
    let adopted = chrono::NaiveDate::parse_from_str(adopted, "%Y-%m-%d").ok();
    crate::domain::Due::of_extracted(&m.due)?
        .date(adopted)
        .map(|d| d.to_string())
}

fn one(text: &str) -> Mandate {
    let ms = mandates(text);
    assert_eq!(ms.len(), 1, "{ms:#?}");
    ms.into_iter().next().unwrap_or_default()
}

#[test]
fn number_on_a_line_of_its_own() {
    let t = "The Security Council,\n\nRecalling its earlier resolutions,\n\n1.\n\nDecides to renew the measures for a further period;\n2.\nRequests the Secretary-General to report to the Security Council within 120 days of the adoption of this resolution on the measures taken;\n3.\n\nDecides to remain seized of the matter.\n";
    let m = one(t);
    assert_eq!(m.paragraph, "2");
    assert_eq!(m.target_body.as_deref(), Some("Security Council"));
    assert_eq!(m.due.due_within_days, Some(120));
}

#[test]
fn number_that_lost_its_full_stop() {
    let t = "The Security Council,\n\nRecalling its earlier resolutions,\n\n1. Welcomes the report of the Secretary-General;\n2 Requests the Secretary-General to keep the Council informed on a quarterly basis;\n";
    let m = one(t);
    assert_eq!(m.paragraph, "2");
    assert_eq!(m.recurrence, Some(Recurrence::Periodic));
}

#[test]
fn council_draft_labelled_by_its_symbol() {
    let t = "S/2031/77\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n\nThe Security Council,\n\nRecalling its resolutions,\n\n1. Requests the Secretary-General to brief the Council every six months on the situation;\n";
    let x = extract(t).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(x.resolutions[0].label, "S/2031/77");
    let m = &x.resolutions[0].mandates[0];
    assert!(m.is_reporting);
    assert_eq!(m.recurrence, Some(Recurrence::Periodic));
}

#[test]
fn date_deadlines() {
    let m = one(&ga(
        "4. Requests the Secretary-General to submit to the General Assembly, no later than 31 March 2027, a report on the implementation of the present resolution;",
    ));
    assert_eq!(m.due.due_date.as_deref(), Some("2027-03-31"));
    let m = one(&ga(
        "4. Requests the Office to complete the assessment by the end of 2026;",
    ));
    assert_eq!(m.due.due_date.as_deref(), Some("2026-12-31"));
    assert_eq!(due_date(&m, "2025-12-01").as_deref(), Some("2026-12-31"));
    let m = one(&ga(
        "4. Requests the Secretary-General to present the framework within six months of the adoption of the present resolution;",
    ));
    assert_eq!(m.due.due_within_months, Some(6));
    assert_eq!(due_date(&m, "2025-08-31").as_deref(), Some("2026-02-28"));
}

#[test]
fn several_sessions_in_one_clause() {
    let ms = mandates(&ga(
        "9. Requests the Secretary-General to report to the General Assembly at its eighty-first and eighty-third sessions on the follow-up to the present resolution;",
    ));
    let sessions: Vec<Option<u32>> = ms.iter().map(|m| m.target_session).collect();
    assert_eq!(sessions, [Some(81), Some(83)], "{ms:#?}");
    assert_eq!(
        ms[1].target_session_label.as_deref(),
        Some("eighty-third session")
    );
    assert_eq!(ms[0].quote, ms[1].quote);
    let m = one(&ga(
        "9. Requests the Secretary-General to report thereon to the General Assembly at its eighty-first session and biennially thereafter;",
    ));
    assert_eq!(
        (m.target_session, m.recurrence),
        (Some(81), Some(Recurrence::Biennial))
    );
    let ms = mandates(&ga(
        "9. Requests the Secretary-General to submit to the General Assembly and the Human Rights Council at their eighty-second and sixty-first sessions, respectively, a report on migrant workers;",
    ));
    let got: Vec<(Option<&str>, Option<u32>)> = ms
        .iter()
        .map(|m| (m.target_body.as_deref(), m.target_session))
        .collect();
    assert_eq!(
        got,
        [
            (Some("General Assembly"), Some(82)),
            (Some("Human Rights Council"), Some(61))
        ]
    );
}

#[test]
fn only_requests_bind_an_intergovernmental_body() {
    let t = "The Economic and Social Council,\n\nNoting the work of the Commission on Narcotic Drugs,\n\n\
             1. Invites the Commission on Narcotic Drugs to consider the matter at its next session;\n\n\
             2. Encourages the Commission to exchange views with the Statistical Commission;\n\n\
             3. Requests the Commission to include the matter in its multi-year workplan;\n";
    let m = one(t);
    assert_eq!(
        (m.paragraph.as_str(), m.addressee.as_str()),
        ("3", "Commission on Narcotic Drugs")
    );
}

#[test]
fn decides_that_a_committee_shall_report() {
    let t = ga(
        "6. Decides that the Committee on Information shall continue its work and shall provide a report on its recommendations to the General Assembly at its eighty-second session;\n\n7. Decides that the Committee on Information shall meet for two weeks;",
    );
    let m = one(&t);
    assert_eq!(m.addressee, "Committee on Information");
    assert!(m.is_reporting);
    assert_eq!(
        (m.target_body.as_deref(), m.target_session),
        (Some("General Assembly"), Some(82))
    );
}

#[test]
fn entities_outside_the_secretariat() {
    let t = ga(
        "3. Requests UN-Women to support national gender statistics;\n\n4. Requests all relevant United Nations entities to cooperate closely;\n\n5. Requests the United Nations Development Programme to continue its support;\n\n6. Requests the Special Rapporteur on the right to food to submit a report to the General Assembly;",
    );
    assert!(mandates(&t).is_empty(), "{:#?}", mandates(&t));
}

#[test]
fn pronouns_stand_for_the_official() {
    let t = ga(
        "2. Requests the Secretary-General to assist the Commission on the Status of Women, and requests that he submit to the General Assembly at its eighty-second session a report thereon;",
    );
    let rep: Vec<Mandate> = mandates(&t)
        .into_iter()
        .filter(|m| m.is_reporting)
        .collect();
    assert_eq!(rep.len(), 1, "{rep:#?}");
    assert_eq!(rep[0].addressee, "Secretary-General");
    assert!(matches!(rep[0].confidence, Confidence::Low(_)));
}

#[test]
fn second_half_after_member_states() {
    let m = one(&ga(
        "8. Calls upon Member States to strengthen their legislation, and requests the United Nations Office on Drugs and Crime to support them in that regard, upon request;",
    ));
    assert_eq!(m.addressee, "United Nations Office on Drugs and Crime");
    assert_eq!(m.action, Action::ProvideTechnicalAssistance);
    assert!(m.quote.starts_with("requests the United Nations Office"));
}

#[test]
fn a_list_of_tasks_after_to() {
    let t = "The Security Council,\n\nRecalling its resolutions,\n\n5. Requests the Secretary-General to:\n(a) Provide the Council, within 60 days, with options for the follow-up mission;\n(b) Brief the Council on the situation every three months;\n";
    let ms = mandates(t);
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(
        ms[0]
            .quote
            .starts_with("Requests the Secretary-General to: (a) Provide")
    );
    assert_eq!(ms[0].due.due_within_days, Some(60));
    assert!(ms[1].quote.starts_with("Brief the Council"));
    assert_eq!(ms[1].recurrence, Some(Recurrence::Periodic));
}

#[test]
fn subjunctive_task_and_report() {
    let ms = mandates(&ga(
        "11. Reiterates its request that the Office continue to strengthen its field presence and report thereon to the Commission on Crime Prevention and Criminal Justice;",
    ));
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(!ms[0].is_reporting && ms[1].is_reporting);
    assert_eq!(
        ms[1].quote,
        "report thereon to the Commission on Crime Prevention and Criminal Justice"
    );
}

#[test]
fn declaration_with_run_on_numbers_and_markdown_footnotes() {
    let t = "Political declaration on the prevention of trafficking in cultural property\n\n\
             We, Heads of State and Government and representatives of States, assembled at United Nations Headquarters on 24 September 2026,\n\n\
             1. We reaffirm our commitment to the Convention[^1] and to its full implementation.\n\
             2. We recognize the work done so far to protect trafficked persons.8 3. We request the United Nations Office on Drugs and Crime to continue to assist Member States, upon request, in the implementation of the present declaration; 4. We request the Secretary-General to submit to the General Assembly at its eighty-third session a report on the follow-up to the present declaration.\n\n\
             [^1]: United Nations, Treaty Series, vol. 2225, No. 39574.\n";
    let x = extract(t).unwrap_or_else(|e| panic!("{e}"));
    let r = &x.resolutions[0];
    assert_eq!(r.adopting_body.as_deref(), Some("General Assembly"));
    let numbers: Vec<&str> = r
        .paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4"], "{:#?}", r.paragraphs);
    assert!(
        !r.paragraphs
            .iter()
            .any(|p| p.text.contains("Treaty Series"))
    );
    let got: Vec<(&str, &str, &str)> = r
        .mandates
        .iter()
        .map(|m| (m.paragraph.as_str(), m.verb.as_str(), m.addressee.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("3", "Request", "United Nations Office on Drugs and Crime"),
            ("4", "Request", "Secretary-General")
        ]
    );
    assert_eq!(r.mandates[1].target_session, Some(83));
}

#[test]
fn decisions() {
    let t = "Decision 61/104\n\nThe right to development\n\nThe Human Rights Council,\n\nRecalling its decision 58/12,\n\n\
             1. Requests the Secretary-General and the United Nations High Commissioner for Human Rights to submit a joint report to the Human Rights Council at its sixty-fourth session;\n";
    let x = extract(t).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(x.resolutions[0].label, "Decision 61/104");
    let m = &x.resolutions[0].mandates[..];
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].addressee, "Secretary-General");
    assert!(matches!(&m[0].confidence, Confidence::Low(r) if r.contains("together")));
    assert_eq!(
        (m[0].target_body.as_deref(), m[0].target_session),
        (Some("Human Rights Council"), Some(64))
    );
    let t = "2026/231. Statistics of crime\n\nAt its 15th plenary meeting, on 24 July 2026, the Economic and Social Council decided to request the Secretary-General to submit to the Council at its 2027 session a report on the collection of crime statistics.\n";
    let m = one(t);
    assert_eq!(m.verb, "Decided to request");
    assert_eq!(m.addressee, "Secretary-General");
    assert_eq!(
        (m.target_body.as_deref(), m.target_session),
        (Some("Economic and Social Council"), Some(2027))
    );
}

#[test]
fn approved_recommendations() {
    let t = ga(
        "12. Approves the recommendation of the Advisory Committee on Administrative and Budgetary Questions that the Secretary-General report thereon to the General Assembly at its eighty-second session;",
    );
    let m = one(&t);
    assert_eq!(m.addressee, "Secretary-General");
    assert_eq!(
        (m.target_body.as_deref(), m.target_session),
        (Some("General Assembly"), Some(82))
    );
    let t = ga(
        "12. Approves the recommendation of the Commission on Narcotic Drugs to request the United Nations Office on Drugs and Crime to report thereon to the Commission at its seventieth session;",
    );
    let m = one(&t);
    assert_eq!(m.addressee, "United Nations Office on Drugs and Crime");
    assert_eq!(
        (m.target_body.as_deref(), m.target_session),
        (Some("Commission on Narcotic Drugs"), Some(70))
    );
}

#[test]
fn confidence_says_what_was_guessed() {
    let ms = mandates(&ga(
        "7. Requests the Secretary-General to report thereon biennially;\n\n8. Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution;",
    ));
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(matches!(&ms[0].confidence, Confidence::Low(r) if r.contains("no recipient")));
    assert!(ms[1].confidence.is_high());
}

#[test]
fn information_and_resources_by_their_verbs() {
    let action = |ops: &str| one(&ga(ops)).action;
    assert_eq!(
        action(
            "3. Requests the Secretary-General to seek the views of Member States on the draft guidelines;"
        ),
        Action::CollectInformation
    );
    assert_eq!(
        action(
            "3. Requests the Office to maintain and regularly update a list of national focal points;"
        ),
        Action::CollectInformation
    );
    assert_eq!(
        action(
            "3. Encourages the Office to continue its work on studying the links between corruption and wildlife crime;"
        ),
        Action::CollectInformation
    );
    assert_eq!(
        action(
            "3. Requests the Secretary-General to continue his efforts to mobilize the resources necessary for the Institute;"
        ),
        Action::ProvideResources
    );
}

#[test]
fn main_committees_receive_reports() {
    let m = one(&ga(
        "5. Requests the Secretary-General to report to the Sixth Committee on the matter during its eighty-first session;",
    ));
    assert_eq!(
        (m.target_body.as_deref(), m.target_session),
        (Some("Sixth Committee"), Some(81))
    );
}

#[test]
fn quote_ends_before_the_next_list_item() {
    let t = ga(
        "4. Decides:\n(a) To welcome the entry into force of the Convention;\n(b) To encourage States to ratify it, and requests the Secretary-General to promote awareness of it;\n(c) Takes note of the report of the Committee;",
    );
    let m = one(&t);
    assert_eq!(
        m.quote,
        "requests the Secretary-General to promote awareness of it"
    );
}
