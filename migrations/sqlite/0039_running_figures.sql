-- The casework's figures on the leaders' dashboard as running totals, so that a year is read
-- from a few thousand rows however many cases there are (issue 26: 1 000 000). Triggers move
-- them in the transaction of every write to `cases` and `case_tasks`: no write path, import or
-- hand correction can forget them, and nothing recounts them at night. Office days are UTC+8,
-- like `domain::office_today`.
--
-- Each is kept per office day (`span` 'day', `starts_on` the day) and per month ('month', its
-- first day): a year is read from its twelve months, a custom range from its whole months and
-- the days at either end.
-- * `case_figures`: per type, the cases opened (and of them in the green channel) by their
--   creation, resolved (with a deadline, and by it) by `resolved_on`, rated (and their stars)
--   by `rated_at`.
-- * `task_figures`: per department, the tasks given and done.
-- * `speed`: how many cases (`kind` 'case', `key` the type) or tasks ('task', the department's
--   id) took each number of working days, by the day they were resolved or done. The working
--   days are counted by the server with the office calendar when a case is resolved (`cases.resolution_days`, the
--   days the clock stood still taken away) or a task done (`case_tasks.done_days`); rows
--   resolved before this migration are counted at the server's next start
--   (`cases::figures::fill`).
-- * `open_deadlines`: the cases still running ('case', key '') and the tasks not done ('task',
--   the department) by their deadline (a task without one under 9999-12-31): overdue today is
--   the sum before today.
-- * `enterprise_countries`: the enterprises by country, key or not (the register's count, its
--   key enterprises and the map).
-- * `enterprise_days`: the enterprises by the office day they were registered ('registered'),
--   by the day of their last contact ('contacted'), and, never contacted, by the day (UTC)
--   they were registered ('never'): those registered in a period, and those whose visit is
--   overdue (`enterprises::db::OVERDUE_SQL`: last contact before the cutoff's day, or none and
--   registered before its instant: the days before it from here, its own day through the index
--   at the end).
alter table cases add column resolution_days integer;
alter table case_tasks add column done_days integer;

create table case_figures (
    span text not null,
    starts_on text not null,
    case_type text not null,
    opened integer not null default 0,
    green integer not null default 0,
    resolved integer not null default 0,
    with_deadline integer not null default 0,
    on_time integer not null default 0,
    ratings integer not null default 0,
    stars integer not null default 0,
    primary key (span, starts_on, case_type)
) without rowid;

create table task_figures (
    span text not null,
    starts_on text not null,
    department_id integer not null,
    assigned integer not null default 0,
    done integer not null default 0,
    primary key (span, starts_on, department_id)
) without rowid;

create table speed (
    kind text not null,
    span text not null,
    starts_on text not null,
    key text not null,
    days integer not null,
    n integer not null,
    primary key (kind, span, starts_on, key, days)
) without rowid;

create table open_deadlines (
    kind text not null,
    key text not null,
    due_on text not null,
    n integer not null,
    primary key (kind, key, due_on)
) without rowid;

-- Each trigger adds a row's part (+1) or takes it away (-1); an update takes the old row's
-- part away and adds the new one's only when a column the part reads changed.

