//! Rules about extracted mandates: which become dated reports, and what identifies a mandate
//! when its text is imported again.

use super::Recurrence;
use crate::extract::{Extraction, Mandate};
use std::collections::HashMap;

/// Whether a mandate becomes a dated report (one occurrence at a time) rather than a continuing
/// activity. A report asked for "periodically", with no interval, has no next date anyone can
/// compute: it stays `ongoing` as an activity until the body ends or completes it.
pub fn tracked_as_report(mandate: &Mandate) -> bool {
    reports(mandate.is_reporting, mandate.recurrence)
}

/// [`tracked_as_report`] on a mandate's fields (as reviewed, or stored).
pub fn reports(is_reporting: bool, recurrence: Option<Recurrence>) -> bool {
    is_reporting && recurrence != Some(Recurrence::Periodic)
}

/// The session number a mandate names, when it is a usable one (positive, and fits the column).
pub fn target_session_number(mandate: &Mandate) -> Option<i32> {
    mandate
        .target_session
        .and_then(|s| i32::try_from(s).ok())
        .filter(|s| *s > 0)
}

/// The identity of each mandate across re-imports of its text: paragraph, addressee, whether it
/// reports, target and channel, and a counter for identical mandates in one paragraph. A
/// reworded quote keeps the identity, so history stays attached.
pub fn mandate_keys(mandates: &[Mandate]) -> Vec<String> {
    let mut seen: HashMap<String, u32> = HashMap::new();
    mandates
        .iter()
        .map(|m| {
            let base = format!(
                "{}|{}|{}|{}|{}|{}",
                m.paragraph,
                m.addressee,
                m.is_reporting,
                m.target_body.as_deref().unwrap_or(""),
                m.target_session.map(|s| s.to_string()).unwrap_or_default(),
                m.via_body.as_deref().unwrap_or("")
            );
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            format!("{base}|{n}")
        })
        .collect()
}

/// What an import did to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Created,
    Updated,
    Unchanged,
}

/// Counts of what one document holds, for the import report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub resolutions: usize,
    pub mandates: usize,
    /// Reports owed to a body (one obligation each, with a target session when known).
    pub obligations: usize,
    /// Continuing activities: every other mandate (including reports asked for "periodically"),
    /// tracked as an `ongoing` obligation.
    pub activities: usize,
}

impl ImportSummary {
    pub fn of(extraction: &Extraction) -> Self {
        let mandates = extraction.resolutions.iter().flat_map(|r| &r.mandates);
        let reports = mandates.clone().filter(|m| tracked_as_report(m)).count();
        let all = mandates.count();
        ImportSummary {
            resolutions: extraction.resolutions.len(),
            mandates: all,
            obligations: reports,
            activities: all - reports,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Action;

    fn mandate(paragraph: &str, addressee: &str) -> Mandate {
        Mandate {
            paragraph: paragraph.into(),
            verb: "Requests".into(),
            addressee: addressee.into(),
            action: Action::Report,
            is_reporting: true,
            target_body: Some("General Assembly".into()),
            target_session: Some(75),
            target_session_label: Some("seventy-fifth session".into()),
            via_body: None,
            recurrence: None,
            quote: "q".into(),
            ..Mandate::default()
        }
    }

    #[test]
    fn identical_mandates_in_one_paragraph_get_distinct_keys() {
        let keys = mandate_keys(&[
            mandate("3", "Secretary-General"),
            mandate("3", "Secretary-General"),
            mandate("4", "Secretary-General"),
        ]);
        assert_eq!(keys.len(), 3);
        assert_ne!(keys[0], keys[1]);
        assert!(keys[0].ends_with("|1") && keys[1].ends_with("|2") && keys[2].ends_with("|1"));
    }

    #[test]
    fn a_changed_quote_keeps_the_key() {
        let mut edited = mandate("3", "Secretary-General");
        edited.quote = "a reworded request".into();
        assert_eq!(
            mandate_keys(&[mandate("3", "Secretary-General")]),
            mandate_keys(&[edited])
        );
    }

    #[test]
    fn periodic_reports_are_tracked_as_activities() {
        let mut periodic = mandate("5", "Secretary-General");
        periodic.recurrence = Some(Recurrence::Periodic);
        assert!(tracked_as_report(&mandate("5", "Secretary-General")));
        assert!(!tracked_as_report(&periodic));
        periodic.target_session = Some(0);
        assert_eq!(target_session_number(&periodic), None);
        assert_eq!(target_session_number(&mandate("5", "x")), Some(75));
    }
}
