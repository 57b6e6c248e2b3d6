-- Where projects are built and where they were won. The counties and districts of the city
-- (区县) are reference data the admins keep; a project names its county and park, and a
-- flying-enclave project (飞地项目) the partner county it is hosted for and that county's
-- share of the revenue. Promotion events (投促活动: trade fairs, themed campaigns,
-- roadshows, forums, leaders' visits) are what projects are signed at; an event's figures
-- are counted from its projects, never typed in.
create table counties (
    id bigint generated always as identity primary key,
    name_zh text not null unique,
    name_en text not null,
    name_fr text not null,
    sort_order integer not null default 0,
    created_at timestamptz not null
);

create table promotion_events (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('trade_fair', 'campaign', 'roadshow', 'forum', 'leader_visit')),
    name text not null,
    starts_on date not null,
    ends_on date not null,
    place text not null default '',
    organiser text not null default '',
    -- The leader who went, for a leader's visit; the one who led the event otherwise.
    leader_id bigint references users (id),
    notes text not null default '',
    version integer not null default 1,
    created_by bigint references users (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (ends_on >= starts_on)
);
create index promotion_events_by_day on promotion_events (starts_on, id);

alter table projects add column county_id bigint references counties (id);
alter table projects add column park text not null default '';
alter table projects add column event_id bigint references promotion_events (id);
alter table projects add column enclave_partner text not null default '';
alter table projects add column enclave_share_pct integer check (enclave_share_pct between 0 and 100);
create index projects_by_event on projects (event_id, stage);
create index projects_by_county on projects (county_id, stage_on);
create index projects_by_leader on projects (leader_id, stage_on);
