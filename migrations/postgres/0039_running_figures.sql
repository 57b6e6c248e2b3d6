-- The casework's figures on the leaders' dashboard as running totals, so that a year is read
-- from a few thousand rows however many cases there are (issue 26: 1 000 000). Triggers move
-- them in the transaction of every write to `cases` and `case_tasks`: no write path, import or
-- hand correction can forget them, and nothing recounts them at night. Office days are UTC+8,
-- like `domain::office_today`. The tables are described in the SQLite migration of the same
-- number; the triggers here call one function per part of a row, with +1 or -1.
alter table cases add column resolution_days integer;
alter table case_tasks add column done_days integer;

create table case_figures (
    span text not null,
    starts_on date not null,
    case_type text not null,
    opened bigint not null default 0,
    green bigint not null default 0,
    resolved bigint not null default 0,
    with_deadline bigint not null default 0,
    on_time bigint not null default 0,
    ratings bigint not null default 0,
    stars bigint not null default 0,
    primary key (span, starts_on, case_type)
);

create table task_figures (
    span text not null,
    starts_on date not null,
    department_id bigint not null,
    assigned bigint not null default 0,
    done bigint not null default 0,
    primary key (span, starts_on, department_id)
);

create table speed (
    kind text not null,
    span text not null,
    starts_on date not null,
    key text not null,
    days integer not null,
    n bigint not null,
    primary key (kind, span, starts_on, key, days)
);

create table open_deadlines (
    kind text not null,
    key text not null,
    due_on date not null,
    n bigint not null,
    primary key (kind, key, due_on)
);

create function office_day(at timestamptz) returns date language sql immutable as
    $$ select (at at time zone interval '08:00')::date $$;

-- The two rows a day is counted in: its own and its month's.
create function spans(day date) returns table (span text, starts_on date) language sql immutable as
    $$ select 'day', day union all select 'month', date_trunc('month', day)::date $$;

create function count_speed(a_kind text, a_key text, a_day date, a_days integer, delta integer) returns void
language plpgsql as $$
begin
    if a_day is null or a_days is null then
        return;
    end if;
    insert into speed as s (kind, span, starts_on, key, days, n)
        values (a_kind, 'day', a_day, a_key, a_days, delta),
               (a_kind, 'month', date_trunc('month', a_day)::date, a_key, a_days, delta)
        on conflict (kind, span, starts_on, key, days) do update set n = s.n + excluded.n;
end $$;

create function count_deadline(a_kind text, a_key text, a_due date, delta integer) returns void
language plpgsql as $$
begin
    insert into open_deadlines as o (kind, key, due_on, n) values (a_kind, a_key, a_due, delta)
        on conflict (kind, key, due_on) do update set n = o.n + excluded.n;
end $$;

create function count_case_opened(c cases, delta integer) returns void language plpgsql as $$
begin
    insert into case_figures as f (span, starts_on, case_type, opened, green)
        select s.span, s.starts_on, c.case_type, delta, case when c.green_channel then delta else 0 end
        from spans(office_day(c.created_at)) s
        on conflict (span, starts_on, case_type) do update set opened = f.opened + excluded.opened,
            green = f.green + excluded.green;
end $$;

create function count_case_resolved(c cases, delta integer) returns void language plpgsql as $$
begin
    if c.resolved_on is null then
        return;
    end if;
    insert into case_figures as f (span, starts_on, case_type, resolved, with_deadline, on_time)
        select s.span, s.starts_on, c.case_type, delta, case when c.due_on is not null then delta else 0 end,
               case when c.resolved_on <= c.due_on then delta else 0 end
        from spans(c.resolved_on) s
        on conflict (span, starts_on, case_type) do update set resolved = f.resolved + excluded.resolved,
            with_deadline = f.with_deadline + excluded.with_deadline, on_time = f.on_time + excluded.on_time;
end $$;

create function count_case_rated(c cases, delta integer) returns void language plpgsql as $$
begin
    if c.rated_at is null or c.rating is null then
        return;
    end if;
    insert into case_figures as f (span, starts_on, case_type, ratings, stars)
        select s.span, s.starts_on, c.case_type, delta, delta * c.rating from spans(office_day(c.rated_at)) s
        on conflict (span, starts_on, case_type) do update set ratings = f.ratings + excluded.ratings,
            stars = f.stars + excluded.stars;
end $$;

