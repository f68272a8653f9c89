-- Deadlines written as a date or as a span from adoption rather than a session (issue 11):
-- "no later than 31 March 2027", "within 90 days of the adoption of the present resolution",
-- "within six months", "within 100 working days".
--
-- `mandate.due` keeps what the text says, in `domain::Due`'s stored form (`2027-03-31`,
-- `90 days`, `100 working days`, `6 months`); `obligation.due_on` is the day one occurrence is
-- due, counted from the adoption date when the text gives a span (null while that date is not
-- recorded). An obligation with a `due_on` is due on that day: it is both its submission and
-- its issuance deadline, whatever session the body holds then.
alter table mandate
    add column due text
        constraint mandate_due_check check (
            due is null or due ~ '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,9} (days|working days|months))$');

alter table obligation add column due_on date;

-- Readers' filters by deadline compute it (`coalesce(o.due_on, session opening - lead)`);
-- staff lists of what falls due on a day use this.
create index obligation_due_on_idx on obligation (due_on) where due_on is not null;
