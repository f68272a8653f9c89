//! Managing the work: an obligation's responsible office and focal point (with their history),
//! the staff who follow it, and which notices each staff member is mailed.

use crate::error::AppError;
use crate::model::work::{NoticeSettings, WorkPanel};
use sqlx::{PgConnection, PgPool};

/// A staff member to be mailed a notice.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub id: i64,
    pub email: String,
    pub name: String,
}

/// The staff panel of obligation `id` as `user` sees it (`can_edit`: whether their role may
/// assign); `None` when there is no obligation.
pub async fn panel(
    pool: &PgPool,
    id: i64,
    user: i64,
    can_edit: bool,
) -> Result<Option<WorkPanel>, AppError> {
    let Some(row) = sqlx::query!(
        r#"select o.office, o.focal_point_id,
                  exists (select 1 from obligation_follow f
                           where f.obligation_id = o.id and f.user_id = $2) as "following!",
                  (select count(*) from obligation_follow f
                    where f.obligation_id = o.id) as "followers!"
             from obligation o where o.id = $1"#,
        id,
        user
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    // Viewers and disabled accounts stay listed only while they hold the obligation.
    let staff = sqlx::query!(
        "select id, display_name from app_user
          where (disabled_at is null and role <> 'viewer') or id = $1
          order by lower(display_name), id",
        row.focal_point_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|u| (u.id, u.display_name))
    .collect();
    Ok(Some(WorkPanel {
        obligation_id: id,
        office: row.office,
        focal_point: row.focal_point_id,
        staff,
        following: row.following,
        followers: row.followers,
        can_edit,
    }))
}

/// What an assignment changed: who is to be told of it, when the focal point is someone else
/// than before and they want these notices.
pub struct Assigned {
    pub event: i64,
    pub to_tell: Option<Recipient>,
}

/// Sets obligation `id`'s office and focal point, records who did it, and makes the focal point
/// a follower; in the caller's transaction.
pub async fn assign(
    tx: &mut PgConnection,
    id: i64,
    office: Option<&str>,
    focal_point: Option<i64>,
    actor: &str,
) -> Result<Assigned, AppError> {
    let before = sqlx::query_scalar!(
        "select focal_point_id from obligation where id = $1 for update",
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(format!("There is no obligation {id}.")))?;
    let new_focal_point = focal_point.filter(|f| Some(*f) != before);
    let to_tell = match new_focal_point {
        Some(user) => {
            let chosen = sqlx::query!(
                "select email, display_name, notify_assigned from app_user
                  where id = $1 and disabled_at is null and role <> 'viewer'",
                user
            )
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| {
                AppError::invalid("Choose the focal point from the list of staff members.")
            })?;
            chosen.notify_assigned.then_some(Recipient {
                id: user,
                email: chosen.email,
                name: chosen.display_name,
            })
        }
        None => None,
    };
    sqlx::query!(
        "update obligation set office = $2, focal_point_id = $3 where id = $1",
        id,
        office,
        focal_point
    )
    .execute(&mut *tx)
    .await?;
    let event = sqlx::query_scalar!(
        "insert into assignment_event (obligation_id, actor, office, focal_point_id)
         values ($1, $2, $3, $4) returning id",
        id,
        actor,
        office,
        focal_point
    )
    .fetch_one(&mut *tx)
    .await?;
    if let Some(user) = focal_point {
        follow(&mut *tx, id, user, true).await?;
    }
    Ok(Assigned { event, to_tell })
}

