//! The review of what the extractor found in a text brought in through the browser: a mandate
//! starts `proposed`, and an editor's decision makes it tracked (confirmed or corrected) or not
//! (rejected, or merged into another). Only tracked mandates have obligations and show on
//! public pages.

use crate::domain::Recurrence;
use crate::extract::{Action, Mandate};
use serde::{Deserialize, Serialize};

/// Where a mandate stands in the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    Proposed,
    Confirmed,
    Corrected,
    Rejected,
    Merged,
}

impl Review {
    pub const ALL: [Review; 5] = [
        Review::Proposed,
        Review::Confirmed,
        Review::Corrected,
        Review::Rejected,
        Review::Merged,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Review::Proposed => "proposed",
            Review::Confirmed => "confirmed",
            Review::Corrected => "corrected",
            Review::Rejected => "rejected",
            Review::Merged => "merged",
        }
    }

    /// The words shown to staff.
    pub const fn label(self) -> &'static str {
        match self {
            Review::Proposed => "Proposed (not reviewed yet)",
            Review::Confirmed => "Confirmed",
            Review::Corrected => "Corrected and confirmed",
            Review::Rejected => "Rejected",
            Review::Merged => "Merged into another mandate",
        }
    }

    /// Whether the mandate is tracked: it has an obligation and public pages show it.
    pub const fn is_tracked(self) -> bool {
        matches!(self, Review::Confirmed | Review::Corrected)
    }
}

super::stored::parse_by_stored_text!(Review, "review state");

/// One entry of a mandate's review history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirmed,
    Corrected,
    Rejected,
    /// This mandate was split: part of it is now the mandate named in the changes.
    Split,
    /// This mandate is the new part of a split one.
    SplitFrom,
    /// This mandate was merged into another.
    Merged,
    /// Another mandate was merged into this one.
    MergedFrom,
}

impl Decision {
    pub const ALL: [Decision; 7] = [
        Decision::Confirmed,
        Decision::Corrected,
        Decision::Rejected,
        Decision::Split,
        Decision::SplitFrom,
        Decision::Merged,
        Decision::MergedFrom,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Corrected => "corrected",
            Decision::Rejected => "rejected",
            Decision::Split => "split",
            Decision::SplitFrom => "split_from",
            Decision::Merged => "merged",
            Decision::MergedFrom => "merged_from",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Decision::Confirmed => "Confirmed",
            Decision::Corrected => "Corrected",
            Decision::Rejected => "Rejected",
            Decision::Split => "Split in two",
            Decision::SplitFrom => "Made from a split",
            Decision::Merged => "Merged into another mandate",
            Decision::MergedFrom => "Another mandate merged into this one",
        }
    }
}

super::stored::parse_by_stored_text!(Decision, "review decision");

/// Every action, for pickers (the stored words).
pub const ACTIONS: [Action; 9] = Action::ALL;

/// The action stored as `word`.
pub fn action(word: &str) -> Option<Action> {
    ACTIONS.into_iter().find(|a| a.as_str() == word)
}

/// What an editor may correct in a mandate: who owes what, to whom, by when, how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MandateFields {
    pub addressee: String,
    pub action: Action,
    pub is_reporting: bool,
    pub target_body: Option<String>,
    pub target_session: Option<i32>,
    pub recurrence: Option<Recurrence>,
}

impl MandateFields {
    /// The fields of an extracted mandate.
    pub fn of(mandate: &Mandate) -> Self {
        MandateFields {
            addressee: mandate.addressee.clone(),
            action: mandate.action,
            is_reporting: mandate.is_reporting,
            target_body: mandate.target_body.clone(),
            target_session: super::mandate::target_session_number(mandate),
            recurrence: mandate.recurrence,
        }
    }

