-- Three roles (issue 10). Viewers read everything staff read, internal notes included, and
-- change nothing; editors (the former `staff`) record progress and assign the work;
-- administrators also keep the calendar and the accounts.
alter table app_user drop constraint app_user_role_check;
update app_user set role = 'editor' where role = 'staff';
alter table app_user
    add constraint app_user_role_check check (role in ('viewer', 'editor', 'admin'));

-- The office a staff member works in: "My work" lists what is assigned to it besides what is
-- assigned to them. Offices are compared trimmed and without regard to case.
alter table app_user
    add column office text constraint app_user_office_check check (btrim(office) <> '');

create index obligation_office_idx on obligation (lower(btrim(office))) where office is not null;