/// Starts (`true`) or stops following obligation `id`; repeating either is harmless.
pub async fn follow(conn: &mut PgConnection, id: i64, user: i64, on: bool) -> Result<(), AppError> {
    if on {
        let done = sqlx::query!(
            "insert into obligation_follow (user_id, obligation_id)
             select $1, id from obligation where id = $2
             on conflict do nothing",
            user,
            id
        )
        .execute(&mut *conn)
        .await?;
        if done.rows_affected() == 0 {
            let exists = sqlx::query_scalar!("select id from obligation where id = $1", id)
                .fetch_optional(&mut *conn)
                .await?;
            if exists.is_none() {
                return Err(AppError::NotFound(format!("There is no obligation {id}.")));
            }
        }
    } else {
        sqlx::query!(
            "delete from obligation_follow where user_id = $1 and obligation_id = $2",
            user,
            id
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The followers of obligation `id` who want to hear of its status changes, but not `actor`
/// (who made the change).
pub async fn followers_to_tell(
    conn: &mut PgConnection,
    id: i64,
    actor: &str,
) -> Result<Vec<Recipient>, sqlx::Error> {
    sqlx::query_as!(
        Recipient,
        r#"select u.id, u.email, u.display_name as name
             from obligation_follow f join app_user u on u.id = f.user_id
            where f.obligation_id = $1 and u.notify_followed and u.disabled_at is null
              and u.email <> $2
            order by u.id"#,
        id,
        actor
    )
    .fetch_all(conn)
    .await
}

/// The focal points who want at-risk notices, by the obligations they hold that still await
/// submission: (obligation, recipient).
pub async fn focal_points_to_warn(pool: &PgPool) -> Result<Vec<(i64, Recipient)>, sqlx::Error> {
    let awaiting: Vec<String> = crate::domain::Status::ALL
        .into_iter()
        .filter(|s| s.awaits_submission())
        .map(|s| s.as_str().to_owned())
        .collect();
    let rows = sqlx::query!(
        r#"select o.id as obligation, u.id, u.email, u.display_name
             from obligation o join app_user u on u.id = o.focal_point_id
            where u.notify_at_risk and u.disabled_at is null and o.status = any($1)
            order by o.id"#,
        &awaiting
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let recipient = Recipient {
                id: r.id,
                email: r.email,
                name: r.display_name,
            };
            (r.obligation, recipient)
        })
        .collect())
}

/// The reader's office and the open obligations of [`crate::model::work::MyWork`], by id, with
/// their office and whether `user` is their focal point.
pub async fn my_work(
    pool: &PgPool,
    user: i64,
) -> Result<(Option<String>, Vec<(i64, Option<String>, bool)>), AppError> {
    let office = sqlx::query_scalar!("select office from app_user where id = $1", user)
        .fetch_optional(pool)
        .await?
        .flatten();
    let open: Vec<String> = crate::domain::Status::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(|s| s.as_str().to_owned())
        .collect();
    let rows = sqlx::query!(
        r#"select o.id, o.office, coalesce(o.focal_point_id = $1, false) as "focal_point!"
             from obligation o
            where o.status = any($3)
              and (o.focal_point_id = $1
                   or ($2::text is not null and lower(btrim(o.office)) = lower(btrim($2))))
            order by o.id"#,
        user,
        office,
        &open
    )
    .fetch_all(pool)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| (r.id, r.office, r.focal_point))
        .collect();
    Ok((office, rows))
}

/// Sets the office `user` works in (`None`: none).
pub async fn save_office(pool: &PgPool, user: i64, office: Option<&str>) -> Result<(), AppError> {
    sqlx::query!(
        "update app_user set office = $2 where id = $1",
        user,
        office
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn notice_settings(pool: &PgPool, user: i64) -> Result<NoticeSettings, AppError> {
    let row = sqlx::query_as!(
        NoticeSettings,
        "select notify_assigned as assigned, notify_at_risk as at_risk,
                notify_followed as followed
           from app_user where id = $1",
        user
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::Unauthenticated)?;
    Ok(row)
}

pub async fn save_notice_settings(
    pool: &PgPool,
    user: i64,
    settings: NoticeSettings,
) -> Result<(), AppError> {
    sqlx::query!(
        "update app_user set notify_assigned = $2, notify_at_risk = $3, notify_followed = $4
          where id = $1",
        user,
        settings.assigned,
        settings.at_risk,
        settings.followed
    )
    .execute(pool)
    .await?;
    Ok(())
}
