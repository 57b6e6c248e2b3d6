-- What a delegation leaves behind: the gift register (礼品登记) and its outcomes (agreements
-- signed, investment leads, linkable to enterprises); and the office's rules for missions
-- abroad, checked before a leader approves one.
create table delegation_gifts (
    id integer primary key,
    delegation_id integer not null references delegations (id),
    direction text not null check (direction in ('given', 'received')),
    given_on text not null,
    description text not null,
    -- Estimated value in CNY fen; unknown when null.
    value_cny_cents integer,
    giver text not null default '',
    receiver text not null default '',
    -- What became of it (kept on display, handed to the archive, …).
    disposition text not null default '',
    created_by integer references users (id),
    created_at text not null
);
create index delegation_gifts_delegation on delegation_gifts (delegation_id);
create index delegation_gifts_day on delegation_gifts (given_on);

create table delegation_outcomes (
    id integer primary key,
    delegation_id integer not null references delegations (id),
    kind text not null check (kind in ('agreement', 'lead', 'other')),
    description text not null,
    enterprise_id integer references enterprises (id),
    created_by integer references users (id),
    created_at text not null
);
create index delegation_outcomes_delegation on delegation_outcomes (delegation_id);
create index delegation_outcomes_enterprise on delegation_outcomes (enterprise_id);

-- One row: the limits of a mission abroad (days away, countries visited, members).
create table mission_rules (
    id integer primary key check (id = 1),
    max_days integer not null check (max_days > 0),
    max_countries integer not null check (max_countries > 0),
    max_members integer not null check (max_members > 0),
    version integer not null default 1,
    updated_by integer references users (id),
    updated_at text not null
);
insert into mission_rules (id, max_days, max_countries, max_members, updated_at)
values (1, 10, 3, 6, '2026-01-01T00:00:00+00:00');
