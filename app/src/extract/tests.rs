//! Drafting patterns from GA, ECOSOC, CND and HRC texts that the seed document lacks.

use super::{Action, ExtractError, Mandate, ParagraphKind, Recurrence, extract, extract_bytes};

/// Every mandate of `text`, in reading order (none when it cannot be read).
pub(super) fn mandates(text: &str) -> Vec<Mandate> {
    extract(text)
        .map(|x| x.resolutions.into_iter().flat_map(|r| r.mandates).collect())
        .unwrap_or_default()
}

/// A General Assembly resolution with operative paragraphs `ops`.
pub(super) fn ga(ops: &str) -> String {
    format!(
        "The General Assembly,\n\nRecalling its resolution 73/186 of 17 December 2018,\n\n{ops}\n"
    )
}

#[test]
fn passive_report_to_two_bodies() {
    let t = "The Economic and Social Council,\n\nNoting the work of the Commission on Narcotic Drugs,\n\n\
             1. Requests the Executive Director of the United Nations Office on Drugs and Crime to continue to assist Member States;\n\n\
             2. Requests that a report be submitted to the Commission on Narcotic Drugs at its twenty-fifth session and to the Council at its fifty-fourth session.\n";
    let ms: Vec<Mandate> = mandates(t)
        .into_iter()
        .filter(|m| m.paragraph == "2")
        .collect();
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let first = &ms[0];
    assert!(first.is_reporting);
    assert_eq!(
        first.target_body.as_deref(),
        Some("Commission on Narcotic Drugs")
    );
    assert_eq!(first.target_session, Some(25));
    assert_eq!(
        first.addressee,
        "Executive Director of the United Nations Office on Drugs and Crime"
    );
    assert_eq!(
        ms[1].target_body.as_deref(),
        Some("Economic and Social Council")
    );
    assert_eq!(ms[1].target_session, Some(54));
    assert_eq!(
        ms[1].target_session_label.as_deref(),
        Some("fifty-fourth session")
    );
}

#[test]
fn pronoun_request() {
    let t = ga(
        "5. Requests the Secretary-General to continue his efforts, and requests that he submit to the General Assembly at its seventy-ninth session a report on the implementation of the present resolution.",
    );
    let ms = mandates(&t);
    let rep: Vec<&Mandate> = ms.iter().filter(|m| m.is_reporting).collect();
    assert_eq!(rep.len(), 1, "{ms:#?}");
    assert_eq!(rep[0].addressee, "Secretary-General");
    assert_eq!(rep[0].action, Action::SubmitReport);
    assert_eq!(rep[0].target_body.as_deref(), Some("General Assembly"));
    assert_eq!(rep[0].target_session, Some(79));
    assert!(rep[0].quote.starts_with("requests that he submit"));
}

#[test]
fn annual_and_its_session() {
    let t = "Resolution 62/4\n\nStrengthening something\n\nThe Commission on Narcotic Drugs,\n\nRecalling its earlier resolutions,\n\n\
             3. Requests the United Nations Office on Drugs and Crime to report to the Commission at each annual session on progress made;\n\n\
             4. Also requests the Secretariat to report to it at its sixty-third session.\n";
    let x = extract(t).expect("extracts");
    let r = &x.resolutions[0];
    assert_eq!(r.label, "Resolution 62/4");
    assert_eq!(
        r.adopting_body.as_deref(),
        Some("Commission on Narcotic Drugs")
    );
    let m3 = &r.mandates[0];
    assert_eq!(m3.recurrence, Some(Recurrence::Annual));
    assert_eq!(
        m3.target_body.as_deref(),
        Some("Commission on Narcotic Drugs")
    );
    let m4 = &r.mandates[1];
    assert_eq!(m4.verb, "Also requests");
    assert_eq!(
        m4.target_body.as_deref(),
        Some("Commission on Narcotic Drugs")
    );
    assert_eq!(m4.target_session, Some(63));
}

#[test]
fn through_commission_and_biennial() {
    let t = ga(
        "7. Requests the Secretary-General to report on a biennial basis, through the Commission on Crime Prevention and Criminal Justice, to the General Assembly at its 80th session.",
    );
    let ms = mandates(&t);
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].via_body.as_deref(),
        Some("Commission on Crime Prevention and Criminal Justice")
    );
    assert_eq!(ms[0].target_body.as_deref(), Some("General Assembly"));
    assert_eq!(ms[0].target_session, Some(80));
    assert_eq!(ms[0].recurrence, Some(Recurrence::Biennial));
}

#[test]
fn political_declaration() {
    let t = "We, the Ministers and government representatives participating in the ministerial segment of the sixty-second session of the Commission on Narcotic Drugs,\n\n\
             We request the United Nations Office on Drugs and Crime to continue to provide technical assistance to Member States, upon request;\n";
    let x = extract(t).expect("extracts");
    let r = &x.resolutions[0];
    assert_eq!(
        r.adopting_body.as_deref(),
        Some("Commission on Narcotic Drugs")
    );
    assert_eq!(r.mandates.len(), 1, "{:#?}", r.mandates);
    assert_eq!(
        r.mandates[0].addressee,
        "United Nations Office on Drugs and Crime"
    );
    assert_eq!(r.mandates[0].action, Action::ProvideTechnicalAssistance);
    assert!(
        r.mandates[0]
            .quote
            .starts_with("request the United Nations")
    );
}

