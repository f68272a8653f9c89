//! The import page's live preview in the browser: the extractor and the preview's markup
//! ([`crate::domain::preview`]), the same code the server's preview runs, compiled to a wasm
//! module of its own (`scripts/build.sh`: `--features preview`) that `public/import-preview.js`
//! loads on the draft page only.

use crate::domain::preview::{KnownSession, render_html, summary};
use wasm_bindgen::prelude::wasm_bindgen;

/// The preview of `text`, dated by `calendar` (the JSON the draft page carries), as JSON:
/// `{"html": ..., "summary": ...}`, or `{"error": ...}` when the text holds no resolution.
#[wasm_bindgen]
pub fn preview_html(text: &str, calendar: &str) -> String {
    let calendar: Vec<KnownSession> = serde_json::from_str(calendar).unwrap_or_default();
    let answer = match crate::extract::extract(text) {
        Ok(extraction) => {
            let (html, counts) = render_html(&extraction, &calendar);
            serde_json::json!({ "html": html, "summary": summary(&counts) })
        }
        Err(_) => serde_json::json!({ "error": crate::domain::upload::NO_RESOLUTION }),
    };
    answer.to_string()
}
