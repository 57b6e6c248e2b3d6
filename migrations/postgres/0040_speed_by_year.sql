-- The casework's speed (`speed`, migration 0039) kept by year as well ('year', its 1 January),
-- so that a year's histograms are read from some two hundred rows rather than its months'
-- two thousand (issue 26: the dashboard of a year at 1 000 000 cases). `count_speed`, which
-- every trigger on `cases` and `case_tasks` calls, now moves the year's row with the day's and
-- the month's.
insert into speed (kind, span, starts_on, key, days, n)
    select kind, 'year', date_trunc('year', starts_on)::date, key, days, sum(n)
    from speed where span = 'month'
    group by kind, date_trunc('year', starts_on)::date, key, days;

create or replace function count_speed(a_kind text, a_key text, a_day date, a_days integer, delta integer)
returns void language plpgsql as $$
begin
    if a_day is null or a_days is null then
        return;
    end if;
    insert into speed as s (kind, span, starts_on, key, days, n)
        values (a_kind, 'day', a_day, a_key, a_days, delta),
               (a_kind, 'month', date_trunc('month', a_day)::date, a_key, a_days, delta),
               (a_kind, 'year', date_trunc('year', a_day)::date, a_key, a_days, delta)
        on conflict (kind, span, starts_on, key, days) do update set n = s.n + excluded.n;
end $$;
