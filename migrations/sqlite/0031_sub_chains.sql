-- The industry chains become reference data the admins keep (renamed, never deleted, each
-- Chinese name once), and each chain has its sub-chains (子链: the city has 22 under its
-- "5+3" clusters); a project names its sub-chain within its chain.
alter table industry_chains add column created_at text;
create unique index industry_chains_by_name on industry_chains (name_zh);

create table industry_sub_chains (
    id integer primary key,
    chain_id integer not null references industry_chains (id),
    name_zh text not null,
    name_en text not null,
    name_fr text not null,
    sort_order integer not null default 0,
    created_at text not null
);
create unique index industry_sub_chains_by_name on industry_sub_chains (chain_id, name_zh);

alter table projects add column sub_chain_id integer references industry_sub_chains (id);