create function count_case_running(c cases, delta integer) returns void language plpgsql as $$
begin
    if c.status in ('submitted', 'accepted', 'in_progress') and c.due_on is not null then
        perform count_deadline('case', '', c.due_on, delta);
    end if;
end $$;

create function cases_counted() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform count_case_opened(new, 1);
        perform count_case_resolved(new, 1);
        perform count_case_rated(new, 1);
        perform count_speed('case', new.case_type, new.resolved_on, new.resolution_days, 1);
        perform count_case_running(new, 1);
    elsif tg_op = 'DELETE' then
        perform count_case_opened(old, -1);
        perform count_case_resolved(old, -1);
        perform count_case_rated(old, -1);
        perform count_speed('case', old.case_type, old.resolved_on, old.resolution_days, -1);
        perform count_case_running(old, -1);
    else
        if (old.created_at, old.case_type, old.green_channel)
            is distinct from (new.created_at, new.case_type, new.green_channel) then
            perform count_case_opened(old, -1);
            perform count_case_opened(new, 1);
        end if;
        if (old.resolved_on, old.case_type, old.due_on) is distinct from (new.resolved_on, new.case_type, new.due_on) then
            perform count_case_resolved(old, -1);
            perform count_case_resolved(new, 1);
        end if;
        if (old.rated_at, old.rating, old.case_type) is distinct from (new.rated_at, new.rating, new.case_type) then
            perform count_case_rated(old, -1);
            perform count_case_rated(new, 1);
        end if;
        if (old.resolved_on, old.resolution_days, old.case_type)
            is distinct from (new.resolved_on, new.resolution_days, new.case_type) then
            perform count_speed('case', old.case_type, old.resolved_on, old.resolution_days, -1);
            perform count_speed('case', new.case_type, new.resolved_on, new.resolution_days, 1);
        end if;
        if (old.status, old.due_on) is distinct from (new.status, new.due_on) then
            perform count_case_running(old, -1);
            perform count_case_running(new, 1);
        end if;
    end if;
    return null;
end $$;

create trigger cases_counted after insert or delete on cases for each row execute function cases_counted();
create trigger cases_counted_update after update of created_at, case_type, green_channel, resolved_on, due_on,
    rated_at, rating, resolution_days, status on cases for each row execute function cases_counted();

create function count_task(t case_tasks, delta integer, is_given boolean, is_done boolean, is_open boolean) returns void
language plpgsql as $$
begin
    if is_given and t.assigned_on is not null then
        insert into task_figures as f (span, starts_on, department_id, assigned)
            select s.span, s.starts_on, t.department_id, delta from spans(t.assigned_on) s
            on conflict (span, starts_on, department_id) do update set assigned = f.assigned + excluded.assigned;
    end if;
    if is_done and t.done_on is not null then
        insert into task_figures as f (span, starts_on, department_id, done)
            select s.span, s.starts_on, t.department_id, delta from spans(t.done_on) s
            on conflict (span, starts_on, department_id) do update set done = f.done + excluded.done;
        perform count_speed('task', t.department_id::text, t.done_on, t.done_days, delta);
    end if;
    if is_open and t.status <> 'done' then
        perform count_deadline('task', t.department_id::text, coalesce(t.due_on, date '9999-12-31'), delta);
    end if;
end $$;

create function case_tasks_counted() returns trigger language plpgsql as $$
declare
    is_given boolean;
    is_done boolean;
    is_open boolean;
begin
    if tg_op = 'INSERT' then
        perform count_task(new, 1, true, true, true);
    elsif tg_op = 'DELETE' then
        perform count_task(old, -1, true, true, true);
    else
        is_given := (old.assigned_on, old.department_id) is distinct from (new.assigned_on, new.department_id);
        is_done := (old.done_on, old.done_days, old.department_id) is distinct from (new.done_on, new.done_days, new.department_id);
        is_open := (old.status, old.due_on, old.department_id) is distinct from (new.status, new.due_on, new.department_id);
        perform count_task(old, -1, is_given, is_done, is_open);
        perform count_task(new, 1, is_given, is_done, is_open);
    end if;
    return null;
end $$;

create trigger case_tasks_counted after insert or delete on case_tasks
    for each row execute function case_tasks_counted();
create trigger case_tasks_counted_update after update of department_id, assigned_on, done_on, done_days, status, due_on
    on case_tasks for each row execute function case_tasks_counted();

