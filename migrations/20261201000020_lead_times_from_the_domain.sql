-- The default lead times (10 and 6 weeks) are a domain rule, written once in Rust
-- (`LeadTimes::default`); every body is inserted with them explicitly (`db::body::ensure`), so
-- the columns no longer carry their own copy.
alter table body alter column submission_lead_weeks drop default;
alter table body alter column issuance_lead_weeks drop default;
