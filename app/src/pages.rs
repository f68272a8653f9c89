//! One file per page.

pub mod accounts;
pub mod calendar;
pub mod import;
pub mod invitation;
pub mod login;
pub mod my_work;
pub mod not_found;
pub mod notices;
pub mod obligation;
pub mod obligations;
pub mod outbox;
pub mod overview;
pub mod resolution;
pub mod resolutions;
pub mod review;
pub mod session;
pub mod subscribe;
pub mod subscription;
