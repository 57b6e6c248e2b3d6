-- The case list's common filters (status, type, owner) ordered newest first, so a page and
-- its capped count read an index range instead of the table.
create index cases_status_type on cases (status, case_type, id);
create index cases_type on cases (case_type, id);
create index cases_owner on cases (owner_id, id);
