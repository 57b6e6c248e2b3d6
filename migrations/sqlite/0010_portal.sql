-- The investor portal. Requests that investors submit themselves may name an enterprise the
-- office does not know yet: such a case has no enterprise (and no officer) until staff route
-- it from the intake queue. SQLite cannot drop a NOT NULL or change a CHECK in place, so the
-- two tables are rebuilt inside this migration's transaction: the rows are copied aside, the
-- old table dropped and the new one filled under the same name. Foreign keys from other
-- tables (tasks, outbox) are deferred meanwhile; refilling the table satisfies them again
-- before the commit checks them.
pragma defer_foreign_keys = on;

create table cases_copy as select * from cases;
drop table cases;
create table cases (
    id integer primary key,
    reference text not null unique,
    enterprise_id integer references enterprises (id),
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
    updated_at text not null,
    sla_start_on text,
    sla_working_days integer,
    paused_on text,
    paused_working_days integer not null default 0,
    due_on text,
    applicant_name text not null default '',
    applicant_email text,
    -- Where the request came from: opened by staff, or submitted through the portal.
    source text not null default 'staff' check (source in ('staff', 'portal')),
    applicant_phone text,
    -- What the applicant typed about their enterprise (kept when it matched none).
    enterprise_name_given text,
    credit_code_given text
);
insert into cases (id, reference, enterprise_id, case_type, priority, green_channel, full_agency, title,
        description, language, status, owner_id, access_code_hash, rating, rating_comment, rated_at, version,
        created_by, created_at, updated_at, sla_start_on, sla_working_days, paused_on, paused_working_days, due_on,
        applicant_name, applicant_email)
    select id, reference, enterprise_id, case_type, priority, green_channel, full_agency, title,
        description, language, status, owner_id, access_code_hash, rating, rating_comment, rated_at, version,
        created_by, created_at, updated_at, sla_start_on, sla_working_days, paused_on, paused_working_days, due_on,
        applicant_name, applicant_email
    from cases_copy;
drop table cases_copy;
create index cases_enterprise on cases (enterprise_id, created_at);
create index cases_owner_status on cases (owner_id, status);
create index cases_status on cases (status, created_at);
create index cases_due on cases (due_on) where status in ('submitted', 'accepted', 'in_progress');
create index cases_status_type on cases (status, case_type, id);
create index cases_type on cases (case_type, id);
create index cases_owner on cases (owner_id, id);

create table case_events_copy as select * from case_events;
drop table case_events;
create table case_events (
    id integer primary key,
    case_id integer not null references cases (id),
    kind text not null check (kind in ('created', 'status_changed', 'internal_note', 'public_update',
        'access_code_reset', 'applicant_reply', 'rated', 'routed')),
    from_status text,
    to_status text,
    note text not null default '',
    public_zh text,
    public_en text,
    public_fr text,
    author_id integer references users (id),
    created_at text not null
);
insert into case_events (id, case_id, kind, from_status, to_status, note, public_zh, public_en, public_fr, author_id,
        created_at)
    select id, case_id, kind, from_status, to_status, note, public_zh, public_en, public_fr, author_id, created_at
    from case_events_copy;
drop table case_events_copy;
create index case_events_case on case_events (case_id, id);

-- A foreign employee's request (one-stop service): identity as in the passport. The passport
-- number is personal data: masked in lists, shown whole only to the case's officers.
create table case_foreign_staff (
    case_id integer primary key references cases (id),
    passport_name text not null,
    nationality text not null,
    passport_number text not null,
    position text not null default '',
    arrival_date text
);

-- Wrong access codes per reference (known or not, so that locking reveals nothing).
create table portal_lockouts (
    reference text primary key,
    failures integer not null,
    first_failure_at text not null,
    locked_until text
);

-- Portal requests per address in fixed windows (lookups, submissions), shared by all servers.
create table portal_hits (
    scope text not null,
    ip text not null,
    window_start bigint not null,
    hits integer not null,
    primary key (scope, ip, window_start)
);

-- Keys generated once per installation and shared by every app server (the access-code MAC).
create table app_secrets (
    name text primary key,
    value text not null
);
