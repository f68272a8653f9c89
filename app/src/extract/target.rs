//! Where a report goes and when: the receiving body, its session, the route ("through the
//! Commission") and the rhythm ("on a biennial basis").

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::Recurrence;
use super::context::Context;
use super::entity::{Mention, Side};
use super::ordinal::parse_cardinal;
use super::span::{Span, after, before};

mod back;
mod every;
mod prepared;
mod session;

pub use back::referred_meeting;
pub use every::set_every;
pub use prepared::prepared_for;
pub use session::{SessionRef, sessions};

/// Every rhythm phrase, in one pattern. Periodic phrases that count in days or months carry
/// groups of their own (`n`/`unit`, `d`, `m`, `mly`, `monthly`, `quarterly`, `half`, `weekly`),
/// which `every::set_every` reads from the same match that made the rhythm periodic. "Six-monthly"
/// is read whole (`mly`), before its "monthly" could be read as a rhythm of one month.
static RECURRENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)(?P<annual>annually|on an annual basis|at each annual session|each annual session|every year|each year|",
        r"yearly|annual reports?)(?-u:\b)|(?-u:\b)(?P<biennial>biennial|biennially|every two years|every other year|every second year)(?-u:\b)|",
        r"(?-u:\b)(?P<triennial>triennial|triennially|every three years)(?-u:\b)|(?-u:\b)(?P<quad>quadrennial|quadrennially|every four years)(?-u:\b)|",
        r"(?-u:\b)(?P<periodic>periodically|periodic|regularly|on a regular basis|from time to time|",
        r"(?P<monthly>monthly|every month|each month)|(?P<quarterly>quarterly|every quarter|each quarter)|",
        r"(?P<weekly>weekly|every week|each week)|(?P<half>semi-annually|semi-annual|twice a year|every half year)|",
        r"every\s+(?P<n>\d{1,3}|[a-z]+)\s+(?P<unit>days|weeks|months|years)|",
        r"(?P<d>\d{1,3})-day\s+reports?|(?P<m>\d{1,3})-month\s+reports?|(?P<mly>\d{1,3}|[a-z]+)-monthly)(?-u:\b)"
    ))
});

/// The rhythm phrases of `text` in reading order, each with its groups.
fn rhythm_phrases(text: &str) -> impl Iterator<Item = Captures<'_>> {
    RECURRENCE.as_ref().into_iter().flat_map(move |re| {
        // the fast engine finds each phrase; groups are read only from where it starts
        re.find_iter(text)
            .filter_map(move |found| re.captures_at(text, found.start()))
    })
}

/// The count and unit of an "every N days/weeks/months/years" phrase, the unit in lower case:
/// the pattern ignores case, and `recurrence` and `every::set_every` must read "every 12
/// Months" as they read "every 12 months".
fn count_and_unit<'t>(c: &Captures<'t>) -> Option<(&'t str, String)> {
    let (n, unit) = (c.name("n")?, c.name("unit")?);
    Some((n.as_str(), unit.as_str().to_ascii_lowercase()))
}

/// Rhythm of a task as the clause states it: that of its first rhythm phrase.
pub fn recurrence(text: &str) -> Option<Recurrence> {
    let c = rhythm_phrases(text).next()?;
    // "every 12 months", "every two years": a rhythm the tracker can count
    if let Some((n, unit)) = count_and_unit(&c) {
        let months = match unit.as_str() {
            "months" => parse_cardinal(n),
            "years" => parse_cardinal(n).and_then(|y| y.checked_mul(12)),
            _ => None,
        };
        return Some(match months {
            Some(12) => Recurrence::Annual,
            Some(24) => Recurrence::Biennial,
            Some(36) => Recurrence::Triennial,
            Some(48) => Recurrence::Quadrennial,
            _ => Recurrence::Periodic,
        });
    }
    Some(if c.name("annual").is_some() {
        Recurrence::Annual
    } else if c.name("biennial").is_some() {
        Recurrence::Biennial
    } else if c.name("triennial").is_some() {
        Recurrence::Triennial
    } else if c.name("quad").is_some() {
        Recurrence::Quadrennial
    } else {
        Recurrence::Periodic
    })
}

static REGULAR_ACTIVITY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)the\s+regular\s+(?:collection|compilation|monitoring|review|updating|",
        r"exchange|analysis|assessment|publication|dissemination)(?-u:\b)"
    ))
});

/// A rhythm the task's own activity is said to have ("strengthen the regular collection ...
/// of data"), where no rhythm is stated outright. "In his regular reports" names the vehicle
/// of a report, not a rhythm, and does not count.
pub fn regular_activity(text: &str) -> Option<Recurrence> {
    REGULAR_ACTIVITY
        .as_ref()?
        .is_match(text)
        .then_some(Recurrence::Periodic)
}

/// A body a report is addressed to, with the offset where its part of the clause starts when
/// the clause names recipients one after the other ("..., as well as to the Congress").
#[derive(Debug, Clone)]
pub struct Target {
    pub pos: usize,
    pub body: String,
    pub session: Option<u32>,
    pub label: Option<String>,
    pub split_at: Option<usize>,
}

