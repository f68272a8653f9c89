use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The main navigation, with the section the current page belongs to marked
/// (`aria-current="page"`), so sighted and screen-reader users alike know where they are.
#[component]
pub fn SiteNav() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let current = |section: &str| section_of(&path, section).then_some("page");
    view! {
        <nav aria-label="Main">
            <a href="/" aria-current=current("/")>"Resolutions"</a>
            <a href="/obligations" aria-current=current("/obligations")>"Obligations"</a>
            <a href="/calendar" aria-current=current("/calendar")>"Calendar"</a>
            <a href="/overview" aria-current=current("/overview")>"Overview"</a>
        </nav>
    }
}

/// Whether `path` is in the navigation's `section`: the home page holds the resolutions
/// (`/resolutions/N` too), the finder its obligations, the calendar its sessions.
fn section_of(path: &str, section: &str) -> bool {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    match section {
        "/" => path == "/" || under("/resolutions"),
        "/calendar" => under("/calendar") || under("/sessions"),
        other => under(other),
    }
}

#[cfg(test)]
mod tests {
    use super::section_of;

    #[test]
    fn each_page_belongs_to_one_section() {
        for (path, section) in [
            ("/", "/"),
            ("/resolutions/3", "/"),
            ("/obligations", "/obligations"),
            ("/obligations/12", "/obligations"),
            ("/calendar", "/calendar"),
            ("/sessions/ccpcj/35", "/calendar"),
            ("/overview", "/overview"),
        ] {
            for other in ["/", "/obligations", "/calendar", "/overview"] {
                assert_eq!(
                    section_of(path, other),
                    other == section,
                    "{path} in {other}"
                );
            }
        }
        assert!(!section_of("/obligationsx", "/obligations"));
        assert!(!section_of("/login", "/"));
    }
}
