use crate::domain::DocumentSymbol;
use leptos::prelude::*;

/// A document symbol as a link to the published document (see
/// [`DocumentSymbol::official_url`]); text that is not a valid symbol stays plain text.
#[component]
pub fn SymbolLink(symbol: String) -> impl IntoView {
    match DocumentSymbol::parse(&symbol) {
        Ok(parsed) => view! {
            <a href=parsed.official_url() rel="external">
                {symbol}
                <span class="visually-hidden">" (the document on the UN Official Document System)"</span>
            </a>
        }
        .into_any(),
        Err(_) => symbol.into_any(),
    }
}
