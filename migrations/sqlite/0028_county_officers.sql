-- County officers (区县招商专员): a staff role tied to one county or district, as department
-- liaisons are tied to a department, that sees and works only that county's projects.
-- SQLite changes a table's CHECK constraints only by making the table again with its foreign
-- keys off, which a migration's transaction cannot do: the new role's name is added to the
-- checks of `users` and `roles_requiring_two_step` (and a county officer's county required)
-- right after the migrations, by `SqliteDb::widen_role_checks`.
alter table users add column county_id integer references counties (id);
