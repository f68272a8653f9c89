#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The JSON API over HTTP: `/api/v1/obligations` keeps what the finder keeps, a page of 50 at a
//! time, refuses nonsense with a 422 naming the parameter, and `/api/openapi.json` describes it
//! as it really answers.

mod common;

use app::model::finder::FinderQuery;
use axum::http::Method;
use chrono::NaiveDate;
use common::{load_demo_data, spawn_app};
use serde_json::Value;
use server::database::MIGRATOR;
use server::routes::api::ObligationList;
use sqlx::PgPool;
use std::collections::BTreeSet;

/// The finder's parameters, as `/obligations` takes them.
const PARAMETERS: [&str; 12] = [
    "body",
    "session",
    "addressee",
    "status",
    "urgency",
    "kind",
    "adopted_by",
    "resolution",
    "year",
    "q",
    "sort",
    "page",
];

/// (status, content type, JSON body) of a GET.
async fn get(base: &str, path: &str) -> (u16, String, Value) {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{path}: {err}: {text}"));
    (status, content_type, json)
}

/// The answer to `query`, read into the server's own response type.
async fn list(base: &str, query: &str) -> ObligationList {
    let (status, content_type, json) = get(base, &format!("/api/v1/obligations{query}")).await;
    assert_eq!(status, 200, "{query}: {json}");
    assert_eq!(content_type, "application/json");
    serde_json::from_value(json).unwrap()
}