create trigger cases_counted_insert after insert on cases begin
    insert into case_figures (span, starts_on, case_type, opened, green)
        select s.span, s.starts_on, new.case_type, 1, new.green_channel
        from (select 'day' as span, date(new.created_at, '+8 hours') as starts_on
              union all select 'month', date(date(new.created_at, '+8 hours'), 'start of month')) s where true
        on conflict (span, starts_on, case_type) do update set opened = opened + excluded.opened, green = green + excluded.green;
    insert into case_figures (span, starts_on, case_type, resolved, with_deadline, on_time)
        select s.span, s.starts_on, new.case_type, 1, new.due_on is not null, coalesce(new.resolved_on <= new.due_on, 0)
        from (select 'day' as span, new.resolved_on as starts_on
              union all select 'month', date(new.resolved_on, 'start of month')) s
        where new.resolved_on is not null
        on conflict (span, starts_on, case_type) do update set resolved = resolved + excluded.resolved,
            with_deadline = with_deadline + excluded.with_deadline, on_time = on_time + excluded.on_time;
    insert into case_figures (span, starts_on, case_type, ratings, stars)
        select s.span, s.starts_on, new.case_type, 1, new.rating
        from (select 'day' as span, date(new.rated_at, '+8 hours') as starts_on
              union all select 'month', date(date(new.rated_at, '+8 hours'), 'start of month')) s
        where new.rated_at is not null and new.rating is not null
        on conflict (span, starts_on, case_type) do update set ratings = ratings + excluded.ratings, stars = stars + excluded.stars;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'case', s.span, s.starts_on, new.case_type, new.resolution_days, 1
        from (select 'day' as span, new.resolved_on as starts_on
              union all select 'month', date(new.resolved_on, 'start of month')) s
        where new.resolved_on is not null and new.resolution_days is not null
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'case', '', new.due_on, 1
        where new.status in ('submitted', 'accepted', 'in_progress') and new.due_on is not null
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
end;

create trigger cases_counted_update after update of created_at, case_type, green_channel, resolved_on, due_on,
    rated_at, rating, resolution_days, status on cases begin
    -- opened
    insert into case_figures (span, starts_on, case_type, opened, green)
        select s.span, s.starts_on, old.case_type, -1, -old.green_channel
        from (select 'day' as span, date(old.created_at, '+8 hours') as starts_on
              union all select 'month', date(date(old.created_at, '+8 hours'), 'start of month')) s
        where old.created_at is not new.created_at or old.case_type is not new.case_type
            or old.green_channel is not new.green_channel
        on conflict (span, starts_on, case_type) do update set opened = opened + excluded.opened, green = green + excluded.green;
    insert into case_figures (span, starts_on, case_type, opened, green)
        select s.span, s.starts_on, new.case_type, 1, new.green_channel
        from (select 'day' as span, date(new.created_at, '+8 hours') as starts_on
              union all select 'month', date(date(new.created_at, '+8 hours'), 'start of month')) s
        where old.created_at is not new.created_at or old.case_type is not new.case_type
            or old.green_channel is not new.green_channel
        on conflict (span, starts_on, case_type) do update set opened = opened + excluded.opened, green = green + excluded.green;
    -- resolved
    insert into case_figures (span, starts_on, case_type, resolved, with_deadline, on_time)
        select s.span, s.starts_on, old.case_type, -1, -(old.due_on is not null), -coalesce(old.resolved_on <= old.due_on, 0)
        from (select 'day' as span, old.resolved_on as starts_on
              union all select 'month', date(old.resolved_on, 'start of month')) s
        where old.resolved_on is not null and (old.resolved_on is not new.resolved_on
            or old.case_type is not new.case_type or old.due_on is not new.due_on)
        on conflict (span, starts_on, case_type) do update set resolved = resolved + excluded.resolved,
            with_deadline = with_deadline + excluded.with_deadline, on_time = on_time + excluded.on_time;
    insert into case_figures (span, starts_on, case_type, resolved, with_deadline, on_time)
        select s.span, s.starts_on, new.case_type, 1, new.due_on is not null, coalesce(new.resolved_on <= new.due_on, 0)
        from (select 'day' as span, new.resolved_on as starts_on
              union all select 'month', date(new.resolved_on, 'start of month')) s
        where new.resolved_on is not null and (old.resolved_on is not new.resolved_on
            or old.case_type is not new.case_type or old.due_on is not new.due_on)
        on conflict (span, starts_on, case_type) do update set resolved = resolved + excluded.resolved,
            with_deadline = with_deadline + excluded.with_deadline, on_time = on_time + excluded.on_time;
    -- rated
    insert into case_figures (span, starts_on, case_type, ratings, stars)
        select s.span, s.starts_on, old.case_type, -1, -old.rating
        from (select 'day' as span, date(old.rated_at, '+8 hours') as starts_on
              union all select 'month', date(date(old.rated_at, '+8 hours'), 'start of month')) s
        where old.rated_at is not null and old.rating is not null and (old.rated_at is not new.rated_at
            or old.rating is not new.rating or old.case_type is not new.case_type)
        on conflict (span, starts_on, case_type) do update set ratings = ratings + excluded.ratings, stars = stars + excluded.stars;
    insert into case_figures (span, starts_on, case_type, ratings, stars)
        select s.span, s.starts_on, new.case_type, 1, new.rating
        from (select 'day' as span, date(new.rated_at, '+8 hours') as starts_on
              union all select 'month', date(date(new.rated_at, '+8 hours'), 'start of month')) s
        where new.rated_at is not null and new.rating is not null and (old.rated_at is not new.rated_at
            or old.rating is not new.rating or old.case_type is not new.case_type)
        on conflict (span, starts_on, case_type) do update set ratings = ratings + excluded.ratings, stars = stars + excluded.stars;
    -- speed
    insert into speed (kind, span, starts_on, key, days, n)
        select 'case', s.span, s.starts_on, old.case_type, old.resolution_days, -1
        from (select 'day' as span, old.resolved_on as starts_on
              union all select 'month', date(old.resolved_on, 'start of month')) s
        where old.resolved_on is not null and old.resolution_days is not null
            and (old.resolved_on is not new.resolved_on or old.resolution_days is not new.resolution_days
                or old.case_type is not new.case_type)
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'case', s.span, s.starts_on, new.case_type, new.resolution_days, 1
        from (select 'day' as span, new.resolved_on as starts_on
              union all select 'month', date(new.resolved_on, 'start of month')) s
        where new.resolved_on is not null and new.resolution_days is not null
            and (old.resolved_on is not new.resolved_on or old.resolution_days is not new.resolution_days
                or old.case_type is not new.case_type)
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    -- running, by deadline
    insert into open_deadlines (kind, key, due_on, n)
        select 'case', '', old.due_on, -1
        where old.status in ('submitted', 'accepted', 'in_progress') and old.due_on is not null
            and (old.status is not new.status or old.due_on is not new.due_on)
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'case', '', new.due_on, 1
        where new.status in ('submitted', 'accepted', 'in_progress') and new.due_on is not null
            and (old.status is not new.status or old.due_on is not new.due_on)
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
end;

