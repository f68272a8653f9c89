//! Staff accounts: administrators list them, change roles, disable and enable them, and invite
//! new staff by a one-time link; the invited choose their password on the link's page.

use crate::error::AppError;
use crate::model::accounts::{Accounts, Invitation};
use leptos::prelude::*;

/// Days an invitation link can be used in.
pub const INVITATION_DAYS: i32 = 7;

/// Every account and the open invitations; administrators only.
#[server(endpoint = "list_accounts")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_accounts() -> Result<Accounts, AppError> {
    let admin = crate::auth::login::require_admin().await?;
    let pool = crate::db::pool()?;
    let (accounts, invitations) = crate::db::accounts::list(&pool).await?;
    Ok(Accounts {
        accounts,
        invitations,
        me: admin.id,
    })
}

/// An administrator's own account is not theirs to change here: they could lock everyone out.
#[cfg(feature = "ssr")]
fn not_yourself(admin: &crate::auth::CurrentUser, id: i64) -> Result<(), AppError> {
    if admin.id == id {
        return Err(AppError::invalid(
            "You cannot change your own account here; ask another administrator.",
        ));
    }
    Ok(())
}

/// Gives account `id` another role; administrators only, not for their own account.
#[server(endpoint = "change_role")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(account = id)))]
pub async fn change_role(id: i64, role: String) -> Result<(), AppError> {
    let admin = crate::auth::login::require_admin().await?;
    not_yourself(&admin, id)?;
    let role: crate::auth::Role = role
        .parse()
        .map_err(|_| AppError::invalid("Choose the role from the list."))?;
    let pool = crate::db::pool()?;
    if !crate::db::accounts::set_role(&pool, id, role).await? {
        return Err(AppError::NotFound(format!("There is no account {id}.")));
    }
    tracing::info!(
        admin = admin.id,
        account = id,
        role = role.as_str(),
        "changed a role"
    );
    Ok(())
}

/// Disables (`enabled` = "no", ending its logins) or enables ("yes") account `id`;
/// administrators only, not for their own account.
#[server(endpoint = "set_account_enabled")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(account = id)))]
pub async fn set_account_enabled(id: i64, enabled: String) -> Result<(), AppError> {
    let admin = crate::auth::login::require_admin().await?;
    not_yourself(&admin, id)?;
    let enabled = match enabled.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(AppError::invalid(
                "Choose to enable or disable the account.",
            ));
        }
    };
    let pool = crate::db::pool()?;
    if !crate::db::accounts::set_enabled(&pool, id, enabled).await? {
        return Err(AppError::NotFound(format!("There is no account {id}.")));
    }
    tracing::info!(
        admin = admin.id,
        account = id,
        enabled,
        "changed whether an account is enabled"
    );
    Ok(())
}

/// Invites `email` to an account with `name` and `role`: a one-time link, valid for
/// [`INVITATION_DAYS`] days, is mailed to them (and returned to the caller of the endpoint). Inviting an address again replaces its open invitation.
#[server(endpoint = "invite_staff")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn invite_staff(email: String, name: String, role: String) -> Result<String, AppError> {
    use crate::auth::{EmailAddress, Role};

    let admin = crate::auth::login::require_admin().await?;
    let email = EmailAddress::parse(&email).map_err(|_| {
        AppError::invalid("Enter the email address in the correct format, like name@un.org.")
    })?;
    let name = crate::domain::text::DISPLAY_NAME
        .check(Some(&name))?
        .ok_or_else(|| AppError::invalid("Enter the name shown for the account."))?;
    let role: Role = role
        .parse()
        .map_err(|_| AppError::invalid("Choose the role from the list."))?;
    let pool = crate::db::pool()?;
    if crate::db::user::email_taken(&pool, &email).await? {
        return Err(AppError::invalid(format!(
            "There is already an account for {email}."
        )));
    }
    let mail = use_context::<crate::mail::MailContext>();
    let site = mail.as_ref().map_or("", |m| m.site_url.as_ref()).to_owned();
    let token = hex::encode(rand::random::<[u8; 32]>());
    let link = format!("{site}/invitations/accept?token={token}");
    let invitation = Invitation {
        email: email.to_string(),
        name,
        role,
    };
    let hash = token_hash(&token);
    let mut tx = pool.begin().await?;
    crate::db::accounts::invite(&mut tx, &invitation, &hash, &admin.email, INVITATION_DAYS).await?;
    if let Some(mail) = &mail {
        crate::mail::notice::invite(&mut tx, mail, &invitation, &admin.display_name, &link).await?;
    }
    tx.commit().await?;
    if let Some(mail) = &mail {
        mail.written.notify_one();
    }
    tracing::info!(
        admin = admin.id,
        role = role.as_str(),
        "invited a staff member"
    );
    Ok(link)
}

