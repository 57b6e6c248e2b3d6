-- The target firms (目标企业库): the firms the city wants to attract, the chain segments each
-- fits, its officer in charge and how far it has been approached. A firm is one per name and
-- country (`match_key`), so that a spreadsheet imported again updates it.
create table target_firms (
    id bigint generated always as identity primary key,
    name text not null,
    name_zh text not null default '',
    country text not null,
    match_key text not null,
    size text,
    website text not null default '',
    contacts text not null default '',
    officer_id bigint references users (id),
    status text not null default 'not_contacted',
    project_id bigint references projects (id),
    declined_reason text not null default '',
    last_contact_on date,
    next_step text not null default '',
    next_step_on date,
    version integer not null default 1,
    created_by bigint not null references users (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (status in ('not_contacted', 'contacted', 'interested', 'negotiating', 'became_project', 'declined')),
    check (size is null or size in ('global_500', 'large', 'medium', 'small'))
);
create unique index target_firms_by_match on target_firms (match_key);
create index target_firms_by_officer on target_firms (officer_id, next_step_on);
create index target_firms_by_next_step on target_firms (next_step_on, status);

create table target_firm_segments (
    firm_id bigint not null references target_firms (id),
    segment_id bigint not null references chain_segments (id),
    primary key (firm_id, segment_id)
);
create index target_firm_segments_by_segment on target_firm_segments (segment_id);

-- A spreadsheet read and checked, waiting for its importer to confirm it: its rows as JSON.
create table target_firm_imports (
    id bigint generated always as identity primary key,
    created_by bigint not null references users (id),
    created_at timestamptz not null,
    file_name text not null,
    checked_rows text not null,
    done_at timestamptz
);
