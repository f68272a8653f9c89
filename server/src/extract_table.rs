//! `mandate-tracker extract --format table`: the extraction laid out for people.

use app::extract::Extraction;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

/// One table per resolution: paragraph, verb, addressee, action and the reporting target.
pub fn render(extraction: &Extraction) -> String {
    let mut out = String::new();
    for resolution in &extraction.resolutions {
        out.push_str(&format!(
            "{} — {} [{}] : {} mandates\n",
            resolution.label,
            resolution.title,
            resolution
                .adopting_body
                .as_deref()
                .unwrap_or("body not stated"),
            resolution.mandates.len()
        ));
        if resolution.mandates.is_empty() {
            out.push('\n');
            continue;
        }
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(140)
            .set_header([
                "¶",
                "verb",
                "addressee",
                "action",
                "report to",
                "session",
                "via",
                "recurrence",
            ]);
        for m in &resolution.mandates {
            table.add_row([
                m.paragraph.clone(),
                m.verb.clone(),
                m.addressee.clone(),
                m.action.as_str().to_string(),
                m.target_body.clone().unwrap_or_default(),
                m.target_session_label
                    .clone()
                    .or_else(|| m.target_session.map(|s| s.to_string()))
                    .unwrap_or_default(),
                m.via_body.clone().unwrap_or_default(),
                m.recurrence
                    .map(|r| r.as_str().to_string())
                    .unwrap_or_default(),
            ]);
        }
        out.push_str(&table.to_string());
        out.push_str("\n\n");
    }
    let total: usize = extraction
        .resolutions
        .iter()
        .map(|r| r.mandates.len())
        .sum();
    let reporting = extraction
        .resolutions
        .iter()
        .flat_map(|r| &r.mandates)
        .filter(|m| m.is_reporting)
        .count();
    out.push_str(&format!(
        "{} resolutions and decisions, {total} mandates, {reporting} reporting obligations",
        extraction.resolutions.len()
    ));
    out
}
