-- A recurring mandate (annual, biennial, ...) creates one obligation per occurrence: the next
-- one is created when the current one is issued or considered.

alter table obligation
    add column occurrence integer not null default 1,
    add column previous_id bigint references obligation (id) on delete restrict,
    drop constraint obligation_mandate_key,
    add constraint obligation_mandate_occurrence_key unique (mandate_id, occurrence),
    add constraint obligation_occurrence_positive check (occurrence > 0);
