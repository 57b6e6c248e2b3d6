-- An enterprise's page lists its liaison officers, past and present: found from the enterprise,
-- not by reading every assignment (the only index on the enterprise held the present ones).
create index enterprise_liaisons_enterprise on enterprise_liaisons (enterprise_id, assigned_at);
