//! Who is using the application: secretariat staff log in; delegations read without an account.
//!
//! The types here are shared with the browser (the header shows who is logged in); password
//! hashing and the session lookup are server-only.

#[cfg(feature = "ssr")]
pub mod login;
#[cfg(feature = "ssr")]
pub mod password;

use serde::{Deserialize, Serialize};
use std::fmt;

/// Shortest password accepted. Length matters more than composition rules (NIST SP 800-63B).
/// Shared with the pages, which state it by the password field.
pub const MIN_PASSWORD_CHARS: usize = 10;
use std::str::FromStr;

/// What a logged-in user may do. Reading needs no role at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads what staff read (internal notes, who did what, the work panel) and changes nothing.
    Viewer,
    /// Secretariat staff who record progress on obligations and assign the work.
    Editor,
    /// Editors who also keep the calendar (bodies and sessions) and the accounts.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Editor, Role::Admin];

    /// The text stored in `app_user.role`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// What the role is called on pages and in mails.
    pub const fn label(self) -> &'static str {
        match self {
            Role::Viewer => "Viewer",
            Role::Editor => "Editor",
            Role::Admin => "Administrator",
        }
    }

    /// What the role may do, in a few words.
    pub const fn duties(self) -> &'static str {
        match self {
            Role::Viewer => "reads what staff read and changes nothing",
            Role::Editor => "records progress and assigns the work",
            Role::Admin => "also keeps the calendar and the accounts",
        }
    }

    /// Whether this role may change obligations: record progress, assign the work.
    pub const fn can_edit(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// Whether this role may change bodies and sessions.
    pub const fn can_edit_calendar(self) -> bool {
        matches!(self, Role::Admin)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "viewer" => Ok(Role::Viewer),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role '{other}' (viewer, editor or admin)")),
        }
    }
}

/// The logged-in user, as the pages and server functions see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// An email address as accounts use it: trimmed, lower-cased, one `@` with text on both sides.
/// Checked once here so the database constraint never has to reject user input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, String> {
        let email = input.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && matches!(email.split_once('@'), Some((local, domain))
                if !local.is_empty() && !domain.is_empty() && !domain.contains('@'));
        if valid {
            Ok(Self(email))
        } else {
            Err(format!("'{}' is not an email address", input.trim()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where to go after logging in: only a path on this site, so a crafted link cannot send a
/// user who just logged in to another site (an open redirect). Control characters are refused
/// too: the path becomes a `Location` header, which cannot hold them.
pub fn safe_next(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && !path.starts_with("/login") =>
        {
            path.to_string()
        }
        _ => "/obligations".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_trimmed_and_lower_cased() {
        let email = EmailAddress::parse("  Officer@UNODC.org ").unwrap();
        assert_eq!(email.as_str(), "officer@unodc.org");
    }

    #[test]
    fn malformed_email_addresses_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "@unodc.org",
            "officer@",
            "a b@unodc.org",
            "a@b@c",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn roles_round_trip_through_their_stored_text() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn only_admins_edit_the_calendar_and_viewers_change_nothing() {
        assert!(Role::Admin.can_edit_calendar());
        assert!(!Role::Editor.can_edit_calendar());
        assert!(Role::Editor.can_edit() && Role::Admin.can_edit());
        assert!(!Role::Viewer.can_edit() && !Role::Viewer.can_edit_calendar());
        assert!("staff".parse::<Role>().is_err());
    }

    #[test]
    fn next_page_after_login_stays_on_this_site() {
        assert_eq!(safe_next(Some("/obligations/7")), "/obligations/7");
        assert_eq!(safe_next(Some("https://evil.example/")), "/obligations");
        assert_eq!(safe_next(Some("//evil.example/")), "/obligations");
        assert_eq!(safe_next(Some("/\\evil.example")), "/obligations");
        assert_eq!(safe_next(Some("/login")), "/obligations");
        assert_eq!(
            safe_next(Some("/obligations\r\nSet-Cookie: x=1")),
            "/obligations"
        );
        assert_eq!(safe_next(None), "/obligations");
    }
}
