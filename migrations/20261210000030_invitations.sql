-- Administrators invite staff by a one-time link (issue 10). The link's token is kept only as
-- its SHA-256; accepting the invitation (choosing a password) creates the account and spends
-- the link. An address has at most one open invitation: inviting it again replaces it.
create table invitation (
    id bigint generated always as identity primary key,
    email text not null,
    display_name text not null,
    role text not null,
    token_sha256 text not null,
    invited_by text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    accepted_at timestamptz,
    user_id bigint references app_user (id) on delete restrict,
    constraint invitation_token_key unique (token_sha256),
    constraint invitation_email_check check (email = lower(btrim(email)) and email like '%_@_%'),
    constraint invitation_display_name_check check (btrim(display_name) <> ''),
    constraint invitation_role_check check (role in ('viewer', 'editor', 'admin'))
);

create unique index invitation_open_email_idx on invitation (email) where accepted_at is null;

-- No data_changed trigger: no public page shows invitations.
