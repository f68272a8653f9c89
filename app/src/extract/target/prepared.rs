//! Who a document is prepared for: "to prepare a discussion guide for the regional
//! preparatory meetings for the Fifteenth Congress and for the Congress itself" gives one
//! document for the regional meetings and one for the Congress.

use super::super::entity::{Mention, Side};
use super::super::span::{Span, after};
use super::{Target, receiver};

const MEETINGS: &str = "regional preparatory meetings";

/// The meetings and bodies named after "for the" in `segment`, in order; empty when there is
/// none. A body named inside a meeting's name ("meetings for the Fifteenth Congress") is part
/// of that name, not a recipient of its own.
pub fn prepared_for(text: &str, segment: Span, mentions: &[Mention]) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    let mut from = segment.start;
    // the next "for the " between `from` and the segment's end (none once `from` is past it)
    while let Some(found) = Span::new(from, segment.end)
        .of(text)
        .find("for the ")
        .map(|p| from + p)
    {
        let at = found + "for the ".len();
        from = at;
        let rest = after(text, at);
        let body_at = |pos: usize| {
            mentions
                .iter()
                .find(|m| m.span.start == pos && m.side == Side::Intergov)
        };
        if rest.starts_with(MEETINGS) {
            let end = at + MEETINGS.len();
            let of = after(text, end)
                .strip_prefix(" for the ")
                .and_then(|_| body_at(end + " for the ".len()));
            let body = match of {
                Some(m) => {
                    from = m.span.end;
                    format!("{MEETINGS} for the {}", m.name)
                }
                None => MEETINGS.to_string(),
            };
            out.push(Target::at(found, body));
        } else if let Some(m) = body_at(at)
            && out.iter().all(|t| t.body != m.name)
        {
            from = m.span.end;
            out.push(receiver(text, m, true));
        }
    }
    out
}
