-- Foreign-invested enterprises under the one-to-one liaison model.

create table industry_chains (
    id bigint generated always as identity primary key,
    code text not null unique,
    name_zh text not null,
    name_en text not null,
    name_fr text not null,
    sort_order integer not null default 0
);

create table enterprises (
    id bigint generated always as identity primary key,
    name_zh text not null,
    name_original text not null,
    credit_code text unique,
    country text not null,
    industry_chain_id bigint references industry_chains (id),
    registered_capital_usd_cents bigint,
    utilised_capital_usd_cents bigint,
    employees integer,
    foreign_staff integer,
    lifecycle text not null default 'lead' check (lifecycle in ('lead', 'established', 'expanding', 'exited')),
    is_key boolean not null default false,
    responsible_leader_id bigint references users (id),
    address text not null default '',
    last_contact_on date,
    notes text not null default '',
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index enterprises_name_zh on enterprises (name_zh);
create index enterprises_country on enterprises (country);
create index enterprises_key on enterprises (is_key, lifecycle);
create index enterprises_last_contact on enterprises (last_contact_on);

-- One row per assignment; the active one has no end. The partial unique index makes
-- "exactly one active liaison officer per enterprise" a database rule.
create table enterprise_liaisons (
    id bigint generated always as identity primary key,
    enterprise_id bigint not null references enterprises (id),
    officer_id bigint not null references users (id),
    assigned_at timestamptz not null,
    assigned_by bigint references users (id),
    ended_at timestamptz,
    handover_note text not null default ''
);
create unique index enterprise_liaisons_one_active on enterprise_liaisons (enterprise_id) where ended_at is null;
create index enterprise_liaisons_officer on enterprise_liaisons (officer_id) where ended_at is null;

create table aftercare_contacts (
    id bigint generated always as identity primary key,
    enterprise_id bigint not null references enterprises (id),
    kind text not null check (kind in ('visit', 'call', 'meeting')),
    contacted_on date not null,
    participants text not null default '',
    notes text not null default '',
    follow_ups text not null default '',
    recorded_by bigint references users (id),
    created_at timestamptz not null
);
create index aftercare_contacts_enterprise on aftercare_contacts (enterprise_id, contacted_on);

insert into industry_chains (code, name_zh, name_en, name_fr, sort_order) values
    ('new_energy_vehicles', '新能源汽车', 'New energy vehicles', 'Véhicules à énergie nouvelle', 10),
    ('electronic_information', '电子信息', 'Electronic information', 'Électronique et information', 20),
    ('biomedicine', '生物医药', 'Biomedicine', 'Biomédecine', 30),
    ('advanced_materials', '新材料', 'Advanced materials', 'Matériaux avancés', 40),
    ('high_end_equipment', '高端装备制造', 'High-end equipment', 'Équipements de pointe', 50),
    ('green_chemicals', '绿色化工', 'Green chemicals', 'Chimie verte', 60),
    ('modern_agriculture', '现代农业与食品', 'Modern agriculture and food', 'Agriculture moderne et agroalimentaire', 70),
    ('textiles_apparel', '纺织服装', 'Textiles and apparel', 'Textile et habillement', 80),
    ('logistics_trade', '现代物流与商贸', 'Logistics and trade', 'Logistique et commerce', 90),
    ('cultural_tourism', '文化旅游', 'Culture and tourism', 'Culture et tourisme', 100);
