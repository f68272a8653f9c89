//! The `body` table (a body such as the Commission or the General Assembly, with its lead
//! times) and `body_alias` (other names texts use for it).

use crate::domain::LeadTimes;
use crate::error::AppError;

/// A body as the calendar file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBody<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub cadence_years: i32,
}

/// Stores a body unless one with its code exists (whose settings are then left as staff set
/// them); returns its id. A new body gets the default lead times.
pub async fn ensure(conn: &mut sqlx::PgConnection, body: &NewBody<'_>) -> Result<i64, AppError> {
    if let Some(id) = add(&mut *conn, body).await? {
        return Ok(id);
    }
    id_by_code(conn, body.code).await?.ok_or_else(|| {
        AppError::invalid(format!(
            "Another body is called {} already, under another acronym than {}.",
            body.name, body.code
        ))
    })
}

/// Records another name of a body (kept if already known).
pub async fn add_alias(
    conn: &mut sqlx::PgConnection,
    body_id: i64,
    alias: &str,
) -> Result<(), AppError> {
    sqlx::query!(
        "insert into body_alias (alias, body_id) values ($1, $2) on conflict do nothing",
        alias,
        body_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The id of the body with this code.
pub async fn id_by_code(
    conn: &mut sqlx::PgConnection,
    code: &str,
) -> Result<Option<i64>, AppError> {
    Ok(
        sqlx::query_scalar!("select id from body where code = $1", code)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The id of the body a text names, by its name or one of its aliases.
pub async fn id_by_name(
    conn: &mut sqlx::PgConnection,
    name: &str,
) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select id as "id!" from body where name = $1
           union all
           select body_id from body_alias where alias = $1
           limit 1"#,
        name
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// The name of body `id`; a 404 when there is none.
pub async fn name(conn: &mut sqlx::PgConnection, id: i64) -> Result<String, AppError> {
    sqlx::query_scalar!("select name from body where id = $1", id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no body {id}.")))
}

/// Sets how many weeks before a session's opening its documents are due and issued. Every
/// deadline of the body's obligations follows, since deadlines are derived on read.
pub async fn set_lead_times(
    pool: &sqlx::PgPool,
    body_id: i64,
    lead: LeadTimes,
) -> Result<(), AppError> {
    lead.check()?;
    let (submission, issuance) = stored_weeks(lead)?;
    let updated = sqlx::query!(
        "update body set submission_lead_weeks = $2, issuance_lead_weeks = $3 where id = $1",
        body_id,
        submission,
        issuance
    )
    .execute(pool)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(AppError::NotFound(format!("There is no body {body_id}.")));
    }
    Ok(())
}

/// Lead times as the integer columns hold them.
fn stored_weeks(lead: LeadTimes) -> Result<(i32, i32), AppError> {
    let weeks =
        |w: u32| i32::try_from(w).map_err(|_| AppError::invalid("That lead time is too long."));
    Ok((weeks(lead.submission_weeks)?, weeks(lead.issuance_weeks)?))
}

/// Every body by (acronym, name), in acronym order.
pub async fn list(pool: &sqlx::PgPool) -> Result<Vec<(String, String)>, AppError> {
    Ok(sqlx::query!("select code, name from body order by code")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|b| (b.code, b.name))
        .collect())
}

/// Adds a body with the default lead times; its id, or `None` when a body has that acronym or
/// that name already.
pub async fn add(
    conn: &mut sqlx::PgConnection,
    body: &NewBody<'_>,
) -> Result<Option<i64>, AppError> {
    let (submission, issuance) = stored_weeks(LeadTimes::default())?;
    Ok(sqlx::query_scalar!(
        r#"
        insert into body (code, name, kind, cadence_years, submission_lead_weeks,
                          issuance_lead_weeks)
        values ($1, $2, $3, $4, $5, $6)
        on conflict do nothing
        returning id
        "#,
        body.code,
        body.name,
        body.kind,
        body.cadence_years,
        submission,
        issuance
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// What changing a body did.
pub enum BodyChange {
    Done,
    NoSuchBody,
    NameTaken,
}

/// Renames body `id` and sets its kind and cadence (its acronym stays: addresses use it). The
/// old name stays known as an alias, so texts that use it still find the body.
pub async fn change(
    pool: &sqlx::PgPool,
    id: i64,
    name: &str,
    kind: &str,
    cadence_years: i32,
) -> Result<BodyChange, AppError> {
    let mut tx = pool.begin().await?;
    let taken = sqlx::query_scalar!(
        r#"select exists (select 1 from body where name = $2 and id <> $1) as "taken!""#,
        id,
        name
    )
    .fetch_one(&mut *tx)
    .await?;
    if taken {
        return Ok(BodyChange::NameTaken);
    }
    let Some(old) = sqlx::query_scalar!("select name from body where id = $1 for update", id)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return Ok(BodyChange::NoSuchBody);
    };
    sqlx::query!(
        "update body set name = $2, kind = $3, cadence_years = $4 where id = $1",
        id,
        name,
        kind,
        cadence_years
    )
    .execute(&mut *tx)
    .await?;
    if old != name {
        add_alias(&mut tx, id, &old).await?;
    }
    tx.commit().await?;
    Ok(BodyChange::Done)
}
