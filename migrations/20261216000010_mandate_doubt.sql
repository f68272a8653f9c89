-- Why the extractor is not sure of a mandate (issue 11: "pronoun resolved to the last named
-- official", "several Secretariat actors asked together", "no recipient named"); null when it
-- is. Rewritten by every import, like the other fields the extractor reads. The review queue
-- puts the documents and mandates with a doubt first.
alter table mandate
    add column doubt text
        constraint mandate_doubt_check check (doubt is null or length(doubt) between 1 and 500);
