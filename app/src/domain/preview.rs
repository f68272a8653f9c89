//! The import preview: what the extractor found in a text, with each mandate clause marked in
//! its paragraph and the dates derived from the calendar, before anything is stored. Pure, so
//! the server's preview and the browser's live one (the same code compiled to wasm) agree to
//! the byte: [`render_html`] writes the markup both show.

use crate::domain::calendar::{Deadlines, LeadTimes, SessionDates, day, deadlines};
use crate::extract::{Extraction, ParagraphKind};
use serde::{Deserialize, Serialize};

/// A session the preview can date a report by: the body under one of its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownSession {
    /// The body's name or one of its aliases, as texts name it.
    pub body: String,
    pub number: i32,
    pub opens_on: Option<chrono::NaiveDate>,
    pub lead: LeadTimes,
}

/// Counts for the preview's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PreviewCounts {
    pub resolutions: usize,
    pub mandates: usize,
    pub reports: usize,
}

/// The preview's one-line count ("2 resolutions or decisions, 5 mandates, 1 of them a report.").
pub fn summary(counts: &PreviewCounts) -> String {
    let of = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {} of them {}.",
        of(
            counts.resolutions,
            "resolution or decision",
            "resolutions or decisions"
        ),
        of(counts.mandates, "mandate", "mandates"),
        counts.reports,
        if counts.reports == 1 {
            "a report"
        } else {
            "reports"
        }
    )
}

/// The deadlines of a report due at `body`'s session `number`, when the calendar dates it.
fn dated(calendar: &[KnownSession], body: &str, number: u32) -> Option<Deadlines> {
    let number = i32::try_from(number).ok()?;
    let known = calendar
        .iter()
        .find(|s| s.number == number && s.body == body)?;
    deadlines(
        &SessionDates {
            opening: known.opens_on,
            closing: None,
        },
        &known.lead,
    )
}

