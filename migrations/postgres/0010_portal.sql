-- The investor portal. Requests that investors submit themselves may name an enterprise the
-- office does not know yet: such a case has no enterprise (and no officer) until staff route
-- it from the intake queue.
alter table cases alter column enterprise_id drop not null;
-- Where the request came from: opened by staff, or submitted through the portal.
alter table cases add column source text not null default 'staff' check (source in ('staff', 'portal'));
alter table cases add column applicant_phone text;
-- What the applicant typed about their enterprise (kept when it matched none).
alter table cases add column enterprise_name_given text;
alter table cases add column credit_code_given text;

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('created', 'status_changed',
    'internal_note', 'public_update', 'access_code_reset', 'applicant_reply', 'rated', 'routed'));

-- A foreign employee's request (one-stop service): identity as in the passport. The passport
-- number is personal data: masked in lists, shown whole only to the case's officers.
create table case_foreign_staff (
    case_id bigint primary key references cases (id),
    passport_name text not null,
    nationality text not null,
    passport_number text not null,
    position text not null default '',
    arrival_date date
);

-- Wrong access codes per reference (known or not, so that locking reveals nothing).
create table portal_lockouts (
    reference text primary key,
    failures integer not null,
    first_failure_at timestamptz not null,
    locked_until timestamptz
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
