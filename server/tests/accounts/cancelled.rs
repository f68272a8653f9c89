//! Administrators cancel an invitation that is not accepted yet (a button beside it, without
//! JavaScript too): its link then says it was cancelled. The outbox shows each mail's text
//! with its links' tokens taken out. Only administrators do either.

use super::common::{ADMIN, STAFF, call, client, create_user, log_in, text_of};
use super::{INVITED, invite};
use app::auth::Role;
use server::database::MIGRATOR;
use sqlx::PgPool;

const VIEWER: &str = "reader@unodc.org";

/// (anonymous, viewer, editor, administrator) clients, the last three logged in.
async fn everyone(pool: &PgPool, base: &str) -> [reqwest::Client; 4] {
    create_user(pool, VIEWER, Role::Viewer).await;
    let clients = [client(), client(), client(), client()];
    for (client, email) in clients[1..].iter().zip([VIEWER, STAFF, ADMIN]) {
        assert_eq!(log_in(client, base, email).await.status(), 200, "{email}");
    }
    clients
}

/// The application, [`everyone`], and the link and token of an invitation of [`INVITED`].
async fn invited(pool: &PgPool) -> (String, [reqwest::Client; 4], String, String) {
    let base = super::common::setup(pool).await;
    let clients = everyone(pool, &base).await;
    let admin = &clients[3];
    let (status, link) = call(admin, &base, "invite_staff", &invite(INVITED, "editor")).await;
    assert_eq!(status, 200, "{link}");
    let link: String = serde_json::from_str(&link).unwrap();
    let token = link.split("token=").nth(1).unwrap().to_string();
    (base, clients, link, token)
}

async fn invitation_id(pool: &PgPool, email: &str) -> i64 {
    sqlx::query_scalar("select max(id) from invitation where email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn a_cancelled_invitation_link_says_it_was_cancelled(pool: PgPool) {
    let (base, [anonymous, viewer, editor, admin], link, token) = invited(&pool).await;
    let id = invitation_id(&pool, INVITED).await;
    let page = text_of(&admin, &format!("{base}/admin/accounts")).await;
    assert!(
        page.contains("Cancel the invitation of Ana Pérez"),
        "{page}"
    );

    // Nobody but an administrator cancels, and their refusals change nothing.
    let form = [("id", id.to_string())];
    for (who, expected) in [(&anonymous, 401), (&viewer, 403), (&editor, 403)] {
        assert_eq!(
            call(who, &base, "cancel_invitation", &form).await.0,
            expected
        );
    }
    let open = [("token", token.clone())];
    assert_eq!(
        call(&anonymous, &base, "get_invitation", &open).await.0,
        200
    );

    // The button's form posted without JavaScript: back to the accounts page.
    let response = admin
        .post(format!("{base}/api/cancel_invitation"))
        .header("accept", "text/html")
        .header("referer", format!("{base}/admin/accounts"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let to = response.headers()["location"].to_str().unwrap().to_owned();
    let back = format!("{base}/admin/accounts");
    assert!(to.starts_with(&back) && !to.contains("__err"), "{to}");
    let page = text_of(&admin, &format!("{base}/admin/accounts")).await;
    assert!(
        !page.contains("Cancel the invitation of Ana Pérez"),
        "{page}"
    );
    let (cancelled_by, accepted): (Option<String>, bool) = sqlx::query_as(
        "select cancelled_by, accepted_at is not null from invitation where id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((cancelled_by.as_deref(), accepted), (Some(ADMIN), false));

    // The link's page and its form say so, with a 404, and make no account.
    let response = anonymous.get(&link).send().await.unwrap();
    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains("This invitation was cancelled"), "{page}");
    let choose = [
        ("token", token.clone()),
        ("password", "a long enough new password".to_string()),
    ];
    let (status, body) = call(&anonymous, &base, "accept_invitation", &choose).await;
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("This invitation was cancelled"), "{body}");
    let accounts: i64 = sqlx::query_scalar("select count(*) from app_user where email = $1")
        .bind(INVITED)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(accounts, 0);

    // Cancelling again changes nothing; an unknown invitation is 404; the address can be
    // invited again, and an accepted invitation cannot be cancelled.
    assert_eq!(call(&admin, &base, "cancel_invitation", &form).await.0, 200);
    let nobody = [("id", "999999".to_string())];
    assert_eq!(
        call(&admin, &base, "cancel_invitation", &nobody).await.0,
        404
    );
    let (status, again) = call(&admin, &base, "invite_staff", &invite(INVITED, "viewer")).await;
    assert_eq!(status, 200, "{again}");
    let again: String = serde_json::from_str(&again).unwrap();
    let choose = [
        ("token", again.split("token=").nth(1).unwrap().to_string()),
        ("password", "a long enough new password".to_string()),
    ];
    assert_eq!(
        call(&client(), &base, "accept_invitation", &choose).await.0,
        200
    );
    let accepted = [("id", invitation_id(&pool, INVITED).await.to_string())];
    let (status, body) = call(&admin, &base, "cancel_invitation", &accepted).await;
    assert_eq!(
        (status, body.contains("accepted already")),
        (409, true),
        "{body}"
    );
    assert_eq!(anonymous.get(&link).send().await.unwrap().status(), 404);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn the_outbox_shows_mails_without_their_links_tokens(pool: PgPool) {
    let (base, [anonymous, viewer, editor, admin], link, token) = invited(&pool).await;
    let page = text_of(&admin, &format!("{base}/outbox")).await;
    assert!(page.contains(&link.replace(&token, "…")), "{page}");
    assert!(page.contains("Choose your password here"), "{page}");
    assert!(!page.contains(&token), "the token is on the outbox page");
    let (status, body) = call(&admin, &base, "list_outbox", &[]).await;
    assert_eq!(status, 200);
    assert!(body.contains("token=…") && !body.contains(&token), "{body}");
    for (who, expected) in [(&anonymous, 401), (&viewer, 403), (&editor, 403)] {
        let (status, body) = call(who, &base, "list_outbox", &[]).await;
        assert_eq!(status, expected, "{body}");
    }
}