#[test]
fn standalone_ga_resolution_with_page_noise() {
    let t = "United Nations A/RES/73/186\n\nGeneral Assembly Distr.: General\n\nResolution adopted by the General Assembly on 17 December 2018\n\n\
             73/186. Strengthening the United Nations crime prevention programme\n\nThe General Assembly,\n\n\
             Recalling its resolution 72/196,\n\n1. *Requests* the United Nations Office on Drugs and Crime to convene an expert meeting and to report thereon to the Commission on Crime Prevention and Criminal Justice at its twenty-ninth\n\n\
             A/RES/73/186\n\n2/4\n\nsession;\n\n2. Requests the Secretary-General to submit to the General Assembly at its seventy-fourth session a report on the implementation of the present resolution.\n\n62nd plenary meeting\n17 December 2018\n";
    let x = extract(t).expect("extracts");
    assert_eq!(x.resolutions.len(), 1);
    let r = &x.resolutions[0];
    assert_eq!(r.label, "73/186");
    assert_eq!(
        r.title,
        "Strengthening the United Nations crime prevention programme"
    );
    assert_eq!(r.adopting_body.as_deref(), Some("General Assembly"));
    assert_eq!(r.paragraphs[0].kind, ParagraphKind::Preambular);
    assert!(
        r.paragraphs[1]
            .text
            .ends_with("at its twenty-ninth session;"),
        "{:?}",
        r.paragraphs[1]
    );
    assert_eq!(r.mandates.len(), 3, "{:#?}", r.mandates);
    assert_eq!(r.mandates[0].action, Action::ConveneMeeting);
    assert_eq!(r.mandates[1].target_session, Some(29));
    assert_eq!(
        r.mandates[1].quote,
        "to report thereon to the Commission on Crime Prevention and Criminal Justice at its twenty-ninth session"
    );
    assert_eq!(r.mandates[2].target_session, Some(74));
}

#[test]
fn member_states_only_are_not_mandates() {
    let t = ga(
        "1. Urges Member States to ratify the Convention;\n\n2. Invites Member States and other donors, in cooperation with the United Nations Office on Drugs and Crime, to provide extrabudgetary resources;",
    );
    assert!(mandates(&t).is_empty());
}

#[test]
fn entities_and_footnotes_cleaned() {
    let t = ga(
        "1. Requests the Secretary-General to report to the Human Rights Council at its forty-third session on the Convention on the Rights of the Child,&nbsp;9 in which &quot;States&quot; agreed.",
    );
    let x = extract(&t).expect("extracts");
    let p = &x.resolutions[0].paragraphs[1].text;
    assert_eq!(
        p,
        "Requests the Secretary-General to report to the Human Rights Council at its forty-third session on the Convention on the Rights of the Child, in which \"States\" agreed."
    );
}

#[test]
fn errors() {
    assert_eq!(extract(""), Err(ExtractError::NoResolution));
    assert!(matches!(
        extract_bytes(b"abc\xff"),
        Err(ExtractError::NotUtf8 { offset: 3 })
    ));
    let big = "a".repeat(super::MAX_INPUT_BYTES + 1);
    assert!(matches!(extract(&big), Err(ExtractError::TooLarge { .. })));
    assert!(!ExtractError::NoResolution.to_string().is_empty());
}

#[test]
fn all_patterns_compile() {
    for re in [&*verbs_patterns(), &*other_patterns()] {
        assert!(re.iter().all(|ok| *ok));
    }
}

fn verbs_patterns() -> Box<[bool]> {
    let t =
        ga("1. Also requests the Secretary-General to report to it at its next session, annually;");
    Box::new([!mandates(&t).is_empty()])
}

fn other_patterns() -> Box<[bool]> {
    let t = "Draft resolution I\n\nTitle\n\nThe General Assembly,\n\n1. Requests the Secretary-General to act.\n";
    Box::new([extract(t).is_ok_and(|x| x.resolutions[0].label == "Draft resolution I")])
}

#[test]
fn stored_spellings_match_the_json_spellings() {
    let actions = Action::ALL;
    for action in actions {
        assert_eq!(serde_json::to_value(action).unwrap(), action.as_str());
    }
    let recurrences = [
        Recurrence::Annual,
        Recurrence::Biennial,
        Recurrence::Triennial,
        Recurrence::Quadrennial,
        Recurrence::Periodic,
    ];
    for recurrence in recurrences {
        assert_eq!(
            serde_json::to_value(recurrence).unwrap(),
            recurrence.as_str()
        );
    }
}

mod kinds;
mod references;
mod rhythms;
