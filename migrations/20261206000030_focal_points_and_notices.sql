-- Managing the work: each obligation has a responsible office and a focal point (a staff
-- member); staff follow obligations; and each staff member chooses which short notices they
-- are mailed (issue 9's staff notices): assigned to them, one of theirs becoming at risk, one
-- they follow changing status.

alter table obligation
    add column office text
        constraint obligation_office_check check (office is null or length(office) between 1 and 200),
    add column focal_point_id bigint references app_user (id) on delete restrict;

create index obligation_focal_point_idx on obligation (focal_point_id)
    where focal_point_id is not null;

-- Who set an office or focal point, and when: never updated or deleted.
create table assignment_event (
    id bigint generated always as identity primary key,
    obligation_id bigint not null references obligation (id) on delete restrict,
    at timestamptz not null default now(),
    actor text not null,
    office text,
    focal_point_id bigint references app_user (id) on delete restrict
);

create index assignment_event_obligation_idx on assignment_event (obligation_id, at);

create trigger data_changed after insert or update or delete or truncate on assignment_event
    for each statement execute function notify_data_changed();

-- Staff following an obligation (staff-only information: no public page shows it, so it sends
-- no data_changed notice).
create table obligation_follow (
    user_id bigint not null references app_user (id) on delete cascade,
    obligation_id bigint not null references obligation (id) on delete cascade,
    since timestamptz not null default now(),
    primary key (user_id, obligation_id)
);

create index obligation_follow_obligation_idx on obligation_follow (obligation_id);

alter table app_user
    add column notify_assigned boolean not null default true,
    add column notify_at_risk boolean not null default true,
    add column notify_followed boolean not null default true;
