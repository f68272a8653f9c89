-- Secretariat staff accounts and their login sessions.
--
-- Roles: `staff` record progress on obligations; `admin` also edit bodies and sessions.
-- Delegations need no account: every page that reads is public.

create table app_user (
    id bigint generated always as identity primary key,
    -- Stored lower-cased and trimmed, so one address is one account.
    email text not null,
    display_name text not null,
    -- An argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash); never the password.
    password_hash text not null,
    role text not null,
    created_at timestamptz not null default now(),
    -- A disabled account cannot log in; its name stays in the history it wrote.
    disabled_at timestamptz,
    constraint app_user_email_key unique (email),
    constraint app_user_email_check check (email = lower(btrim(email)) and email like '%_@_%'),
    constraint app_user_role_check check (role in ('staff', 'admin')),
    constraint app_user_display_name_check check (btrim(display_name) <> '')
);

-- Login sessions (server/src/session_store.rs, a `tower-sessions` store). The id is a random
-- 128-bit value that only the browser's cookie holds; `data` holds the logged-in user's id.
create table user_session (
    id text primary key,
    data jsonb not null,
    expiry_date timestamptz not null
);

create index user_session_expiry_date_idx on user_session (expiry_date);