impl Target {
    /// A target at `pos`, without session or split: the adopting body, or no body at all.
    pub fn at(pos: usize, body: String) -> Self {
        Target {
            pos,
            body,
            session: None,
            label: None,
            split_at: None,
        }
    }
}

/// How a body named in a reporting segment takes part in the report.
enum Part {
    /// "to the Commission", "at its session and the Council"
    Receiver,
    /// "through the Commission"
    Route,
    /// "resolution of the Council", or a body named for another reason
    Other,
}

/// Words before a body's name that make it receive the report.
const RECEIVING: [&str; 15] = [
    "to",
    "brief",
    "Brief",
    "inform",
    "Inform",
    "update",
    "provide",
    "Provide",
    "at",
    "and",
    "before",
    "as well as",
    "consideration by",
    "session of",
    "presentation to",
];

/// Joints that start the part of a clause for a further recipient ("..., and to the Council").
const FURTHER_RECIPIENT: [&str; 4] = [
    "as well as to the ",
    "as well as to ",
    "and to the ",
    "and to ",
];

/// The text before `pos`, without a final "the".
fn preceded_by(text: &str, pos: usize) -> &str {
    let preceding = before(text, pos).trim_end();
    preceding
        .strip_suffix("the")
        .unwrap_or(preceding)
        .trim_end()
}

fn part_of(text: &str, m: &Mention) -> Part {
    let preceding = preceded_by(text, m.span.start);
    let following = after(text, m.span.end).trim_start();
    if following.starts_with("resolution") || following.starts_with("decision") {
        return Part::Other;
    }
    if preceding.ends_with("through") {
        return Part::Route;
    }
    if RECEIVING.iter().any(|w| preceding.ends_with(w)) {
        Part::Receiver
    } else {
        Part::Other
    }
}

/// Where the part of the clause for a further recipient starts: at "and" (kept in its
/// quote) or before "as well as" (left out of it).
fn split_point(text: &str, m: &Mention) -> Option<usize> {
    let preceding = before(text, m.span.start);
    FURTHER_RECIPIENT
        .iter()
        .find(|joint| preceding.ends_with(*joint))
        .map(|joint| {
            if joint.starts_with("and") {
                m.span.start - joint.len() + "and ".len()
            } else {
                m.span.start - joint.len()
            }
        })
}

fn receiver(text: &str, m: &Mention, first: bool) -> Target {
    let session = if m.ordinal.is_some() && m.name.contains("Congress") {
        m.ordinal
    } else {
        None
    };
    Target {
        pos: m.span.start,
        body: m.name.clone(),
        session,
        label: None,
        split_at: if first { None } else { split_point(text, m) },
    }
}

/// Receiving bodies named in `segment` of `text`, with sessions attached, and the route body
/// if the report goes "through" another body.
pub fn targets(
    text: &str,
    segment: Span,
    mentions: &[Mention],
    ctx: &Context,
) -> (Vec<Target>, Option<String>) {
    let mut out: Vec<Target> = Vec::new();
    let mut via = None;
    for m in mentions
        .iter()
        .filter(|m| segment.contains(m.span) && m.side == Side::Intergov)
    {
        match part_of(text, m) {
            Part::Route => {
                via.get_or_insert_with(|| m.name.clone());
            }
            Part::Receiver if out.last().is_none_or(|t| t.body != m.name) => {
                out.push(receiver(text, m, out.is_empty()));
            }
            Part::Receiver | Part::Other => {}
        }
    }
    if out.is_empty() {
        // "report thereon at its twenty-ninth session", "submit to it": the adopting body
        if let Some(body) = ctx.adopting.clone().filter(|b| !b.is_empty()) {
            out.push(Target::at(segment.start, body));
        }
    }
    attach_sessions(&mut out, segment, sessions(segment.of(text)));
    (out, via)
}

/// Gives each session anchor of the segment to the last target named before it, unless that
/// target has a session already. A list of sessions in one phrase ("at their seventy-eighth
/// and fifty-third sessions, respectively") goes to as many targets in order when there are
/// as many, else each session makes a report of its own to the target named before it.
fn attach_sessions(targets: &mut Vec<Target>, segment: Span, refs: Vec<SessionRef>) {
    let mut refs = refs.into_iter().peekable();
    while let Some(r) = refs.next() {
        let mut group = vec![r];
        while let Some(next) = refs.next_if(|n| n.start == group[0].start) {
            group.push(next);
        }
        let abs = segment.start + group[0].start;
        let free = |t: &Target| t.session.is_none() && t.label.is_none();
        if group.len() > 1 && targets.len() == group.len() && targets.iter().all(free) {
            for (t, r) in targets.iter_mut().zip(group) {
                t.session = r.number;
                t.label = r.label;
            }
            continue;
        }
        let idx = targets.iter().rposition(|t| t.pos <= abs).unwrap_or(0);
        let Some(t) = targets.get(idx).filter(|t| free(t)).cloned() else {
            continue;
        };
        let copies = group.into_iter().map(|r| Target {
            session: r.number,
            label: r.label,
            ..t.clone()
        });
        targets.splice(idx..=idx, copies);
    }
}
