//! What the JSON API takes and answers, as serde reads and writes it and as its OpenAPI document
//! describes it (utoipa derives both from these types).

use app::domain::finder::UrgencyFilter;
use app::domain::{ObligationKind, Status, Urgency};
use app::model::finder::{FinderQuery, FinderSort, FoundObligation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use utoipa::openapi::RefOr;
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{IntoParams, ToSchema};

/// The finder's parameters, every one optional; a blank value means "any".
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub(super) struct ObligationParams {
    /// A body by its usual acronym, any case (`ccpcj`, `ga`).
    #[param(max_length = 40, example = "ccpcj")]
    body: Option<String>,
    /// A session number of that body (or of any body).
    #[param(value_type = Option<i32>, minimum = 1, maximum = 3000, example = 29)]
    session: Option<String>,
    /// Part of the addressee's name, any case (`Secretary-General`, `UNODC`).
    #[param(max_length = 200)]
    addressee: Option<String>,
    /// The obligation's status.
    #[param(inline, value_type = Option<StatusWord>)]
    status: Option<String>,
    /// `overdue`: not submitted and the submission deadline has passed; `at_risk`: due within
    /// the server's at-risk window (three weeks unless configured); `upcoming`: due later;
    /// `done`: submitted or closed. Judged on the day of the request (`today` in the answer).
    #[param(inline, value_type = Option<UrgencyFilterWord>)]
    urgency: Option<String>,
    /// `report`: a document due at a session; `activity`: a continuing mandate.
    #[param(inline, value_type = Option<KindWord>)]
    kind: Option<String>,
    /// Part of the adopting body's name, any case.
    #[param(max_length = 200)]
    adopted_by: Option<String>,
    /// A resolution's id (`resolution_id` in the answers).
    #[param(value_type = Option<i64>, minimum = 1)]
    resolution: Option<String>,
    /// The year the session opens.
    #[param(value_type = Option<i32>, minimum = 1, maximum = 2200, example = 2020)]
    year: Option<String>,
    /// Words to find (English stemming, every word must match) in the mandate's words, its
    /// paragraph, its resolution's title, its addressee and its body; an acronym also finds
    /// the body's full name.
    #[param(max_length = 200, example = "cybercrime")]
    q: Option<String>,
    /// `deadline` (earliest submission deadline first, the default), `session` (by body and
    /// session) or `source` (by document, resolution and paragraph).
    #[param(inline, value_type = Option<SortWord>)]
    sort: Option<String>,
    /// The page, from 1, of 50 obligations each.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100000)]
    page: Option<String>,
}

impl From<ObligationParams> for FinderQuery {
    fn from(p: ObligationParams) -> Self {
        FinderQuery {
            body: p.body,
            session: p.session,
            addressee: p.addressee,
            status: p.status,
            urgency: p.urgency,
            kind: p.kind,
            adopted_by: p.adopted_by,
            resolution: p.resolution,
            year: p.year,
            q: p.q,
            sort: p.sort,
            page: p.page,
        }
    }
}

/// The parameter names, as the document lists them.
pub(super) static PARAMETER_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    ObligationParams::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .map(|p| p.name)
        .collect()
});

/// Types that only document the words a parameter or field takes, from the domain's own lists.
macro_rules! words {
    ($($name:ident => $values:expr;)+) => {$(
        struct $name;
        impl utoipa::PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                let words = ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some($values));
                RefOr::T(Schema::Object(words.build()))
            }
        }
        impl ToSchema for $name {}
    )+};
}

words! {
    StatusWord => Status::ALL.map(Status::as_str);
    UrgencyFilterWord => UrgencyFilter::ALL.map(UrgencyFilter::as_str);
    KindWord => ObligationKind::ALL.map(ObligationKind::as_str);
    SortWord => FinderSort::ALL.map(FinderSort::as_str);
    UrgencyWord => URGENCY_KINDS;
}

/// The machine names of [`Urgency`]'s kinds, as its serde tag spells them.
const URGENCY_KINDS: [&str; 5] = ["no_date", "done", "overdue", "at_risk", "on_track"];

/// One page of the obligations the filter keeps.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ObligationList {
    /// How many obligations the filter keeps, on every page.
    pub total: i64,
    /// This page, from 1.
    pub page: i64,
    /// How many pages there are (at least 1).
    pub pages: i64,
    /// The day urgency was judged on.
    pub today: NaiveDate,
    /// At most 50; none past the last page.
    pub obligations: Vec<ApiObligation>,
}

