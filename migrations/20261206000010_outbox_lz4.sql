-- Mail bodies are compressed with lz4 rather than pglz where the server has it: composing ten
-- thousand digests writes some 250 MB of text, and pglz spent most of the time of that write.
-- A server built without lz4 keeps pglz (the migration still succeeds).
do $$
begin
    alter table outbox
        alter column text_body set compression lz4,
        alter column html_body set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available; outbox bodies stay compressed with pglz';
end
$$;
