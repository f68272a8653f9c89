#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Administrators manage staff accounts in the browser: invite by a one-time link (mailed
//! through a real SMTP server, aiosmtpd), change a role, disable and enable; the invited choose
//! their password on the link's page. Over HTTP against the real application.

use server::database::MIGRATOR;
use sqlx::PgPool;

mod common;

#[path = "accounts/cancelled.rs"]
mod cancelled;
use common::smtp::{SmtpSink, body_of, free_port, header, temp_dir};
use common::{ADMIN, call, client, log_in, obligation_at, status_form, text_of};

const INVITED: &str = "ana.perez@unodc.org";

fn invite(email: &str, role: &str) -> Vec<(&'static str, String)> {
    vec![
        ("email", email.to_string()),
        ("name", "Ana Pérez".to_string()),
        ("role", role.to_string()),
    ]
}

async fn account_id(pool: &PgPool, email: &str) -> i64 {
    sqlx::query_scalar("select id from app_user where email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_invited_colleague_chooses_a_password_once_and_administrators_manage_the_account(
    pool: PgPool,
) {
    let sink = SmtpSink::start(free_port(), temp_dir("maildir"));
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let base = common::setup_with(&pool, &["--smtp-url", &url, "--mail-poll-ms", "50"]).await;
    let admin = client();
    log_in(&admin, &base, ADMIN).await;

    // Refused invitations store nothing.
    for (form, expected) in [
        (invite("not an address", "editor"), "correct format"),
        (invite(INVITED, "root"), "role from the list"),
        (invite(ADMIN, "editor"), "already an account"),
        (
            vec![
                ("email", INVITED.into()),
                ("name", "  ".into()),
                ("role", "editor".into()),
            ],
            "name shown",
        ),
    ] {
        let (status, body) = call(&admin, &base, "invite_staff", &form).await;
        assert_eq!(status, 422, "{form:?}: {body}");
        assert!(body.contains(expected), "{body}");
    }
    let (status, link) = call(&admin, &base, "invite_staff", &invite(INVITED, "editor")).await;
    assert_eq!(status, 200, "{link}");
    let mails = sink.wait_for(1, 20).await;
    assert_eq!(header(&mails[0], "To").unwrap(), INVITED);
    let text = body_of(&mails[0]);
    let mailed = text
        .split_whitespace()
        .find(|w| w.contains("/invitations/accept?token="))
        .unwrap()
        .to_string();
    assert_eq!(serde_json::from_str::<String>(&link).unwrap(), mailed);
    assert!(text.contains("Editor") && text.contains("7 days"), "{text}");
    let accounts = text_of(&admin, &format!("{base}/admin/accounts")).await;
    assert!(accounts.contains("Invitations not accepted yet") && accounts.contains(INVITED));

    // The link's page greets them; a short password is refused and spends nothing.
    let token = mailed.split("token=").nth(1).unwrap().to_string();
    let newcomer = client();
    let page = text_of(&newcomer, &mailed).await;
    assert!(
        page.contains("Welcome, Ana Pérez") && page.contains("New password"),
        "{page}"
    );
    // A made-up token is refused before any password is looked at (hashing is kept for real
    // invitations).
    let made_up = [("token", "0".repeat(64)), ("password", "short".to_string())];
    assert_eq!(
        call(&newcomer, &base, "accept_invitation", &made_up)
            .await
            .0,
        404
    );
    let short = [("token", token.clone()), ("password", "short".to_string())];
    let (status, body) = call(&newcomer, &base, "accept_invitation", &short).await;
    assert_eq!(status, 422, "{body}");
    let chosen = [
        ("token", token.clone()),
        ("password", common::PASSWORD.to_string()),
    ];
    let (status, body) = call(&newcomer, &base, "accept_invitation", &chosen).await;
    assert_eq!(status, 200, "{body}");
    let (_, me) = call(&newcomer, &base, "get_current_user", &[]).await;
    assert!(me.contains(INVITED) && me.contains("\"editor\""), "{me}");
    // The link works once.
    let (status, _) = call(&client(), &base, "accept_invitation", &chosen).await;
    assert_eq!(status, 404);
    assert!(text_of(&client(), &mailed).await.contains("has been used"));

    // Made a viewer, they can no longer record progress; disabled, their login ends.
    let ana = account_id(&pool, INVITED).await;
    let role = [("id", ana.to_string()), ("role", "viewer".to_string())];
    assert_eq!(call(&admin, &base, "change_role", &role).await.0, 200);
    let id = obligation_at(&pool, "CCPCJ", 29).await;
    let form = status_form(id, 1, "in_preparation");
    assert_eq!(
        call(&newcomer, &base, "record_status_change", &form)
            .await
            .0,
        403
    );
    let off = [("id", ana.to_string()), ("enabled", "no".to_string())];
    assert_eq!(
        call(&admin, &base, "set_account_enabled", &off).await.0,
        200
    );
    assert_eq!(
        call(
            &newcomer,
            &base,
            "get_work_panel",
            &[("id", id.to_string())]
        )
        .await
        .0,
        401
    );
    assert_eq!(log_in(&client(), &base, INVITED).await.status(), 401);
    let on = [("id", ana.to_string()), ("enabled", "yes".to_string())];
    assert_eq!(call(&admin, &base, "set_account_enabled", &on).await.0, 200);
    assert_eq!(log_in(&client(), &base, INVITED).await.status(), 200);

    // An administrator's own account is not theirs to change; unknown accounts are 404.
    let me = account_id(&pool, ADMIN).await;
    let demote = [("id", me.to_string()), ("role", "viewer".to_string())];
    let (status, body) = call(&admin, &base, "change_role", &demote).await;
    assert_eq!(
        (status, body.contains("your own account")),
        (422, true),
        "{body}"
    );
    let nobody = [("id", "999999".to_string()), ("enabled", "no".to_string())];
    assert_eq!(
        call(&admin, &base, "set_account_enabled", &nobody).await.0,
        404
    );
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_invitation_expires_and_a_new_one_replaces_the_old(pool: PgPool) {
    let base = common::setup(&pool).await;
    let admin = client();
    log_in(&admin, &base, ADMIN).await;
    let (_, first) = call(&admin, &base, "invite_staff", &invite(INVITED, "viewer")).await;
    let (_, second) = call(&admin, &base, "invite_staff", &invite(INVITED, "editor")).await;
    let token = |link: &str| {
        let link: String = serde_json::from_str(link).unwrap();
        link.split("token=").nth(1).unwrap().to_string()
    };
    let open: i64 = sqlx::query_scalar("select count(*) from invitation where accepted_at is null")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(open, 1, "the second invitation replaced the first");
    let (status, _) = call(
        &client(),
        &base,
        "get_invitation",
        &[("token", token(&first))],
    )
    .await;
    assert_eq!(status, 404);
    sqlx::query("update invitation set expires_at = now() - interval '1 minute'")
        .execute(&pool)
        .await
        .unwrap();
    let chosen = [
        ("token", token(&second)),
        ("password", "a sentence I remember".into()),
    ];
    let (status, body) = call(&client(), &base, "accept_invitation", &chosen).await;
    assert_eq!((status, body.contains("expired")), (404, true), "{body}");
    let page = text_of(&admin, &format!("{base}/admin/accounts")).await;
    assert!(page.contains("link expired on"), "{page}");
    let made: i64 = sqlx::query_scalar("select count(*) from app_user where email = $1")
        .bind(INVITED)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(made, 0);
}

#[sqlx::test(migrator = "MIGRATOR")]
async fn an_invitation_to_an_address_that_got_an_account_meanwhile_creates_nothing(pool: PgPool) {
    let invitation = app::model::accounts::Invitation {
        email: INVITED.to_string(),
        name: "Ana Pérez".to_string(),
        role: app::auth::Role::Viewer,
    };
    let mut tx = pool.begin().await.unwrap();
    app::db::accounts::invite(&mut tx, &invitation, "token hash", "Admin", 7)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    common::create_user(&pool, INVITED, app::auth::Role::Editor).await;
    let mut tx = pool.begin().await.unwrap();
    let (id, open) = app::db::accounts::open_invitation(&mut tx, "token hash")
        .await
        .unwrap()
        .unwrap();
    let refused = app::db::accounts::accept(&mut tx, id, &open, "hash")
        .await
        .unwrap_err();
    assert_eq!(refused.status(), 422, "{refused:?}");
    assert!(
        refused.to_string().contains("already an account"),
        "{refused}"
    );
    drop(tx);
    let role: String = sqlx::query_scalar("select role from app_user where email = $1")
        .bind(INVITED)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        role, "editor",
        "the account made meanwhile is left as it was"
    );
}
