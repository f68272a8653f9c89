-- Full-text search reads one stored vector per mandate, through a GIN index, instead of building
-- a vector from the quote, paragraph, title, addressee and body of every row at every search
-- (12 s for one search over 100,000 obligations).
--
-- The vector is kept by a trigger, so no insert or re-import can forget it: a re-import re-links
-- every mandate to its rewritten paragraph, which recomputes it. A body renamed afterwards is
-- found by its new name only once its mandates are imported again.
alter table mandate add column search tsvector;

create function mandate_search_vector() returns trigger language plpgsql as $$
begin
    new.search := to_tsvector('english',
        new.quote || ' '
        || coalesce((select p.text from paragraph p where p.id = new.paragraph_id), '') || ' '
        || coalesce((select r.title from resolution r where r.id = new.resolution_id), '') || ' '
        || new.addressee || ' ' || coalesce(new.target_body, '') || ' '
        || coalesce((select b.name || ' ' || b.code
                       from body b
                      where b.name = new.target_body
                         or b.id = (select a.body_id from body_alias a
                                     where a.alias = new.target_body)
                      limit 1), ''));
    return new;
end
$$;

create trigger mandate_search_vector
    before insert or update of quote, paragraph_id, addressee, target_body on mandate
    for each row execute function mandate_search_vector();

update mandate set quote = quote;
alter table mandate alter column search set not null;

create index mandate_search_idx on mandate using gin (search);
