//! The infinitive segments of a clause: "to convene ..., and to present a report ...", and
//! the items of a list the clause introduces ("to: (a) Provide ...; (b) Report ...").

use std::sync::LazyLock;

use regex::Regex;

use super::super::span::{Span, after, before};
use super::super::verbs;

static SEGMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::re(
        r"(?:,\s*and\s+(?:(?:also|further|then|subsequently),?\s+)?|\s+and\s+(?:(?:also|further|then|subsequently)\s+)?|,?\s*as well as\s+|;\s*and\s+)(?P<to>to\s+(?P<w>[a-z][a-z-]*))",
    )
});

/// "... continue to take measures and report thereon to the Council": a reporting verb without
/// "to", joined to the task before it; "and shall ..." in a "that" clause.
static BARE_REPORT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::re(
        r"(?:,\s*|\s+)and\s+(?:also\s+)?(?:(?P<w>report|submit|present)\s+(?:thereon|to|back|regularly|periodically|annually|biennially)|(?P<modal>shall|should|will)\s+[a-z]+)(?-u:\b)",
    )
});

/// The infinitive segments of a clause's action: "to convene ..., and to present a report
/// ...", each up to the next. A list the clause introduces ("to: (a) Provide ...; (b) Report
/// ...") gives each item its own segments.
pub(super) fn segments(text: &str, action: Span) -> Vec<Span> {
    let items = list_items(text, action);
    if items.len() > 1 {
        return items
            .into_iter()
            .flat_map(|item| infinitives(text, item))
            .collect();
    }
    infinitives(text, action)
}

/// The items of a list introduced by "to:" ("(a) Provide ...; (b) ..."), each from its text
/// to the next item's letter; one span, the whole action, when there is no such list.
fn list_items(text: &str, action: Span) -> Vec<Span> {
    let region = action.of(text);
    if !region.starts_with("to:") {
        return vec![action];
    }
    let mut starts = Vec::new();
    let mut pos = 0usize;
    while let Some(p) = after(region, pos).find(" (") {
        let open = pos + p + 1;
        pos = open + 1;
        let before_item = before(region, open).trim_end();
        let tag_len = after(region, open + 1).find(") ").unwrap_or(usize::MAX);
        let tag = Span::new(open + 1, open + 1 + tag_len.min(6)).of(region);
        if tag_len <= 5
            && !tag.is_empty()
            && tag.bytes().all(|b| b.is_ascii_lowercase())
            && (before_item.ends_with(':') || before_item.ends_with(';'))
        {
            starts.push((open, open + 1 + tag_len + 2));
        }
    }
    if starts.len() < 2 {
        return vec![action];
    }
    let ends = starts
        .iter()
        .skip(1)
        .map(|(letter, _)| *letter)
        .chain([region.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&(_, item), end)| Span::new(action.start + item, action.start + end))
        .collect()
}

/// The infinitive segments of one stretch of a clause.
fn infinitives(text: &str, action: Span) -> Vec<Span> {
    let mut starts = vec![action.start];
    if let Some(re) = SEGMENT.as_ref() {
        let region = action.of(text);
        for c in re
            .find_iter(region)
            .filter_map(|found| re.captures_at(region, found.start()))
        {
            if let (Some(to), Some(word)) = (c.name("to"), c.name("w"))
                && verbs::is_infinitive_word(word.as_str())
                && to.start() > 0
            {
                starts.push(action.start + to.start());
            }
        }
    }
    if let Some(re) = BARE_REPORT.as_ref() {
        let region = action.of(text);
        for c in re
            .find_iter(region)
            .filter_map(|found| re.captures_at(region, found.start()))
        {
            // "... shall continue its work and shall provide a report ...": a task of its own
            if let Some(word) = c.name("w").or_else(|| c.name("modal")) {
                starts.push(action.start + word.start());
            }
        }
        starts.sort_unstable();
        starts.dedup();
    }
    let ends = starts.iter().skip(1).copied().chain([action.end]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| Span::new(start, end))
        .collect()
}
