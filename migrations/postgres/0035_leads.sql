-- The leads (招商线索), followed one to one until they close: exactly one officer each, a log
-- of contacts, a next step; each ends once, as the project it became or closed for a reason.
create table leads (
    id bigint generated always as identity primary key,
    title text not null,
    investor text not null,
    country text not null default '',
    source text not null,
    target_firm_id bigint references target_firms (id),
    officer_id bigint not null references users (id),
    status text not null default 'open',
    project_id bigint references projects (id),
    closed_reason text not null default '',
    next_step text not null default '',
    next_step_on date,
    version integer not null default 1,
    created_by bigint not null references users (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (source in ('event', 'delegation', 'target_firm', 'portal', 'brochure', 'other')),
    check (status in ('open', 'became_project', 'closed')),
    check (status <> 'became_project' or project_id is not null)
);
create index leads_by_officer on leads (officer_id, status, next_step_on);
create index leads_by_next_step on leads (status, next_step_on);

create table lead_contacts (
    id bigint generated always as identity primary key,
    lead_id bigint not null references leads (id),
    contacted_on date not null,
    way text not null,
    summary text not null,
    next_step text not null default '',
    next_step_on date,
    recorded_by bigint not null references users (id),
    recorded_at timestamptz not null,
    check (way in ('visit', 'meeting', 'call', 'email', 'video', 'event'))
);
create index lead_contacts_by_lead on lead_contacts (lead_id, contacted_on);
