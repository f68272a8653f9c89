-- Imports from the browser and the review queue (issue 10).
--
-- A mandate the extractor found in a text brought in through the browser starts `proposed`:
-- an editor confirms it (as found), corrects it (then `corrected`), rejects it, splits it (the
-- new part is a mandate of its own, `corrected`) or merges it into another (`merged`, with
-- `merged_into`). Only `confirmed` and `corrected` mandates are tracked: their obligations are
-- created at that decision, and only they appear on public pages. Mandates stored before this
-- migration, and those the command line imports, were trusted as found: `confirmed`.
alter table mandate add column review text not null default 'confirmed';
alter table mandate add constraint mandate_review_check
    check (review in ('proposed', 'confirmed', 'corrected', 'rejected', 'merged'));
alter table mandate add column merged_into bigint references mandate (id) on delete restrict;
alter table mandate add constraint mandate_merged_into_check
    check ((review = 'merged') = (merged_into is not null));

create index mandate_proposed_idx on mandate (resolution_id) where review = 'proposed';

-- Every decision on a mandate: who, when, what it was and what changed.
create table mandate_review (
    id bigint generated always as identity primary key,
    mandate_id bigint not null references mandate (id) on delete restrict,
    decision text not null,
    actor_id bigint references app_user (id) on delete restrict,
    actor text not null,
    at timestamptz not null default now(),
    -- The fields that changed, as [field, before, after] triples.
    changes jsonb not null default '[]',
    -- The mandate split from or merged with this one.
    other_mandate_id bigint references mandate (id) on delete restrict,
    constraint mandate_review_decision_check
        check (decision in ('confirmed', 'corrected', 'rejected', 'split', 'split_from', 'merged',
                            'merged_from'))
);

create index mandate_review_mandate_idx on mandate_review (mandate_id, at);

create trigger mandate_review_append_only
    before update or delete on mandate_review
    for each row execute function refuse_history_rewrite();

-- Who brought a document in, and when it was adopted. A draft in a Commission's report is
-- adopted later by the General Assembly or ECOSOC under its own symbol: the resolution keeps
-- both, and pages show the adopted symbol once it is recorded.
alter table document add column adopted_on date;
alter table document add column imported_by bigint references app_user (id) on delete restrict;
alter table resolution add column adopted_symbol text;
alter table resolution add column adopted_on date;
alter table resolution add constraint resolution_adopted_symbol_check
    check (adopted_symbol is null or btrim(adopted_symbol) <> '');

-- How pages name a resolution: by its adopted symbol once recorded, else by its label.
create function resolution_name(label text, adopted_symbol text) returns text
language sql immutable parallel safe as $$
    select case when adopted_symbol is null then label
                else adopted_symbol || ' (' || label || ')' end
$$;

-- A text being brought in: the file's text (or the pasted one) as staff edit it before the
-- import. Only its author sees it; importing it deletes it. No public page shows drafts.
create table import_draft (
    id bigint generated always as identity primary key,
    created_by bigint not null references app_user (id) on delete cascade,
    symbol text not null,
    adopted_on date,
    source_name text not null,
    source_format text not null,
    text text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create index import_draft_created_by_idx on import_draft (created_by, updated_at desc);

create trigger data_changed after insert or update or delete or truncate on mandate_review
    for each statement execute function notify_data_changed();
