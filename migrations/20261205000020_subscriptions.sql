-- Email subscriptions (issue 9): an address, a finder filter, a cadence and a horizon. Nothing is
-- sent to an address until the link in its confirmation mail is opened (double opt-in);
-- unconfirmed requests are deleted after `confirm_by`. Unsubscribing deletes the row.
--
-- `manage_token` is the secret in every digest's manage and unsubscribe links: 244 random bits,
-- kept as is because each digest must carry it (whoever can read this table can read the
-- addresses anyway). The confirmation token is needed once, in the mail written with the row,
-- so only its SHA-256 is kept.
create table subscription (
    id bigserial primary key,
    email text not null check (length(email) between 3 and 254),
    -- The finder's parameters (`app::model::finder::FinderQuery` as JSON), page left out.
    filter jsonb not null,
    cadence text not null check (cadence in ('daily', 'weekly')),
    -- ISO weekday (1 = Monday) of a weekly digest.
    weekday smallint check (weekday between 1 and 7),
    horizon_weeks smallint not null check (horizon_weeks between 1 and 52),
    -- Send a digest even when nothing is overdue or due within the horizon.
    send_empty boolean not null default false,
    state text not null default 'pending' check (state in ('pending', 'active', 'paused')),
    confirm_token_sha256 bytea unique,
    confirm_by timestamptz,
    manage_token text not null unique
        default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    -- The last period (day) a digest was composed for, and when.
    last_digest_on date,
    last_digest_at timestamptz,
    check ((cadence = 'weekly') = (weekday is not null)),
    check ((state = 'pending') = (confirm_token_sha256 is not null and confirm_by is not null))
);

create index subscription_email on subscription (lower(email));
create index subscription_pending on subscription (confirm_by) where state = 'pending';
