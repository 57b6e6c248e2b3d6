-- Cases (service requests) of enterprises, their public references and timelines.

-- One counter per year; incremented inside the creating transaction, so references are
-- unique and nearly gap-free (a rolled-back creation may leave a gap, which is tolerated).
create table case_counters (
    year integer primary key,
    last_number bigint not null
);

create table cases (
    id integer primary key,
    reference text not null unique,
    enterprise_id integer not null references enterprises (id),
    case_type text not null check (case_type in ('business_registration', 'customs', 'tax', 'foreign_exchange',
        'work_permit', 'residence_permit', 'visa', 'land_utilities', 'financing', 'policy_question', 'complaint', 'other')),
    priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    green_channel boolean not null default false,
    full_agency boolean not null default false,
    title text not null,
    description text not null,
    language text not null check (language in ('zh-CN', 'en', 'fr')),
    status text not null default 'submitted' check (status in ('submitted', 'accepted', 'in_progress',
        'awaiting_applicant', 'resolved', 'closed', 'rejected')),
    owner_id integer references users (id),
    access_code_hash text not null,
    rating integer check (rating between 1 and 5),
    rating_comment text,
    rated_at text,
    version integer not null default 1,
    created_by integer references users (id),
    created_at text not null,
    updated_at text not null
);
create index cases_enterprise on cases (enterprise_id, created_at);
create index cases_owner_status on cases (owner_id, status);
create index cases_status on cases (status, created_at);

create table case_events (
    id integer primary key,
    case_id integer not null references cases (id),
    kind text not null check (kind in ('created', 'status_changed', 'internal_note', 'public_update', 'access_code_reset')),
    from_status text,
    to_status text,
    note text not null default '',
    public_zh text,
    public_en text,
    public_fr text,
    author_id integer references users (id),
    created_at text not null
);
create index case_events_case on case_events (case_id, id);
