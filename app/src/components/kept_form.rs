//! What a refused form held, for forms posted without JavaScript: the server keeps the posted
//! fields of a refused post for the page it sends the browser back to, and that page's forms
//! show them again instead of starting blank. With JavaScript the form is never left, so it
//! keeps what was typed by itself.

use serde::{Deserialize, Serialize};

/// The fields of one refused post, as they were sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptForm {
    /// The address the form was posted to (`/api/record_status_change`).
    pub endpoint: String,
    pub fields: Vec<(String, String)>,
}

impl KeptForm {
    /// The first value posted under `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }

    /// The kept form of this page's request when it was posted to `endpoint` (only while the
    /// server renders; `None` in the browser).
    pub fn posted_to(endpoint: &str) -> Option<KeptForm> {
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::use_context::<http::request::Parts>()?
                .extensions
                .get::<KeptForm>()
                .filter(|kept| kept.endpoint == endpoint)
                .cloned()
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = endpoint;
            None
        }
    }

    /// The fields' approximate size in memory, for the server's bound on what it keeps.
    pub fn weight(&self) -> usize {
        self.endpoint.len()
            + self
                .fields
                .iter()
                .map(|(name, value)| name.len() + value.len() + 48)
                .sum::<usize>()
    }
}