/// Cancels invitation `id`, which is not accepted yet: its link stops working and says so.
/// Administrators only. Cancelling one that was cancelled already changes nothing.
#[server(endpoint = "cancel_invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(invitation = id)))]
pub async fn cancel_invitation(id: i64) -> Result<(), AppError> {
    use crate::db::accounts::Cancelled;
    let admin = crate::auth::login::require_admin().await?;
    let pool = crate::db::pool()?;
    match crate::db::accounts::cancel(&pool, id, &admin.email).await? {
        Cancelled::Done => {}
        Cancelled::Accepted => {
            return Err(AppError::Conflict(
                "This invitation was accepted already, so the account exists: disable the \
                 account instead."
                    .into(),
            ));
        }
        Cancelled::NoSuch => {
            return Err(AppError::NotFound(format!("There is no invitation {id}.")));
        }
    }
    tracing::info!(admin = admin.id, invitation = id, "cancelled an invitation");
    Ok(())
}

/// The open invitation of `token`, for its page (404 once used, replaced, cancelled or
/// expired).
#[server(endpoint = "get_invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_invitation(token: String) -> Result<Invitation, AppError> {
    let pool = crate::db::pool()?;
    let mut conn = pool.acquire().await?;
    let hash = token_hash(&token);
    match crate::db::accounts::open_invitation(&mut conn, &hash).await? {
        Some((_, invitation)) => Ok(invitation),
        None => Err(not_open(&mut conn, &hash).await),
    }
}

/// Accepts invitation `token` with the password chosen: creates the account, spends the link
/// and logs the new staff member in (then on to `/my-work`).
#[server(endpoint = "accept_invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    use crate::auth::password::{check_new_password, hash_password};

    // The token first: hashing is slow on purpose, and only a real invitation earns it.
    let pool = crate::db::pool()?;
    let mut tx = pool.begin().await?;
    let hash = token_hash(&token);
    let Some((id, invitation)) = crate::db::accounts::open_invitation(&mut tx, &hash).await? else {
        return Err(not_open(&mut tx, &hash).await);
    };
    check_new_password(&password)
        .map_err(|why| AppError::invalid(format!("Choose another password: {why}.")))?;
    let hash = hash_password(password).await.map_err(|why| {
        tracing::error!(%why, "cannot hash a password");
        AppError::Internal
    })?;
    let user = crate::db::accounts::accept(&mut tx, id, &invitation, &hash).await?;
    tx.commit().await?;
    crate::auth::login::log_in(&user).await?;
    tracing::info!(user = user.id, "accepted an invitation");
    leptos_axum::redirect("/my-work");
    Ok(())
}

#[cfg(feature = "ssr")]
fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// Why the invitation of a token is not open: cancelled (said so), or used, replaced or
/// expired (one answer for these, and for tokens never made).
#[cfg(feature = "ssr")]
async fn not_open(conn: &mut sqlx::PgConnection, hash: &str) -> AppError {
    match crate::db::accounts::was_cancelled(conn, hash).await {
        Ok(true) => AppError::NotFound(
            "This invitation was cancelled by an administrator: ask them for a new one if you \
             still need an account."
                .into(),
        ),
        Ok(false) => AppError::NotFound(
            "This invitation link has been used, replaced or has expired: ask an administrator \
             for a new one."
                .into(),
        ),
        Err(err) => err,
    }
}
