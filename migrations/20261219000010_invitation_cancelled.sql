-- Administrators cancel an invitation that is not accepted yet: its link stops working and
-- says it was cancelled, so the row stays, with when and by whom. Inviting the address again
-- makes a new open invitation beside the cancelled one.
alter table invitation
    add column cancelled_at timestamptz,
    add column cancelled_by text,
    add constraint invitation_cancelled_by_check check ((cancelled_at is null) = (cancelled_by is null)),
    add constraint invitation_cancelled_or_accepted_check check (cancelled_at is null or accepted_at is null);

drop index invitation_open_email_idx;
create unique index invitation_open_email_idx on invitation (email)
    where accepted_at is null and cancelled_at is null;