create trigger cases_counted_delete after delete on cases begin
    insert into case_figures (span, starts_on, case_type, opened, green)
        select s.span, s.starts_on, old.case_type, -1, -old.green_channel
        from (select 'day' as span, date(old.created_at, '+8 hours') as starts_on
              union all select 'month', date(date(old.created_at, '+8 hours'), 'start of month')) s where true
        on conflict (span, starts_on, case_type) do update set opened = opened + excluded.opened, green = green + excluded.green;
    insert into case_figures (span, starts_on, case_type, resolved, with_deadline, on_time)
        select s.span, s.starts_on, old.case_type, -1, -(old.due_on is not null), -coalesce(old.resolved_on <= old.due_on, 0)
        from (select 'day' as span, old.resolved_on as starts_on
              union all select 'month', date(old.resolved_on, 'start of month')) s
        where old.resolved_on is not null
        on conflict (span, starts_on, case_type) do update set resolved = resolved + excluded.resolved,
            with_deadline = with_deadline + excluded.with_deadline, on_time = on_time + excluded.on_time;
    insert into case_figures (span, starts_on, case_type, ratings, stars)
        select s.span, s.starts_on, old.case_type, -1, -old.rating
        from (select 'day' as span, date(old.rated_at, '+8 hours') as starts_on
              union all select 'month', date(date(old.rated_at, '+8 hours'), 'start of month')) s
        where old.rated_at is not null and old.rating is not null
        on conflict (span, starts_on, case_type) do update set ratings = ratings + excluded.ratings, stars = stars + excluded.stars;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'case', s.span, s.starts_on, old.case_type, old.resolution_days, -1
        from (select 'day' as span, old.resolved_on as starts_on
              union all select 'month', date(old.resolved_on, 'start of month')) s
        where old.resolved_on is not null and old.resolution_days is not null
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'case', '', old.due_on, -1
        where old.status in ('submitted', 'accepted', 'in_progress') and old.due_on is not null
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
end;