/// A reporting obligation or continuing activity, with where and when it is due.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiObligation {
    pub id: i64,
    /// Its page on this site.
    pub url: String,
    #[schema(inline, value_type = KindWord)]
    pub kind: String,
    #[schema(inline, value_type = StatusWord)]
    pub status: String,
    pub urgency: ApiUrgency,
    /// The resolution's label ("Resolution 28/1", "Draft resolution IV").
    pub resolution: String,
    pub resolution_id: i64,
    /// The paragraph's number in its resolution.
    pub paragraph: String,
    /// Who the mandate asks ("the Secretary-General").
    pub addressee: String,
    /// The mandate's own words, as plain text.
    pub mandate: String,
    /// The body it is due at (its name), else the body the text names.
    #[schema(required = true)]
    pub body: Option<String>,
    /// That body's acronym (`CCPCJ`), when the session is known.
    #[schema(required = true)]
    pub body_code: Option<String>,
    /// The session's number.
    #[schema(required = true)]
    pub session: Option<i32>,
    #[schema(required = true)]
    pub session_label: Option<String>,
    /// The session's opening day, when it is set.
    #[schema(required = true)]
    pub session_opens: Option<NaiveDate>,
    /// The last day to submit the document to the documents service.
    #[schema(required = true)]
    pub submit_by: Option<NaiveDate>,
    /// The last day for the document to be issued in all languages.
    #[schema(required = true)]
    pub issue_by: Option<NaiveDate>,
    /// The symbol of the document that meets it, once issued.
    #[schema(required = true)]
    pub document_symbol: Option<String>,
    /// A deadline the text writes as a date or as a span from adoption (`2027-03-31`,
    /// `90 days`, `100 working days`, `6 months`) rather than a session: the obligation is
    /// then due on `submit_by` (also `issue_by`), which is null while the adoption date a span
    /// counts from is not recorded, and `session_opens` is null.
    #[schema(required = true)]
    pub due: Option<String>,
}

/// How pressing an obligation is on `today`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiUrgency {
    /// `no_date`: no submission deadline (no session date yet, or an activity); `done`: nothing
    /// owed any more; `overdue`, `at_risk` (within the at-risk window) or `on_track`.
    #[schema(inline, value_type = UrgencyWord)]
    pub kind: String,
    /// As the site shows it ("overdue by 3 days", "at risk: 5 days left").
    pub label: String,
    /// Days from today to the submission deadline: negative when overdue, 0 when due today;
    /// null for `no_date` and `done`.
    #[schema(required = true)]
    pub days_left: Option<i64>,
}

impl ApiUrgency {
    /// The urgency of an obligation in `status` (whose badge words depend on it: a submitted
    /// report is "awaiting issue", not "done").
    fn new(urgency: Urgency, status: Status) -> Self {
        let (kind, days_left) = match urgency {
            Urgency::NoDate => (URGENCY_KINDS[0], None),
            Urgency::Done => (URGENCY_KINDS[1], None),
            Urgency::Overdue { days } => (URGENCY_KINDS[2], Some(-days)),
            Urgency::AtRisk { days_left } => (URGENCY_KINDS[3], Some(days_left)),
            Urgency::OnTrack { days_left } => (URGENCY_KINDS[4], Some(days_left)),
        };
        ApiUrgency {
            kind: kind.to_owned(),
            label: urgency.words(status),
            days_left,
        }
    }
}

impl ApiObligation {
    pub(super) fn new(row: FoundObligation, origin: &str) -> Self {
        let s = row.schedule;
        let deadlines = s.deadlines;
        ApiObligation {
            id: s.obligation_id,
            url: format!("{origin}/obligations/{}", s.obligation_id),
            kind: s.kind.as_str().to_owned(),
            status: s.status.as_str().to_owned(),
            urgency: ApiUrgency::new(row.urgency, s.status),
            resolution: s.resolution_label,
            resolution_id: row.resolution_id,
            paragraph: s.paragraph,
            addressee: s.addressee,
            mandate: row.quote.into_iter().map(|(text, _)| text).collect(),
            body: s.body,
            body_code: row.body_code,
            session: s.session_number,
            session_label: s.session_label,
            session_opens: deadlines.and_then(|d| d.session_opens),
            submit_by: deadlines.map(|d| d.submission),
            issue_by: deadlines.map(|d| d.issuance),
            document_symbol: row.document_symbol,
            due: s.due.map(|d| d.to_string()),
        }
    }
}

/// Why a request was refused.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiError {
    /// What is wrong, as a sentence.
    pub error: String,
    /// The parameter to change, when one is the cause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgency_kinds_are_the_domains_serde_tags() {
        for urgency in [
            Urgency::NoDate,
            Urgency::Done,
            Urgency::Overdue { days: 3 },
            Urgency::AtRisk { days_left: 0 },
            Urgency::OnTrack { days_left: 40 },
        ] {
            let tag = serde_json::to_value(urgency).unwrap()["kind"].clone();
            assert_eq!(
                tag,
                ApiUrgency::new(urgency, Status::Pending).kind.as_str(),
                "{urgency:?}"
            );
        }
        assert_eq!(
            ApiUrgency::new(Urgency::Overdue { days: 3 }, Status::Pending).days_left,
            Some(-3)
        );
    }
}
