-- Capital in place (到位资金), month by month per project: the amounts that add up to the
-- city's capital actually used (实际使用内资 in 万元, 外资 in US cents). One line per project and
-- month; a correction replaces the month's amounts and is audited.
create table project_capital (
    id integer primary key,
    project_id integer not null references projects (id),
    -- The first day of the month.
    month text not null,
    domestic_wan bigint not null default 0 check (domestic_wan >= 0),
    foreign_usd_cents bigint not null default 0 check (foreign_usd_cents >= 0),
    recorded_by integer references users (id),
    recorded_at text not null,
    unique (project_id, month)
);
create index project_capital_by_month on project_capital (month, project_id);

-- Leaders' investment tasks (领导招商任务清单): per leader and year, a target number of projects
-- and of investment; the progress is counted from the projects they lead or signed.
create table leader_targets (
    id integer primary key,
    leader_id integer not null references users (id),
    year integer not null check (year between 2000 and 2100),
    target_projects integer not null check (target_projects >= 0),
    target_investment_wan bigint not null check (target_investment_wan >= 0),
    set_by integer references users (id),
    updated_at text not null,
    unique (leader_id, year)
);
