-- The transactional outbox (issue 9): every mail is written here in the same transaction as
-- what caused it (a subscription, a digest's period, a staff notice) and sent afterwards by a
-- worker (server/src/mail/worker.rs). A row is claimed with `for update skip locked` and a lease
-- (`claimed_until`): two workers never claim one row at once, and a worker killed while sending
-- leaves a row that another takes again when its lease ends. The same row is then sent again
-- under the same `message_id`, so delivery is at least once at the SMTP boundary and receivers
-- can tell a repeat by its Message-ID.
create table outbox (
    id bigserial primary key,
    -- At most one mail per key: `digest:<subscription>:<period>` makes each period's digest
    -- enqueued once, whichever process composes it.
    dedupe_key text unique check (length(dedupe_key) <= 200),
    kind text not null check (kind in ('confirmation', 'digest', 'notice', 'test')),
    recipient text not null check (length(recipient) between 3 and 254),
    subject text not null check (length(subject) <= 300),
    text_body text not null,
    html_body text,
    -- For `List-Unsubscribe` (with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
    unsubscribe_url text,
    message_id text not null unique,
    state text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until timestamptz,
    last_error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    check ((state = 'sending') = (claimed_until is not null))
);

create index outbox_due on outbox (next_attempt_at) where state in ('queued', 'sending');
create index outbox_recent on outbox (created_at desc);
