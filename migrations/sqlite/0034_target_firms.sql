-- The target firms (目标企业库): the firms the city wants to attract, the chain segments each
-- fits, its officer in charge and how far it has been approached. A firm is one per name and
-- country (`match_key`), so that a spreadsheet imported again updates it.
create table target_firms (
    id integer primary key,
    name text not null,
    name_zh text not null default '',
    country text not null,
    match_key text not null,
    size text,
    website text not null default '',
    contacts text not null default '',
    officer_id integer references users (id),
    status text not null default 'not_contacted',
    project_id integer references projects (id),
    declined_reason text not null default '',
    last_contact_on text,
    next_step text not null default '',
    next_step_on text,
    version integer not null default 1,
    created_by integer not null references users (id),
    created_at text not null,
    updated_at text not null,
    check (status in ('not_contacted', 'contacted', 'interested', 'negotiating', 'became_project', 'declined')),
    check (size is null or size in ('global_500', 'large', 'medium', 'small'))
);
create unique index target_firms_by_match on target_firms (match_key);
create index target_firms_by_officer on target_firms (officer_id, next_step_on);
create index target_firms_by_next_step on target_firms (next_step_on, status);

create table target_firm_segments (
    firm_id integer not null references target_firms (id),
    segment_id integer not null references chain_segments (id),
    primary key (firm_id, segment_id)
);
create index target_firm_segments_by_segment on target_firm_segments (segment_id);

-- A spreadsheet read and checked, waiting for its importer to confirm it: its rows as JSON.
create table target_firm_imports (
    id integer primary key,
    created_by integer not null references users (id),
    created_at text not null,
    file_name text not null,
    checked_rows text not null,
    done_at text
);
