-- The people at an enterprise the office deals with, each with the language they read.
create table enterprise_people (
    id bigint generated always as identity primary key,
    enterprise_id bigint not null references enterprises (id),
    name text not null,
    title text not null default '',
    email text,
    phone text not null default '',
    language text not null check (language in ('zh-CN', 'en', 'fr')),
    created_by bigint references users (id),
    created_at timestamptz not null
);
create index enterprise_people_enterprise on enterprise_people (enterprise_id, id);
