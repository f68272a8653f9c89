-- The body an obligation is owed to, found by the name or alias the text gives (`target_body`)
-- when the obligation is tracked; null while that body is unknown (set by a later import, as
-- the session is). An obligation due at a session also has that session's body, which stays
-- the one its session page and the finder use. One due on a day with no session (most
-- Security Council reports) or a continuing activity has only this: the finder's body filter
-- reads it for them (issue 8, `/obligations?body=sc`), from the partial index below.
alter table obligation
    add column body_id bigint references body (id) on delete set null;

update obligation o
   set body_id = coalesce((select b.id from body b where b.name = o.target_body),
                          (select a.body_id from body_alias a where a.alias = o.target_body),
                          (select s.body_id from session s where s.id = o.session_id));

create index obligation_sessionless_body_idx on obligation (body_id) where session_id is null;
