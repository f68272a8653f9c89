//! The server's side of [`KeptForm`]: the fields of refused form posts, kept in memory for ten
//! minutes (16 MB at most, the oldest dropped first) under a random token that only the
//! posting browser's cookie holds. One server's memory: a form refused by one instance and
//! shown by another starts blank, which loses nothing that was stored.

use app::components::kept_form::KeptForm;
use moka::sync::Cache;
use std::time::Duration;

/// The cookie naming the kept form of the browser's last refused post.
pub const KEPT_COOKIE: &str = "mt_form_kept";

/// How long a refused form is kept for the page it returns to.
pub const KEPT_FOR: Duration = Duration::from_secs(600);

#[derive(Clone)]
pub struct KeptForms(Cache<String, KeptForm>);

impl Default for KeptForms {
    fn default() -> Self {
        Self::new()
    }
}

impl KeptForms {
    pub fn new() -> Self {
        let cache = Cache::builder()
            .weigher(|token: &String, kept: &KeptForm| {
                u32::try_from(token.len() + kept.weight()).unwrap_or(u32::MAX)
            })
            .max_capacity(16 * 1024 * 1024)
            .time_to_live(KEPT_FOR)
            .build();
        Self(cache)
    }

    /// Keeps the urlencoded `body` posted to `endpoint`; the token to find it again.
    pub fn keep(&self, endpoint: &str, body: &[u8]) -> String {
        let fields = form_urlencoded::parse(body)
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        let kept = KeptForm {
            endpoint: endpoint.to_owned(),
            fields,
        };
        let token = hex::encode(rand::random::<[u8; 16]>());
        self.0.insert(token.clone(), kept);
        token
    }

    pub fn get(&self, token: &str) -> Option<KeptForm> {
        self.0.get(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_form_is_found_by_its_token_only() {
        let forms = KeptForms::new();
        let token = forms.keep(
            "/api/record_status_change",
            b"to=issued&note=caf%C3%A9+au+lait",
        );
        let kept = forms.get(&token).unwrap();
        assert_eq!(kept.endpoint, "/api/record_status_change");
        assert_eq!(kept.value("note"), Some("café au lait"));
        assert_eq!(kept.value("to"), Some("issued"));
        assert!(forms.get("0000").is_none());
        assert_ne!(forms.keep("/api/x", b""), token);
    }
}
