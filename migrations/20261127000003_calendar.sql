-- Intergovernmental bodies, their sessions, and obligations tied to a session.
-- Deadlines are never stored: they are derived from a session's opening date and its body's
-- lead times, so rescheduling a session moves every obligation due there at once.

create table body (
    id bigint generated always as identity primary key,
    code text not null,
    name text not null,
    kind text not null,
    -- Documentation rules: submitted ~10 weeks and issued 6 weeks before the opening.
    submission_lead_weeks integer not null default 10,
    issuance_lead_weeks integer not null default 6,
    -- Years between regular sessions (1 for the Commission and the Assembly, 5 for the Congress).
    cadence_years integer not null default 1,
    constraint body_code_key unique (code),
    constraint body_name_key unique (name),
    constraint body_kind_check
        check (kind in ('commission', 'assembly', 'council', 'congress', 'expert_group')),
    constraint body_lead_weeks_check
        check (submission_lead_weeks between 0 and 52 and issuance_lead_weeks between 0 and 52
               and issuance_lead_weeks <= submission_lead_weeks),
    constraint body_cadence_check check (cadence_years between 1 and 10)
);

-- Other names a text may use for a body ("the Fourteenth United Nations Congress on Crime
-- Prevention and Criminal Justice" names the Congress and its session 14).
create table body_alias (
    alias text primary key,
    body_id bigint not null references body (id) on delete cascade
);

create table session (
    id bigint generated always as identity primary key,
    body_id bigint not null references body (id) on delete restrict,
    number integer not null,
    label text not null,
    opens_on date,
    closes_on date,
    venue text,
    state text not null default 'planned',
    reconvened_opens_on date,
    reconvened_closes_on date,
    version integer not null default 1,
    constraint session_body_number_key unique (body_id, number),
    constraint session_number_positive check (number > 0),
    constraint session_state_check check (state in ('planned', 'held', 'postponed')),
    constraint session_dates_order check (closes_on is null or opens_on is null or closes_on >= opens_on),
    constraint session_reconvened_order
        check (reconvened_closes_on is null or reconvened_opens_on is null
               or reconvened_closes_on >= reconvened_opens_on)
);

-- Every change of a session's dates or state, for the timeline ("postponed from 20 April 2020
-- to 7 March 2021"). Append-only, like obligation events.
create table session_event (
    id bigint generated always as identity primary key,
    session_id bigint not null references session (id) on delete restrict,
    at timestamptz not null default now(),
    actor text not null,
    old_opens_on date,
    new_opens_on date,
    old_closes_on date,
    new_closes_on date,
    old_state text not null,
    new_state text not null,
    note text
);

alter table obligation
    add column session_id bigint references session (id) on delete restrict,
    add column kind text not null default 'report',
    add constraint obligation_kind_check check (kind in ('report', 'activity')),
    add constraint obligation_status_check check (status in (
        'pending', 'in_preparation', 'submitted', 'issued', 'considered', 'deferred',
        'merged', 'withdrawn', 'ongoing', 'completed', 'discontinued'));

create index obligation_session_id_idx on obligation (session_id);