fn escape(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

/// The paragraph's text with each quote marked (`<mark>`), escaped.
pub fn marked(text: &str, quotes: &[&str]) -> String {
    let mut spans: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| !q.is_empty())
        .filter_map(|q| text.find(*q).map(|start| (start, start + q.len())))
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for (start, end) in spans {
        if start < at {
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        out.push_str("<mark>");
        out.push_str(&escape(&text[start..end]));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The paragraph a mandate is shown in: the operative one with its number that holds its words
/// (a resolution may number the items of a list inside a paragraph too), else the first.
fn home(
    paragraphs: &[crate::extract::Paragraph],
    mandate: &crate::extract::Mandate,
) -> Option<usize> {
    let numbered = || {
        paragraphs.iter().enumerate().filter(|(_, p)| {
            p.kind == ParagraphKind::Operative
                && p.number.as_deref().unwrap_or_default() == mandate.paragraph
        })
    };
    numbered()
        .find(|(_, p)| p.text.contains(&mandate.quote))
        .or_else(|| numbered().next())
        .map(|(i, _)| i)
}

/// The preview's markup and counts: per resolution, its operative paragraphs that hold a
/// mandate (clauses marked) and a description list of each mandate's fields.
pub fn render_html(extraction: &Extraction, calendar: &[KnownSession]) -> (String, PreviewCounts) {
    let mut counts = PreviewCounts {
        resolutions: extraction.resolutions.len(),
        ..Default::default()
    };
    let mut html = String::new();
    for resolution in &extraction.resolutions {
        html.push_str("<section class=\"preview-resolution\"><h3>");
        html.push_str(&escape(&resolution.label));
        html.push_str("</h3><p class=\"hint\">");
        html.push_str(&escape(&resolution.title));
        if let Some(body) = &resolution.adopting_body {
            html.push_str(" — adopted by ");
            html.push_str(&escape(body));
        }
        html.push_str("</p>");
        if resolution.mandates.is_empty() {
            html.push_str("<p>No mandate found in this resolution.</p>");
        }
        let homes: Vec<Option<usize>> = resolution
            .mandates
            .iter()
            .map(|m| home(&resolution.paragraphs, m))
            .collect();
        for (index, paragraph) in resolution.paragraphs.iter().enumerate() {
            let number = paragraph.number.clone().unwrap_or_default();
            let mandates: Vec<_> = resolution
                .mandates
                .iter()
                .zip(&homes)
                .filter(|(_, home)| **home == Some(index))
                .map(|(m, _)| m)
                .collect();
            if mandates.is_empty() {
                continue;
            }
            let quotes: Vec<&str> = mandates.iter().map(|m| m.quote.as_str()).collect();
            html.push_str("<div class=\"preview-paragraph\"><p><strong>");
            html.push_str(&escape(&number));
            html.push_str(".</strong> ");
            html.push_str(&marked(&paragraph.text, &quotes));
            html.push_str("</p>");
            for mandate in mandates {
                counts.mandates += 1;
                html.push_str("<dl class=\"facts preview-fields\">");
                facts(&mut html, mandate, calendar, &mut counts);
                html.push_str("</dl>");
            }
            html.push_str("</div>");
        }
        html.push_str("</section>");
    }
    (html, counts)
}

/// One mandate's fields, as `<dt>`/`<dd>` pairs.
fn facts(
    html: &mut String,
    mandate: &crate::extract::Mandate,
    calendar: &[KnownSession],
    counts: &mut PreviewCounts,
) {
    let mut fact = |name: &str, value: &str| {
        html.push_str("<dt>");
        html.push_str(name);
        html.push_str("</dt><dd>");
        html.push_str(&escape(value));
        html.push_str("</dd>");
    };
    fact("Verb", &mandate.verb);
    fact("Addressee", &mandate.addressee);
    fact("Action", mandate.action.as_str());
    fact("Reporting", if mandate.is_reporting { "yes" } else { "no" });
    if let Some(body) = &mandate.target_body {
        fact("Target body", body);
    }
    if let Some(label) = &mandate.target_session_label {
        fact("Target session", label);
    } else if let Some(number) = mandate.target_session {
        fact("Target session", &number.to_string());
    }
    if let Some(recurrence) = mandate.recurrence {
        fact("Recurrence", recurrence.label());
    }
    if let Some(due) = super::Due::of_extracted(&mandate.due) {
        // Due on that day, or that span after the adoption, whatever session is held then.
        fact("Due", &due.words());
        if mandate.is_reporting {
            counts.reports += 1;
        }
        return;
    }
    if mandate.is_reporting {
        counts.reports += 1;
        let due = mandate
            .target_body
            .as_deref()
            .zip(mandate.target_session)
            .and_then(|(body, n)| dated(calendar, body, n));
        match due {
            Some(d) => {
                if let Some(opens) = d.session_opens {
                    fact("Session opens", &day(opens));
                }
                fact("Submit by", &day(d.submission));
                fact("Issue by", &day(d.issuance));
            }
            None => fact("Dates", "not in the calendar yet"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_marked_and_text_escaped() {
        assert_eq!(
            marked(
                "Requests the <SG> to report; also asks",
                &["the <SG> to report"]
            ),
            "Requests <mark>the &lt;SG&gt; to report</mark>; also asks"
        );
        assert_eq!(marked("abc", &["zzz", ""]), "abc");
    }

    #[test]
    fn a_report_is_dated_by_the_calendar() {
        let text = "Resolution 28/1\n\nTitle of the resolution\n\nThe Commission,\n\n\
                    1. Requests the Secretary-General to report to the Commission on Crime \
                    Prevention and Criminal Justice at its thirty-fifth session on the \
                    implementation of the present resolution.\n";
        let Ok(extraction) = crate::extract::extract(text) else {
            panic!("no extraction");
        };
        let calendar = [KnownSession {
            body: "Commission on Crime Prevention and Criminal Justice".into(),
            number: 35,
            opens_on: chrono::NaiveDate::from_ymd_opt(2026, 5, 18),
            lead: LeadTimes::default(),
        }];
        let (html, counts) = render_html(&extraction, &calendar);
        assert_eq!(counts.mandates, 1, "{html}");
        assert!(
            html.contains("<mark>Requests the Secretary-General"),
            "{html}"
        );
        assert!(
            html.contains("<dt>Session opens</dt><dd>18 May 2026</dd>"),
            "{html}"
        );
        assert!(
            html.contains("<dt>Submit by</dt><dd>9 March 2026</dd>"),
            "{html}"
        );
    }
}
