//! Staff accounts as administrators manage them, and the one-time invitations that create them.

use super::stored;
use super::user::CreateUserError;
use crate::auth::{CurrentUser, EmailAddress, Role};
use crate::error::AppError;
use crate::model::accounts::{Account, Invitation, OpenInvitation};
use sqlx::{PgConnection, PgPool};

/// Every account, enabled first, by name; and the invitations not accepted yet, newest first.
pub async fn list(pool: &PgPool) -> Result<(Vec<Account>, Vec<OpenInvitation>), AppError> {
    let accounts = sqlx::query!(
        "select id, email, display_name, role, office, disabled_at is not null as \"disabled!\"
           from app_user order by disabled_at is not null, lower(display_name), id"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| {
        Ok(Account {
            id: r.id,
            email: r.email,
            name: r.display_name,
            role: stored(&r.role, "role")?,
            office: r.office,
            disabled: r.disabled,
        })
    })
    .collect::<Result<_, AppError>>()?;
    let invitations = sqlx::query!(
        "select id, email, display_name, role, invited_by, expires_at from invitation
          where accepted_at is null and cancelled_at is null order by created_at desc, id desc"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| {
        Ok(OpenInvitation {
            id: r.id,
            email: r.email,
            name: r.display_name,
            role: stored(&r.role, "role")?,
            invited_by: r.invited_by,
            expires_at: r.expires_at,
        })
    })
    .collect::<Result<_, AppError>>()?;
    Ok((accounts, invitations))
}

/// Sets account `id`'s role; whether there is such an account.
pub async fn set_role(pool: &PgPool, id: i64, role: Role) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "update app_user set role = $2 where id = $1",
        id,
        role.as_str()
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Enables or disables account `id` (disabling ends its open logins, as the command line's
/// `user disable` does); whether there is such an account.
pub async fn set_enabled(pool: &PgPool, id: i64, enabled: bool) -> Result<bool, AppError> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query!(
        "update app_user
            set disabled_at = case when $2 then null else coalesce(disabled_at, now()) end
          where id = $1",
        id,
        enabled
    )
    .execute(&mut *tx)
    .await?;
    let exists = done.rows_affected() == 1;
    if exists && !enabled {
        super::user::end_logins(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(exists)
}

/// A new invitation for `email`, replacing any open one; in the caller's transaction (with the
/// mail that carries the link).
pub async fn invite(
    tx: &mut PgConnection,
    invitation: &Invitation,
    token_sha256: &str,
    invited_by: &str,
    valid_days: i32,
) -> Result<(), AppError> {
    sqlx::query!(
        "delete from invitation where email = $1 and accepted_at is null and cancelled_at is null",
        invitation.email
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "insert into invitation (email, display_name, role, token_sha256, invited_by, expires_at)
         values ($1, $2, $3, $4, $5, now() + make_interval(days => $6))",
        invitation.email,
        invitation.name,
        invitation.role.as_str(),
        token_sha256,
        invited_by,
        valid_days
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The open, unexpired invitation whose token has this hash.
pub async fn open_invitation(
    conn: &mut PgConnection,
    token_sha256: &str,
) -> Result<Option<(i64, Invitation)>, AppError> {
    let Some(row) = sqlx::query!(
        "select id, email, display_name, role from invitation
          where token_sha256 = $1 and accepted_at is null and cancelled_at is null
            and expires_at > now()
          for update",
        token_sha256
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let invitation = Invitation {
        email: row.email,
        name: row.display_name,
        role: stored(&row.role, "role")?,
    };
    Ok(Some((row.id, invitation)))
}

/// Whether the invitation whose token has this hash was cancelled (its page says so).
pub async fn was_cancelled(conn: &mut PgConnection, token_sha256: &str) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from invitation
                           where token_sha256 = $1 and cancelled_at is not null) as "cancelled!""#,
        token_sha256
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// What cancelling an invitation found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    /// Cancelled now, or before (two administrators at once: the link is dead either way).
    Done,
    /// Accepted already: the account exists, and is disabled instead.
    Accepted,
    NoSuch,
}

/// Cancels invitation `id` (by `by`, an administrator's address) unless it was accepted; the
/// row stays, so its link can say it was cancelled.
pub async fn cancel(pool: &PgPool, id: i64, by: &str) -> Result<Cancelled, AppError> {
    let mut tx = pool.begin().await?;
    let Some(found) = sqlx::query!(
        r#"select accepted_at is not null as "accepted!", cancelled_at is not null as "cancelled!"
             from invitation where id = $1 for update"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(Cancelled::NoSuch);
    };
    if found.accepted {
        return Ok(Cancelled::Accepted);
    }
    if !found.cancelled {
        sqlx::query!(
            "update invitation set cancelled_at = now(), cancelled_by = $2 where id = $1",
            id,
            by
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Cancelled::Done)
}

/// Creates invitation `id`'s account with `password_hash` and spends the invitation; the new
/// account. Refused when an account has the address already.
pub async fn accept(
    tx: &mut PgConnection,
    id: i64,
    invitation: &Invitation,
    password_hash: &str,
) -> Result<CurrentUser, AppError> {
    let email = EmailAddress::parse(&invitation.email)
        .map_err(|_| AppError::invalid("This invitation's address is not valid."))?;
    // The invitation's name was trimmed when it was made: creating trims it again, to no effect.
    let name = &invitation.name;
    let user = super::user::create_user(&mut *tx, &email, name, invitation.role, password_hash)
        .await
        .map_err(|err| match err {
            CreateUserError::Exists(_) => AppError::invalid(format!(
                "There is already an account for {}: log in instead.",
                invitation.email
            )),
            CreateUserError::Database(err) => err.into(),
        })?;
    sqlx::query!(
        "update invitation set accepted_at = now(), user_id = $2 where id = $1",
        id,
        user
    )
    .execute(&mut *tx)
    .await?;
    Ok(CurrentUser {
        id: user,
        email: invitation.email.clone(),
        display_name: invitation.name.clone(),
        role: invitation.role,
    })
}
