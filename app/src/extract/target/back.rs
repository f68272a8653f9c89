//! Reports timed by a meeting named earlier in the paragraph: "Invites the President to
//! convene an informal biennial meeting of the General Assembly, from the seventy-ninth
//! session onward, and requests the Secretary-General to brief the Assembly during such
//! meetings". The briefing takes the meeting's first session and rhythm.

use std::sync::LazyLock;

use regex::Regex;

use super::super::Recurrence;
use super::session::{SessionRef, sessions};

static SUCH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::re(
        r"(?i)(?-u:\b)(?:at|during|in|on the occasion of)\s+(?:such|these|those|that|this|the said)\s+(?:meetings?|sessions?|dialogues?|debates?)(?-u:\b)",
    )
});

/// "a meeting", "meetings", "dialogue": what the earlier clause must convene or hold.
static MEETING: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::super::re(r"(?i)(?-u:\b)(?:meetings?|dialogues?|debates?)(?-u:\b)"));

/// The session and rhythm a reporting segment takes from the meeting it refers back to, when
/// it refers to one ("during such meetings") and `earlier` (the paragraph before it) names one
/// with a session or a rhythm.
pub fn referred_meeting(
    segment: &str,
    earlier: &str,
) -> Option<(Option<SessionRef>, Option<Recurrence>)> {
    SUCH.as_ref()?.find(segment)?;
    let meeting = MEETING.as_ref()?.find_iter(earlier).last()?;
    // the clause that names the meeting: from the meeting to the end of what precedes
    let named = earlier.get(meeting.start()..)?;
    let opening = earlier.get(..meeting.start())?;
    let clause_start = opening.rfind([';', '.']).map_or(0, |p| p + 1);
    let clause = earlier.get(clause_start..)?;
    let session = sessions(named).into_iter().next();
    let rhythm = super::recurrence(clause);
    (session.is_some() || rhythm.is_some()).then_some((session, rhythm))
}
