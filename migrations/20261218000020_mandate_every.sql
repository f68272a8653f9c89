-- How often a periodic deadline falls due, when the text says it in days or months ("within
-- 90 days ... and every 90 days thereafter", "on a monthly basis"): the span between
-- occurrences, written as `mandate.due` writes a span ("90 days", "1 months", "6 months").
-- When an occurrence due on a day is delivered, the next is due one span after it (issue 11).
-- Rewritten by every import, except where an editor corrected the mandate.
alter table mandate
    add column every text
        constraint mandate_every_check check (every is null or every ~ '^[1-9][0-9]{0,3} (days|months)$');
