-- Foundation: departments, staff accounts, sessions, login throttling and the audit log.
-- Timestamps are RFC 3339 UTC text written by chrono; booleans are 0/1.

create table departments (
    id integer primary key,
    code text not null unique,
    name_zh text not null,
    name_en text not null,
    name_fr text not null,
    sort_order integer not null default 0
);

create table users (
    id integer primary key,
    email text not null unique,
    display_name text not null,
    password_hash text not null,
    role text not null check (role in ('admin', 'protocol_officer', 'liaison_officer', 'department_liaison', 'leader')),
    department_id integer references departments (id),
    locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en', 'fr')),
    active boolean not null default true,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    constraint users_department_liaison_has_department check (role <> 'department_liaison' or department_id is not null)
);

create table sessions (
    id text primary key,
    user_id integer not null references users (id) on delete cascade,
    created_at text not null,
    last_seen_at text not null,
    ip text,
    user_agent text
);
create index sessions_user_id on sessions (user_id);

create table login_failures (
    id integer primary key,
    email text not null,
    ip text not null,
    at text not null
);
create index login_failures_email_at on login_failures (email, at);
create index login_failures_ip_at on login_failures (ip, at);

create table audit_log (
    id integer primary key,
    at text not null,
    actor_id integer references users (id),
    action text not null,
    entity_type text not null,
    entity_id text,
    changes text not null default '{}',
    ip text
);
create index audit_log_at on audit_log (at);
create index audit_log_entity on audit_log (entity_type, entity_id);
create index audit_log_actor on audit_log (actor_id, at);

insert into departments (code, name_zh, name_en, name_fr, sort_order) values
    ('customs', '海关', 'Customs', 'Douanes', 10),
    ('tax', '税务', 'Tax', 'Fiscalité', 20),
    ('foreign_exchange', '外汇管理', 'Foreign exchange', 'Contrôle des changes', 30),
    ('market_regulation', '市场监管', 'Market regulation', 'Régulation du marché', 40),
    ('exit_entry', '出入境管理', 'Exit-entry administration', 'Administration des entrées et sorties', 50),
    ('science_technology', '科学技术（外国人工作许可）', 'Science and technology (work permits)', 'Sciences et technologies (permis de travail)', 60),
    ('commerce', '商务', 'Commerce', 'Commerce', 70),
    ('foreign_affairs', '外事办公室', 'Foreign Affairs Office', 'Bureau des affaires étrangères', 80),
    ('investment_promotion', '投资促进局', 'Investment Promotion Bureau', 'Bureau de promotion des investissements', 90);