    /// Each field that differs in `after`, as (field, before, after) in words, for the history.
    pub fn changes(&self, after: &MandateFields) -> Vec<(&'static str, String, String)> {
        let words = |f: &MandateFields| {
            [
                ("addressee", f.addressee.clone()),
                ("action", f.action.as_str().to_owned()),
                (
                    "reporting",
                    if f.is_reporting { "yes" } else { "no" }.to_owned(),
                ),
                ("target body", f.target_body.clone().unwrap_or_default()),
                (
                    "target session",
                    f.target_session.map(|n| n.to_string()).unwrap_or_default(),
                ),
                (
                    "recurrence",
                    f.recurrence
                        .map(|r| r.as_str().to_owned())
                        .unwrap_or_default(),
                ),
            ]
        };
        words(self)
            .into_iter()
            .zip(words(after))
            .filter(|((_, before), (_, after))| before != after)
            .map(|((field, before), (_, after))| (field, before, after))
            .collect()
    }
}

/// A correction as typed in the review form, checked: the first problem as a sentence.
pub fn corrected(
    addressee: &str,
    action_word: &str,
    reporting: bool,
    target_body: &str,
    target_session: &str,
    recurrence: &str,
) -> Result<MandateFields, String> {
    let addressee = addressee.trim();
    if addressee.is_empty() || addressee.chars().count() > 200 {
        return Err("Enter who the mandate is addressed to (at most 200 characters).".into());
    }
    let action = action(action_word).ok_or("Choose the action from the list.")?;
    let target_body = Some(target_body.trim())
        .filter(|b| !b.is_empty())
        .map(str::to_owned);
    if target_body
        .as_ref()
        .is_some_and(|b| b.chars().count() > 200)
    {
        return Err("The target body has at most 200 characters.".into());
    }
    let target_session = match target_session.trim() {
        "" => None,
        n => Some(
            n.parse::<i32>()
                .ok()
                .filter(|n| (1..=3000).contains(n))
                .ok_or("The target session is a whole number, such as 35, or empty.")?,
        ),
    };
    if target_session.is_some() && target_body.is_none() {
        return Err("Name the body whose session it is, or leave the session empty.".into());
    }
    let recurrence = match recurrence {
        "" => None,
        r => Some(
            r.parse::<Recurrence>()
                .map_err(|_| "Choose how often it recurs from the list.")?,
        ),
    };
    Ok(MandateFields {
        addressee: addressee.to_owned(),
        action,
        is_reporting: reporting,
        target_body,
        target_session,
        recurrence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_words_round_trip() {
        for review in Review::ALL {
            assert_eq!(review.as_str().parse::<Review>(), Ok(review));
        }
        for decision in Decision::ALL {
            assert_eq!(decision.as_str().parse::<Decision>(), Ok(decision));
        }
        for action in ACTIONS {
            assert_eq!(super::action(action.as_str()), Some(action));
        }
    }

    #[test]
    fn only_confirmed_and_corrected_mandates_are_tracked() {
        let tracked: Vec<Review> = Review::ALL.into_iter().filter(|r| r.is_tracked()).collect();
        assert_eq!(tracked, [Review::Confirmed, Review::Corrected]);
    }

    #[test]
    fn a_correction_is_checked_and_its_changes_listed() {
        let before = corrected("Secretary-General", "report", true, "Commission", "35", "")
            .unwrap_or_else(|e| panic!("{e}"));
        let after = corrected(" UNODC ", "report", true, "Commission", "36", "annual")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            before.changes(&after),
            [
                ("addressee", "Secretary-General".into(), "UNODC".into()),
                ("target session", "35".into(), "36".into()),
                ("recurrence", String::new(), "annual".into()),
            ]
        );
        assert!(corrected("", "report", true, "", "", "").is_err());
        assert!(corrected("SG", "dance", true, "", "", "").is_err());
        assert!(corrected("SG", "report", true, "", "35", "").is_err());
        assert!(corrected("SG", "report", true, "Commission", "-1", "").is_err());
        assert!(corrected("SG", "report", true, "Commission", "x", "").is_err());
        assert!(corrected("SG", "report", true, "", "", "weekly").is_err());
    }
}
