//! Reusable view pieces, one per file.

pub mod resolution_table;
