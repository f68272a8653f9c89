-- The finder's full-text search: every search word must match, so the words' queries are
-- combined with AND (`&&`); PostgreSQL has no aggregate for that, so here is one.
create aggregate tsquery_and_all (tsquery) (sfunc = tsquery_and, stype = tsquery);