create trigger case_tasks_counted_insert after insert on case_tasks begin
    insert into task_figures (span, starts_on, department_id, assigned)
        select s.span, s.starts_on, new.department_id, 1
        from (select 'day' as span, new.assigned_on as starts_on
              union all select 'month', date(new.assigned_on, 'start of month')) s where new.assigned_on is not null
        on conflict (span, starts_on, department_id) do update set assigned = assigned + excluded.assigned;
    insert into task_figures (span, starts_on, department_id, done)
        select s.span, s.starts_on, new.department_id, 1
        from (select 'day' as span, new.done_on as starts_on
              union all select 'month', date(new.done_on, 'start of month')) s where new.done_on is not null
        on conflict (span, starts_on, department_id) do update set done = done + excluded.done;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'task', s.span, s.starts_on, cast(new.department_id as text), new.done_days, 1
        from (select 'day' as span, new.done_on as starts_on
              union all select 'month', date(new.done_on, 'start of month')) s
        where new.done_on is not null and new.done_days is not null
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'task', cast(new.department_id as text), coalesce(new.due_on, '9999-12-31'), 1
        where new.status <> 'done'
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
end;

create trigger case_tasks_counted_update after update of department_id, assigned_on, done_on, done_days, status,
    due_on on case_tasks begin
    insert into task_figures (span, starts_on, department_id, assigned)
        select s.span, s.starts_on, old.department_id, -1
        from (select 'day' as span, old.assigned_on as starts_on
              union all select 'month', date(old.assigned_on, 'start of month')) s
        where old.assigned_on is not null
            and (old.assigned_on is not new.assigned_on or old.department_id is not new.department_id)
        on conflict (span, starts_on, department_id) do update set assigned = assigned + excluded.assigned;
    insert into task_figures (span, starts_on, department_id, assigned)
        select s.span, s.starts_on, new.department_id, 1
        from (select 'day' as span, new.assigned_on as starts_on
              union all select 'month', date(new.assigned_on, 'start of month')) s
        where new.assigned_on is not null
            and (old.assigned_on is not new.assigned_on or old.department_id is not new.department_id)
        on conflict (span, starts_on, department_id) do update set assigned = assigned + excluded.assigned;
    insert into task_figures (span, starts_on, department_id, done)
        select s.span, s.starts_on, old.department_id, -1
        from (select 'day' as span, old.done_on as starts_on
              union all select 'month', date(old.done_on, 'start of month')) s
        where old.done_on is not null
            and (old.done_on is not new.done_on or old.department_id is not new.department_id)
        on conflict (span, starts_on, department_id) do update set done = done + excluded.done;
    insert into task_figures (span, starts_on, department_id, done)
        select s.span, s.starts_on, new.department_id, 1
        from (select 'day' as span, new.done_on as starts_on
              union all select 'month', date(new.done_on, 'start of month')) s
        where new.done_on is not null
            and (old.done_on is not new.done_on or old.department_id is not new.department_id)
        on conflict (span, starts_on, department_id) do update set done = done + excluded.done;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'task', s.span, s.starts_on, cast(old.department_id as text), old.done_days, -1
        from (select 'day' as span, old.done_on as starts_on
              union all select 'month', date(old.done_on, 'start of month')) s
        where old.done_on is not null and old.done_days is not null
            and (old.done_on is not new.done_on or old.done_days is not new.done_days
                or old.department_id is not new.department_id)
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'task', s.span, s.starts_on, cast(new.department_id as text), new.done_days, 1
        from (select 'day' as span, new.done_on as starts_on
              union all select 'month', date(new.done_on, 'start of month')) s
        where new.done_on is not null and new.done_days is not null
            and (old.done_on is not new.done_on or old.done_days is not new.done_days
                or old.department_id is not new.department_id)
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'task', cast(old.department_id as text), coalesce(old.due_on, '9999-12-31'), -1
        where old.status <> 'done' and (old.status is not new.status or old.due_on is not new.due_on
            or old.department_id is not new.department_id)
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'task', cast(new.department_id as text), coalesce(new.due_on, '9999-12-31'), 1
        where new.status <> 'done' and (old.status is not new.status or old.due_on is not new.due_on
            or old.department_id is not new.department_id)
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
end;

