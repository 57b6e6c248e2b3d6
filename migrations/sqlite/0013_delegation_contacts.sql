-- Who stands behind a resource: the e-mail and language of an official, an interpreter or a
-- car's driver (they receive the programme), and the staff account whose personal calendar
-- feed shows the resource's bookings.
alter table resources add column email text not null default '';
alter table resources add column language text not null default 'zh-CN' check (language in ('zh-CN', 'en', 'fr'));
alter table resources add column user_id integer references users (id);
create index resources_user on resources (user_id);

-- A personal calendar feed: the hash of its secret token (the URL holds the token itself).
create table calendar_feeds (
    user_id integer primary key references users (id),
    token_hash text not null unique,
    created_at text not null
);
