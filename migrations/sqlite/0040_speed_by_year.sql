-- The casework's speed (`speed`, migration 0039) kept by year as well ('year', its 1 January),
-- so that a year's histograms are read from some two hundred rows rather than its months'
-- two thousand (issue 26: the dashboard of a year at 1 000 000 cases). Every month's row
-- moves its year's in the same statement, through these triggers: whatever moves a month
-- (the triggers on `cases` and `case_tasks`) moves its year.
insert into speed (kind, span, starts_on, key, days, n)
    select kind, 'year', date(starts_on, 'start of year'), key, days, sum(n)
    from speed where span = 'month'
    group by kind, date(starts_on, 'start of year'), key, days;

create trigger speed_by_year_insert after insert on speed when new.span = 'month' begin
    insert into speed (kind, span, starts_on, key, days, n)
        values (new.kind, 'year', date(new.starts_on, 'start of year'), new.key, new.days, new.n)
        on conflict (kind, span, starts_on, key, days) do update set n = n + excluded.n;
end;

create trigger speed_by_year_update after update of n on speed when new.span = 'month' begin
    update speed set n = n + new.n - old.n
        where kind = new.kind and span = 'year' and starts_on = date(new.starts_on, 'start of year')
            and key = new.key and days = new.days;
end;

create trigger speed_by_year_delete after delete on speed when old.span = 'month' begin
    update speed set n = n - old.n
        where kind = old.kind and span = 'year' and starts_on = date(old.starts_on, 'start of year')
            and key = old.key and days = old.days;
end;
