-- County officers (区县招商专员): a staff role tied to one county or district, as department
-- liaisons are tied to a department, that sees and works only that county's projects.
alter table users add column county_id bigint references counties (id);
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('admin', 'protocol_officer', 'liaison_officer',
    'department_liaison', 'leader', 'county_officer'));
alter table users add constraint users_county_officer_has_county check (role <> 'county_officer' or county_id is not null);
alter table roles_requiring_two_step drop constraint roles_requiring_two_step_role_check;
alter table roles_requiring_two_step add constraint roles_requiring_two_step_role_check check (role in ('admin',
    'protocol_officer', 'liaison_officer', 'department_liaison', 'leader', 'county_officer'));
