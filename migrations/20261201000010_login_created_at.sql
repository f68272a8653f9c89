-- When a login began, so that it ends after an absolute lifetime (`--login-lifetime-minutes`)
-- however busy its cookie is kept; `expiry_date` alone moves forward with every request.
-- Rows that exist when this runs count from now: no one is logged out by the upgrade.
alter table user_session add column created_at timestamptz not null default now();

create index user_session_created_at_idx on user_session (created_at);
