//! Reusable view pieces, one per file.

pub mod account;
pub mod body_forms;
pub mod dates;
pub mod error_alert;
pub mod history;
pub mod hydrated;
pub mod resolution_table;
pub mod session_form;
pub mod status_form;
pub mod text_hint;
