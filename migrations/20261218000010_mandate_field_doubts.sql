-- Which fields of a mandate the extractor read with low confidence, and why (issue 11:
-- "each mandate and each target field carries a confidence and the reason for a low one"):
-- a JSON array of {"field": "target_session", "reason": "..."}; empty when it is sure of
-- every field. `doubt` stays the mandate's own reason (that of its least sure field).
-- Rewritten by every import, like the other fields the extractor reads.
alter table mandate
    add column field_doubts jsonb not null default '[]'::jsonb
        constraint mandate_field_doubts_check
            check (jsonb_typeof(field_doubts) = 'array' and length(field_doubts::text) <= 4000);
