-- Mandates found in operative paragraphs, and the reporting obligations they create.

-- A resolution or mandate missing from a revised text is retired, never deleted, so that
-- the obligations and status history attached to it survive the re-import.
alter table resolution add column retired_at timestamptz;

create table mandate (
    id bigint generated always as identity primary key,
    resolution_id bigint not null references resolution (id) on delete restrict,
    -- The paragraph the quote comes from; re-linked on every import (paragraph rows are
    -- rewritten when a text changes).
    paragraph_id bigint references paragraph (id) on delete set null,
    -- Identity across re-imports: paragraph, addressee and target, plus a counter for
    -- identical ones, so an edited quote updates the row instead of creating a new one.
    key text not null,
    position integer not null,
    paragraph_number text not null,
    verb text not null,
    addressee text not null,
    action text not null,
    is_reporting boolean not null,
    target_body text,
    target_session integer,
    target_session_label text,
    via_body text,
    recurrence text,
    quote text not null,
    retired_at timestamptz,
    constraint mandate_resolution_key_key unique (resolution_id, key),
    constraint mandate_recurrence_check
        check (recurrence in ('annual', 'biennial', 'triennial', 'quadrennial', 'periodic')),
    constraint mandate_target_session_positive check (target_session > 0)
);

create index mandate_resolution_id_idx on mandate (resolution_id);

-- One obligation per reporting mandate: the dated thing a secretariat tracks. Dates and the
-- status workflow come with the session calendar.
create table obligation (
    id bigint generated always as identity primary key,
    mandate_id bigint not null references mandate (id) on delete restrict,
    target_body text,
    target_session integer,
    status text not null default 'pending',
    -- Optimistic concurrency: every change bumps it; a change based on an old version fails.
    version integer not null default 1,
    created_at timestamptz not null default now(),
    constraint obligation_mandate_key unique (mandate_id)
);
