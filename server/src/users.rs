//! `mandate-tracker user ...`: staff accounts from the command line (there is no sign-up page:
//! accounts are given, not taken).

use crate::database;
use crate::settings::{DatabaseArgs, UserCommand};
use anyhow::{Context, bail};
use app::auth::password::hash_password;
use app::auth::{EmailAddress, Role};
use app::db::user::{CreateUserError, create_user, disable_user, set_password_hash};
use std::io::{BufRead, IsTerminal};

pub async fn run(db: DatabaseArgs, command: UserCommand) -> anyhow::Result<()> {
    let pool = database::connect(&db).await?;
    match command {
        UserCommand::Add(args) => {
            let email = EmailAddress::parse(&args.email).map_err(anyhow::Error::msg)?;
            let role: Role = args.role.parse().map_err(anyhow::Error::msg)?;
            if args.name.trim().is_empty() {
                bail!("the name must not be blank");
            }
            let exists = app::db::user::email_taken(&pool, &email).await?;
            if exists && args.if_missing {
                println!("{email} already has an account; left unchanged");
                return Ok(());
            }
            if exists {
                bail!("an account for {email} already exists");
            }
            let hash = hash_password(read_password()?)
                .await
                .map_err(anyhow::Error::msg)?;
            let mut conn = pool.acquire().await?;
            match create_user(&mut conn, &email, &args.name, role, &hash).await {
                Ok(id) => println!("created {role} account #{id} for {email}"),
                Err(CreateUserError::Exists(email)) => {
                    bail!("an account for {email} already exists")
                }
                Err(CreateUserError::Database(err)) => {
                    return Err(err).context("cannot create the account");
                }
            }
        }
        UserCommand::Password(args) => {
            let email = EmailAddress::parse(&args.email).map_err(anyhow::Error::msg)?;
            let hash = hash_password(read_password()?)
                .await
                .map_err(anyhow::Error::msg)?;
            if !set_password_hash(&pool, &email, &hash).await? {
                bail!("no account for {email}");
            }
            println!("password changed for {email}; its open logins have ended");
        }
        UserCommand::Disable(args) => {
            let email = EmailAddress::parse(&args.email).map_err(anyhow::Error::msg)?;
            if !disable_user(&pool, &email).await? {
                bail!("no account for {email}");
            }
            println!("disabled {email}; its open logins have ended");
        }
    }
    Ok(())
}

/// The new password: `MT_PASSWORD` (scripts), a hidden prompt (people), or a line of standard
/// input (pipes). Never an argument, which would show in `ps` and in shell history.
fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("MT_PASSWORD") {
        return Ok(password);
    }
    if std::io::stdin().is_terminal() {
        let password = rpassword::prompt_password("New password: ")?;
        let again = rpassword::prompt_password("Same again: ")?;
        if password != again {
            bail!("the two passwords differ");
        }
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