create trigger case_tasks_counted_delete after delete on case_tasks begin
    insert into task_figures (span, starts_on, department_id, assigned)
        select s.span, s.starts_on, old.department_id, -1
        from (select 'day' as span, old.assigned_on as starts_on
              union all select 'month', date(old.assigned_on, 'start of month')) s where old.assigned_on is not null
        on conflict (span, starts_on, department_id) do update set assigned = assigned + excluded.assigned;
    insert into task_figures (span, starts_on, department_id, done)
        select s.span, s.starts_on, old.department_id, -1
        from (select 'day' as span, old.done_on as starts_on
              union all select 'month', date(old.done_on, 'start of month')) s where old.done_on is not null
        on conflict (span, starts_on, department_id) do update set done = done + excluded.done;
    insert into speed (kind, span, starts_on, key, days, n)
        select 'task', s.span, s.starts_on, cast(old.department_id as text), old.done_days, -1
        from (select 'day' as span, old.done_on as starts_on
              union all select 'month', date(old.done_on, 'start of month')) s
        where old.done_on is not null and old.done_days is not null
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
    insert into open_deadlines (kind, key, due_on, n)
        select 'task', cast(old.department_id as text), coalesce(old.due_on, '9999-12-31'), -1
        where old.status <> 'done'
        on conflict (kind, key, due_on) do update set n = n + excluded.n;
end;

-- The rows already there, counted once (their working days at the next start, see above).
create temporary table counted_cases as
select day, case_type, sum(opened) as opened, sum(green) as green, sum(resolved) as resolved,
       sum(with_deadline) as with_deadline, sum(on_time) as on_time, sum(ratings) as ratings, sum(stars) as stars
from (select date(created_at, '+8 hours') as day, case_type, 1 as opened, green_channel as green, 0 as resolved,
             0 as with_deadline, 0 as on_time, 0 as ratings, 0 as stars from cases
      union all
      select resolved_on, case_type, 0, 0, 1, due_on is not null, coalesce(resolved_on <= due_on, 0), 0, 0
      from cases where resolved_on is not null
      union all
      select date(rated_at, '+8 hours'), case_type, 0, 0, 0, 0, 0, 1, rating
      from cases where rated_at is not null and rating is not null) parts
group by day, case_type;
insert into case_figures (span, starts_on, case_type, opened, green, resolved, with_deadline, on_time, ratings, stars)
select 'day', day, case_type, opened, green, resolved, with_deadline, on_time, ratings, stars from counted_cases
union all
select 'month', date(day, 'start of month'), case_type, sum(opened), sum(green), sum(resolved), sum(with_deadline),
       sum(on_time), sum(ratings), sum(stars)
from counted_cases group by date(day, 'start of month'), case_type;
drop table counted_cases;

create temporary table counted_tasks as
select day, department_id, sum(assigned) as assigned, sum(done) as done
from (select assigned_on as day, department_id, 1 as assigned, 0 as done from case_tasks where assigned_on is not null
      union all
      select done_on, department_id, 0, 1 from case_tasks where done_on is not null) parts
group by day, department_id;
insert into task_figures (span, starts_on, department_id, assigned, done)
select 'day', day, department_id, assigned, done from counted_tasks
union all
select 'month', date(day, 'start of month'), department_id, sum(assigned), sum(done)
from counted_tasks group by date(day, 'start of month'), department_id;
drop table counted_tasks;

insert into open_deadlines (kind, key, due_on, n)
select 'case', '', due_on, count(*) from cases
where status in ('submitted', 'accepted', 'in_progress') and due_on is not null group by due_on;

insert into open_deadlines (kind, key, due_on, n)
select 'task', cast(department_id as text), coalesce(due_on, '9999-12-31'), count(*) from case_tasks
where status <> 'done' group by department_id, coalesce(due_on, '9999-12-31');

-- What is left to measure at the next start, found without reading every row.
create index cases_unmeasured on cases (id)
    where resolution_days is null and resolved_on is not null and sla_start_on is not null;
