-- The industry-chain maps (产业链图谱): each sub-chain's links as named segments (upstream,
-- midstream, downstream), and the register's enterprises present in each. A segment with
-- none is a gap (断点缺项), which the target firms and promoted projects aim at.
create table chain_segments (
    id integer primary key,
    sub_chain_id integer not null references industry_sub_chains (id),
    link text not null,
    name_zh text not null,
    name_en text not null,
    name_fr text not null,
    sort_order integer not null default 0,
    created_at text not null,
    check (link in ('upstream', 'midstream', 'downstream'))
);
create unique index chain_segments_by_name on chain_segments (sub_chain_id, name_zh);

create table segment_enterprises (
    segment_id integer not null references chain_segments (id),
    enterprise_id integer not null references enterprises (id),
    added_by integer not null references users (id),
    added_at text not null,
    primary key (segment_id, enterprise_id)
);
create index segment_enterprises_by_enterprise on segment_enterprises (enterprise_id);