-- The rows already there, counted once (their working days at the next start).
create temporary table counted_cases as
select day, case_type, sum(opened) as opened, sum(green) as green, sum(resolved) as resolved,
       sum(with_deadline) as with_deadline, sum(on_time) as on_time, sum(ratings) as ratings, sum(stars) as stars
from (select office_day(created_at) as day, case_type, 1 as opened, case when green_channel then 1 else 0 end as green,
             0 as resolved, 0 as with_deadline, 0 as on_time, 0 as ratings, 0 as stars from cases
      union all
      select resolved_on, case_type, 0, 0, 1, case when due_on is not null then 1 else 0 end,
             case when resolved_on <= due_on then 1 else 0 end, 0, 0
      from cases where resolved_on is not null
      union all
      select office_day(rated_at), case_type, 0, 0, 0, 0, 0, 1, rating
      from cases where rated_at is not null and rating is not null) parts
group by day, case_type;
insert into case_figures (span, starts_on, case_type, opened, green, resolved, with_deadline, on_time, ratings, stars)
select 'day', day, case_type, opened, green, resolved, with_deadline, on_time, ratings, stars from counted_cases
union all
select 'month', date_trunc('month', day)::date, case_type, sum(opened), sum(green), sum(resolved), sum(with_deadline),
       sum(on_time), sum(ratings), sum(stars)
from counted_cases group by date_trunc('month', day)::date, case_type;
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
select 'month', date_trunc('month', day)::date, department_id, sum(assigned), sum(done)
from counted_tasks group by date_trunc('month', day)::date, department_id;
drop table counted_tasks;

insert into open_deadlines (kind, key, due_on, n)
select 'case', '', due_on, count(*) from cases
where status in ('submitted', 'accepted', 'in_progress') and due_on is not null group by due_on;

insert into open_deadlines (kind, key, due_on, n)
select 'task', department_id::text, coalesce(due_on, date '9999-12-31'), count(*) from case_tasks
where status <> 'done' group by department_id, coalesce(due_on, date '9999-12-31');

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
    is_key boolean not null,
    n bigint not null,
    primary key (country, is_key)
);

create function count_enterprise(a_country text, a_key boolean, delta integer) returns void language plpgsql as $$
begin
    insert into enterprise_countries as c (country, is_key, n) values (a_country, a_key, delta)
        on conflict (country, is_key) do update set n = c.n + excluded.n;
end $$;

create function enterprises_counted() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform count_enterprise(old.country, old.is_key, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform count_enterprise(new.country, new.is_key, 1);
    end if;
    return null;
end $$;

create trigger enterprises_counted after insert or delete on enterprises
    for each row execute function enterprises_counted();
create trigger enterprises_counted_update after update of country, is_key on enterprises for each row
    when (old.country is distinct from new.country or old.is_key is distinct from new.is_key)
    execute function enterprises_counted();

insert into enterprise_countries (country, is_key, n)
select country, is_key, count(*) from enterprises group by country, is_key;

create table enterprise_days (
    kind text not null,
    day date not null,
    n bigint not null,
    primary key (kind, day)
);

create function count_enterprise_days(e enterprises, delta integer) returns void language plpgsql as $$
begin
    insert into enterprise_days as d (kind, day, n)
        values ('registered', office_day(e.created_at), delta),
               (case when e.last_contact_on is null then 'never' else 'contacted' end,
                coalesce(e.last_contact_on, (e.created_at at time zone 'UTC')::date), delta)
        on conflict (kind, day) do update set n = d.n + excluded.n;
end $$;

create function enterprise_days_counted() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform count_enterprise_days(old, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform count_enterprise_days(new, 1);
    end if;
    return null;
end $$;

create trigger enterprise_days_counted after insert or delete on enterprises
    for each row execute function enterprise_days_counted();
create trigger enterprise_days_counted_update after update of created_at, last_contact_on on enterprises for each row
    when (old.created_at is distinct from new.created_at or old.last_contact_on is distinct from new.last_contact_on)
    execute function enterprise_days_counted();

insert into enterprise_days (kind, day, n)
select kind, day, count(*) from (
    select 'registered' as kind, office_day(created_at) as day from enterprises
    union all
    select case when last_contact_on is null then 'never' else 'contacted' end,
           coalesce(last_contact_on, (created_at at time zone 'UTC')::date) from enterprises) parts
group by kind, day;

-- The last contact's index, with the day of registration for those never contacted.
drop index enterprises_last_contact;
create index enterprises_last_contact on enterprises (last_contact_on, created_at);
