//! Staff accounts as administrators manage them on `/admin/accounts`, and invitations.

use crate::auth::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What `/admin/accounts` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounts {
    pub accounts: Vec<Account>,
    /// Invitations not accepted (nor cancelled) yet; expired ones included, marked by their date.
    pub invitations: Vec<OpenInvitation>,
    /// The administrator reading the page, whose own account it does not let them change.
    pub me: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub office: Option<String>,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenInvitation {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub invited_by: String,
    pub expires_at: DateTime<Utc>,
}

/// An invitation as its accept page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub email: String,
    pub name: String,
    pub role: Role,
}