fn ids(list: &ObligationList) -> Vec<i64> {
    list.obligations.iter().map(|o| o.id).collect()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn obligations_keep_what_the_finder_keeps_a_page_at_a_time(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool.clone()).await;

    let first = list(&base, "").await;
    assert_eq!((first.total, first.page, first.pages), (63, 1, 2));
    assert_eq!(first.obligations.len(), 50);
    let second = list(&base, "?page=2").await;
    assert_eq!((second.total, second.page, second.pages), (63, 2, 2));
    assert_eq!(second.obligations.len(), 13);
    let mut every: Vec<i64> = ids(&first).into_iter().chain(ids(&second)).collect();
    every.sort_unstable();
    every.dedup();
    assert_eq!(every.len(), 63, "the two pages overlap");
    assert!(list(&base, "?page=3").await.obligations.is_empty());
    assert!(
        list(&base, "?kind=&q=").await.total == 63,
        "blank means any"
    );

    let reports = list(&base, "?kind=report").await;
    assert_eq!((reports.total, reports.obligations.len()), (13, 13));
    assert!(reports.obligations.iter().any(|o| o.submit_by.is_some()));
    for o in &reports.obligations {
        assert_eq!(o.kind, "report");
        assert!(
            o.url.ends_with(&format!("/obligations/{}", o.id)),
            "{}",
            o.url
        );
        if let Some(opens) = o.session_opens {
            assert!(o.submit_by.unwrap() < opens && o.issue_by.unwrap() < opens);
        }
        assert!(!o.mandate.is_empty() && !o.mandate.contains('\u{E000}'));
        assert!(!o.urgency.label.is_empty());
    }

    let ccpcj_29 = list(&base, "?body=ccpcj&session=29").await;
    assert!(!ccpcj_29.obligations.is_empty());
    assert_eq!(ccpcj_29.total as usize, ccpcj_29.obligations.len());
    assert!(
        ccpcj_29
            .obligations
            .iter()
            .all(|o| o.session == Some(29) && o.body_code.as_deref() == Some("CCPCJ"))
    );

    // The same rows, in the same order, as the finder's own query for the same parameters.
    let pairs = [("body", "ccpcj"), ("session", "29"), ("sort", "source")];
    let query: FinderQuery = serde_json::from_value(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::from(*v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    )
    .unwrap();
    let answer = list(&base, "?body=ccpcj&session=29&sort=source").await;
    let found = app::db::finder::find(&pool, &query.check().unwrap(), answer.today, 21, Some(50))
        .await
        .unwrap();
    let found_ids: Vec<i64> = found
        .rows
        .iter()
        .map(|r| r.schedule.obligation_id)
        .collect();
    assert_eq!(ids(&answer), found_ids);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn dates_are_iso_strings_and_urgency_has_words_and_a_kind(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let (_, _, json) = get(&base, "/api/v1/obligations?kind=report").await;
    NaiveDate::parse_from_str(json["today"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let row = &json["obligations"][0];
    for field in ["session_opens", "submit_by", "issue_by"] {
        let text = row[field]
            .as_str()
            .unwrap_or_else(|| panic!("{field}: {row}"));
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    }
    let kinds = ["no_date", "done", "overdue", "at_risk", "on_track"];
    assert!(
        kinds.contains(&row["urgency"]["kind"].as_str().unwrap()),
        "{row}"
    );
    assert!(row["urgency"]["label"].is_string());
    assert!(row["resolution"].is_string() && row["paragraph"].is_string());
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn nonsense_is_a_422_that_names_the_parameter(pool: PgPool) {
    let base = spawn_app(pool).await;
    for (query, field) in [
        ("session=abc", "session"),
        ("page=0", "page"),
        ("kind=memo", "kind"),
        ("status=finished", "status"),
        ("stauts=pending", "stauts"),
        ("sort=deadline&sort=source", "sort"),
    ] {
        let (status, content_type, json) =
            get(&base, &format!("/api/v1/obligations?{query}")).await;
        assert_eq!(status, 422, "{query}: {json}");
        assert_eq!(content_type, "application/json");
        assert_eq!(json["field"], field, "{query}");
        let sentence = json["error"].as_str().unwrap();
        assert!(sentence.ends_with('.') && sentence.len() > 10, "{sentence}");
    }
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_openapi_document_describes_the_endpoint_as_it_answers(pool: PgPool) {
    load_demo_data(&pool).await;
    let base = spawn_app(pool).await;
    let response = reqwest::get(format!("{base}/api/openapi.json"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert!(
        json["openapi"].as_str().unwrap().starts_with("3."),
        "{}",
        json["openapi"]
    );

    // Strictly read as OpenAPI 3.1, every reference resolving.
    let spec = oas3::from_json(&text).unwrap();
    spec.validate_version().unwrap();
    let operation = spec
        .operation(&Method::GET, "/api/v1/obligations")
        .expect("the endpoint is listed");
    let mut names = BTreeSet::new();
    for parameter in &operation.parameters {
        let parameter = parameter.resolve(&spec).unwrap();
        assert_eq!(parameter.location, oas3::spec::ParameterIn::Query);
        assert!(!parameter.required.unwrap_or(false), "{}", parameter.name);
        let described = parameter.description.as_deref().unwrap_or_default();
        assert!(described.len() > 10, "{} is not documented", parameter.name);
        names.insert(parameter.name);
    }
    assert_eq!(names, PARAMETERS.iter().map(|p| p.to_string()).collect());
    let status_values = &json["paths"]["/api/v1/obligations"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "status")
        .unwrap()["schema"]["enum"];
    assert!(
        status_values
            .as_array()
            .unwrap()
            .contains(&"in_preparation".into())
    );

    let responses = operation.responses.as_ref().unwrap();
    let schema_of = |code: &str| {
        let response = responses[code].resolve(&spec).unwrap();
        response.content["application/json"]
            .schema(&spec)
            .unwrap()
            .unwrap()
    };
    let page = schema_of("200");
    let error = schema_of("422");
    assert!(error.properties.contains_key("error") && error.properties.contains_key("field"));

    // The schemas name exactly the fields the endpoint sends, and require those always sent.
    let (_, _, answer) = get(&base, "/api/v1/obligations?kind=report").await;
    let keys = |value: &Value| -> BTreeSet<String> {
        value.as_object().unwrap().keys().cloned().collect()
    };
    let properties = |schema: &oas3::spec::ObjectSchema| -> BTreeSet<String> {
        schema.properties.keys().cloned().collect()
    };
    assert_eq!(properties(&page), keys(&answer));
    assert_eq!(
        page.required.iter().cloned().collect::<BTreeSet<_>>(),
        keys(&answer)
    );
    let item = match page.properties["obligations"].resolve(&spec).unwrap().items {
        Some(items) => match *items {
            oas3::spec::Schema::Object(item) => item.resolve(&spec).unwrap(),
            other => panic!("obligations holds {other:?}"),
        },
        None => panic!("obligations is not an array"),
    };
    let row = &answer["obligations"][0];
    assert_eq!(properties(&item), keys(row));
    assert_eq!(
        item.required.iter().cloned().collect::<BTreeSet<_>>(),
        keys(row)
    );
    let urgency = item.properties["urgency"].resolve(&spec).unwrap();
    assert_eq!(properties(&urgency), keys(&row["urgency"]));
    let mut checked = 0;
    for (field, value) in row.as_object().unwrap() {
        let mut schema = item.properties[field].resolve(&spec).unwrap();
        if let Some(only) = schema.one_of.first() {
            schema = only.resolve(&spec).unwrap();
        }
        let allowed: Vec<Value> = schema.enum_values.clone();
        assert!(
            allowed.is_empty() || allowed.contains(value),
            "{field}: {value}"
        );
        checked += usize::from(!allowed.is_empty());
    }
    assert_eq!(checked, 2, "kind and status list their words");
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_database_out_of_reach_is_a_503_in_the_same_json(pool: PgPool) {
    // Under `/api/`, where the server functions' error layer reads 500s back: this answer sets
    // its own status and body, which pass unchanged.
    let base = spawn_app(pool.clone()).await;
    pool.close().await;
    let (status, content_type, json) = get(&base, "/api/v1/obligations").await;
    assert_eq!(status, 503, "{json}");
    assert_eq!(content_type, "application/json");
    assert!(
        json["error"].as_str().unwrap().contains("database"),
        "{json}"
    );
    assert!(json.get("field").is_none());
}
