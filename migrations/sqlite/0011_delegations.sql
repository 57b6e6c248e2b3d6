-- Delegations (团组), incoming and outgoing, with their members, the office's bookable
-- resources (venues, vehicles, interpreters, officials) and the itinerary (日程) that books them.
create table delegations (
    id integer primary key,
    direction text not null check (direction in ('incoming', 'outgoing')),
    title text not null,
    organisation text not null default '',
    -- ISO 3166 codes, comma-separated, in the order given.
    countries text not null,
    purpose text not null default '',
    -- The language the delegation reads its programme in, beside Chinese.
    language text not null check (language in ('zh-CN', 'en', 'fr')),
    starts_on text not null,
    ends_on text not null,
    status text not null default 'draft'
        check (status in ('draft', 'approved', 'confirmed', 'in_progress', 'completed', 'cancelled')),
    -- The protocol officer responsible; only they read passport numbers whole.
    officer_id integer references users (id),
    -- Why it was confirmed although resources were double-booked (empty: no override).
    override_reason text not null default '',
    version integer not null default 1,
    created_by integer references users (id),
    created_at text not null,
    updated_at text not null,
    check (ends_on >= starts_on)
);
create index delegations_starts on delegations (starts_on);

create table delegation_members (
    id integer primary key,
    delegation_id integer not null references delegations (id),
    passport_name text not null,
    chinese_name text not null default '',
    title text not null default '',
    organisation text not null default '',
    language text not null check (language in ('zh-CN', 'en', 'fr')),
    dietary text not null default '',
    passport_number text not null default '',
    created_at text not null
);
create index delegation_members_delegation on delegation_members (delegation_id);

create table resources (
    id integer primary key,
    kind text not null check (kind in ('venue', 'vehicle', 'interpreter', 'official')),
    name text not null,
    -- Interpreters: the languages they interpret to and from Chinese (comma-separated tags).
    languages text not null default '',
    details text not null default '',
    active boolean not null default true,
    -- Bumped by every booking: the row lock that makes two bookings of one resource queue.
    bookings integer not null default 0,
    created_at text not null,
    unique (kind, name)
);

create table itinerary_items (
    id integer primary key,
    delegation_id integer not null references delegations (id),
    starts_at text not null,
    ends_at text not null,
    activity text not null
        check (activity in ('meeting', 'banquet', 'site_visit', 'signing', 'transfer', 'free_time')),
    title_zh text not null,
    -- The same title in the delegation's language.
    title_foreign text not null default '',
    venue_id integer references resources (id),
    participants text not null default '',
    notes text not null default '',
    created_by integer references users (id),
    created_at text not null,
    check (ends_at > starts_at)
);
create index itinerary_items_delegation on itinerary_items (delegation_id, starts_at);
create index itinerary_items_time on itinerary_items (starts_at);

-- Which resources an item books (its venue among them).
create table item_bookings (
    item_id integer not null references itinerary_items (id) on delete cascade,
    resource_id integer not null references resources (id),
    primary key (item_id, resource_id)
);
create index item_bookings_resource on item_bookings (resource_id, item_id);
