-- What each promotion event produced, kept on the event: the events list showed fifty events'
-- figures by counting thousands of projects on every view. Every write that adds a project
-- to an event, takes it away or moves its stage counts that event's projects again, in its
-- own transaction, after the register's version was bumped (which orders those writes; see
-- `projects::db::touch`), so the figures are those of the projects as committed.
-- Signed means on the reserve list or past it now; the investment is that of the signed.
alter table promotion_events add column projects integer not null default 0;
alter table promotion_events add column signed integer not null default 0;
alter table promotion_events add column signed_wan integer not null default 0;
alter table promotion_events add column started integer not null default 0;
alter table promotion_events add column completed integer not null default 0;

update promotion_events set (projects, signed, signed_wan, started, completed) = (
    select count(*),
           coalesce(sum(case when p.stage in ('signed', 'started', 'completed') then 1 else 0 end), 0),
           coalesce(sum(case when p.stage in ('signed', 'started', 'completed') then p.total_investment_wan else 0 end), 0),
           coalesce(sum(case when p.stage in ('started', 'completed') then 1 else 0 end), 0),
           coalesce(sum(case when p.stage = 'completed' then 1 else 0 end), 0)
    from projects p where p.event_id = promotion_events.id);
