-- Which review states make a mandate tracked (it has an obligation and public pages show it),
-- named once for the queries that count or list tracked mandates. It mirrors
-- `Review::is_tracked` (app/src/domain/review.rs); a test checks that they agree on every
-- review state. A plain SQL function, immutable, so the planner inlines it.
create function tracked(review text) returns boolean
    language sql immutable parallel safe
    as $$ select review in ('confirmed', 'corrected') $$;
