//! Limits and messages of the browser's import that the server's upload route and the pages
//! share. Why a file cannot be read is the server's (`server::document_text::Refusal`).

/// The largest file accepted (25 MiB: a long session report as PDF is a few megabytes).
pub const MAX_UPLOAD_BYTES: usize = 25 * 1024 * 1024;

/// A text in which the extractor finds no resolution.
pub const NO_RESOLUTION: &str = "No resolution or decision was found in this text: it needs a \
     title such as \"Resolution 28/1\" or \"Draft resolution I\" and numbered operative \
     paragraphs. Check that this is the right file.";

/// What the import page shows again when an upload is refused: what was typed, and the
/// problems by field (`file`, `text`, `symbol`, `adopted_on`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefusedImport {
    pub symbol: String,
    pub adopted_on: String,
    pub text: String,
    pub errors: Vec<crate::domain::subscription::FieldError>,
}
