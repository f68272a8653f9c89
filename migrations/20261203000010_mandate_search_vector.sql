-- Full-text search reads one stored vector per mandate, through a GIN index, instead of building
-- a vector from the quote, paragraph, title, addressee and body of every row at every search
-- (12 s for one search over 100,000 obligations).
--
-- The vector is kept by triggers, so no insert or re-import can forget it: a re-import re-links
-- every mandate to its rewritten paragraph, which recomputes it, and a body added, renamed or
-- given an alias recomputes the mandates that name it. (A renamed body's mandates that name it
-- by its old name find it again only if the old name is kept as an alias.)
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
                      order by b.name = new.target_body desc, b.id
                      limit 1), ''));
    return new;
end
$$;

create trigger mandate_search_vector
    before insert or update of quote, paragraph_id, addressee, target_body on mandate
    for each row execute function mandate_search_vector();

create function mandate_search_vector_of_body() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'body' then
        -- `old` is null for an insert.
        update mandate set target_body = target_body
         where target_body in (new.name, old.name)
            or target_body in (select alias from body_alias where body_id = new.id);
    else
        update mandate set target_body = target_body where target_body = new.alias;
    end if;
    return null;
end
$$;

create trigger body_search_vector_insert
    after insert on body
    for each row execute function mandate_search_vector_of_body();

-- Only a real change: the calendar loader rewrites every body's code on each load.
create trigger body_search_vector_update
    after update of name, code on body
    for each row when (old.name is distinct from new.name or old.code is distinct from new.code)
    execute function mandate_search_vector_of_body();

create trigger body_alias_search_vector
    after insert or update on body_alias
    for each row execute function mandate_search_vector_of_body();

update mandate set quote = quote;
alter table mandate alter column search set not null;

create index mandate_search_idx on mandate using gin (search);
