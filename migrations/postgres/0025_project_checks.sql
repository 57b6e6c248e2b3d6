-- Health checks (项目体检) and site verifications (实地核查) of started projects: each records
-- its day, the progress in per cent, what was found and any problem; a problem routed to a
-- department becomes a case with its task, and the check keeps the case it opened. A started
-- project is due a check every `check_interval_days` (an admin setting) after its start or its
-- last check.
create table project_checks (
    id bigint generated always as identity primary key,
    project_id bigint not null references projects (id),
    kind text not null check (kind in ('health_check', 'site_visit')),
    checked_on date not null,
    progress_pct integer not null check (progress_pct between 0 and 100),
    findings text not null default '',
    problem text not null default '',
    case_id bigint references cases (id),
    checked_by bigint references users (id),
    recorded_at timestamptz not null
);
create index project_checks_by_project on project_checks (project_id, checked_on);

create table project_settings (
    id integer primary key check (id = 1),
    check_interval_days integer not null check (check_interval_days between 1 and 366),
    updated_by bigint references users (id),
    updated_at timestamptz
);
insert into project_settings (id, check_interval_days) values (1, 30);
