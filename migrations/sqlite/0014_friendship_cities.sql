-- Friendship cities (友好城市): the partner cities from first contact to formal twinning,
-- their counterpart contacts, agreements and the exchanges between the two cities.
create table partner_cities (
    id integer primary key,
    name_original text not null,
    name_zh text not null,
    name_en text not null default '',
    name_fr text not null default '',
    country text not null,
    latitude double precision not null check (latitude between -90 and 90),
    longitude double precision not null check (longitude between -180 and 180),
    kind text not null check (kind in ('sister', 'prospective', 'exchange')),
    first_contact_on text,
    letter_of_intent_on text,
    agreement_on text,
    -- Why the formal agreement has no letter of intent before it (empty when it has one).
    stage_reason text not null default '',
    -- Cooperation areas, comma-separated codes (trade, tourism, education, culture, health…).
    areas text not null default '',
    notes text not null default '',
    version integer not null default 1,
    created_by integer references users (id),
    created_at text not null,
    updated_at text not null
);
create index partner_cities_country on partner_cities (country);

create table partner_city_exchanges (
    id integer primary key,
    city_id integer not null references partner_cities (id),
    happened_on text not null,
    kind text not null check (kind in ('delegation', 'agreement', 'event', 'note')),
    title text not null,
    notes text not null default '',
    -- A delegation in either direction, from the delegations register.
    delegation_id integer references delegations (id),
    created_by integer references users (id),
    created_at text not null,
    unique (city_id, delegation_id)
);
create index partner_city_exchanges_city on partner_city_exchanges (city_id, happened_on);

-- The people at the partner city the office deals with.
create table partner_city_contacts (
    id integer primary key,
    city_id integer not null references partner_cities (id),
    name text not null,
    title text not null default '',
    email text not null default '',
    phone text not null default '',
    language text not null check (language in ('zh-CN', 'en', 'fr')),
    created_at text not null
);
create index partner_city_contacts_city on partner_city_contacts (city_id);
