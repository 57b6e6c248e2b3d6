-- What the dashboard reads of the casework's speed without walking the case log, each kept in
-- the transaction of the write that changes it:
-- * `cases.resolved_on`, the office day a case was last resolved (cleared when it is
--   reopened): the cases resolved in a period, on time when it is not after `due_on`;
-- * `case_tasks.assigned_on` and `done_on`, the office days a department's task was given and
--   done: its turnaround in working days.
-- Office days are UTC+8, like `domain::office_today`.
alter table cases add column resolved_on date;
alter table case_tasks add column assigned_on date;
alter table case_tasks add column done_on date;

update cases set resolved_on = (
    select (max(e.created_at) at time zone interval '08:00')::date from case_events e
    where e.case_id = cases.id and e.kind = 'status_changed' and e.to_status = 'resolved')
    where status in ('resolved', 'closed');
update case_tasks set assigned_on = (created_at at time zone interval '08:00')::date;
update case_tasks set done_on = (updated_at at time zone interval '08:00')::date where status = 'done';

create index cases_by_resolution on cases (resolved_on, case_type);
create index cases_by_creation on cases (created_at, case_type, green_channel);
create index case_tasks_by_done on case_tasks (done_on, department_id);
create index case_tasks_by_assignment on case_tasks (assigned_on, department_id);
create index cases_by_rating on cases (rated_at, rating);
