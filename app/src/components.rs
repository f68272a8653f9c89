//! Reusable view pieces, one per file.

pub mod account;
pub mod body_edit;
pub mod body_forms;
pub mod dated_deadlines;
pub mod dates;
pub mod demo_banner;
pub mod error_alert;
pub mod finder_filters;
pub mod finder_results;
pub mod form_errors;
pub mod history;
pub mod hydrated;
pub mod kept_form;
pub mod page_data;
pub mod resolution_table;
pub mod review_facts;
pub mod review_forms;
pub mod session_form;
pub mod site_nav;
pub mod status_form;
pub mod subscription_fields;
pub mod symbol;
pub mod text_hint;
pub mod work_panel;
