-- Confirming a request looks for the address's other subscription to the same filter (to
-- merge them); by address, not by reading every subscription.
create index subscription_email_idx on subscription (email);
