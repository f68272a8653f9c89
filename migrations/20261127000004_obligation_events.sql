-- The status workflow's history. Every status change writes one event in the same transaction
-- as the change; events are never updated or deleted (enforced here, not only in code).

alter table obligation
    add column document_symbol text,
    add column merged_into_id bigint references obligation (id) on delete restrict,
    add column status_reason text,
    add constraint obligation_not_merged_into_itself check (merged_into_id <> id);

create table obligation_event (
    id bigint generated always as identity primary key,
    obligation_id bigint not null references obligation (id) on delete restrict,
    at timestamptz not null default now(),
    actor text not null,
    from_status text not null,
    to_status text not null,
    note text,
    document_symbol text,
    merged_into_id bigint references obligation (id) on delete restrict,
    from_session_id bigint references session (id) on delete restrict,
    to_session_id bigint references session (id) on delete restrict
);

create index obligation_event_obligation_id_idx on obligation_event (obligation_id, at);

create function refuse_history_rewrite() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only: history cannot be changed or deleted', tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger obligation_event_append_only
    before update or delete on obligation_event
    for each row execute function refuse_history_rewrite();
create trigger obligation_event_no_truncate
    before truncate on obligation_event
    for each statement execute function refuse_history_rewrite();
create trigger session_event_append_only
    before update or delete on session_event
    for each row execute function refuse_history_rewrite();
create trigger session_event_no_truncate
    before truncate on session_event
    for each statement execute function refuse_history_rewrite();
