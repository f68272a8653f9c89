//! Password hashing: argon2id with the OWASP parameters, always off the async runtime.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// At most two hashes at a time: each takes 19 MiB and tens of milliseconds of a core, and a
/// flood of login attempts must queue here rather than fill the blocking pool (512 threads,
/// about 10 GB) of a two-core server.
static HASHING: Semaphore = Semaphore::const_new(2);

pub use super::MIN_PASSWORD_CHARS;
/// Longest password accepted, so nobody can make the server hash megabytes.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// argon2id, m = 19 MiB, t = 2, p = 1: the OWASP Password Storage Cheat Sheet's first choice.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks a new password against the length rules.
pub fn check_new_password(password: &str) -> Result<(), String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must have at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(format!(
            "the password must have at most {MAX_PASSWORD_BYTES} bytes"
        ));
    }
    Ok(())
}

/// The PHC string to store for `password`. Runs on a blocking thread: hashing takes tens of
/// milliseconds of CPU on purpose and would stall every other request on the runtime.
pub async fn hash_password(password: String) -> Result<String, String> {
    check_new_password(&password)?;
    let _permit = HASHING
        .acquire()
        .await
        .map_err(|err| format!("cannot hash the password: {err}"))?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|err| format!("cannot hash the password: {err}"))
    })
    .await
    .map_err(|err| format!("the hashing task failed: {err}"))?
}

/// A hash of nothing in particular, verified against when the email is unknown, so that an
/// unknown address takes as long to refuse as a wrong password (no account enumeration by
/// timing).
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(b"not a real password", &salt)
        .map(|hash| hash.to_string())
        .unwrap_or_default()
});

/// Whether `password` matches `stored` (a PHC string); `None` (unknown user) always fails after
/// doing the same work. Over-long input is refused before hashing.
pub async fn verify_password(stored: Option<String>, password: String) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    let known = stored.is_some();
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    let result = tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        PasswordHash::new(&stored)
            .map(|hash| hasher().verify_password(password.as_bytes(), &hash).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    known && result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let hash = hash_password("correct horse battery".into()).await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(Some(hash.clone()), "correct horse battery".into()).await);
        assert!(!verify_password(Some(hash), "correct horse battery!".into()).await);
    }

    #[tokio::test]
    async fn an_unknown_user_never_verifies() {
        assert!(!verify_password(None, "not a real password".into()).await);
    }

    #[tokio::test]
    async fn short_and_huge_passwords_are_refused_with_a_reason() {
        assert!(
            hash_password("short".into())
                .await
                .unwrap_err()
                .contains("at least 10")
        );
        let huge = "x".repeat(MAX_PASSWORD_BYTES + 1);
        assert!(
            hash_password(huge.clone())
                .await
                .unwrap_err()
                .contains("at most")
        );
        assert!(!verify_password(None, huge).await);
    }

    #[tokio::test]
    async fn a_corrupt_stored_hash_fails_closed() {
        assert!(!verify_password(Some("not a phc string".into()), "whatever it is".into()).await);
    }
}
