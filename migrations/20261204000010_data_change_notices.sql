-- Every committed change to the tracker's data sends a notice on the channel `data_changed`
-- (payload: the table's name). The server listens and forgets the pages it keeps for readers
-- without a login (server/src/routes/page_cache.rs), so a change made by any process — another
-- server, an import or `calendar` command, psql — shows on the next page. PostgreSQL sends
-- notices at commit and folds the same notice repeated in one transaction into one.
--
-- Logins (`user_session`, written on every staff request) change no page a reader sees and are
-- left out. A table added later needs the trigger too: the test
-- `every_data_table_announces_its_changes` (server/tests/page_cache.rs) lists those without.
create function notify_data_changed() returns trigger
language plpgsql as $$
begin
    perform pg_notify('data_changed', tg_table_name);
    return null;
end;
$$;

do $$
declare
    name text;
begin
    for name in
        select tablename from pg_tables
         where schemaname = current_schema()
           and tablename not in ('user_session', '_sqlx_migrations')
    loop
        execute format(
            'create trigger data_changed after insert or update or delete or truncate on %I '
            'for each statement execute function notify_data_changed()', name);
    end loop;
end;
$$;