create index case_tasks_unmeasured on case_tasks (id)
    where done_days is null and done_on is not null and assigned_on is not null;

-- What the dashboard read before these totals, no longer read.
drop index cases_by_resolution;
drop index cases_by_creation;
drop index case_tasks_by_done;
drop index case_tasks_by_assignment;
drop index cases_by_rating;

create table enterprise_countries (
    country text not null,
    is_key integer not null,
    n integer not null,
    primary key (country, is_key)
) without rowid;

create trigger enterprises_counted_insert after insert on enterprises begin
    insert into enterprise_countries (country, is_key, n) values (new.country, new.is_key, 1)
        on conflict (country, is_key) do update set n = n + excluded.n;
end;

create trigger enterprises_counted_update after update of country, is_key on enterprises
    when old.country is not new.country or old.is_key is not new.is_key begin
    insert into enterprise_countries (country, is_key, n) values (old.country, old.is_key, -1)
        on conflict (country, is_key) do update set n = n + excluded.n;
    insert into enterprise_countries (country, is_key, n) values (new.country, new.is_key, 1)
        on conflict (country, is_key) do update set n = n + excluded.n;
end;

create trigger enterprises_counted_delete after delete on enterprises begin
    insert into enterprise_countries (country, is_key, n) values (old.country, old.is_key, -1)
        on conflict (country, is_key) do update set n = n + excluded.n;
end;

insert into enterprise_countries (country, is_key, n)
select country, is_key, count(*) from enterprises group by country, is_key;

create table enterprise_days (
    kind text not null,
    day text not null,
    n integer not null,
    primary key (kind, day)
) without rowid;

create trigger enterprise_days_insert after insert on enterprises begin
    insert into enterprise_days (kind, day, n) values ('registered', date(new.created_at, '+8 hours'), 1)
        on conflict (kind, day) do update set n = n + excluded.n;
    insert into enterprise_days (kind, day, n)
        values (case when new.last_contact_on is null then 'never' else 'contacted' end,
                coalesce(new.last_contact_on, date(new.created_at)), 1)
        on conflict (kind, day) do update set n = n + excluded.n;
end;

create trigger enterprise_days_update after update of created_at, last_contact_on on enterprises
    when old.created_at is not new.created_at or old.last_contact_on is not new.last_contact_on begin
    insert into enterprise_days (kind, day, n) values ('registered', date(old.created_at, '+8 hours'), -1)
        on conflict (kind, day) do update set n = n + excluded.n;
    insert into enterprise_days (kind, day, n)
        values (case when old.last_contact_on is null then 'never' else 'contacted' end,
                coalesce(old.last_contact_on, date(old.created_at)), -1)
        on conflict (kind, day) do update set n = n + excluded.n;
    insert into enterprise_days (kind, day, n) values ('registered', date(new.created_at, '+8 hours'), 1)
        on conflict (kind, day) do update set n = n + excluded.n;
    insert into enterprise_days (kind, day, n)
        values (case when new.last_contact_on is null then 'never' else 'contacted' end,
                coalesce(new.last_contact_on, date(new.created_at)), 1)
        on conflict (kind, day) do update set n = n + excluded.n;
end;

create trigger enterprise_days_delete after delete on enterprises begin
    insert into enterprise_days (kind, day, n) values ('registered', date(old.created_at, '+8 hours'), -1)
        on conflict (kind, day) do update set n = n + excluded.n;
    insert into enterprise_days (kind, day, n)
        values (case when old.last_contact_on is null then 'never' else 'contacted' end,
                coalesce(old.last_contact_on, date(old.created_at)), -1)
        on conflict (kind, day) do update set n = n + excluded.n;
end;

insert into enterprise_days (kind, day, n)
select kind, day, count(*) from (
    select 'registered' as kind, date(created_at, '+8 hours') as day from enterprises
    union all
    select case when last_contact_on is null then 'never' else 'contacted' end,
           coalesce(last_contact_on, date(created_at)) from enterprises) parts
group by kind, day;

-- The last contact's index, with the day of registration for those never contacted.
drop index enterprises_last_contact;
create index enterprises_last_contact on enterprises (last_contact_on, created_at);
