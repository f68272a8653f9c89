-- A note on a status change is internal (staff only) or public, and the form asks which
-- (issue 10). Notes written before were shown to everyone, and so are the notes the system
-- writes (recurrences, imports): they are public.
alter table obligation_event add column note_public boolean not null default true;

-- The reason shown on a withdrawn or discontinued obligation's page follows its note.
alter table obligation add column status_reason_public boolean not null default true;
