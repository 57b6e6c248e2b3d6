-- Investment projects (招商项目) from a lead to completion. Every move of a project's stage is
-- logged with its day (the log, not the current stage, is what the rates are counted from),
-- and the three-way review (三性审查) that must pass before a signing keeps every finding.
create table projects (
    id bigint generated always as identity primary key,
    name text not null,
    investor text not null,
    -- Where the investor comes from: a country (ISO code) or a province of China.
    investor_country text not null default '',
    investor_province text not null default '',
    industry_chain_id bigint references industry_chains (id),
    -- In 万元 (ten thousand yuan), whole: exact sums, no floating point.
    total_investment_wan bigint not null check (total_investment_wan >= 0),
    capital_kind text not null check (capital_kind in ('domestic', 'foreign', 'other')),
    source text not null check (source in ('event', 'leader_visit', 'delegation', 'brochure', 'portal', 'other')),
    -- One officer follows each project; a leader may be responsible for it (包抓领导).
    officer_id bigint not null references users (id),
    leader_id bigint references users (id),
    stage text not null
        check (stage in ('lead', 'negotiating', 'signed', 'started', 'completed', 'dropped')),
    stage_on date not null,
    -- The stage a dropped project was dropped from: the one it may be taken up again at.
    dropped_from text check (dropped_from in ('lead', 'negotiating', 'signed', 'started')),
    notes text not null default '',
    version integer not null default 1,
    created_by bigint references users (id),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index projects_by_stage on projects (stage, stage_on);
create index projects_by_officer on projects (officer_id, stage_on);
create index projects_by_chain on projects (industry_chain_id, stage_on);
create index projects_by_day on projects (stage_on, id);

create table project_moves (
    id bigint generated always as identity primary key,
    project_id bigint not null references projects (id),
    -- None for the stage the project was registered at.
    from_stage text,
    to_stage text not null,
    moved_on date not null,
    reason text not null default '',
    moved_by bigint references users (id),
    recorded_at timestamptz not null
);
create index project_moves_by_project on project_moves (project_id, moved_on);

create table project_reviews (
    id bigint generated always as identity primary key,
    project_id bigint not null references projects (id),
    aspect text not null check (aspect in ('authenticity', 'legality', 'feasibility')),
    passed boolean not null,
    finding text not null,
    reviewed_on date not null,
    reviewer_id bigint references users (id),
    recorded_at timestamptz not null
);
create index project_reviews_by_project on project_reviews (project_id, id);
